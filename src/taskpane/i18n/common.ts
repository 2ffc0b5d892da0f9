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
  "undo.removed": { en: "The sheet {sheets} written after that apply was deleted.", zh: "该次写入之后生成的工作表 {sheets} 已删除。" },
  "undo.remaining": { en: "{count} earlier applies can still be undone.", zh: "还可撤销之前的 {count} 次写入。" },
  "undo.remaining.one": { en: "1 earlier apply can still be undone.", zh: "还可撤销之前的 1 次写入。" },
  "undo.edited.title": { en: "Cells changed since that apply", zh: "写入后单元格已被修改" },
  "undo.edited.body": {
    en: "{count} cells GradeKit wrote in {address} were changed since. Undo puts the old contents back over them:",
    zh: "GradeKit 在 {address} 写入的单元格中，有 {count} 个已被修改。撤销会用写入前的内容覆盖它们：",
  },
  "undo.edited.body.one": {
    en: "1 cell GradeKit wrote in {address} was changed since. Undo puts the old contents back over it:",
    zh: "GradeKit 在 {address} 写入的单元格中，有 1 个已被修改。撤销会用写入前的内容覆盖它：",
  },
  "undo.edited.cell": { en: "{address} now holds “{now}”", zh: "{address} 现为“{now}”" },
  "undo.edited.empty": { en: "{address} is now empty", zh: "{address} 现为空" },
  "undo.edited.more": { en: "and {count} more", zh: "另有 {count} 个" },
  "undo.edited.confirm": { en: "Undo anyway", zh: "仍然撤销" },
  "undo.edited.keep": { en: "Keep my edits", zh: "保留修改" },

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
