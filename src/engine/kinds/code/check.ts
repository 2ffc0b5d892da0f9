/** Checks of a compound-code model: every category value has a code, tier cut points, labels, the color part. */
import { checkCuts } from "../shared/tiers";
import type { CheckContext, ModelOf } from "../types";
import { Space } from "../shared/reach";
import type { Condition } from "../../template/schema";

/**
 * Codes no input can reach: a flag (or an exception) whose condition never holds gives no code
 * with it; a flag whose condition always holds gives no code without it.
 */
function checkCodeReach(model: ModelOf<"code">, ctx: CheckContext): void {
  const space = new Space(ctx);
  const look = (when: Condition, path: string, code: string, flag: boolean) => {
    const r = space.condition(when);
    if (space.isEmpty(space.minus(r.over, []))) {
      ctx.report("warning", path, "unreachable", {
        en: `code ${code} is never given: no input satisfies its condition`,
        zh: `编码 ${code} 永远不会出现：没有输入能满足其条件`,
      });
    } else if (flag && space.isEmpty(space.minus([new Map()], r.under))) {
      ctx.report("warning", path, "unreachable", {
        en: `codes without ${code} are never given: every input satisfies its condition`,
        zh: `不含 ${code} 的编码永远不会出现：所有输入都满足其条件`,
      });
    }
  };
  model.parts.forEach((part, k) => {
    if (part.kind === "flag") look(part.when, `model.parts[${k}].when`, part.code, true);
    else if (part.except) look(part.except.when, `model.parts[${k}].except.when`, part.except.code, false);
  });
}

export function checkCode(model: ModelOf<"code">, ctx: CheckContext): void {
  model.parts.forEach((part, k) => {
    const path = `model.parts[${k}]`;
    if (part.kind === "flag") {
      ctx.condition(part.when, `${path}.when`);
      return;
    }
    if (part.except) ctx.condition(part.except.when, `${path}.except.when`);
    if (part.kind === "category") {
      const f = ctx.field(part.field, `${path}.field`, ["category", "yesno"]);
      const known = f?.type === "yesno" ? ["yes", "no"] : (f?.categories ?? []).map((c) => c.value);
      for (const v of known) {
        if (!(v in part.codes)) {
          ctx.report("error", `${path}.codes`, "missingCode", {
            en: `value '${v}' of field '${part.field}' has no code`,
            zh: `字段“${part.field}”的值“${v}”没有编码`,
          });
        }
      }
      for (const v of Object.keys(part.codes)) {
        if (f && !known.includes(v)) {
          ctx.report("error", `${path}.codes.${v}`, "unknownValue", {
            en: `'${v}' is not a value of field '${part.field}'`,
            zh: `“${v}”不是字段“${part.field}”的可选值`,
          });
        }
      }
    } else {
      ctx.field(part.field, `${path}.field`, ["number"]);
      if (part.groupBy) ctx.field(part.groupBy, `${path}.groupBy`, ["category", "text", "yesno"]);
      checkCuts(part.cuts, ctx, `${path}.cuts`, part.codes.length);
      if (part.labels.length !== part.codes.length) {
        ctx.report("error", `${path}.labels`, "labelCount", {
          en: "give one label per tier code",
          zh: "每个档次编码需要一个名称",
        });
      }
    }
  });
  checkCodeReach(model, ctx);
  if (model.colors.part >= model.parts.length) {
    ctx.report("error", "model.colors.part", "unknownPart", { en: "no such part", zh: "没有该部分" });
  }
}
