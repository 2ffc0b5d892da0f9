/**
 * `describeTemplate(template, lang)`: a template's rules, criteria and thresholds in words, through
 * its kind's describer (`kinds/<kind>/describe.ts`), with the adjustments after the model and which
 * numbers are the source's and which are example defaults (from the template's readings).
 */
import type { Template } from "../template/schema";
import { tr } from "../text/display";
import type { Lang } from "../text/lang";
import { kindOf } from "./index";
import { describeContext } from "./shared/describe";

export interface TemplateDescription {
  /** How a row is scored or coded, one line per criterion/group/measure (empty for plain rules and bands). */
  lines: string[];
  /** When each grade is given, in the model's order: the grade's id and label and the condition or cut-off. */
  grades: { grade: string; label: string; when: string }[];
  /** Adjustments after the model (floors, caps). */
  adjustments: string[];
  /** Readings that say a number is an example default or GradeKit's (not the source's). */
  exampleDefaults: string[];
  /** One sentence on where the numbers come from: the example defaults, or that they are the source's. */
  numbersNote: string;
}

/** A reading that says some numbers are example defaults or GradeKit's own choice. */
export function isDefaultsReading(reading: { en: string; zh: string }): boolean {
  return /example default|is an example|GradeKit/i.test(reading.en) || /示例默认|为示例|GradeKit/.test(reading.zh);
}

export function describeTemplate(template: Template, lang: Lang): TemplateDescription {
  const ctx = describeContext(template, lang);
  const d = kindOf(template.model).describe(template.model, ctx);
  const adjustments = (template.post ?? []).map((a) =>
    "floor" in a ? ctx.say("floor", { grade: ctx.grade(a.floor), when: ctx.condition(a.when) }) : ctx.say("cap", { grade: ctx.grade(a.cap), when: ctx.condition(a.when) }),
  );
  const exampleDefaults = (template.readings ?? []).filter(isDefaultsReading).map((r) => tr(r, lang));
  const sep = lang === "zh-CN" ? "" : " ";
  return {
    lines: d.lines,
    grades: d.grades.map((g) => ({ grade: g.grade, label: ctx.grade(g.grade), when: g.when })),
    adjustments,
    exampleDefaults,
    numbersNote: exampleDefaults.length ? ctx.say("exampleDefaults", { text: exampleDefaults.join(sep) }) : ctx.say("fromSource"),
  };
}
