/** Compound codes in the template editor: the JSON view only. */
import type { KindEditor, ModelOf } from "../types";

export const codeEditor: KindEditor<ModelOf<"code">> = {
  label: { en: "Code (JSON only)", zh: "编码（仅 JSON）" },
  hint: { en: "A code made of parts; edit it in the JSON view.", zh: "由多个部分组成的编码；请在 JSON 视图中编辑。" },
  form: false,
};
