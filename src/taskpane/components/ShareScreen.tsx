/**
 * "Prepare to share": what a colleague without GradeKit will see (the read-only check: how many GK
 * formulas, where, what each becomes, the cells that cannot be converted and why), a choice of
 * target (Excel 2016+/LibreOffice or Excel 365), and the conversion (`WorkbookActions.shareCheck`,
 * `prepareToShare`). One Undo in the header restores every GK formula.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ShareCheckResult, ShareResult, ShareTarget } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";

/** Items listed per group; the rest are counted. */
const LISTED = 30;

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "12px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  back: { alignSelf: "flex-start" },
  list: { margin: 0, paddingLeft: "18px", overflowWrap: "anywhere", display: "flex", flexDirection: "column", gap: "4px" },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface ShareScreenProps {
  onBack: () => void;
  /** Called after the workbook was changed (the header's Undo can now restore the formulas). */
  onChanged?: (result: ShareResult) => void;
  /** Changes after each undo from the header: the check is read again. */
  undoEpoch?: number;
  /** Moves focus to the heading when the screen appears. */
  focusOnMount?: boolean;
}

export function ShareScreen({ onBack, onChanged, undoEpoch, focusOnMount }: ShareScreenProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx, lang } = useI18n();
  const actions = useWorkbookActions();
  const headingId = React.useId();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const [target, setTarget] = React.useState<ShareTarget>("excel-compat");
  const [check, setCheck] = React.useState<ShareCheckResult | null>(null);
  const [checking, setChecking] = React.useState(true);
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<ShareResult | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [epoch, setEpoch] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setChecking(true);
    setFailure(null);
    actions
      .shareCheck({ target })
      .then((r) => live && setCheck(r))
      .catch((e: unknown) => live && setFailure({ key: "share.checkFailed", error: e }))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [actions, target, epoch, undoEpoch]);

  const convert = async () => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const r = await actions.prepareToShare({ target });
      setDone(r);
      onChanged?.(r);
      setEpoch((n) => n + 1); // check again: nothing is left to convert
    } catch (e) {
      setFailure({ key: "share.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  const values = check?.items.filter((i) => i.becomes === "value") ?? [];
  const formulas = check?.formulaRuns ?? [];
  const sep = t("list.separator");

  return (
    <section className={s.screen} aria-labelledby={headingId}>
      <Button className={s.back} appearance="subtle" size="small" onClick={onBack}>
        {t("share.back")}
      </Button>
      <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
        {t("share.title")}
      </h2>
      <Text>{t("share.intro")}</Text>
      <Field label={t("share.target")}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value === "excel" ? "excel" : "excel-compat")}>
          <Radio value="excel-compat" label={t("share.target.compat")} />
          <Radio value="excel" label={t("share.target.365")} />
        </RadioGroup>
      </Field>
      <h3 className={s.subheading}>{t("share.checkHeading")}</h3>
      <div role="status" aria-live="polite">
        {checking && <Text>{t("share.checking")}</Text>}
        {!checking && check && check.formulas === 0 && <Text>{t("share.none")}</Text>}
        {!checking && check && check.formulas > 0 && (
          <Text>
            {t("share.found", { count: check.formulas, sheets: check.sheets.join(sep), cells: check.cells, formulas: check.toFormulas, values: check.toValues })}
          </Text>
        )}
      </div>
      {check && check.unreadableTemplates > 0 && (
        <Text size={200} className={s.hint}>
          {t("share.unreadable", { count: check.unreadableTemplates })}
        </Text>
      )}
      {values.length > 0 && (
        <>
          <h4 className={s.subheading}>{t("share.valuesHeading")}</h4>
          <ul className={s.list} aria-label={t("share.valuesHeading")}>
            {values.slice(0, LISTED).map((i) => (
              <li key={i.address}>{t("share.valueItem", { address: i.address, formula: i.formula, value: i.preview, reason: tx(i.reason) })}</li>
            ))}
            {values.length > LISTED && <li>{t("share.more", { count: values.length - LISTED })}</li>}
          </ul>
        </>
      )}
      {formulas.length > 0 && (
        <>
          <h4 className={s.subheading}>{t("share.formulasHeading")}</h4>
          <ul className={s.list} aria-label={t("share.formulasHeading")}>
            {formulas.slice(0, LISTED).map((i) => (
              <li key={i.area}>{t(i.formulas > 1 ? "share.formulaRun" : "share.formulaItem", { area: i.area, count: i.formulas, fn: i.fn ? `GK.${i.fn}` : "", template: i.template ?? "" }).trim()}</li>
            ))}
            {formulas.length > LISTED && <li>{t("share.more", { count: formulas.length - LISTED })}</li>}
          </ul>
        </>
      )}
      <Button appearance="primary" disabled={checking || busy || !check || check.formulas === 0} onClick={() => void convert()}>
        {busy ? t("share.converting") : t("share.convert", { count: check?.formulas ?? 0 })}
      </Button>
      <div role="status" aria-live="polite">
        {done && done.replaced && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("share.done", { count: done.formulas, formulas: done.toFormulas, values: done.toValues })}</MessageBarBody>
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
