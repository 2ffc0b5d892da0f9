/** Task pane messages, English and Chinese: Shared by every screen: the app frame, list separators, undo, confirmation dialogs. */
import type { Catalogue } from "../../engine";

export const COMMON_MESSAGES = {
  "app.title": { en: "GradeKit", zh: "GradeKit 客户分级" },
  "app.language": { en: "Language", zh: "语言" },
  "app.language.en": { en: "English", zh: "English" },
  "app.language.zh": { en: "中文", zh: "中文" },

  "list.separator": { en: ", ", zh: "、" },

  "undo.button": { en: "Undo last apply", zh: "撤销上次写入" },
  "undo.done": { en: "Restored {address} as it was before the last apply.", zh: "已将 {address} 恢复到上次写入之前的状态。" },
  "undo.doneNoAddress": { en: "Restored the cells of the last apply.", zh: "已恢复上次写入的单元格。" },
  "undo.nothing": { en: "There was nothing to undo.", zh: "没有可撤销的写入。" },
  "undo.failed": { en: "Could not undo: {message}", zh: "无法撤销：{message}" },

  "confirm.title": { en: "Replace existing cells?", zh: "替换已有内容？" },
  "confirm.body": {
    en: "{count} cells in {address} are not empty and would be replaced. You can undo this afterwards with “Undo last apply”.",
    zh: "{address} 中有 {count} 个非空单元格将被替换。之后可用“撤销上次写入”恢复。",
  },
  "confirm.body.one": {
    en: "1 cell in {address} is not empty and would be replaced. You can undo this afterwards with “Undo last apply”.",
    zh: "{address} 中有 1 个非空单元格将被替换。之后可用“撤销上次写入”恢复。",
  },
  "confirm.replace": { en: "Replace", zh: "替换" },
  "confirm.cancel": { en: "Cancel", zh: "取消" },
  "confirm.declined": {
    en: "Nothing was written. Choose another output column, or apply again and replace.",
    zh: "未写入任何内容。可另选输出列，或再次写入并替换。",
  },
} as const satisfies Catalogue;
