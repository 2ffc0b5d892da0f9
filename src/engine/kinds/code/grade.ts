/** Grading a compound-code model: each part's option per row, the row's code, and its reason. */
import { compileCondition, describeCondition } from "../../eval/expr";
import { percentileTiers } from "../../eval/tiers";
import type { CategoryColumn } from "../../input/table";
import { tr } from "../../text/display";
import type { Lang } from "../../text/lang";
import { msg } from "../../text/messages";
import { describeTier, groupIds, groupLabel } from "../shared/tiers";
import type { BoundModel, ModelContext, ModelOf } from "../types";
import { enumerate } from "./codes";

export function bindCode(model: ModelOf<"code">, ctx: ModelContext): BoundModel {
  const { options, fullToGrade } = enumerate(model, ctx.template);
  // Mixed-radix strides, last part fastest (matches `enumerate`).
  const strides = options.map((_, k) => options.slice(k + 1).reduce((s, o) => s * o.length, 1));
  const tierTables = new Map<number, ReturnType<typeof percentileTiers>>();
  const picks = model.parts.map((part, k): ((i: number) => number) => {
    const opts = options[k];
    const exceptWhen = "except" in part && part.except ? compileCondition(part.except.when, ctx) : undefined;
    const exceptIdx = "except" in part && part.except ? opts.findIndex((o) => o.code === part.except!.code) : -1;
    if (part.kind === "flag") {
      const when = compileCondition(part.when, ctx);
      return (i) => (when(i) ? 1 : 0);
    }
    if (part.kind === "category") {
      const col = ctx.columns.get(part.field) as CategoryColumn;
      const map = col.values.map((v) => opts.findIndex((o) => o.code === part.codes[v]));
      const v = col.v;
      return (i) => (exceptWhen && exceptWhen(i) ? exceptIdx : v[i] >= 0 ? map[v[i]] : -1);
    }
    const col = ctx.columns.get(part.field);
    if (!col || col.type !== "number") throw new Error(`tier part needs a number field '${part.field}'`);
    const include = new Uint8Array(ctx.valid);
    if (exceptWhen) for (let i = 0; i < ctx.n; i++) if (include[i] && exceptWhen(i)) include[i] = 0;
    const groups = part.groupBy ? groupIds(ctx.columns.get(part.groupBy), ctx.n) : undefined;
    const t = percentileTiers(col.v, { cuts: part.cuts, include, groups });
    tierTables.set(k, t);
    return (i) => (exceptWhen && exceptWhen(i) ? exceptIdx : t.tier[i]);
  });
  const m = picks.length;
  const grade = (i: number) => {
    let idx = 0;
    for (let k = 0; k < m; k++) {
      const o = picks[k](i);
      if (o < 0) return -1;
      idx += o * strides[k];
    }
    return fullToGrade[idx];
  };
  return {
    grade,
    explain(i, lang: Lang) {
      const parts: string[] = [];
      model.parts.forEach((part, k) => {
        const o = picks[k](i);
        if (o < 0) return;
        const opt = options[k][o];
        const named = msg("labelled", lang, { label: tr(opt.label, lang), value: opt.code });
        if (part.kind === "flag") {
          if (opt.code) parts.push(named);
          return;
        }
        const excepted = "except" in part && part.except && compileCondition(part.except.when, ctx)(i);
        if (excepted) {
          parts.push(msg("codePart", lang, { part: named, why: describeCondition(part.except!.when, ctx, i, lang) }));
        } else if (part.kind === "tier") {
          const t = tierTables.get(k)!;
          const group = groupLabel(part.groupBy ? ctx.columns.get(part.groupBy) : undefined, i, lang);
          parts.push(msg("codePart", lang, { part: named, why: describeTier("", t.greater[i], t.size[i], part.cuts, t.tier[i], group, lang).replace(/^: |^：/, "") }));
        } else parts.push(named);
      });
      const gi = grade(i);
      return msg("codeReason", lang, { code: ctx.gradeName(gi, lang), parts: parts.join(msg("codePartSeparator", lang)) });
    },
  };
}
