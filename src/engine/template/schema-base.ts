/**
 * The template format's building blocks: bilingual text, numbers or parameters, conditions and
 * expressions (types and their zod mirror). `schema.ts` re-exports everything here.
 */
import { z } from "zod";

/** A bilingual text. `zh` is Simplified Chinese (zh-CN). */
export interface Text {
  en: string;
  zh: string;
}

/** A number, or a reference to one of the template's named parameters, or a population statistic. */
export type Num = number | { param: string } | PopStat;

/**
 * A threshold computed on the graded rows (the valid rows with a value), like relative-to-max:
 * the mean, the median or the `p`-th percentile (0..1, PERCENTILE.INC: linear between the closest
 * ranks, rank (n-1)p) of a number field or measure, overall or within the row's group (`groupBy`,
 * conditions only).
 */
export interface PopStat {
  stat: "mean" | "median" | "percentile";
  field: string;
  p?: number;
  groupBy?: string;
}

export type CmpOp = "<" | "<=" | ">" | ">=" | "=" | "!=";

/**
 * A condition. A condition on a blank field is false (spec); `blank` tests for blanks explicitly.
 * - `{ all: [...] }` AND, `{ any: [...] }` OR, `{ not: c }` NOT
 * - `{ field, op, value }` numeric comparison of a number field
 * - `{ expr, op, value }` numeric comparison of a computed expression
 * - `{ field, is }` a category / yes-no field equals a value (`"yes"`, `"explicit"`, ...)
 * - `{ field, in }` a category field is one of several values
 * - `{ field, blank }` the field is (not) blank
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; op: CmpOp; value: Num }
  | { expr: Expr; op: CmpOp; value: Num }
  | { field: string; is: string }
  | { field: string; in: string[] }
  | { field: string; blank: boolean }
  | TextPattern;

/**
 * A text pattern on a text or category field: the cell contains / starts with / ends with /
 * equals one of the words. Case-insensitive and full-width/half-width insensitive (both sides
 * folded by `foldText`, `eval/text-patterns.ts`). On a category field the value, its labels and
 * aliases are tested. E.g. `{ field: "jobTitle", contains: ["marketing", "市场"] }`.
 */
export type TextPattern =
  | { field: string; contains: string[] }
  | { field: string; startsWith: string[] }
  | { field: string; endsWith: string[] }
  | { field: string; equalsAny: string[] };

/** Elapsed time from a date field to the as-of date, in whole days, months or years. */
export type SinceUnit = "days" | "months" | "years";

/** An arithmetic expression over number fields and parameters (no code is ever executed). */
export type Expr =
  | number
  | { field: string }
  | { param: string }
  | { op: "+" | "-" | "*" | "/"; args: Expr[] }
  | { fn: "min" | "max" | "mean" | "sum" | "floor" | "abs"; args: Expr[] }
  | { if: Condition; then: Expr; else: Expr }
  /** Whole days / months / years from a date field's date to the as-of date (blank date: NaN). */
  | { since: string; unit: SinceUnit };


export const MAX_TEXT = 4000;
export const ident = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be a letter followed by letters, digits or _");
export const shortText = z.string().max(MAX_TEXT);
export const gradeId = z.string().min(1).max(64);

export const TextSchema = z.strictObject({ en: shortText, zh: shortText });
export const PopStatSchema = z.strictObject({
  stat: z.enum(["mean", "median", "percentile"]),
  field: ident,
  p: z.number().finite().min(0).max(1).optional(),
  groupBy: ident.optional(),
});
export const NumSchema = z.union([z.number().finite(), z.strictObject({ param: ident }), PopStatSchema]);
export const CmpOpSchema = z.enum(["<", "<=", ">", ">=", "=", "!="]);

const patternWords = z.array(z.string().min(1).max(200)).min(1).max(200);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1).max(100) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).max(100) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ field: ident, op: CmpOpSchema, value: NumSchema }),
    z.strictObject({ expr: ExprSchema, op: CmpOpSchema, value: NumSchema }),
    z.strictObject({ field: ident, is: z.string().max(200) }),
    z.strictObject({ field: ident, in: z.array(z.string().max(200)).min(1).max(200) }),
    z.strictObject({ field: ident, blank: z.boolean() }),
    z.strictObject({ field: ident, contains: patternWords }),
    z.strictObject({ field: ident, startsWith: patternWords }),
    z.strictObject({ field: ident, endsWith: patternWords }),
    z.strictObject({ field: ident, equalsAny: patternWords }),
  ]),
);

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.number().finite(),
    z.strictObject({ field: ident }),
    z.strictObject({ param: ident }),
    z.strictObject({ op: z.enum(["+", "-", "*", "/"]), args: z.array(ExprSchema).min(1).max(100) }),
    z.strictObject({
      fn: z.enum(["min", "max", "mean", "sum", "floor", "abs"]),
      args: z.array(ExprSchema).min(1).max(100),
    }),
    z.strictObject({ if: ConditionSchema, then: ExprSchema, else: ExprSchema }),
    z.strictObject({ since: ident, unit: z.enum(["days", "months", "years"]) }),
  ]),
);
