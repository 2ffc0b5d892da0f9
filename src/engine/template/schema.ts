/**
 * The GradeKit template format: one JSON-serialisable shape for every grading scheme, validated
 * with zod. The TypeScript types below are the documentation; the zod schemas mirror them and are
 * what untrusted JSON (imports, `gradekit check`) goes through.
 *
 * Shape logic only lives here. Cross-references (unknown fields, unknown grades, unreachable
 * grades, unsorted thresholds, weights) are the checker's job (`check.ts`).
 */
import { z } from "zod";
import type { Condition, Expr, Num, Text } from "./schema-base";
import { ConditionSchema, ExprSchema, MAX_TEXT, NumSchema, TextSchema, gradeId, ident } from "./schema-base";
import type { Review } from "./review-schema";
import { ReviewSchema } from "./review-schema";
import type { Orders } from "./orders-schema";
import { OrdersSchema } from "./orders-schema";

export * from "./schema-base";
export * from "./review-schema";
export * from "./orders-schema";

/**
 * `text`: free text (a group such as region, a customer key); usable as a group and in text
 * patterns. `date`: a calendar date (Excel date serial, `2026-12-03`, `2026/12/03`, `2026年12月3日`,
 * `3/12/2026` with a day/month order), used through `{ since: field, unit }` expressions.
 */
export type FieldType = "number" | "yesno" | "category" | "text" | "date";

export interface CategoryValue {
  /** Canonical value, used in conditions and maps (e.g. `"explicit"`). */
  value: string;
  label: Text;
  /** Other words accepted in the data, English or Chinese, case-insensitive. */
  aliases?: string[];
}

export interface Field {
  /** camelCase key; input headers match it, or its en/zh label. */
  key: string;
  label: Text;
  type: FieldType;
  /** @default true */
  required?: boolean;
  /**
   * Required, except in rows where this condition holds (a field that does not apply there:
   * days since the last order of a customer with no orders). Implies `required: false` at parse.
   */
  requiredUnless?: Condition;
  /** Value used when the cell is blank (yes/no modifiers: `"no"`). Makes the field optional. */
  default?: string | number;
  /** Inclusive range; a number outside it is a bad input. */
  min?: number;
  max?: number;
  /** How the value is read and shown: percent fields take `12.5%` or `0.125`. */
  unit?: "percent" | "money" | "days" | "months" | "count" | "points" | "quantity";
  /**
   * The value counts days (or months, by `unit`) since a date (days since the last order): the
   * column may instead hold the dates, read as elapsed time to the as-of date when the mapping says
   * so (`TableInput.dateColumns`; the CLI's `--dates` or a column of date text / date cells).
   */
  sinceDate?: boolean;
  categories?: CategoryValue[];
  description?: Text;
}

export interface Param {
  key: string;
  label: Text;
  default: number;
  min?: number;
  max?: number;
  description?: Text;
}

export interface Grade {
  /** Canonical label (English; `A`, `VIP`, `Platinum`, ...). */
  id: string;
  label: Text;
  /** Fill colour, `#RRGGBB`. */
  color: string;
  /** Follow-up action from the source, where it gives one. */
  action?: Text;
  /** What the grade means in the source (bank-credit-5: AAA 信用极好 ...). */
  description?: Text;
  /** Follow-up cadence in days (need-close-5: A 1, B 7, C 15, D 30). */
  cadenceDays?: number;
}

/** A threshold band: first match, e.g. `{ grade: "VIP", op: ">", value: 500000 }`. */
export interface Band {
  grade: string;
  op: "<" | "<=" | ">" | ">=";
  value: Num;
}

export interface Rule {
  grade: string;
  when: Condition;
  note?: Text;
}

export interface Step {
  op: "<" | "<=" | ">" | ">=" | "=";
  value: Num;
  points: Expr;
}

/** How one scorecard criterion turns a row into points. */
export type Scoring =
  /** `points * value / max(value over the graded rows)`; 0 when the max is <= 0; negatives 0. */
  | { kind: "relativeToMax"; field: string }
  /** First matching step gives the points (a number or an expression); else `otherwise`. */
  | { kind: "steps"; field: string; steps: Step[]; otherwise: Expr }
  /** A formula, clamped to [0, points]. */
  | { kind: "formula"; expr: Expr }
  /** Category (or yes/no) value -> points. */
  | { kind: "map"; field: string; points: Record<string, number>; otherwise?: number }
  /** Analyst-entered points; outside [0, points] is a bad input. */
  | { kind: "input"; field: string };

export interface Criterion {
  key: string;
  label: Text;
  /** Maximum points of this criterion (0 for a pure deduction). */
  points: number;
  /** Lowest points (a deduction: `-10`); points are clamped to [min, points]. @default 0 */
  min?: number;
  /** Weight in a weighted sum (0.3 = 30%); either every criterion has one or none. */
  weight?: number;
  scoring: Scoring;
}

/** How a score becomes a grade. */
export type ScoreGrading =
  | { kind: "bands"; bands: Band[]; otherwise?: string }
  /** Percentile tiers over the graded rows' scores; grades in order = tiers. */
  | { kind: "percentile"; cuts: number[] };

export type CodePart =
  /** A category field whose values map to code text (`Z`, `1`, ...). */
  | {
      kind: "category";
      field: string;
      codes: Record<string, string>;
      except?: { when: Condition; code: string; label: Text };
    }
  /** Percentile tier of a number field, optionally within groups of another field. */
  | {
      kind: "tier";
      field: string;
      groupBy?: string;
      cuts: number[];
      codes: string[];
      labels: Text[];
      /** Rows matching `when` get `code` and are left out of the population. */
      except?: { when: Condition; code: string; label: Text };
    }
  /** Appends `code` when the condition holds, nothing otherwise. */
  | { kind: "flag"; when: Condition; code: string; label: Text };

/** A group of indicators of a grouped scorecard: its score is the mean of its assessed (non-blank) indicators. */
export interface IndicatorGroup {
  key: string;
  label: Text;
  /** Weight in percent; the groups' weights add up to 100. */
  weight: Num;
  /** Number fields (analyst scores); blank = not assessed. */
  fields: string[];
}

/** A measure of a segmentation: high when at least as good as the mean (`lower`: `<= mean`, `higher`: `>= mean`). */
export interface SegmentMeasure {
  field: string;
  better: "higher" | "lower";
  label: Text;
}

/** A segment: the grade of the rows whose measures are high/low as listed (one entry per measure). */
export interface Segment {
  grade: string;
  levels: ("high" | "low")[];
}

export type Model =
  | { kind: "bands"; field: string; bands: Band[]; otherwise?: string }
  /** Grouped scorecard: score = sum of weight x group mean / 100, graded by bands. */
  | { kind: "groups"; groups: IndicatorGroup[]; bands: Band[]; otherwise?: string }
  /**
   * Cumulative-share tiers (ABC analysis) of a positive amount, within groups if given:
   * before(x) = sum of amounts > x / total; grade k = first k with before < shares[k], else the last.
   */
  | { kind: "share"; field: string; groupBy?: string; shares: Num[] }
  /** Segments over several measures, each high or low against the population mean. */
  | { kind: "segments"; measures: SegmentMeasure[]; segments: Segment[] }
  | { kind: "rules"; rules: Rule[]; otherwise?: string }
  | {
      kind: "scorecard";
      criteria: Criterion[];
      grading: ScoreGrading;
      /** A total below zero (deductions) is kept as is; else it counts as 0 and the reason says so. */
      negativeTotal?: "allow" | "clamp";
    }
  | { kind: "percentile"; field: string; groupBy?: string; cuts: number[] }
  | {
      kind: "code";
      parts: CodePart[];
      /** Colour of a code = colour of its part `part`'s code. */
      colors: { part: number; byCode: Record<string, string> };
    };

/** Applied after the model, in order: raise to at least / lower to at most a grade. */
export type Adjustment =
  | { floor: string; when: Condition; note?: Text }
  | { cap: string; when: Condition; note?: Text };

// ---------------------------------------------------------------------------------------------
// Period review rules (hysteresis over several periods); evaluated by `review/rules.ts`.

/**
 * A named value computed from fields, parameters and earlier measures; usable wherever a number
 * field is (`{ field: key }`). A row where it divides by zero is an error naming the measure.
 */
export interface Measure {
  key: string;
  label: Text;
  expr: Expr;
  /** Rounded to this many decimals (half away from zero, as Excel's ROUND). */
  round?: number;
  unit?: Field["unit"];
  description?: Text;
}

export type TemplateCategory =
  | "pipeline"
  | "value"
  | "scorecard"
  | "credit-risk"
  | "retail"
  | "lifecycle"
  | "custom";

export interface Template {
  id: string;
  /** Integer version, raised on every saved change. */
  version: number;
  name: Text;
  description: Text;
  /** Where the scheme comes from (seed file and title). */
  source?: Text;
  category: TemplateCategory;
  fields: Field[];
  params?: Param[];
  /** Computed measures, in order (a measure may use earlier ones). */
  measures?: Measure[];
  /** Best -> worst. Code templates derive their grades from the parts and leave this empty. */
  grades: Grade[];
  model: Model;
  post?: Adjustment[];
  /** Groups of fields of which at least one must be present (sales-pipeline). */
  requireOneOf?: string[][];
  /** How the spec reads an ambiguous source; shown to users. */
  readings?: Text[];
  /** Re-grading cadence from the source. */
  reviewCadence?: Text;
  /** Period review rules: how the grade moves from one review to the next (`review/rules.ts`). */
  review?: Review;
  /** Order lines: the input may be one row per order, aggregated per customer before grading (`input/orders.ts`). */
  orders?: Orders;
  /** Free-form change note of the last save. */
  changeNote?: string;
}

// ---------------------------------------------------------------------------------------------
// zod mirror

const CategoryValueSchema = z.strictObject({
  value: z.string().min(1).max(200),
  label: TextSchema,
  aliases: z.array(z.string().min(1).max(200)).max(50).optional(),
});

export const FieldSchema = z.strictObject({
  key: ident,
  label: TextSchema,
  type: z.enum(["number", "yesno", "category", "text", "date"]),
  required: z.boolean().optional(),
  requiredUnless: ConditionSchema.optional(),
  default: z.union([z.string().max(200), z.number().finite()]).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  unit: z.enum(["percent", "money", "days", "months", "count", "points", "quantity"]).optional(),
  sinceDate: z.boolean().optional(),
  categories: z.array(CategoryValueSchema).max(200).optional(),
  description: TextSchema.optional(),
});

export const ParamSchema = z.strictObject({
  key: ident,
  label: TextSchema,
  default: z.number().finite(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  description: TextSchema.optional(),
});

export const GradeSchema = z.strictObject({
  id: gradeId,
  label: TextSchema,
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be a colour like #1E8E3E"),
  action: TextSchema.optional(),
  description: TextSchema.optional(),
  cadenceDays: z.number().int().min(0).max(3660).optional(),
});

const BandSchema = z.strictObject({
  grade: gradeId,
  op: z.enum(["<", "<=", ">", ">="]),
  value: NumSchema,
});

const RuleSchema = z.strictObject({ grade: gradeId, when: ConditionSchema, note: TextSchema.optional() });

const StepSchema = z.strictObject({
  op: z.enum(["<", "<=", ">", ">=", "="]),
  value: NumSchema,
  points: ExprSchema,
});

const ScoringSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("relativeToMax"), field: ident }),
  z.strictObject({
    kind: z.literal("steps"),
    field: ident,
    steps: z.array(StepSchema).min(1).max(100),
    otherwise: ExprSchema,
  }),
  z.strictObject({ kind: z.literal("formula"), expr: ExprSchema }),
  z.strictObject({
    kind: z.literal("map"),
    field: ident,
    points: z.record(z.string().max(200), z.number().finite()),
    otherwise: z.number().finite().optional(),
  }),
  z.strictObject({ kind: z.literal("input"), field: ident }),
]);

const CriterionSchema = z.strictObject({
  key: ident,
  label: TextSchema,
  points: z.number().finite().min(0),
  min: z.number().finite().max(0).optional(),
  weight: z.number().finite().min(0).max(1).optional(),
  scoring: ScoringSchema,
});

const CutsSchema = z.array(z.number().finite().gt(0).lt(1)).min(1).max(20);

const ScoreGradingSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("bands"), bands: z.array(BandSchema).min(1).max(100), otherwise: gradeId.optional() }),
  z.strictObject({ kind: z.literal("percentile"), cuts: CutsSchema }),
]);

const ExceptSchema = z.strictObject({ when: ConditionSchema, code: z.string().max(20), label: TextSchema });

const CodePartSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("category"),
    field: ident,
    codes: z.record(z.string().max(200), z.string().max(20)),
    except: ExceptSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("tier"),
    field: ident,
    groupBy: ident.optional(),
    cuts: CutsSchema,
    codes: z.array(z.string().max(20)).min(2).max(21),
    labels: z.array(TextSchema).min(2).max(21),
    except: ExceptSchema.optional(),
  }),
  z.strictObject({ kind: z.literal("flag"), when: ConditionSchema, code: z.string().min(1).max(20), label: TextSchema }),
]);

const IndicatorGroupSchema = z.strictObject({
  key: ident,
  label: TextSchema,
  weight: NumSchema,
  fields: z.array(ident).min(1).max(100),
});

export const ModelSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("groups"),
    groups: z.array(IndicatorGroupSchema).min(1).max(50),
    bands: z.array(BandSchema).min(1).max(100),
    otherwise: gradeId.optional(),
  }),
  z.strictObject({
    kind: z.literal("share"),
    field: ident,
    groupBy: ident.optional(),
    shares: z.array(NumSchema).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal("segments"),
    measures: z.array(z.strictObject({ field: ident, better: z.enum(["higher", "lower"]), label: TextSchema })).min(1).max(6),
    segments: z.array(z.strictObject({ grade: gradeId, levels: z.array(z.enum(["high", "low"])).min(1).max(6) })).min(1).max(64),
  }),
  z.strictObject({
    kind: z.literal("bands"),
    field: ident,
    bands: z.array(BandSchema).min(1).max(100),
    otherwise: gradeId.optional(),
  }),
  z.strictObject({ kind: z.literal("rules"), rules: z.array(RuleSchema).min(1).max(200), otherwise: gradeId.optional() }),
  z.strictObject({
    kind: z.literal("scorecard"),
    criteria: z.array(CriterionSchema).min(1).max(100),
    grading: ScoreGradingSchema,
    negativeTotal: z.enum(["allow", "clamp"]).optional(),
  }),
  z.strictObject({ kind: z.literal("percentile"), field: ident, groupBy: ident.optional(), cuts: CutsSchema }),
  z.strictObject({
    kind: z.literal("code"),
    parts: z.array(CodePartSchema).min(1).max(10),
    colors: z.strictObject({
      part: z.number().int().min(0),
      byCode: z.record(z.string().max(20), z.string().regex(/^#[0-9A-Fa-f]{6}$/)),
    }),
  }),
]);

const MeasureSchema = z.strictObject({
  key: ident,
  label: TextSchema,
  expr: ExprSchema,
  round: z.number().int().min(0).max(9).optional(),
  unit: z.enum(["percent", "money", "days", "months", "count", "points", "quantity"]).optional(),
  description: TextSchema.optional(),
});

const AdjustmentSchema = z.union([
  z.strictObject({ floor: gradeId, when: ConditionSchema, note: TextSchema.optional() }),
  z.strictObject({ cap: gradeId, when: ConditionSchema, note: TextSchema.optional() }),
]);

export const TemplateSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and -"),
  version: z.number().int().min(1),
  name: TextSchema,
  description: TextSchema,
  source: TextSchema.optional(),
  category: z.enum(["pipeline", "value", "scorecard", "credit-risk", "retail", "lifecycle", "custom"]),
  fields: z.array(FieldSchema).min(1).max(200),
  params: z.array(ParamSchema).max(50).optional(),
  measures: z.array(MeasureSchema).max(50).optional(),
  grades: z.array(GradeSchema).max(200),
  model: ModelSchema,
  post: z.array(AdjustmentSchema).max(50).optional(),
  requireOneOf: z.array(z.array(ident).min(1)).max(20).optional(),
  readings: z.array(TextSchema).max(50).optional(),
  reviewCadence: TextSchema.optional(),
  review: ReviewSchema.optional(),
  orders: OrdersSchema.optional(),
  changeNote: z.string().max(MAX_TEXT).optional(),
});

// Compile-time proof that the zod mirror and the documented types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameTemplate: Same<z.infer<typeof TemplateSchema>, Template> = true;
void _sameTemplate;
