/**
 * The workbook adapter: the only code that calls Office.js. One function per use case, each one
 * `Excel.run`; `createWorkbookActions()` bundles them as the `WorkbookActions` the UI uses.
 *
 * @example
 * const actions = createWorkbookActions();            // the global Excel (in the add-in)
 * const actions = createWorkbookActions(host.Excel);  // the in-memory host (tests, playground)
 */
import type { Template } from "../engine";
import { splitAddress } from "./address";
import { applyGrades } from "./apply/apply";
import { AdapterState } from "./apply/state";
import { canUndo, undoLastApply } from "./apply/undo";
import type { ApplyOptions, SummaryOptions, WorkbookActions } from "./contract";
import { globalExcel, type ExcelApi } from "./excel-api";
import { insertForm } from "./forms";
import { comparePeriodsSheet, listPeriods, periodTrendSheet, savePeriod, supplyReviewSheet, writeFollowUp } from "./review";
import { deleteWorkbookTemplate, listWorkbookTemplates, saveWorkbookTemplate } from "./storage";
import { writeSummary } from "./summary";
import { readSelection } from "./read-selection";
import { gradeOrderLines } from "./table/orders";
import { heldGradesSheet } from "./review/held-grades";
import { prepareToShare, shareCheck } from "./share/share";

export type * from "./contract";
export { AdapterError, FormError, ADAPTER_MESSAGES, type AdapterErrorCode } from "./errors";
export { AdapterState } from "./apply/state";
export type { ExcelApi } from "./excel-api";
export { readSelection } from "./read-selection";
export { applyGrades, SCORE_FORMAT } from "./apply/apply";
export { gradeOrderLines } from "./table/orders";
export { BAD_INPUT_STYLE, badRowFormula, gradeText, gradeInfoText, outputKinds } from "./apply/output-columns";
export { undoLastApply, canUndo } from "./apply/undo";
export { textNumbersIn, type TextNumberAt } from "./apply/text-numbers";
export { writeSummary, summarize, MAX_GROUPS } from "./summary";
export { detectHeader, type HeaderDetection } from "./table/headers";
export { needsTextGuard, textCell, formulaString } from "./cell-text";
export { WORDS } from "./words";
export * from "./review";
export * from "./storage";
export { insertForm, uniqueSheetName } from "./forms";
export { shareCheck, prepareToShare } from "./share/share";
export { SHARE_REASONS } from "./share/reasons";

/** Selects a cell or range, e.g. `Sheet1!C7` or `'My sheet'!A1:B2` (activating its sheet). One batch, no explicit sync. */
export async function selectAddress(excel: ExcelApi, address: string): Promise<void> {
  const { sheet, ref } = splitAddress(address);
  await excel.run(async (context) => {
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(ref).select();
  });
}

/** The worksheet names in tab order. One sync. */
async function listSheets(excel: ExcelApi): Promise<string[]> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/position");
    await context.sync();
    return [...sheets.items].sort((a, b) => a.position - b.position).map((ws) => ws.name);
  });
}

/**
 * The adapter as `WorkbookActions` (every action). `excel` defaults to the global `Excel` (looked
 * up at call time). Undo snapshots live in this instance, per workbook: create it once per task pane.
 */
export function createWorkbookActions(excel?: ExcelApi): WorkbookActions {
  const state = new AdapterState();
  const ex = (): ExcelApi => excel ?? globalExcel();
  // async wrappers: a missing Excel rejects the promise instead of throwing synchronously
  return {
    readSelection: async (template: Template) => readSelection(ex(), state, template),
    apply: async (options: ApplyOptions) => applyGrades(ex(), state, options),
    gradeOrderLines: async (options) => gradeOrderLines(ex(), options),
    heldGrades: async (options) => heldGradesSheet(ex(), options),
    undoLastApply: async (options) => undoLastApply(ex(), state, options),
    canUndo: async () => canUndo(ex(), state),
    writeSummary: async (options: SummaryOptions) => writeSummary(ex(), state, options),
    select: async (address: string) => selectAddress(ex(), address),
    savePeriod: async (options) => savePeriod(ex(), options),
    listPeriods: async () => listPeriods(ex()),
    comparePeriods: async (options) => comparePeriodsSheet(ex(), options),
    periodTrend: async (options) => periodTrendSheet(ex(), options),
    supplyReview: async (options) => supplyReviewSheet(ex(), options),
    listSheets: async () => listSheets(ex()),
    writeFollowUp: async (options) => writeFollowUp(ex(), options),
    listTemplates: async () => listWorkbookTemplates(ex()),
    saveTemplate: async (template, options) => saveWorkbookTemplate(ex(), template, options),
    deleteTemplate: async (id) => deleteWorkbookTemplate(ex(), id),
    insertForm: async (options) => insertForm(ex(), options),
    shareCheck: async (options) => shareCheck(ex(), options),
    prepareToShare: async (options) => prepareToShare(ex(), state, options),
  };
}
