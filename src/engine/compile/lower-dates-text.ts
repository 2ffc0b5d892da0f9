/**
 * Lowering of date fields, `since` expressions and text patterns. Text patterns on category
 * fields become the categories they match (the same words test as `in`); on free-text fields a
 * `textMatch` node (Excel: `excel-text.ts`; SQL refuses it by name). Dates are refused by name:
 * the formulas and SQL would read date cells differently from the engine.
 */
import type { Condition, Field, SinceUnit, Template } from "../template/schema";
import { foldText, matchesFolded, textPatternOf } from "../eval/text-patterns";
import type { Node } from "./ir";
import type { LowerContext } from "./lower-context";
import { refuse } from "./types";

/** A date field's cell reads as a date (validity), or `since` over it. */
export function lowerSince(ctx: LowerContext, key: string): { ok: Node };
export function lowerSince(ctx: LowerContext, key: string, unit: SinceUnit): { v: Node; nan: Node };
export function lowerSince(ctx: LowerContext, key: string, unit?: SinceUnit): { ok: Node } | { v: Node; nan: Node } {
  const f = ctx.field(key);
  if (f.type !== "date") refuse("invalidTemplate", `field '${key}' is not a date field`, `字段“${key}”不是日期字段`);
  refuse(
    "notExpressible",
    `the date field '${key}'${unit ? ` (${unit} since it)` : ""} is not compiled: spreadsheet and database cells hold dates in forms the engine reads and the formulas and SQL do not (text dates, day/month order); grade with the engine (gradekit grade --as-of)`,
    `日期字段“${key}”${unit ? `（距今${unit === "days" ? "天数" : unit === "months" ? "月数" : "年数"}）` : ""}无法编译：单元格和数据库中的日期写法（文本日期、日/月顺序）引擎能读取，公式和 SQL 不能；请用引擎评级（gradekit grade --as-of）`,
  );
}

/** A text pattern: on a category field, the categories it matches; on a text field, refused. */
export function lowerTextPattern(ctx: LowerContext, f: Field, c: Condition): Node {
  const p = textPatternOf(c);
  if (!p) refuse("invalidTemplate", `unknown condition on field '${f.key}'`, `字段“${f.key}”上的条件无法识别`);
  if (f.type === "category") {
    const words = p.words.map(foldText).filter((w) => w !== "");
    const idx: number[] = [];
    (f.categories ?? []).forEach((cat, k) => {
      const texts = [cat.value, cat.label.en, cat.label.zh, ...(cat.aliases ?? [])];
      if (texts.some((t) => matchesFolded(p.mode, foldText(t), words))) idx.push(k);
    });
    return ctx.words(f.key, idx);
  }
  if (f.type !== "text") {
    refuse("invalidTemplate", `field '${f.key}' is not a text or category field`, `字段“${f.key}”不是文本或类别字段`);
  }
  // Formulas: LOWER(TRIM(cell)); a cell with characters only the engine folds is an error (`oddText` in validity).
  return { k: "textMatch", f: f.key, mode: p.mode, words: p.words.map(foldText).filter((w) => w !== "") };
}

/** Free-text fields tested by a text pattern anywhere in the template (their validity adds `oddText`). */
export function patternTextFields(t: Template): string[] {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      const p = textPatternOf(x as Condition);
      if (p && t.fields.some((f) => f.key === p.field && f.type === "text")) out.add(p.field);
      Object.values(x).forEach(walk);
    }
  };
  walk(t.model);
  walk(t.post ?? []);
  t.fields.forEach((f) => walk(f.requiredUnless));
  return [...out];
}
