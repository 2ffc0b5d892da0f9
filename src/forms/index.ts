/**
 * Grading forms: print-ready sheets people fill in, that grade themselves with portable Excel
 * formulas. `formLayout(template, { rows, lang })` gives the layout model (`types.ts`) that the
 * CLI's xlsx writer and the Office.js adapter both draw. Pure: no Node, DOM or Office APIs.
 */
export * from "./types";
export {
  formLayout,
  formSheetName,
  headerFooterLiteral,
  headerFooterString,
  areaA1,
  textWidth,
  isFormRefusal,
  DEFAULT_FORM_ROWS,
  MAX_FORM_ROWS,
  FORM_ERROR_STYLE,
  PROMPT_TITLE_MAX,
  PROMPT_MESSAGE_MAX,
  INLINE_LIST_MAX,
} from "./layout";
export { FORM_WORDS, type FormWords } from "./words";
export { excelColumnWidthToPoints, pointsToExcelColumnWidth, styleAt } from "./util";
