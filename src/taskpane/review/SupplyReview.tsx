/**
 * Month-end supply review (tobacco, templates.md "Month-end supply review"): the month sheets
 * (oldest first, ticked from the workbook's sheets in tab order), the key column's header, the
 * review's settings over the source's example defaults, "next month is a holiday month" ->
 * `WorkbookActions.supplyReview` (the review sheet), and the counts raised / lowered / same / bad.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SUPPLY_DEFAULTS, MAX_HOLIDAY_SHARE } from "../../engine";
import type { SupplyReviewOptions, SupplyReviewResult } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n, type MessageKey } from "../i18n";
import { CountTiles } from "./CountTiles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  sheets: { display: "flex", flexDirection: "column", gap: "2px", maxHeight: "200px", overflowY: "auto" },
  short: { maxWidth: "180px" },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
});

/** Settings a person edits here (number fields); the tier ranges keep the source's example defaults. */
const SETTINGS = ["raiseShare", "maxRaise", "penaltyTiers", "newTier", "holidayShare"] as const;
type Setting = (typeof SETTINGS)[number];

/** Sheets GradeKit writes, never months. */
const OWN_SHEETS = /^(GradeKit |分级|Supply review$|供量档位复核$)/;

export function SupplyReview(): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const hintId = React.useId();
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [key, setKey] = React.useState("id");
  const [names, setNames] = React.useState("");
  const [holidayNext, setHolidayNext] = React.useState(false);
  const [settings, setSettings] = React.useState<Record<Setting, string>>(() => Object.fromEntries(SETTINGS.map((k) => [k, String(SUPPLY_DEFAULTS[k])])) as Record<Setting, string>);
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<SupplyReviewResult | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);

  const load = React.useCallback(async () => {
    try {
      setSheets((await actions.listSheets()).filter((n) => !OWN_SHEETS.test(n)));
    } catch (e) {
      setError({ key: "review.supply.failed", error: e });
    }
  }, [actions]);
  React.useEffect(() => {
    void load();
  }, [load]);

  const order = (list: string[]) => (sheets ?? []).filter((n) => list.includes(n));
  const nameList = names.trim() ? names.split(/[,，]/).map((x) => x.trim()) : [];
  const namesError = nameList.length > 0 && nameList.length !== chosen.length ? t("review.supply.namesCount", { n: nameList.length, m: chosen.length }) : undefined;
  const settingError = (k: Setting): string | undefined => {
    const v = Number(settings[k]);
    if (settings[k].trim() === "" || !Number.isFinite(v)) return t("review.supply.notNumber");
    if (k === "holidayShare" && v > MAX_HOLIDAY_SHARE) return t("review.supply.holidayMax", { max: MAX_HOLIDAY_SHARE });
    return undefined;
  };
  const invalid = chosen.length === 0 || key.trim() === "" || Boolean(namesError) || SETTINGS.some((k) => settingError(k));

  const run = async () => {
    if (busy || invalid) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const opts: SupplyReviewOptions = {
      months: chosen.map((sheet, i) => (nameList[i] ? { sheet, name: nameList[i] } : { sheet })),
      key: key.trim(),
      params: Object.fromEntries(SETTINGS.map((k) => [k, Number(settings[k])])),
      holidayNext,
      lang,
    };
    try {
      setResult(await actions.supplyReview(opts));
    } catch (e) {
      setError({ key: "review.supply.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  const counts: [MessageKey, number][] = result
    ? [
        ["review.supply.up", result.counts.up],
        ["review.supply.down", result.counts.down],
        ["review.supply.same", result.counts.same],
        ["review.supply.new", result.counts.new],
        ["review.supply.lost", result.counts.lost],
        ["review.supply.bad", result.counts.bad],
      ]
    : [];

  return (
    <form
      className={s.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <Text size={200}>{t("review.supply.intro")}</Text>
      {/* a fieldset, not a Field: Field would give every checkbox inside the same id */}
      <fieldset className={s.fieldset} aria-describedby={hintId}>
        <legend className={s.legend}>{t("review.supply.months")}</legend>
        <Text size={200} id={hintId}>
          {t("review.supply.monthsHint")}
        </Text>
        <div className={s.sheets}>
          {(sheets ?? []).map((n) => (
            <Checkbox key={n} label={n} checked={chosen.includes(n)} onChange={(_, d) => setChosen((c) => order(d.checked ? [...c, n] : c.filter((x) => x !== n)))} />
          ))}
        </div>
        {chosen.length === 0 && <Text size={200}>{t("review.supply.monthsMissing")}</Text>}
      </fieldset>
      <Field label={t("review.supply.key")} hint={t("review.supply.keyHint")} required>
        <Input className={s.short} value={key} onChange={(_, d) => setKey(d.value)} />
      </Field>
      <Field label={t("review.supply.names")} hint={t("review.supply.namesHint")} validationState={namesError ? "error" : "none"} validationMessage={namesError}>
        <Input value={names} onChange={(_, d) => setNames(d.value)} />
      </Field>
      {SETTINGS.map((k) => (
        <Field key={k} label={t(`review.supply.setting.${k}` as MessageKey)} validationState={settingError(k) ? "error" : "none"} validationMessage={settingError(k)}>
          <Input className={s.short} inputMode="decimal" value={settings[k]} onChange={(_, d) => setSettings((x) => ({ ...x, [k]: d.value }))} />
        </Field>
      ))}
      <Text size={200}>{t("review.supply.defaults")}</Text>
      <Checkbox label={t("review.supply.holidayNext")} checked={holidayNext} onChange={(_, d) => setHolidayNext(d.checked === true)} />
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy || invalid}>
          {t("review.supply.button", { count: chosen.length })}
        </Button>
        {busy && <Spinner size="tiny" label={t("review.supply.working")} />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <div data-testid="supply-result">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("review.supply.done", { sheet: result.sheet, month: result.month, count: result.results.length })}</MessageBarBody>
          </MessageBar>
          <CountTiles label={t("review.supply.counts")} counts={counts} />
        </div>
      )}
    </form>
  );
}
