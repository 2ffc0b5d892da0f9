/**
 * Grades by period: every saved period side by side (`WorkbookActions.periodTrend`) on the
 * "GradeKit Trend" / 分级趋势 sheet, with the change between the last two and a chart with one
 * series per period; the pane says which sheet and how many periods.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { PeriodTrendOptions, PeriodTrendResult, SavedPeriod } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

export interface PeriodTrendProps {
  periods: readonly SavedPeriod[];
  templates: readonly Template[];
}

export function PeriodTrend({ periods, templates }: PeriodTrendProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<PeriodTrendResult | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const opts: PeriodTrendOptions = { lang };
    const ids = new Set(periods.flatMap((p) => p.templateIds));
    if (ids.size === 1) {
      const template = templates.find((x) => ids.has(x.id));
      if (template) opts.template = template;
    }
    try {
      setResult(await actions.periodTrend(opts));
    } catch (e) {
      setError({ key: "review.trend.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.box}>
      <div className={s.row}>
        <Button onClick={() => void run()} disabledFocusable={busy}>
          {t("review.trend.button", { count: periods.length })}
        </Button>
        {busy && <Spinner size="tiny" label={t("review.trend.working")} />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" layout="multiline" data-testid="trend-result">
          <MessageBarBody>
            {t("review.trend.done", { sheet: result.sheet, count: result.periods.length, first: result.periods[0], last: result.periods[result.periods.length - 1] })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
