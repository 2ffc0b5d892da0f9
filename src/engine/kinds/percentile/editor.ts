/** Percentile tiers in the template editor. */
import { evenCuts, firstNumberField } from "../shared/new-models";
import type { KindEditor, ModelOf } from "../types";

export const percentileEditor: KindEditor<ModelOf<"percentile">> = {
  label: { en: "Percentile tiers", zh: "百分位分档" },
  hint: { en: "Rows are ranked by one number; the grades are the tiers, best first.", zh: "按一个数值排名；等级即各档，从好到差。" },
  form: true,
  newModel: (draft) => ({ kind: "percentile", field: firstNumberField(draft)?.key ?? "", cuts: evenCuts(Math.max(2, draft.grades.length)) }),
};
