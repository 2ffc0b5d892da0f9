/** The template checker's part for `orders` (called from `check.ts`); the aggregation itself is `../input/orders.ts`. */
import type { CheckContext } from "../kinds/types";
import type { Orders } from "./orders-schema";

/** The template checker's part for `orders`: each measure fills a number field once and reads a column unless it counts. */
export function checkOrders(orders: Orders, ctx: Pick<CheckContext, "report" | "field">, path = "orders"): void {
  const seen = new Set<string>();
  orders.measures.forEach((m, j) => {
    const at = `${path}.measures[${j}]`;
    ctx.field(m.field, `${at}.field`, ["number"]);
    if (seen.has(m.field)) ctx.report("error", `${at}.field`, "duplicate", { en: `field '${m.field}' is filled twice`, zh: `字段“${m.field}”被重复汇总` });
    seen.add(m.field);
    if (m.fn !== "count" && !m.from) ctx.report("error", `${at}.from`, "needColumn", { en: `${m.fn} needs the order-line column it reads (from)`, zh: `${m.fn} 需要指定读取的订单明细列（from）` });
    if (m.fn === "count" && m.from) ctx.report("warning", `${at}.from`, "unusedColumn", { en: "count counts lines: from is not used", zh: "count 统计行数：from 不会被使用" });
  });
}
