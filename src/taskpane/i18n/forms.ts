/** Task pane messages, English and Chinese: Insert a grading form. */
import type { Catalogue } from "../../engine";

export const FORM_MESSAGES = {
  "form.open": { en: "Insert form", zh: "插入表单" },
  "form.back": { en: "← Back", zh: "← 返回" },
  "form.title": { en: "Insert a grading form", zh: "插入分级填写表" },
  "form.intro": {
    en: "A new sheet to fill in (on screen or printed) that grades itself with plain Excel formulas: drop-down lists and number checks on the inputs, grade colours, a legend, print setup.",
    zh: "新建一张可在屏幕上或打印后填写的工作表，用普通 Excel 公式自动评级：输入有下拉列表和数字检查，等级着色，附等级说明和打印设置。",
  },
  "form.template": { en: "Template", zh: "模板" },
  "form.mfqHint": {
    en: "The source's form MF/Q 102/A (客户分类/等级划分表), in Chinese as the original, with an English subtitle.",
    zh: "来源中的表单 MF/Q 102/A（客户分类/等级划分表），与原表一样为中文，附英文副标题。",
  },
  "form.templateHint": {
    en: "One column per field, the grade (and score) as formulas, the grades' follow-up actions, and the footer Recorded by / Reviewed by / Date, in the task pane's language.",
    zh: "每个字段一列，等级（及得分）为公式，附各等级的跟进措施和页脚“记录 / 审核 / 日期”，使用任务窗格的语言。",
  },
  "form.rows": { en: "Rows to fill in", zh: "可填写行数" },
  "form.rowsHint": { en: "1 to {max}", zh: "1 到 {max}" },
  "form.rowsInvalid": { en: "Give a whole number from 1 to {max}.", zh: "请填写 1 到 {max} 之间的整数。" },
  "form.insert": { en: "Insert the form", zh: "插入此表单" },
  "form.inserting": { en: "Inserting…", zh: "正在插入…" },
  "form.done": {
    en: "Inserted the sheet “{sheet}”: {count} rows to fill in ({address}).",
    zh: "已插入工作表“{sheet}”：可填写 {count} 行（{address}）。",
  },
  "form.done.one": { en: "Inserted the sheet “{sheet}”: 1 row to fill in ({address}).", zh: "已插入工作表“{sheet}”：可填写 1 行（{address}）。" },
  "form.noPrintSetup": {
    en: "This version of Excel cannot set the page layout: set A4 landscape and the print titles yourself.",
    zh: "此版本的 Excel 无法设置页面布局：请自行设置 A4 横向和打印标题。",
  },
  "form.failed": { en: "Could not insert the form: {message}", zh: "无法插入表单：{message}" },
} as const satisfies Catalogue;
