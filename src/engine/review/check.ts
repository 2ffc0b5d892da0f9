/**
 * Checks a template's `review` property beyond its shape (zod does the shape): grades, fields,
 * parameters and category values it names exist; tier bounds are consistent and ordered like the
 * grades; rules using tier bounds have bounds to use. Called by the template checker (`../template/check.ts`).
 */
import type { CheckContext } from "../kinds/types";
import { normalizeWord, parseYesNo } from "../input/parse";
import type { Review, ReviewCondition, ReviewMove } from "../template/schema";
import { categoryIndex } from "../input/table";

/** Reports problems of `review` (at `path`, default "review") through the checker's context. */
export function checkReview(review: Review, ctx: CheckContext, path = "review"): void {
  const { report } = ctx;
  const gradeIds = ctx.gradeIds;
  let usesBounds = false;

  // bounds
  const bounds = review.bounds ?? [];
  const seen = new Set<string>();
  const byTier: { k: number; lower: number; upper: number; at: string }[] = [];
  bounds.forEach((b, j) => {
    const at = `${path}.bounds[${j}]`;
    ctx.grade(b.grade, `${at}.grade`);
    if (seen.has(b.grade)) report("error", `${at}.grade`, "duplicate", { en: `grade '${b.grade}' has bounds twice`, zh: `等级“${b.grade}”的上下限重复` });
    seen.add(b.grade);
    const lower = ctx.num(b.lower, `${at}.lower`);
    const upper = ctx.num(b.upper, `${at}.upper`);
    if (lower > upper) report("error", at, "range", { en: `lower bound ${lower} is above upper bound ${upper}`, zh: `下限 ${lower} 大于上限 ${upper}` });
    const k = gradeIds.indexOf(b.grade);
    if (k >= 0 && Number.isFinite(lower) && Number.isFinite(upper)) byTier.push({ k, lower, upper, at });
  });
  byTier.sort((a, b) => a.k - b.k);
  for (let i = 1; i < byTier.length; i++) {
    const better = byTier[i - 1];
    const worse = byTier[i];
    if (worse.lower > better.lower || worse.upper > better.upper) {
      report("error", worse.at, "boundsOrder", {
        en: `bounds of grade '${gradeIds[worse.k]}' are above those of the better grade '${gradeIds[better.k]}' (list bounds so better grades have higher bounds)`,
        zh: `等级“${gradeIds[worse.k]}”的上下限高于更好的等级“${gradeIds[better.k]}”（更好的等级应有更高的上下限）`,
      });
    } else if (worse.upper > better.lower) {
      report("warning", worse.at, "boundsOverlap", {
        en: `bounds of grades '${gradeIds[worse.k]}' and '${gradeIds[better.k]}' overlap; a value in both belongs to '${gradeIds[better.k]}'`,
        zh: `等级“${gradeIds[worse.k]}”与“${gradeIds[better.k]}”的上下限重叠；重叠部分的值归入“${gradeIds[better.k]}”`,
      });
    }
  }

  const condition = (c: ReviewCondition, at: string): void => {
    if ("all" in c) return c.all.forEach((x, k) => condition(x, `${at}.all[${k}]`));
    if ("any" in c) return c.any.forEach((x, k) => condition(x, `${at}.any[${k}]`));
    if ("not" in c) return condition(c.not, `${at}.not`);
    if ("op" in c) {
      ctx.field(c.field, `${at}.field`, ["number"]);
      if (typeof c.value === "object" && "bound" in c.value) usesBounds = true;
      else ctx.num(c.value, `${at}.value`);
      return;
    }
    if ("is" in c || "in" in c) {
      const f = ctx.field(c.field, `${at}.field`, ["category", "yesno"]);
      for (const w of "is" in c ? [c.is] : c.in) {
        const known = !f || (f.type === "yesno" ? parseYesNo(w).ok : f.type !== "category" || categoryIndex(f).has(normalizeWord(w)));
        if (!known) report("error", at, "unknownValue", { en: `'${w}' is not a value of field '${c.field}'`, zh: `“${w}”不是字段“${c.field}”的可选值` });
      }
      return;
    }
    ctx.field(c.field, `${at}.field`, ["number", "category", "yesno", "text"]);
  };

  const moves = (list: ReviewMove[] | undefined, name: "raise" | "lower") =>
    (list ?? []).forEach((mv, k) => {
      const at = `${path}.${name}[${k}]`;
      condition(mv.when, `${at}.when`);
      if (mv.to) {
        usesBounds = true;
        ctx.field(mv.to.field, `${at}.to.field`, ["number"]);
        if (mv.steps !== undefined) report("warning", `${at}.steps`, "ignored", { en: "steps is ignored when 'to' is given", zh: "给出 to 时 steps 不起作用" });
      }
      const n = mv.periods ?? review.periods;
      if (n < 1) report("error", `${at}.periods`, "range", { en: "at least one period", zh: "至少一期" });
      if (name === "raise" && review.maxRaise !== undefined && (mv.steps ?? 1) > review.maxRaise && !mv.to) {
        report("warning", `${at}.steps`, "overLimit", { en: `raises ${mv.steps} levels but maxRaise is ${review.maxRaise}`, zh: `上调 ${mv.steps} 档，但 maxRaise 为 ${review.maxRaise}` });
      }
      if (name === "lower" && review.maxLower !== undefined && (mv.steps ?? 1) > review.maxLower && !mv.to) {
        report("warning", `${at}.steps`, "overLimit", { en: `lowers ${mv.steps} levels but maxLower is ${review.maxLower}`, zh: `下调 ${mv.steps} 档，但 maxLower 为 ${review.maxLower}` });
      }
    });
  moves(review.raise, "raise");
  moves(review.lower, "lower");
  (review.caps ?? []).forEach((cap, k) => {
    ctx.grade(cap.grade, `${path}.caps[${k}].grade`);
    condition(cap.when, `${path}.caps[${k}].when`);
  });
  const remembers = !!review.hold || !!review.validity;
  if (!review.raise?.length && !review.lower?.length && !review.caps?.length && !remembers) {
    report("warning", path, "noRules", { en: "the review has no raise, lower or cap rules", zh: "复核没有上调、下调或封顶规则" });
  }
  if (remembers && (review.raise?.length || review.lower?.length || review.caps?.length)) {
    report("error", path, "mixedRules", {
      en: "hold/validity rules and raise/lower/cap rules cannot be used together: keep one kind",
      zh: "保级/有效期规则不能与上调/下调/封顶规则同时使用：请只保留一种",
    });
  }
  if (usesBounds) {
    if (bounds.length === 0) {
      report("error", `${path}.bounds`, "noBounds", { en: "rules use tier bounds but the review lists none", zh: "规则使用了档位上下限，但复核未列出上下限" });
    } else {
      const missing = gradeIds.filter((id) => !seen.has(id));
      if (missing.length) {
        report("warning", `${path}.bounds`, "missingBounds", {
          en: `no bounds for ${missing.join(", ")}: rules using bounds never hold in those tiers`,
          zh: `${missing.join("、")} 没有上下限：使用上下限的规则在这些档位不会成立`,
        });
      }
    }
  }
}
