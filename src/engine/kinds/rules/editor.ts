/** Rules in the template editor. */
import { defaultCondition } from "../shared/new-models";
import type { KindEditor, ModelOf } from "../types";

export const rulesEditor: KindEditor<ModelOf<"rules">> = {
  label: { en: "Rules (first match)", zh: "规则（首条成立）" },
  hint: { en: "Rules are tried top-down: the first whose condition holds gives the grade.", zh: "自上而下判断规则，首个条件成立的规则给出等级。" },
  form: true,
  newModel(draft) {
    const ids = draft.grades.map((g) => g.id);
    const last = ids.length ? ids[ids.length - 1] : undefined;
    return { kind: "rules", rules: [{ grade: ids[0] ?? "", when: defaultCondition(draft.fields[0]) }], otherwise: ids.length > 1 ? last : undefined };
  },
};
