/**
 * Period review rules of a template (how a grade moves from one review to the next; applied by
 * `review/rules.ts`): types and their zod mirror. `schema.ts` re-exports everything here.
 */
import { z } from "zod";
import type { CmpOp, Num, Text } from "./schema-base";
import { CmpOpSchema, NumSchema, TextSchema, gradeId, ident } from "./schema-base";

/**
 * A value in a review condition: a number, a parameter, or a bound of the tier the customer was
 * in during the period tested (`{ bound: "upper", times: 0.9 }` = 90% of that tier's upper bound).
 */
export type ReviewValue = Num | { bound: "lower" | "upper"; times?: number };

/** A condition on one period's values (same shapes as `Condition`, values may be tier bounds). */
export type ReviewCondition =
  | { all: ReviewCondition[] }
  | { any: ReviewCondition[] }
  | { not: ReviewCondition }
  | { field: string; op: CmpOp; value: ReviewValue }
  | { field: string; is: string }
  | { field: string; in: string[] }
  | { field: string; blank: boolean };

/** Quantity bounds of one tier (grade): `lower <= x < upper` is "in the tier". */
export interface ReviewBound {
  grade: string;
  lower: Num;
  upper: Num;
}

/** One raise or lower rule. */
export interface ReviewMove {
  /** Must hold in each of the last `periods` periods (a missing period or a blank value: it does not). */
  when: ReviewCondition;
  /** Periods looked at; default the review's `periods`. */
  periods?: number;
  /** Levels moved (default 1), unless `to` is given. */
  steps?: number;
  /**
   * Move to the tier whose bounds hold this aggregate of a number field over those periods
   * (lower rules: only when that tier is worse; raise rules: only when better).
   */
  to?: { fn: "mean" | "min" | "max" | "sum" | "last"; field: string };
  /** After moving, test `when` again against the moved-to tier and move again (raise: up to `maxRaise` levels). */
  repeat?: boolean;
  note?: Text;
}

/** A cap on the reviewed tier from the latest period's values (law grade C -> at most tier 2). */
export interface ReviewCap {
  grade: string;
  when: ReviewCondition;
  note?: Text;
}

/**
 * How long a grade, once reached, is kept (`review/hold.ts`): raised any period the earned grade
 * is better; lowered only after the hold plus a grace period in which the earned grade stayed lower.
 */
export interface ReviewHold {
  /** Periods a grade is kept from the period it was reached (the source's "kept for 12 months"). */
  periods: number;
  /** After the hold, periods in a row the earned grade may stay lower before the grade is lowered. @default 0 */
  grace?: number;
  /** Most levels lowered at once (default: down to the earned grade). */
  maxLower?: number;
}

/**
 * How long a grade is valid (`review/hold.ts`): from the period it was reached or renewed, for
 * `periods` periods; at expiry it is renewed when earned again, else lowered by `deduct` levels
 * (never below the earned grade; default: to the earned grade).
 */
export interface ReviewValidity {
  periods: number;
  deduct?: number;
}

/**
 * How the tier moves at each review (month end, quarter) given the last periods' values:
 * lower rules first (first that holds), else raise rules, each move limited by
 * `maxRaise`/`maxLower` levels per review, then the caps.
 */
export interface Review {
  /** Periods a rule must have held for (the source's "for each of the last 3 months"). */
  periods: number;
  /** Tier bounds of a quantity, per grade (used by `{ bound }` values and `to`). */
  bounds?: ReviewBound[];
  raise?: ReviewMove[];
  lower?: ReviewMove[];
  /** Most levels raised in one review. */
  maxRaise?: number;
  /** Most levels lowered in one review (caps are not limited). */
  maxLower?: number;
  caps?: ReviewCap[];
  /** How the review reads its source; example defaults are said here. */
  readings?: Text[];
  /** A grade kept for a number of periods once reached, with a grace period before lowering. */
  hold?: ReviewHold;
  /** A grade valid for a number of periods, with a deduction at expiry. */
  validity?: ReviewValidity;
}


const ReviewValueSchema = z.union([
  NumSchema,
  z.strictObject({ bound: z.enum(["lower", "upper"]), times: z.number().finite().positive().optional() }),
]);

export const ReviewConditionSchema: z.ZodType<ReviewCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ReviewConditionSchema).min(1).max(100) }),
    z.strictObject({ any: z.array(ReviewConditionSchema).min(1).max(100) }),
    z.strictObject({ not: ReviewConditionSchema }),
    z.strictObject({ field: ident, op: CmpOpSchema, value: ReviewValueSchema }),
    z.strictObject({ field: ident, is: z.string().max(200) }),
    z.strictObject({ field: ident, in: z.array(z.string().max(200)).min(1).max(200) }),
    z.strictObject({ field: ident, blank: z.boolean() }),
  ]),
);

const ReviewMoveSchema = z.strictObject({
  when: ReviewConditionSchema,
  periods: z.number().int().min(1).max(120).optional(),
  steps: z.number().int().min(1).max(100).optional(),
  to: z.strictObject({ fn: z.enum(["mean", "min", "max", "sum", "last"]), field: ident }).optional(),
  repeat: z.boolean().optional(),
  note: TextSchema.optional(),
});

export const ReviewSchema = z.strictObject({
  periods: z.number().int().min(1).max(120),
  bounds: z.array(z.strictObject({ grade: gradeId, lower: NumSchema, upper: NumSchema })).max(200).optional(),
  raise: z.array(ReviewMoveSchema).max(20).optional(),
  lower: z.array(ReviewMoveSchema).max(20).optional(),
  maxRaise: z.number().int().min(0).max(200).optional(),
  maxLower: z.number().int().min(0).max(200).optional(),
  caps: z.array(z.strictObject({ grade: gradeId, when: ReviewConditionSchema, note: TextSchema.optional() })).max(50).optional(),
  readings: z.array(TextSchema).max(50).optional(),
  hold: z
    .strictObject({ periods: z.number().int().min(1).max(600), grace: z.number().int().min(0).max(600).optional(), maxLower: z.number().int().min(1).max(200).optional() })
    .optional(),
  validity: z.strictObject({ periods: z.number().int().min(1).max(600), deduct: z.number().int().min(1).max(200).optional() }).optional(),
});
