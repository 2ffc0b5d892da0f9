/**
 * Percentile tiers as the kinds use them (percentile models, scorecards graded by tiers, tier
 * parts of codes): groups, reasons, checks of cut points and lowering to the formula/SQL IR.
 */
import { and, FALSE, iff, NA, not, or, type Node } from "../../compile/ir";
import type { LowerContext } from "../../compile/lower-context";
import type { Column } from "../../input/table";
import { fmt, tr } from "../../text/display";
import type { Lang } from "../../text/lang";
import { msg } from "../../text/messages";
import type { CheckContext } from "../types";

/** "1: 1 of 10 values in Z are higher (top 20%)". */
export function describeTier(
  gradeLabel: string,
  greater: number,
  n: number,
  cuts: readonly number[],
  tier: number,
  group: string | undefined,
  lang: Lang,
): string {
  const share = tier < cuts.length ? fmt(cuts[tier] * 100) + "%" : "100%";
  return msg("tier", lang, {
    grade: gradeLabel,
    greater,
    n,
    share,
    group: group ? msg("inGroup", lang, { group }) : "",
  });
}

/** Group ids per row from a category/text column: its value index, -1 when blank or bad. */
export function groupIds(col: Column | undefined, n: number): Int32Array | undefined {
  if (!col) return undefined;
  if (col.type === "category") return col.v;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = col.v[i] === col.v[i] ? Math.round(col.v[i]) : -1;
  return out;
}

/** The label of row i's group, when the group column is a category column and the cell has a value. */
export function groupLabel(col: Column | undefined, i: number, lang: Lang): string | undefined {
  return col && col.type === "category" && col.v[i] >= 0 ? tr(col.labels[col.v[i]], lang) : undefined;
}

/** Checks cut points: ascending and one fewer than the grades. */
export function checkCuts(cuts: readonly number[], ctx: CheckContext, path: string, tiers = ctx.template.grades.length): void {
  for (let k = 1; k < cuts.length; k++) {
    if (!(cuts[k] > cuts[k - 1])) {
      ctx.report("error", `${path}[${k}]`, "unsortedCuts", { en: "cut points must increase", zh: "分档切点必须递增" });
    }
  }
  if (cuts.length + 1 !== tiers) {
    ctx.report("error", path, "tierCount", {
      en: `${cuts.length} cut points make ${cuts.length + 1} tiers, but there are ${tiers} grades`,
      zh: `${cuts.length} 个切点产生 ${cuts.length + 1} 档，但有 ${tiers} 个等级`,
    });
  }
}

/** IR: the 1-based tier of a number field within its group, or `na` for rows outside the population. */
export function lowerTier(ctx: LowerContext, field: string, groupBy: string | undefined, cuts: readonly number[], except: Node): Node {
  const nan = ctx.nanOf(field);
  const g = groupBy ? ctx.groupKey(groupBy) : undefined;
  const pop = and(ctx.validPop(), not(nan), not(except));
  const tier: Node = { k: "tier", pop, v: ctx.readNum(field), group: g?.key, cuts: [...cuts] };
  return iff(or(nan, g?.missing ?? FALSE), NA, tier);
}
