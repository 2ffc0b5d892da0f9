/** First-match rule lists with AND/OR/NOT conditions. */
import { conditionDescriber, type RowText } from "../../eval/condition-describer";
import { compileCondition } from "../../eval/expr";
import { flattenRules } from "../../eval/rule-table";
import { makeError } from "../../input/table";
import { tr } from "../../text/display";
import type { Lang } from "../../text/lang";
import { msg, msgAround } from "../../text/messages";
import type { ModelKind, ModelOf } from "../types";
import { checkRules } from "./check";
import { lowerRules } from "./compile";
import { rulesEditor } from "./editor";
import { describeRules } from "./describe";

export const rulesKind: ModelKind<ModelOf<"rules">> = {
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
    // Per language, made on first use: the reason of each rule (index k + 1) and of `otherwise` (0),
    // with everything but the row's values worked out once.
    const explainers = new Map<Lang, RowText[]>();
    const explainersIn = (lang: Lang): RowText[] => {
      const none = msg("otherwise", lang, { grade: ctx.gradeName(model.otherwise ?? "", lang) });
      const list: RowText[] = [() => none];
      for (const r of model.rules) {
        const around = msgAround("ruleFired", lang, { grade: ctx.gradeName(r.grade, lang) }, "why");
        if (r.note) {
          const text = around.join(tr(r.note, lang));
          list.push(() => text);
        } else {
          const why = conditionDescriber(r.when, ctx, lang);
          list.push((i) => around.join(why(i)));
        }
      }
      explainers.set(lang, list);
      return list;
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
        return (explainers.get(lang) ?? explainersIn(lang))[k + 1](i);
      },
    };
  },
  check: checkRules,
  lower: lowerRules,
  describe: describeRules,
  editor: rulesEditor,
};
