/**
 * The grade screen's "My selection holds order lines" option (templates with an `orders` section,
 * e.g. rfm-8): when ticked, the selected table is read as order lines, aggregated per customer and
 * the customers graded onto a new sheet (`WorkbookActions.gradeOrderLines`), instead of grading
 * each row in place.
 */
import * as React from "react";
import { Button, Checkbox, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { OrderLinesResult, TableInfo } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";

export interface OrderLinesOptionProps {
  template: Template;
  table: TableInfo;
  params?: Record<string, number>;
  disabled?: boolean;
}

export function OrderLinesOption({ template, table, params, disabled }: OrderLinesOptionProps): React.JSX.Element {
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [on, setOn] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<OrderLinesResult | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await actions.gradeOrderLines({ template, table, params, lang }));
    } catch (e) {
      setError({ key: "orders.failed", error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Checkbox label={t("orders.option")} checked={on} onChange={(_, d) => setOn(d.checked === true)} disabled={disabled || busy} />
      {on && (
        <div>
          <Text size={200} block>
            {t("orders.help")}
          </Text>
          <Button size="small" onClick={() => void run()} disabled={disabled || busy}>
            {t("orders.button")}
          </Button>
        </div>
      )}
      {done && (
        <MessageBar intent={done.errors.length || done.keylessCount ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            {t("orders.done", { sheet: done.sheet, lines: done.lines, customers: done.customers, graded: done.graded, errors: done.errors.length, keyless: done.keylessCount })}
            {done.asOf ? " " + t("orders.asOf", { date: done.asOf }) : ""}
            {done.keyless.slice(0, 3).map((k) => (
              <Text size={200} block key={k.line}>
                {k.reason}
              </Text>
            ))}
            {done.errors.slice(0, 3).map((e) => (
              <Text size={200} block key={e.key}>
                {`${e.key}: ${e.reason}`}
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
