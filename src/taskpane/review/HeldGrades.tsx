/**
 * The period review's "Grades that remember" action (templates whose `review` has `hold` or
 * `validity`): applies the rules over every saved period, oldest first, onto a new sheet
 * (`WorkbookActions.heldGrades`) and says how many customers each rule applied to.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { HeldGradesResult } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";

export function HeldGrades({ template }: { template: Template }): React.JSX.Element {
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<HeldGradesResult | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await actions.heldGrades({ template, lang }));
    } catch (e) {
      setError({ key: "review.held.failed", error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Text size={200} block>
        {t("review.held.help")}
      </Text>
      <Button size="small" onClick={() => void run()} disabled={busy}>
        {t("review.held.button")}
      </Button>
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t("review.held.done", { sheet: done.sheet, customers: done.customers, periods: done.periods.join(", "), rules: Object.entries(done.rules).map(([r, n]) => `${r} ${n}`).join(", ") })}
            {done.missing.map((m) => (
              <Text size={200} block key={m.period}>
                {t("review.held.missing", { period: m.period, keys: m.keys.slice(0, 10).join(", ") })}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
