/**
 * What a kind's describer works with: the template's labels, numbers and parameters in a language,
 * and conditions and expressions in words ("Need is explicit and Expected months to close ≤ 1").
 */
import { textPatternOf } from "../../eval/text-patterns";
import { exprFields, showOp } from "../../eval/expr";
import type { Band, Condition, Expr, Field, Num, Template } from "../../template/schema";
import { fmt, tr } from "../../text/display";
import type { Lang } from "../../text/lang";
import type { DescribeContext } from "../types";
import { describeSay } from "./describe-words";

/** The describing context of a template in a language. */
export function describeContext(template: Template, lang: Lang): DescribeContext {
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  const params = new Map((template.params ?? []).map((p) => [p.key, p]));
  const field = (key: string) => {
    const f = fields.get(key);
    return f ? tr(f.label, lang) : key;
  };
  const unitOf = (key: string): Field["unit"] => fields.get(key)?.unit;
  const value = (v: Num, unit?: Field["unit"]) => {
    if (typeof v === "number") return fmt(v, unit);
    if ("stat" in v) {
      const stat = v.stat === "percentile" ? describeSay("statPercentile", lang, { p: fmt((v.p ?? 0) * 100) }) : describeSay(v.stat === "mean" ? "statMean" : "statMedian", lang);
      return describeSay("stat", lang, { stat, field: field(v.field) });
    }
    const p = params.get(v.param);
    return p ? describeSay("param", lang, { value: fmt(p.default, unit), param: tr(p.label, lang) }) : v.param;
  };
  const categoryWord = (key: string, word: string) => {
    const f = fields.get(key);
    if (f?.type === "yesno") return tr(word === "yes" ? { en: "yes", zh: "是" } : word === "no" ? { en: "no", zh: "否" } : { en: word, zh: word }, lang);
    const c = f?.categories?.find((x) => x.value === word);
    return c ? tr(c.label, lang) : word;
  };
  const list = (parts: readonly string[]) => parts.join(lang === "zh-CN" ? "、" : ", ");
  const condition = (c: Condition): string => {
    if ("all" in c) return c.all.map(condition).join(describeSay("and", lang));
    if ("any" in c) return c.any.map(condition).join(describeSay("or", lang));
    if ("not" in c) return describeSay("not", lang, { c: condition(c.not) });
    if ("expr" in c) return describeSay("cmp", lang, { field: expr(c.expr), op: showOp(c.op), value: value(c.value) });
    if ("op" in c) return describeSay("cmp", lang, { field: field(c.field), op: showOp(c.op), value: value(c.value, unitOf(c.field)) });
    if ("is" in c) return describeSay("is", lang, { field: field(c.field), value: categoryWord(c.field, c.is) });
    if ("in" in c) return describeSay("is", lang, { field: field(c.field), value: c.in.map((w) => categoryWord(c.field, w)).join(lang === "zh-CN" ? "或" : " or ") });
    const pattern = textPatternOf(c);
    if (pattern) {
      const words = pattern.words.map((w) => `“${w}”`).join(lang === "zh-CN" ? "或" : " or ");
      return describeSay(pattern.mode, lang, { field: field(pattern.field), words });
    }
    if ("blank" in c) return describeSay(c.blank ? "isBlank" : "notBlank", lang, { field: field(c.field) });
    return "";
  };
  const expr = (e: Expr): string => {
    if (typeof e === "number") return fmt(e);
    if ("field" in e) return field(e.field);
    if ("param" in e) return value(e);
    if ("since" in e) {
      const unit = describeSay(e.unit === "days" ? "unitDays" : e.unit === "months" ? "unitMonths" : "unitYears", lang);
      return describeSay("since", lang, { unit, field: field(e.since) });
    }
    return describeSay("formula", lang, { fields: list([...exprFields(e)].map(field)) });
  };
  return {
    template,
    lang,
    field,
    unitOf,
    value,
    grade: (id) => {
      const g = template.grades.find((x) => x.id === id);
      return g ? tr(g.label, lang) : id;
    },
    condition,
    expr,
    list,
    say: (key, args) => describeSay(key, lang, args),
  };
}

/** Band lists in words: one entry per band, then the otherwise grade. */
export function describeBands(bands: readonly Band[], otherwise: string | undefined, measure: string, unit: Field["unit"], ctx: DescribeContext): { grade: string; when: string }[] {
  const out = bands.map((b) => ({ grade: b.grade, when: ctx.say("bandOn", { measure, op: showOp(b.op), value: ctx.value(b.value, unit) }) }));
  if (otherwise !== undefined) out.push({ grade: otherwise, when: ctx.say("otherwise") });
  return out;
}

/** Percentile tiers in words: top 20%, next 60%, the rest. */
export function describeCuts(cuts: readonly number[], grades: readonly string[], measure: string, ctx: DescribeContext): { grade: string; when: string }[] {
  return grades.map((grade, k) => {
    const pct = (x: number) => fmt(x * 100) + "%";
    if (k === 0) return { grade, when: ctx.say("topShare", { share: pct(cuts[0] ?? 1), measure }) };
    if (k < cuts.length) return { grade, when: ctx.say("nextShare", { share: pct(cuts[k] - cuts[k - 1]), upto: pct(cuts[k]), measure }) };
    return { grade, when: ctx.say("restShare", { measure }) };
  });
}
