/** Errors the adapter raises for situations a person can fix (bilingual, with a stable code). */
import type { Lang } from "../engine";

export type AdapterErrorCode = "noTable" | "emptySheet" | "noRows" | "badMapping" | "badTarget" | "sheetMissing" | "notPortable";

const TEXT: Record<AdapterErrorCode, { en: string; zh: string }> = {
  noTable: { en: "Select a cell inside a table (the selected cell and its neighbours are empty).", zh: "请选择表格中的单元格（所选单元格及其周围为空）。" },
  emptySheet: { en: "The selected range holds no data.", zh: "所选区域没有数据。" },
  noRows: { en: "The table has no data rows.", zh: "表格没有数据行。" },
  badMapping: { en: "A mapped column is outside the table: {detail}", zh: "映射的列不在表格内：{detail}" },
  badTarget: { en: "The output columns do not fit on the sheet: {detail}", zh: "输出列超出工作表范围：{detail}" },
  sheetMissing: { en: "The worksheet '{detail}' no longer exists.", zh: "工作表“{detail}”已不存在。" },
  notPortable: { en: "This template cannot be written as formulas: {detail}", zh: "该模板无法写成公式：{detail}" },
};

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly text: { en: string; zh: string };
  constructor(code: AdapterErrorCode, detail = "", detailZh = detail) {
    const t = TEXT[code];
    const en = t.en.replace("{detail}", detail);
    super(en);
    this.name = "AdapterError";
    this.code = code;
    this.text = { en, zh: t.zh.replace("{detail}", detailZh) };
  }
  messageIn(lang: Lang): string {
    return lang === "zh-CN" ? this.text.zh : this.text.en;
  }
}
