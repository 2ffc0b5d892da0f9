/**
 * Grading forms: print-ready sheets people fill in, that grade themselves with portable Excel
 * formulas. `formLayout(template, { rows, lang })` gives the form's layout (`types.ts`: the
 * engine's sheet model plus the form's columns and rows) that the CLI's xlsx drawer and the
 * Office.js drawer both draw. Pure: no Node, DOM or Office APIs.
 */
export * from "./types";
export { formLayout, isFormRefusal } from "./layout";
export { formSheetName, DEFAULT_FORM_ROWS, MAX_FORM_ROWS, PROMPT_TITLE_MAX, PROMPT_MESSAGE_MAX, INLINE_LIST_MAX } from "./limits";
export { FORM_ERROR_STYLE } from "./spec";
export { gradeShown } from "./legend";
export { FORM_WORDS, type FormWords } from "./words";
/** The sheet model's helpers, as the form's users have always imported them from here. */
export { areaA1, headerFooterLiteral, headerFooterString, textWidth, excelColumnWidthToPoints, pointsToExcelColumnWidth, styleAt } from "../engine";
