/** Bands in the template editor. */
import { firstNumberField, startingBands } from "../shared/new-models";
import type { KindEditor, ModelOf } from "../types";

export const bandsEditor: KindEditor<ModelOf<"bands">> = {
  label: { en: "Thresholds on one number", zh: "按一个数值分档" },
  hint: { en: "Bands are tried top-down: the first that holds gives the grade.", zh: "自上而下判断各档，首个成立的档给出等级。" },
  form: true,
  newModel: (draft) => ({ kind: "bands", field: firstNumberField(draft)?.key ?? "", ...startingBands(draft) }),
};
