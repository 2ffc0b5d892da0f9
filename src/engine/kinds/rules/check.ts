/** First-match rule lists with AND/OR/NOT conditions. */
import { compileCondition, describeCondition } from "../../eval/expr";
import { flattenRules } from "../../eval/rule-table";
import { tr } from "../../text/display";
import { fromCompare, intersect, isEmpty, showSet, subtract, union, ALL, type IntervalSet } from "../../eval/intervals";
import { msg } from "../../text/messages";
import type { Condition, Model } from "../../template/schema";
import { makeError } from "../../input/table";
import { fieldDomain } from "../shared/bands";
import type { CheckContext, ModelKind } from "../types";

type RulesModel = Extract<Model, { kind: "rules" }>;

/**
 * The values of one number field for which a condition holds, when the condition only compares
 * that field (else undefined: the checker then skips the interval analysis).
 */
function conditionSet(c: Condition, ctx: CheckContext): { field: string; set: IntervalSet } | undefined {
  if ("op" in c && "field" in c) {
    const f = ctx.fields.get(c.field);
    if (!f || f.type !== "number") return undefined;
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

export const rulesKind: ModelKind<RulesModel> = {
  kind: "rules",
  title: { en: "Rules", zh: "规则分级" },
  summary: {
    en: "Rules tried top-down; the first whose condition holds gives the grade.",
    zh: "自上而下逐条判断规则，首个成立的规则给出等级。",
  },
  scores: false,
  population: () => false,
  bind(model, ctx) {
    const idx = model.rules.map((r) => ctx.gradeIndex.get(r.grade) ?? -1);
    const other = model.otherwise !== undefined ? ctx.gradeIndex.get(model.otherwise) ?? -1 : -1;
    const table = flattenRules(
      model.rules.map((r) => r.when),
      ctx,
    );
    const preds = table ? [] : model.rules.map((r) => compileCondition(r.when, ctx));
    const m = preds.length;
    const which = table
      ? (i: number) => table.first(i)
      : (i: number) => {
          for (let k = 0; k < m; k++) if (preds[k](i)) return k;
          return -1;
        };
    return {
      grade(i) {
        const k = which(i);
        return k >= 0 ? idx[k] : other;
      },
      gradeAll: table ? (valid, out) => table.fill(valid, out, idx, other) : undefined,
      error: () => makeError("#N/A", "noRule", () => ({})),
      explain(i, lang) {
        const k = which(i);
        if (k < 0) return msg("otherwise", lang, { grade: ctx.gradeName(model.otherwise ?? "", lang) });
        const r = model.rules[k];
        const why = r.note ? tr(r.note, lang) : describeCondition(r.when, ctx, i, lang);
        return msg("ruleFired", lang, { grade: ctx.gradeName(r.grade, lang), why });
      },
    };
  },
  check(model, ctx) {
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
    } else {
      model.rules.forEach((r) => ctx.gives(r.grade));
      if (model.otherwise !== undefined) ctx.gives(model.otherwise);
    }
  },
};
