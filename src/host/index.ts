/**
 * GradeKit in-memory Excel host: a strict, in-memory implementation of the subset of the Excel
 * JavaScript API (Office.js) that the add-in uses. See README.md in this folder.
 */
export { createExcelHost, DEFAULT_PAYLOAD_LIMIT_BYTES } from "./host";
export type { ExcelHost, ExcelHostOptions, CellSeed, HostExcelNamespace, HostOfficeExtension } from "./host";
export type { CellInfo, CellFont } from "./cell-info";
export type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
export type { HostStats, BatchRecord, FormatKind } from "./runtime/stats";
export { RichApiError, HostErrorCodes, isRichApiError } from "./errors";
export type { FormulaEvaluator } from "./model/workbook";
export type { CustomRuleEvaluator } from "./model/conditional-rules";
/** A1 helpers (the engine's) under the names the host has always exported. */
export { parseAddress, columnLetters as columnToLetters, columnIndex as lettersToColumn, MAX_ROWS, MAX_COLS } from "../engine/sheet-address/a1";
