/**
 * "Insert form": a grading form as a new sheet (the MF/Q 102/A form for mfq-102a, a fill-in form
 * for any other template) that grades itself with portable formulas. Pick the template (built-ins
 * and the workbook's own) and the number of rows; the form's texts are in the task pane's language.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { InsertFormResult } from "../../excel/contract";
import { DEFAULT_FORM_ROWS, MAX_FORM_ROWS } from "../../forms";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";

const MFQ = "mfq-102a";

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "12px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  back: { alignSelf: "flex-start" },
  rows: { maxWidth: "140px" },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  notes: { margin: 0, paddingLeft: "18px" },
});

export interface InsertFormProps {
  /** Templates offered: the workbook's custom templates, then the built-ins (a repeated id keeps the first). */
  templates: readonly Template[];
  onBack: () => void;
  /** Called after a form was inserted (the workbook changed). */
  onInserted?: (result: InsertFormResult) => void;
  /** Moves focus to the heading when the screen appears. */
  focusOnMount?: boolean;
}

export function InsertForm({ templates: offered, onBack, onInserted, focusOnMount }: InsertFormProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx, lang } = useI18n();
  const actions = useWorkbookActions();
  const headingId = React.useId();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // One entry per id: the first wins (the caller lists the workbook's templates first).
  const templates = React.useMemo(() => offered.filter((x, i) => offered.findIndex((y) => y.id === x.id) === i), [offered]);
  const [id, setId] = React.useState(() => (templates.some((x) => x.id === MFQ) ? MFQ : templates[0]?.id ?? ""));
  const [rowsText, setRowsText] = React.useState(String(DEFAULT_FORM_ROWS));
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<InsertFormResult | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);

  const template = templates.find((x) => x.id === id);
  const rows = /^\s*\d+\s*$/.test(rowsText) ? Number(rowsText) : NaN;
  const rowsOk = rows >= 1 && rows <= MAX_FORM_ROWS;

  const insert = async () => {
    if (!template || !rowsOk) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const r = await actions.insertForm({ template, rows, lang });
      setDone(r);
      onInserted?.(r);
    } catch (e) {
      setFailure({ key: "form.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.screen} aria-labelledby={headingId}>
      <Button className={s.back} appearance="subtle" size="small" onClick={onBack}>
        {t("form.back")}
      </Button>
      <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
        {t("form.title")}
      </h2>
      <Text>{t("form.intro")}</Text>
      <Field label={t("form.template")}>
        <Select value={id} onChange={(_, d) => setId(d.value)}>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {tx(x.name)}
            </option>
          ))}
        </Select>
      </Field>
      {template && (
        <Text size={200} className={s.hint}>
          {template.id === MFQ ? t("form.mfqHint") : t("form.templateHint")}
        </Text>
      )}
      <Field label={t("form.rows")} hint={t("form.rowsHint", { max: MAX_FORM_ROWS })} validationMessage={rowsOk ? undefined : t("form.rowsInvalid", { max: MAX_FORM_ROWS })}>
        <Input className={s.rows} type="number" min={1} max={MAX_FORM_ROWS} value={rowsText} onChange={(_, d) => setRowsText(d.value)} />
      </Field>
      <Button appearance="primary" disabled={!template || !rowsOk || busy} onClick={() => void insert()}>
        {busy ? t("form.inserting") : t("form.insert")}
      </Button>
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar intent={done.printSetup ? "success" : "warning"} layout="multiline">
            <MessageBarBody>
              {t("form.done", { sheet: done.sheet, count: done.rows, address: done.address })}
              {!done.printSetup && ` ${t("form.noPrintSetup")}`}
              {done.notes.length > 0 && (
                <ul className={s.notes}>
                  {done.notes.map((n, i) => (
                    <li key={i}>{tx(n)}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(failure, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
