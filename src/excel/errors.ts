/**
 * The adapter's errors: situations a person can fix, each a `GradeKitError` (the engine's one
 * bilingual error type) with a stable code, an error class and its sentence from a catalogue.
 * The named subclasses exist only so callers can tell the areas apart (`instanceof`); they add
 * nothing to `GradeKitError`. The period review's errors are in `review/catalogue.ts`, the
 * template storage's in `storage.ts`.
 */
import { fillBoth, GradeKitError, type Bilingual, type ErrorClass } from "../engine";

export type AdapterErrorCode = "noTable" | "emptySheet" | "noRows" | "badMapping" | "badTarget" | "sheetMissing" | "notPortable";

/** The adapter's sentences; `{detail}` is filled per error. */
export const ADAPTER_MESSAGES = {
  noTable: { en: "Select a cell inside a table (the selected cell and its neighbours are empty).", zh: "请选择表格中的单元格（所选单元格及其周围为空）。" },
  emptySheet: { en: "The selected range holds no data.", zh: "所选区域没有数据。" },
  noRows: { en: "The table has no data rows.", zh: "表格没有数据行。" },
  badMapping: { en: "A mapped column is outside the table: {detail}", zh: "映射的列不在表格内：{detail}" },
  badTarget: { en: "The output columns do not fit on the sheet: {detail}", zh: "输出列超出工作表范围：{detail}" },
  sheetMissing: { en: "The worksheet '{detail}' no longer exists.", zh: "工作表“{detail}”已不存在。" },
  notPortable: { en: "This template cannot be written as formulas: {detail}", zh: "该模板无法写成公式：{detail}" },
} as const satisfies Record<AdapterErrorCode, Bilingual>;

const ADAPTER_CLASSES: Readonly<Record<AdapterErrorCode, ErrorClass>> = {
  noTable: "input",
  emptySheet: "input",
  noRows: "input",
  badMapping: "usage",
  badTarget: "output",
  sheetMissing: "notFound",
  notPortable: "unsupported",
};

/** A catalogue sentence with its `{detail}` filled (the Chinese side may take its own detail). */
export function detailed(text: Bilingual, detail = "", detailZh = detail): Bilingual {
  return fillBoth(text, { detail }, { detail: detailZh });
}

/** Finding, reading, grading or writing the table went wrong in a way a person can fix. */
export class AdapterError extends GradeKitError<AdapterErrorCode> {
  constructor(code: AdapterErrorCode, detail = "", detailZh = detail) {
    super(code, ADAPTER_CLASSES[code], detailed(ADAPTER_MESSAGES[code], detail, detailZh));
  }
}

/** Why a form cannot be made (the form layout's refusal: its code and reason). */
export interface FormRefusalLike {
  code: string;
  reason: Bilingual;
}

const FORM_CLASSES: Readonly<Record<string, ErrorClass>> = { badOptions: "usage", invalidTemplate: "template" };

/** A form that cannot be made: the formula compiler refused the template (`unsupported`), or bad options. */
export class FormError extends GradeKitError {
  constructor(refusal: FormRefusalLike) {
    const errorClass = Object.prototype.hasOwnProperty.call(FORM_CLASSES, refusal.code) ? FORM_CLASSES[refusal.code] : "unsupported";
    super(refusal.code, errorClass, refusal.reason);
  }
}
