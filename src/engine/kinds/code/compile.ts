/**
 * A compound-code model as formula/SQL IR: each part's code (category words, tier codes, flags)
 * concatenated. The IR gives the code itself, so post adjustments are refused.
 */
import { FALSE, iff, NA, str, type Node } from "../../compile/ir";
import type { LowerContext, LoweredModel } from "../../compile/lower-context";
import { refuse } from "../../compile/types";
import { valuesOf } from "../../compile/words";
import type { CodePart } from "../../template/schema";
import { lowerTier } from "../shared/tiers";
import type { ModelOf } from "../types";

export function lowerCode(model: ModelOf<"code">, ctx: LowerContext): LoweredModel {
  if ((ctx.template.post ?? []).length > 0) {
    refuse("notExpressible", "post adjustments on a code template cannot be compiled", "组合编码模板的后置调整无法编译");
  }
  const parts = model.parts.map((p) => lowerPart(p, model.parts, ctx));
  return { id: parts.length === 1 ? parts[0] : { k: "concat", args: parts } };
}

function lowerPart(part: CodePart, all: readonly CodePart[], ctx: LowerContext): Node {
  if (part.kind === "flag") {
    // The engine's list of codes leaves out a flag whose condition names a category value when
    // that category's part shows another code; that only happens with an `except` on that part.
    const leaves = "all" in part.when ? part.when.all : [part.when];
    for (const leaf of leaves) {
      if (!("field" in leaf) || !("is" in leaf || "in" in leaf)) continue;
      if (all.some((q) => q.kind === "category" && q.field === leaf.field && q.except)) {
        refuse(
          "notExpressible",
          `the flag '${part.code}' depends on '${leaf.field}', whose code part has an exception: not compiled`,
          `标记“${part.code}”依赖于“${leaf.field}”，而该编码部分有例外规则：无法编译`,
        );
      }
    }
    return iff(ctx.cond(part.when), str(part.code), str(""));
  }
  const except = part.except ? ctx.cond(part.except.when) : FALSE;
  let body: Node;
  if (part.kind === "category") {
    const f = ctx.field(part.field);
    const values = valuesOf(f);
    const byCode = new Map<string, number[]>();
    values.forEach((v, k) => {
      const code = part.codes[v];
      if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), k]);
    });
    // A blank cell without a default matches no word: no code (`na`), as in the engine.
    let out: Node = NA;
    for (const [code, idx] of [...byCode].reverse()) out = iff(ctx.words(part.field, idx), str(code), out);
    body = out;
  } else {
    const tier = lowerTier(ctx, part.field, part.groupBy, part.cuts, except);
    body = tierCodes(tier, part.codes);
  }
  return part.except ? iff(except, str(part.except.code), body) : body;
}

function tierCodes(n: Node, codes: readonly string[]): Node {
  if (n.k === "if") return iff(n.c, tierCodes(n.t, codes), tierCodes(n.e, codes));
  if (n.k === "na") return n;
  return { k: "choose", idx: n, opts: codes.map(str) };
}
