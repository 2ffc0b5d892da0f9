/**
 * GradeKit in-memory Excel host: a strict, in-memory implementation of the subset of the Excel
 * JavaScript API (Office.js) that the add-in uses. See README.md in this folder.
 */
export { createExcelHost, DEFAULT_PAYLOAD_LIMIT_BYTES } from "./host";
export type {
  ExcelHost,
  ExcelHostOptions,
  CellInfo,
  CellFont,
  CellSeed,
  SheetSnapshot,
  WorkbookSnapshot,
  HostExcelNamespace,
  HostOfficeExtension,
} from "./host";
export type { HostStats, BatchRecord, FormatKind } from "./runtime";
export { RichApiError, HostErrorCodes, isRichApiError } from "./errors";
export type { FormulaEvaluator } from "./model";
export type { CustomRuleEvaluator } from "./conditional";
export { parseAddress, columnToLetters, lettersToColumn, MAX_ROWS, MAX_COLS } from "./address";
