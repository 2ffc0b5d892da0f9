/** Code templates in words: the parts the code is made of (the grades are the codes themselves). */
import { fmt, tr } from "../../text/display";
import type { DescribeContext, ModelDescription, ModelOf } from "../types";

export function describeCode(model: ModelOf<"code">, ctx: DescribeContext): ModelDescription {
  const parts = model.parts.map((p) => {
    if (p.kind === "flag") return ctx.say("codeFlag", { label: tr(p.label, ctx.lang), code: p.code, when: ctx.condition(p.when) });
    if (p.kind === "tier") return ctx.say("codeTier", { field: ctx.field(p.field), codes: ctx.list(p.codes), cuts: ctx.list(p.cuts.map((c) => fmt(c * 100) + "%")) });
    const f = ctx.template.fields.find((x) => x.key === p.field);
    const codes = Object.entries(p.codes).map(([v, c]) => {
      const cat = f?.categories?.find((x) => x.value === v);
      return `${cat ? tr(cat.label, ctx.lang) : v} ${c}`;
    });
    return ctx.say("codeCategory", { field: ctx.field(p.field), codes: ctx.list(codes) });
  });
  return { lines: [ctx.say("codeLine", { parts: ctx.list(parts) })], grades: [] };
}
