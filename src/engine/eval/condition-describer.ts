/**
 * Condition descriptions precompiled for one language: the labels, operators, thresholds and the
 * static text of each message are worked out once per condition, so describing a row formats only
 * that row's values. The text is exactly `describeCondition`'s (which stays the reference and
 * covers the rare forms compiled here as a call to it).
 */
import { tr } from "../text/display";
import type { Lang } from "../text/lang";
import { msg, msgAround } from "../text/messages";
import type { Condition } from "../template/schema";
import { compileCondition, describeCondition, showCell, showNum, showOp, type Scope } from "./expr";
import { isPopStat } from "./pop-stats";
import { textPatternOf } from "./text-patterns";

/** Row i's description of one condition. */
export type RowText = (i: number) => string;

/** `describeCondition(c, scope, i, lang)` for every row i, with the row-independent work done once. */
export function conditionDescriber(c: Condition, scope: Scope, lang: Lang): RowText {
  const label = (key: string) => {
    const col = scope.columns.get(key);
    return col ? tr(col.field.label, lang) : key;
  };
  if ("all" in c) {
    const parts = c.all.map((x) => conditionDescriber(x, scope, lang));
    const sep = msg("and", lang);
    return (i) => {
      let s = parts[0] ? parts[0](i) : "";
      for (let k = 1; k < parts.length; k++) s += sep + parts[k](i);
      return s;
    };
  }
  if ("any" in c) {
    const preds = c.any.map((x) => compileCondition(x, scope));
    const parts = c.any.map((x) => conditionDescriber(x, scope, lang));
    const sep = msg("or", lang);
    return (i) => {
      let s = "";
      let held = 0;
      for (let k = 0; k < parts.length; k++) {
        if (!preds[k](i)) continue;
        s += (held++ > 0 ? sep : "") + parts[k](i);
      }
      if (held > 0) return s;
      for (let k = 0; k < parts.length; k++) s += (k > 0 ? sep : "") + parts[k](i);
      return s;
    };
  }
  if ("not" in c) {
    const inner = conditionDescriber(c.not, scope, lang);
    const around = msgAround("not", lang, {}, "c");
    return (i) => around.join(inner(i));
  }
  if ("expr" in c || !("field" in c)) return (i) => describeCondition(c, scope, i, lang);
  const col = scope.columns.get(c.field);
  if ("op" in c) {
    const unit = col?.type === "number" ? col.field.unit : undefined;
    const head = `${label(c.field)} `;
    const op = ` ${showOp(c.op)} `;
    if (isPopStat(c.value)) {
      const v = c.value;
      return col ? (i) => head + showCell(col, i, lang) + op + showNum(v, scope, i, lang, unit) : (i) => head + op + showNum(v, scope, i, lang, unit);
    }
    const tail = op + showNum(c.value, scope, 0, lang, unit);
    return col ? (i) => head + showCell(col, i, lang) + tail : () => head + tail;
  }
  if ("is" in c || "in" in c) {
    const around = msgAround("inList", lang, { field: label(c.field) }, "value");
    return col ? (i) => around.join(showCell(col, i, lang)) : () => around.join("");
  }
  if (textPatternOf(c) || !("blank" in c)) return (i) => describeCondition(c, scope, i, lang);
  const text = msg(c.blank ? "isBlank" : "notBlank", lang, { field: label(c.field) });
  return () => text;
}
