/**
 * Compare periods: two saved periods (`WorkbookActions.listPeriods`) -> the review sheet
 * (`WorkbookActions.comparePeriods`), and a compact summary in the pane: customers upgraded,
 * downgraded, unchanged, new and lost, and what was left out (duplicate keys, unknown grades).
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { ComparePeriodsOptions, ComparePeriodsResult, SavedPeriod } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n, type MessageKey } from "../i18n";
import { CountTiles } from "./CountTiles";
import { PeriodTrend } from "./PeriodTrend";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  short: { maxWidth: "240px" },
  summary: { display: "flex", flexDirection: "column", gap: "6px" },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** How many keys a summary line lists before "…". */
const MAX_KEYS = 5;

export interface ComparePeriodsProps {
  /** Templates the periods may have been saved with (a custom one is passed to the comparison by id). */
  templates: readonly Template[];
  /** Changes after every save: the list of periods is read again. */
  historyEpoch: number;
  /** Default measure name (the header of the measure column last saved). */
  measureName?: string;
}

export function ComparePeriods({ templates, historyEpoch, measureName: measureDefault }: ComparePeriodsProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [periods, setPeriods] = React.useState<SavedPeriod[] | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [loadError, setLoadError] = React.useState<Failure | null>(null);
  const [previous, setPrevious] = React.useState("");
  const [current, setCurrent] = React.useState("");
  const [measureName, setMeasureName] = React.useState(measureDefault ?? "");
  React.useEffect(() => {
    if (measureDefault) setMeasureName(measureDefault);
  }, [measureDefault]);
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<(ComparePeriodsResult & { previous: string; current: string }) | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);

  const seq = React.useRef(0);
  /** True once the user picked a period. */
  const chosen = React.useRef(false);
  const load = React.useCallback(async () => {
    if (!actions.listPeriods) return;
    const n = ++seq.current;
    setLoading(true);
    setLoadError(null);
    try {
      const list = (await actions.listPeriods()).filter((p) => p.rows > 0);
      if (n !== seq.current) return;
      setPeriods(list);
      const names = list.map((p) => p.period);
      // the user's choice while it still exists; else the last two periods saved
      const keep = (v: string) => chosen.current && names.includes(v);
      setCurrent((c) => (keep(c) ? c : (names[names.length - 1] ?? "")));
      setPrevious((p) => (keep(p) ? p : (names[names.length - 2] ?? "")));
    } catch (e) {
      if (n !== seq.current) return;
      setLoadError({ key: "review.compare.loadFailed", error: e });
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, [actions]);
  React.useEffect(() => {
    void load();
  }, [load, historyEpoch]);

  const enough = (periods?.length ?? 0) >= 2;
  const same = enough && previous !== "" && previous === current;

  const run = async () => {
    if (!actions.comparePeriods || busy || !enough || same || !previous || !current) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const ids = new Set((periods ?? []).filter((p) => p.period === previous || p.period === current).flatMap((p) => p.templateIds));
    const opts: ComparePeriodsOptions = { previous, current, lang };
    if (ids.size === 1) {
      const [id] = [...ids];
      const template = templates.find((x) => x.id === id);
      if (template) opts.template = template;
    }
    if (measureName.trim()) opts.measureName = measureName.trim();
    try {
      const r = await actions.comparePeriods(opts);
      setResult({ ...r, previous, current });
    } catch (e) {
      setError({ key: "review.compare.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  const option = (p: SavedPeriod) => (
    <option key={p.period} value={p.period}>
      {t("review.compare.periodOption", { period: p.period, count: p.rows, date: p.date })}
    </option>
  );
  const keysText = (keys: string[]) => keys.slice(0, MAX_KEYS).join(t("list.separator")) + (keys.length > MAX_KEYS ? "…" : "");
  const c = result?.comparison;
  const counts: [MessageKey, number][] = c
    ? [
        ["review.compare.upgraded", c.upgraded.length],
        ["review.compare.downgraded", c.downgraded.length],
        ["review.compare.unchanged", c.unchanged.length],
        ["review.compare.new", c.added.length],
        ["review.compare.lost", c.lost.length],
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
      <div className={s.row}>
        {loading && <Spinner size="tiny" label={t("review.compare.loading")} />}
        <Button size="small" onClick={() => void load()} disabled={loading || busy}>
          {t("review.compare.reload")}
        </Button>
      </div>
      {loadError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(loadError, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {periods !== null && !enough && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("review.compare.needTwo")}</MessageBarBody>
        </MessageBar>
      )}
      {enough && (
        <>
          <Field label={t("review.compare.previous")} required>
            <Select className={s.short} value={previous} onChange={(_, d) => {
                chosen.current = true;
                setPrevious(d.value);
              }}>
              {(periods ?? []).map(option)}
            </Select>
          </Field>
          <Field
            label={t("review.compare.current")}
            required
            validationState={same ? "error" : "none"}
            validationMessage={same ? t("review.compare.same") : undefined}
          >
            <Select className={s.short} value={current} onChange={(_, d) => {
                chosen.current = true;
                setCurrent(d.value);
              }}>
              {(periods ?? []).map(option)}
            </Select>
          </Field>
          <Field label={t("review.compare.measureName")} hint={t("review.compare.measureHint")}>
            <Input className={s.short} value={measureName} onChange={(_, d) => setMeasureName(d.value)} />
          </Field>
          <div className={s.row}>
            <Button type="submit" appearance="primary" disabledFocusable={busy || same}>
              {t("review.compare.button")}
            </Button>
            {busy && <Spinner size="tiny" label={t("review.compare.comparing")} />}
          </div>
          <PeriodTrend periods={periods ?? []} templates={templates} />
        </>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {result && c && (
        <div className={s.summary} data-testid="compare-result">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("review.compare.done", { sheet: result.sheet, previous: result.previous, current: result.current })}</MessageBarBody>
          </MessageBar>
          <CountTiles label={t("review.compare.counts")} counts={counts} />
          <Text size={200} className={s.note}>
            {c.duplicates.length > 0
              ? t("review.compare.duplicates", { count: c.duplicates.length, keys: keysText(c.duplicates.map((d) => d.key)) })
              : t("review.compare.noDuplicates")}
          </Text>
          {c.unknownGrades.length > 0 && (
            <Text size={200} className={s.note}>
              {t("review.compare.unknownGrades", { grades: keysText([...new Set(c.unknownGrades.map((u) => u.grade))]) })}
            </Text>
          )}
          {c.ungraded.length > 0 && (
            <Text size={200} className={s.note}>
              {t("review.compare.ungraded", { count: c.ungraded.length })}
            </Text>
          )}
          {result.order === "firstAppearance" && (
            <Text size={200} className={s.note}>
              {t("review.compare.firstAppearance")}
            </Text>
          )}
        </div>
      )}
    </form>
  );
}
