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

/** A problem a person can fix, in English and Chinese, with a stable code (base of the adapter's errors). */
export class BilingualError<C extends string = string> extends Error {
  readonly code: C;
  readonly text: { en: string; zh: string };
  constructor(name: string, code: C, text: { en: string; zh: string }) {
    super(text.en);
    this.name = name;
    this.code = code;
    this.text = text;
  }
  messageIn(lang: Lang): string {
    return lang === "zh-CN" ? this.text.zh : this.text.en;
  }
}

/** A message pair with its `{detail}` filled in. */
export function withDetail(t: { en: string; zh: string }, detail = "", detailZh = detail): { en: string; zh: string } {
  return { en: t.en.replace("{detail}", detail), zh: t.zh.replace("{detail}", detailZh) };
}

export class AdapterError extends BilingualError<AdapterErrorCode> {
  constructor(code: AdapterErrorCode, detail = "", detailZh = detail) {
    super("AdapterError", code, withDetail(TEXT[code], detail, detailZh));
  }
}
