/**
 * Checks of a rule list: references in conditions, and where every rule compares the same
 * number field, rules that can never apply, overlaps and values no rule takes.
 */
import { ALL, fromCompare, intersect, isEmpty, showSet, subtract, union, type IntervalSet } from "../../eval/intervals";
import { isPopStat } from "../../eval/pop-stats";
import { exprFields } from "../../eval/expr";
import type { Condition } from "../../template/schema";
import { fieldDomain } from "../shared/bands";
import { Space } from "../shared/reach";
import type { CheckContext, ModelOf } from "../types";

/**
 * The values of one number field for which a condition holds, when the condition only compares
 * that field (else undefined: the checker then skips the interval analysis).
 */
function conditionSet(c: Condition, ctx: CheckContext): { field: string; set: IntervalSet } | undefined {
  if ("op" in c && "field" in c) {
    const f = ctx.fields.get(c.field);
    if (!f || f.type !== "number" || isPopStat(c.value)) return undefined;
    return { field: c.field, set: fromCompare(c.op, ctx.num(c.value, "")) };
  }
  const list = "all" in c ? c.all : "any" in c ? c.any : undefined;
  if (!list) return undefined;
  const parts = list.map((x) => conditionSet(x, ctx));
  if (parts.some((p) => !p) || new Set(parts.map((p) => p!.field)).size !== 1) return undefined;
  const sets = parts.map((p) => p!.set);
  const set = "all" in c ? sets.reduce((a, b) => intersect(a, b), ALL) : sets.reduce((a, b) => union(a, b), [] as IntervalSet);
  return { field: parts[0]!.field, set };
}

export function checkRules(model: ModelOf<"rules">, ctx: CheckContext): void {
  model.rules.forEach((r, k) => {
    ctx.grade(r.grade, `model.rules[${k}].grade`);
    ctx.condition(r.when, `model.rules[${k}].when`);
  });
  if (model.otherwise !== undefined) ctx.grade(model.otherwise, "model.otherwise");
  // Interval analysis when every rule compares the same single number field.
  const sets = model.rules.map((r) => conditionSet(r.when, ctx));
  const fields = new Set(sets.map((s) => s?.field));
  if (sets.every((s) => s) && fields.size === 1) {
    const f = ctx.fields.get(sets[0]!.field);
    const domain = fieldDomain(f);
    let covered: IntervalSet = [];
    sets.forEach((s, k) => {
      const own = intersect(s!.set, domain);
      const reach = subtract(own, covered);
      if (isEmpty(reach)) {
        ctx.report("error", `model.rules[${k}]`, "unreachable", {
          en: `rule ${k + 1} (grade ${model.rules[k].grade}) can never apply: earlier rules take all of its values`,
          zh: `第 ${k + 1} 条规则（等级 ${model.rules[k].grade}）永远不会生效：其取值已被前面的规则覆盖`,
        });
      } else {
        const overlap = intersect(own, covered);
        const twoSided = own.length === 1 && own[0].lo !== -Infinity && own[0].hi !== Infinity;
        if (!isEmpty(overlap) && twoSided) {
          ctx.report("warning", `model.rules[${k}]`, "overlap", {
            en: `values ${showSet(overlap, f?.unit)} match rule ${k + 1} and an earlier rule; the earlier one wins`,
            zh: `取值 ${showSet(overlap, f?.unit)} 同时满足第 ${k + 1} 条和前面的规则，以前面的为准`,
          });
        }
        ctx.gives(model.rules[k].grade);
      }
      covered = union(covered, own);
    });
    const rest = subtract(domain, covered);
    if (model.otherwise === undefined && !isEmpty(rest)) {
      ctx.report("error", "model.rules", "gap", {
        en: `values ${showSet(rest, f?.unit)} match no rule (add a default grade)`,
        zh: `取值 ${showSet(rest, f?.unit)} 不满足任何规则（请添加默认等级）`,
      });
    }
    if (model.otherwise !== undefined && !isEmpty(rest)) ctx.gives(model.otherwise);
  } else searchRules(model, ctx);
}

/**
 * Rules over several fields: search the conditions' value space (`shared/reach.ts`). A rule no
 * input can reach is an error, with the reason; a default no input reaches is a warning.
 */
function searchRules(model: ModelOf<"rules">, ctx: CheckContext): void {
  const space = new Space(ctx);
  const reach = model.rules.map((r) => space.condition(r.when));
  model.rules.forEach((r, k) => {
    const own = space.minus(reach[k].over, []);
    const earlier = reach.slice(0, k).map((x) => x.under);
    const rest = space.minus(own, earlier.flat());
    if (!space.isEmpty(rest)) return ctx.gives(r.grade);
    const rule = { en: `rule ${k + 1} (grade ${r.grade}) can never apply`, zh: `第 ${k + 1} 条规则（等级 ${r.grade}）永远不会生效` };
    if (space.isEmpty(own)) {
      const fields = [...exprFields(r.when)];
      const ranges = space.describe(fields);
      ctx.report("error", `model.rules[${k}]`, "unreachable", {
        en: `${rule.en}: no input satisfies its condition on ${fields.join(", ")}${ranges ? ` (possible values: ${ranges})` : ""}`,
        zh: `${rule.zh}：没有输入能满足其关于 ${fields.join("、")} 的条件${ranges ? `（可能的取值：${ranges}）` : ""}`,
      });
    } else {
      // The earlier rules that take part of it, in order (a rule taking nothing left is not named).
      const takers: number[] = [];
      let left = own;
      earlier.forEach((u, j) => {
        if (!space.overlaps(left, u)) return;
        takers.push(j + 1);
        left = space.minus(left, u);
      });
      ctx.report("error", `model.rules[${k}]`, "unreachable", {
        en: `${rule.en}: every input it matches is taken by earlier rules (${takers.join(", ")})`,
        zh: `${rule.zh}：它匹配的所有输入都已被前面的规则（${takers.join("、")}）取走`,
      });
    }
  });
  if (model.otherwise === undefined) return;
  const rest = space.minus([new Map()], reach.flatMap((x) => x.under));
  if (!space.isEmpty(rest)) ctx.gives(model.otherwise);
  else {
    ctx.report("warning", "model.otherwise", "unreachable", {
      en: `default grade ${model.otherwise} is never given: the rules take every possible input`,
      zh: `默认等级 ${model.otherwise} 永远不会出现：各规则已覆盖所有可能的输入`,
    });
  }
}
