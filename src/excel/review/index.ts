/**
 * Period review in the workbook: grade history (save a period), the review sheet (compare two
 * saved periods) and the follow-up schedule. One `Excel.run` per use case; no sync inside a loop
 * over rows or cells, only once per block of at most 20,000 rows; values first, then formats.
 */
export * from "./catalogue";
export { listPeriods } from "./history-table";
export { savePeriod } from "./save-period";
export { comparePeriodsSheet } from "./compare-sheet";
export { periodTrendSheet } from "./trend-sheet";
export { supplyReviewSheet } from "./supply-sheet";
export { writeFollowUp } from "./follow-up";
export { heldGradesSheet } from "./held-grades";
export { todaySerial } from "./review-inputs";
