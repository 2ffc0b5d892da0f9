/**
 * The editor of a "time since a date field" condition: `{ expr: { since, unit }, op, value }`
 * (days, months or years from the date to the as-of date, compared with a number).
 */
import * as React from "react";
import { Select, makeStyles } from "@fluentui/react-components";
import type { CmpOp, Condition, Field, Param, SinceUnit } from "../../engine";
import { useI18n, type MessageKey } from "../i18n";
import { NumValue } from "./inputs";

export type SinceCondition = Extract<Condition, { expr: unknown }> & { expr: { since: string; unit: SinceUnit } };

export function isSinceCondition(c: Condition): c is SinceCondition {
  return "expr" in c && typeof c.expr === "object" && "since" in c.expr;
}

const useStyles = makeStyles({ leaf: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center", minWidth: 0 } });

const UNITS: SinceUnit[] = ["days", "months", "years"];
const OPS: { op: CmpOp; key: MessageKey }[] = [
  { op: ">=", key: "cond.op.ge" },
  { op: ">", key: "cond.op.gt" },
  { op: "<=", key: "cond.op.le" },
  { op: "<", key: "cond.op.lt" },
  { op: "=", key: "cond.op.eq" },
  { op: "!=", key: "cond.op.ne" },
];

export function SinceNode(props: { value: SinceCondition; onChange: (c: Condition) => void; fields: readonly Field[]; params: readonly Param[]; label: string }): React.JSX.Element {
  const st = useStyles();
  const { t, tx } = useI18n();
  const c = props.value;
  const dates = props.fields.filter((f) => f.type === "date");
  const set = (patch: Partial<{ since: string; unit: SinceUnit; op: CmpOp }>) =>
    props.onChange({ expr: { since: patch.since ?? c.expr.since, unit: patch.unit ?? c.expr.unit }, op: patch.op ?? c.op, value: c.value });
  return (
    <div className={st.leaf}>
      <Select aria-label={t("cond.sinceUnitNamed", { label: props.label })} value={c.expr.unit} onChange={(_, d) => set({ unit: d.value as SinceUnit })}>
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`cond.since.${u}` as MessageKey)}
          </option>
        ))}
      </Select>
      <Select aria-label={t("cond.fieldNamed", { label: props.label })} value={c.expr.since} onChange={(_, d) => set({ since: d.value })}>
        {!dates.some((f) => f.key === c.expr.since) && <option value={c.expr.since}>{t("editor.unknownOption", { value: c.expr.since })}</option>}
        {dates.map((f) => (
          <option key={f.key} value={f.key}>
            {tx(f.label) || f.key}
          </option>
        ))}
      </Select>
      <Select aria-label={t("cond.opNamed", { label: props.label })} value={c.op} onChange={(_, d) => set({ op: d.value as CmpOp })}>
        {OPS.map((o) => (
          <option key={o.op} value={o.op}>
            {t(o.key)}
          </option>
        ))}
      </Select>
      <NumValue label={t("cond.valueNamed", { label: props.label })} value={c.value} params={props.params} onChange={(v) => props.onChange({ ...c, value: v })} />
    </div>
  );
}
