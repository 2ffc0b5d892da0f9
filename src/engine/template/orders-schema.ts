/**
 * Order lines of a template (`Template.orders`): how a table of order lines (one row per order or
 * bill) becomes one row per customer before grading — the key column and, per template field, an
 * aggregate of an order-line column. Applied by `../input/orders.ts`; compiled to SQL `GROUP BY`
 * by `../compile/orders-sql.ts`. `schema.ts` re-exports everything here.
 */
import { z } from "zod";
import { ident } from "./schema-base";

/**
 * An aggregate of one order-line column per customer. `count`: lines (no column); `sum`, `mean`,
 * `min`, `max`: numbers; `distinct`: different non-blank values; `first`, `last`: the earliest and
 * latest date (an Excel serial); `daysSinceFirst`, `daysSinceLast`: days from that date to the
 * as-of date.
 */
export type OrderFn = "count" | "sum" | "mean" | "min" | "max" | "distinct" | "first" | "last" | "daysSinceFirst" | "daysSinceLast";

export const ORDER_FNS: readonly OrderFn[] = ["count", "sum", "mean", "min", "max", "distinct", "first", "last", "daysSinceFirst", "daysSinceLast"];

export interface OrderMeasure {
  /** The template field this aggregate fills. */
  field: string;
  fn: OrderFn;
  /** Header names of the order-line column read (any of them; case and spaces ignored). Not for `count`. */
  from?: string[];
}

export interface Orders {
  /** Header names of the customer key column (any of them). */
  key: string[];
  measures: OrderMeasure[];
}

const headerNames = z.array(z.string().min(1).max(200)).min(1).max(20);

export const OrdersSchema = z.strictObject({
  key: headerNames,
  measures: z
    .array(
      z.strictObject({
        field: ident,
        fn: z.enum(["count", "sum", "mean", "min", "max", "distinct", "first", "last", "daysSinceFirst", "daysSinceLast"]),
        from: headerNames.optional(),
      }),
    )
    .min(1)
    .max(100),
});
