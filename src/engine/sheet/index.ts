/**
 * The sheet-layout model (`layout.ts`) and its helpers: `SheetBuilder`, areas, styles, print
 * setup, text measures. Pure data and functions; the drawers live in `src/excel/draw` (Office.js)
 * and `src/cli/xlsx-draw.ts` (exceljs).
 */
export * from "./layout";
export { SheetBuilder } from "./builder";
export { area, areaA1, inArea, cellsOf } from "./area";
export { styleAt, numberFormatAt } from "./style";
export { a4Print, headerFooterLiteral, headerFooterString } from "./print";
export { textWidth, wrapTokens, wrappedLines, rowHeightFor, excelColumnWidthToPoints, pointsToExcelColumnWidth } from "./measure";
