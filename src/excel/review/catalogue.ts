/**
 * The period review's words and errors, in English and Chinese: the history table's name, sheet
 * and headers, the follow-up headers, and the errors a person can fix.
 */
import { GradeKitError, type Bilingual, type ErrorClass, type Lang } from "../../engine";
import { detailed } from "../errors";

export const HISTORY_TABLE = "GradeKitHistory";
export const HISTORY_SHEET: Readonly<Record<Lang, string>> = Object.freeze({ en: "GradeKit History", "zh-CN": "分级历史" });
export type HistoryRole = "period" | "date" | "key" | "grade" | "score" | "template" | "version" | "measure" | "status";
export const HISTORY_ROLES: readonly HistoryRole[] = ["period", "date", "key", "grade", "score", "template", "version", "measure", "status"];
export const HISTORY_HEADERS: Readonly<Record<Lang, readonly string[]>> = Object.freeze({
  en: ["Period", "Date", "Key", "Grade", "Score", "Template", "Version", "Measure", "Status"],
  "zh-CN": ["期间", "日期", "键", "等级", "得分", "模板", "版本", "度量", "状态"],
});
export const SUPERSEDED: Readonly<Record<Lang, string>> = Object.freeze({ en: "superseded", "zh-CN": "已替换" });
export const DATE_FORMAT = "yyyy-mm-dd";
export const FOLLOW_UP_HEADERS: Readonly<Record<Lang, readonly [string, string, string]>> = Object.freeze({
  en: ["Next contact", "Overdue", "Follow-up"] as const,
  "zh-CN": ["下次联系", "是否逾期", "跟进说明"] as const,
});

export type ReviewErrorCode =
  | "noHistory"
  | "historyDamaged"
  | "sheetTaken"
  | "periodMissing"
  | "badColumn"
  | "badDate"
  | "badPeriod"
  | "noRows"
  | "tooManyRows"
  | "noMonths"
  | "monthSheetMissing"
  | "monthColumn";

/** The review's error sentences; `{detail}` is filled per error. */
export const REVIEW_MESSAGES = {
  noHistory: { en: "No period has been saved in this workbook yet (Save period first).", zh: "本工作簿尚未保存任何期间（请先保存期间）。" },
  historyDamaged: { en: "The GradeKit history table is missing columns: {detail}", zh: "GradeKit 历史表缺少列：{detail}" },
  sheetTaken: {
    en: "A sheet named '{detail}' already exists and holds no GradeKit history table: rename or delete that sheet.",
    zh: "已有名为“{detail}”的工作表，但其中没有 GradeKit 历史表：请重命名或删除该工作表。",
  },
  periodMissing: { en: "No saved period '{detail}'.", zh: "没有已保存的期间“{detail}”。" },
  badColumn: { en: "A column is outside the sheet: {detail}", zh: "列超出工作表范围：{detail}" },
  badDate: { en: "Not a date: {detail}", zh: "不是日期：{detail}" },
  badPeriod: { en: "Give the period a label (e.g. 2024-03).", zh: "请填写期间名称（例如 2024-03）。" },
  noRows: { en: "The table has no data rows.", zh: "表格没有数据行。" },
  tooManyRows: { en: "The history table would exceed Excel's row limit: {detail}", zh: "历史表将超过 Excel 的行数上限：{detail}" },
  noMonths: { en: "Choose at least one month sheet (oldest first).", zh: "请至少选择一个月份工作表（按时间先后）。" },
  monthSheetMissing: { en: "The month sheet '{detail}' does not exist.", zh: "月份工作表“{detail}”不存在。" },
  monthColumn: { en: "A month sheet lacks a column the review needs: {detail}", zh: "月份工作表缺少复核所需的列：{detail}" },
} as const satisfies Record<ReviewErrorCode, Bilingual>;

const REVIEW_CLASSES: Readonly<Record<ReviewErrorCode, ErrorClass>> = {
  noHistory: "notFound",
  historyDamaged: "input",
  sheetTaken: "output",
  periodMissing: "notFound",
  badColumn: "usage",
  badDate: "input",
  badPeriod: "usage",
  noRows: "input",
  tooManyRows: "output",
  noMonths: "usage",
  monthSheetMissing: "notFound",
  monthColumn: "input",
};

/** A period review problem a person can fix. */
export class ReviewError extends GradeKitError<ReviewErrorCode> {
  constructor(code: ReviewErrorCode, detail = "") {
    super(code, REVIEW_CLASSES[code], detailed(REVIEW_MESSAGES[code], detail));
  }
}
