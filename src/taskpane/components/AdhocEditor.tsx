/**
 * Inline editor of an ad-hoc grading: bands (labels + thresholds + direction), percentile tiers
 * (labels + cut points + optional group column) or ABC analysis (labels + cumulative shares +
 * optional group column). The parent builds the template (src/taskpane/adhoc.ts).
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { MAX_GRADES, nextLabel, type AdhocKind, type AdhocProblem, type AdhocRow, type Direction } from "../adhoc";
import { useI18n, type MessageKey, type TFunction } from "../i18n";
import type { Text as BiText } from "../../engine";
import { columnLetters } from "../grading";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  rows: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  row: {
    display: "grid",
    // label, threshold, Remove: the inputs shrink with the pane (320 px), the button keeps its width
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr) auto",
    gap: "6px",
    alignItems: "end",
    "& > *": { minWidth: 0 },
  },
  input: { width: "100%", minWidth: 0 },
  otherwise: { alignSelf: "center", paddingBottom: "6px", color: tokens.colorNeutralForeground2 },
  problems: { margin: 0, paddingLeft: "18px" },
});

export interface AdhocEditorProps {
  kind: AdhocKind;
  rows: AdhocRow[];
  onRowsChange: (rows: AdhocRow[]) => void;
  direction: Direction;
  onDirectionChange: (d: Direction) => void;
  /** Table headers (percentile group column choice), and the sheet column of the first one. */
  headers: readonly string[];
  firstColumn: number;
  groupColumn: number | undefined;
  onGroupColumnChange: (col: number | undefined) => void;
  problems: readonly AdhocProblem[];
}

/** A problem of the ad-hoc definition as a sentence. */
export function describeProblem(p: AdhocProblem, t: TFunction, tx: (x: BiText | undefined) => string): string {
  const params = {
    row: (p.row ?? 0) + 1,
    text: p.text ?? "",
    max: p.text ?? "",
    detail: tx(p.detail),
    label: p.label ?? "",
    prevLabel: p.prevLabel ?? "",
    prevText: p.prevText ?? "",
  };
  return t(`adhoc.problem.${p.code}`, params);
}

/** The editor's texts that differ by kind. */
const KIND_TEXT: Record<AdhocKind, { title: MessageKey; help: MessageKey; add: MessageKey; group?: [MessageKey, MessageKey] }> = {
  bands: { title: "adhoc.bands.editorTitle", help: "adhoc.bands.help", add: "adhoc.addGrade" },
  percentile: { title: "adhoc.percentile.editorTitle", help: "adhoc.percentile.help", add: "adhoc.addTier", group: ["adhoc.groupBy", "adhoc.groupByHint"] },
  share: { title: "adhoc.share.editorTitle", help: "adhoc.share.help", add: "adhoc.addGrade", group: ["adhoc.groupShare", "adhoc.groupShareHint"] },
};

export function AdhocEditor(props: AdhocEditorProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const { kind, rows, direction } = props;
  const headingId = React.useId();
  const bands = kind === "bands";
  const text = KIND_TEXT[kind];
  const last = rows.length - 1;

  const setRow = (k: number, patch: Partial<AdhocRow>) => props.onRowsChange(rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  const remove = (k: number) => {
    const next = rows.filter((_, i) => i !== k);
    props.onRowsChange(next.map((r, i) => (i === next.length - 1 ? { ...r, value: "" } : r)));
  };
  const add = () => props.onRowsChange([...rows, { label: nextLabel(rows.map((r) => r.label)), value: "" }]);

  const valueLabel = (label: string, k: number) => {
    const name = label.trim() || t("adhoc.gradeN", { n: k + 1 });
    if (kind === "share") return t("adhoc.shareFor", { label: name });
    if (!bands) return t("adhoc.cutFor", { label: name });
    return t(direction === "higher" ? "adhoc.atLeastFor" : "adhoc.atMostFor", { label: name });
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h3 className={s.heading} id={headingId}>
        {t(text.title)}
      </h3>
      <Text size={200}>{t(text.help)}</Text>
      {bands && (
        <Field label={t("adhoc.direction")}>
          <RadioGroup value={direction} onChange={(_, d) => props.onDirectionChange(d.value === "lower" ? "lower" : "higher")}>
            <Radio value="higher" label={t("adhoc.direction.higher")} />
            <Radio value="lower" label={t("adhoc.direction.lower")} />
          </RadioGroup>
        </Field>
      )}
      <ol className={s.rows}>
        {rows.map((r, k) => (
          <li key={k} className={s.row}>
            <Field label={t("adhoc.gradeN", { n: k + 1 })}>
              <Input className={s.input} value={r.label} onChange={(_, d) => setRow(k, { label: d.value })} />
            </Field>
            {k < last ? (
              <Field label={valueLabel(r.label, k)}>
                <Input
                  className={s.input}
                  value={r.value}
                  inputMode="decimal"
                  onChange={(_, d) => setRow(k, { value: d.value })}
                  contentAfter={bands ? undefined : <span aria-hidden="true">{t("adhoc.percentSign")}</span>}
                />
              </Field>
            ) : (
              <Text className={s.otherwise} size={200}>
                {bands ? t("adhoc.otherwise") : t("adhoc.rest")}
              </Text>
            )}
            <Button
              size="small"
              appearance="subtle"
              disabled={rows.length <= 2}
              onClick={() => remove(k)}
              aria-label={t("adhoc.removeNamed", { label: r.label.trim() || t("adhoc.gradeN", { n: k + 1 }) })}
            >
              {t("adhoc.remove")}
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button size="small" onClick={add} disabled={rows.length >= MAX_GRADES}>
          {t(text.add)}
        </Button>
      </div>
      {text.group && (
        <Field label={t(text.group[0])} hint={t(text.group[1])}>
          <Select
            value={props.groupColumn === undefined ? "" : String(props.groupColumn)}
            onChange={(_, d) => props.onGroupColumnChange(d.value === "" ? undefined : Number(d.value))}
          >
            <option value="">{t("adhoc.noGroup")}</option>
            {props.headers.map((h, i) => (
              <option key={i} value={String(i)}>
                {t("mapping.columnOption", { letter: columnLetters(props.firstColumn + i), header: h || t("mapping.noHeader") })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {props.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <ul className={s.problems}>
              {props.problems.map((p, k) => (
                <li key={k}>{describeProblem(p, t, tx)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
