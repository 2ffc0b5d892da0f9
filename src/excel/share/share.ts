/**
 * "Prepare to share": every `GK.*` formula of the workbook replaced by portable formulas (where
 * the template compiles) or by its current values, so that a colleague without GradeKit sees
 * grades instead of `#NAME?`. `shareCheck` says what would happen and changes nothing.
 *
 * One `Excel.run` each. Syncs: 1 (sheets, workbook name, template parts) + 1 (the parts' XML,
 * when there are any) + 1 (the used ranges' size) + 1 (every used range's formulas and values, up
 * to `CELLS_PER_BLOCK` cells in all; larger workbooks: one per block of rows); `prepareToShare` then
 * writes the replacements in batches under the 4 MB payload budget (one sync for most workbooks)
 * and pushes one undo record (`apply/state.ts`: `replaced`), so "Undo" in the task pane puts every
 * formula back in one step (`undoReplaced` below, called by `apply/undo.ts`).
 */
import type { Template } from "../../engine";
import { sheetAddress, type Rect } from "../address";
import { jsonBytes, readInBlocks } from "../batching";
import { WriteBatches } from "../draw/batches";
import type { ShareCheckResult, ShareOptions, ShareResult, ShareTarget, UndoOptions, UndoResult } from "../contract";
import { cellChanged, EDITS_NAMED } from "../apply/edits-since";
import type { AdapterState, UndoRecord } from "../apply/state";
import type { ExcelApi } from "../excel-api";
import { readWorkbookTemplates, TemplateStorageError } from "../storage";
import { planShare, type LoadedSheet, type PlannedItem } from "./plan";

/**
 * Cells (formulas and values) read in one sync: at the 40 bytes or so an ordinary cell costs
 * twice, well under the 4 MB budget; larger sheets are read in row blocks of this many cells.
 */
export const CELLS_PER_BLOCK = 50_000;

interface Read {
  workbook: string;
  plan: PlannedItem[];
  sheets: string[];
  unreadable: number;
}

async function readPlan(context: Excel.RequestContext, target: ShareTarget): Promise<Read> {
  const wb = context.workbook;
  wb.load("name");
  const sheets = wb.worksheets;
  sheets.load("items/name,items/position");
  let stored: Template[] = [];
  let unreadable = 0;
  try {
    const found = await readWorkbookTemplates(context); // syncs the loads above with it
    stored = found.templates.map((x) => x.template);
    unreadable = found.problems.length;
  } catch (e) {
    if (!(e instanceof TemplateStorageError && e.code === "notSupported")) throw e;
    // no custom XML parts API: built-in templates only (the loads queued again, in case the failed batch took them)
    wb.load("name");
    sheets.load("items/name,items/position");
    await context.sync();
  }
  const ordered = [...sheets.items].sort((a, b) => a.position - b.position);
  const used = ordered.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, r };
  });
  await context.sync();
  const present = used.filter((u) => !u.r.isNullObject);
  const loaded: LoadedSheet[] = present.map((u) => ({ name: u.ws.name, r0: u.r.rowIndex, c0: u.r.columnIndex, formulas: [], values: [] }));
  const cells = present.reduce((n, u) => n + u.r.rowCount * u.r.columnCount, 0);
  if (cells <= CELLS_PER_BLOCK) {
    // the usual workbook: every used range's formulas and values in one sync
    present.forEach((u) => u.r.load("formulas,values"));
    await context.sync();
    present.forEach((u, k) => Object.assign(loaded[k], { formulas: u.r.formulas, values: u.r.values }));
  } else {
    // large sheets in row blocks under the payload limit (a block Excel refuses is halved)
    for (const [k, u] of present.entries()) {
      const cols = u.r.columnCount;
      await readInBlocks(
        u.r.rowCount,
        Math.max(1, Math.floor(CELLS_PER_BLOCK / cols)),
        async (b) => {
          const range = u.ws.getRangeByIndexes(u.r.rowIndex + b.start, u.r.columnIndex, b.count, cols).load("formulas,values");
          await context.sync();
          return { formulas: range.formulas as unknown[][], values: range.values as unknown[][] };
        },
        (_, data) => {
          loaded[k].formulas.push(...data.formulas);
          loaded[k].values.push(...data.values);
        },
      );
    }
  }
  const plan = planShare(loaded, stored, target);
  const withGk = new Set(plan.map((p) => p.sheet));
  return { workbook: wb.name, plan, sheets: ordered.map((s) => s.name).filter((n) => withGk.has(n)), unreadable };
}

/** Formula items merged down columns (same sheet, column, function and template, adjoining areas). */
function formulaRuns(plan: readonly PlannedItem[]): ShareCheckResult["formulaRuns"] {
  const order = new Map<string, number>();
  for (const p of plan) if (!order.has(p.sheet)) order.set(p.sheet, order.size); // tab order
  const items = plan.filter((p) => p.item.becomes === "formula").sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)! || a.rect.c0 - b.rect.c0 || a.rect.r0 - b.rect.r0);
  const runs: { sheet: string; rect: Rect; formulas: number; fn?: string; template?: string }[] = [];
  for (const p of items) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === p.sheet && last.rect.c0 === p.rect.c0 && last.rect.c1 === p.rect.c1 && last.rect.r1 + 1 === p.rect.r0 && last.fn === p.item.fn && last.template === p.item.template) {
      last.rect = { ...last.rect, r1: p.rect.r1 };
      last.formulas++;
    } else runs.push({ sheet: p.sheet, rect: p.rect, formulas: 1, fn: p.item.fn, template: p.item.template });
  }
  return runs.map(({ sheet, rect, ...rest }) => ({ area: sheetAddress(sheet, rect), ...rest }));
}

function summary(read: Read, target: ShareTarget): ShareCheckResult {
  const items = read.plan.map((p) => p.item);
  const toFormulas = items.filter((i) => i.becomes === "formula").length;
  return {
    target,
    formulas: items.length,
    cells: read.plan.reduce((n, p) => n + p.write.length * (p.write[0]?.length ?? 0), 0),
    toFormulas,
    toValues: items.length - toFormulas,
    sheets: read.sheets,
    items,
    formulaRuns: formulaRuns(read.plan),
    unreadableTemplates: read.unreadable,
  };
}

export async function shareCheck(excel: ExcelApi, options: ShareOptions = {}): Promise<ShareCheckResult> {
  const target = options.target ?? "excel-compat";
  return excel.run(async (context) => summary(await readPlan(context, target), target));
}

export async function prepareToShare(excel: ExcelApi, state: AdapterState, options: ShareOptions = {}): Promise<ShareResult> {
  const target = options.target ?? "excel-compat";
  return excel.run(async (context) => {
    const read = await readPlan(context, target);
    const result = summary(read, target);
    if (read.plan.length === 0) return { ...result, replaced: false };
    const first = read.plan[0];
    const record: UndoRecord = {
      workbook: read.workbook,
      sheet: first.sheet,
      rect: first.rect,
      address: first.item.area,
      blocks: [],
      headerBold: null,
      conditionalFormatIds: [],
      written: [],
      createdSheets: [],
      replaced: read.plan.map((p) => ({ sheet: p.sheet, rect: p.rect, written: p.write, restore: p.restore })),
    };
    state.pushUndo(record); // before writing: whatever gets written can be undone
    await writeFormulas(context, read.plan.map((p) => ({ sheet: p.sheet, rect: p.rect, formulas: p.write })));
    return { ...result, replaced: true };
  });
}

/** Writes formulas to areas on any sheet in the drawer's batches (synced per 4 MB / 20,000 rows, calculation suspended). */
async function writeFormulas(context: Excel.RequestContext, areas: { sheet: string; rect: UndoRecord["rect"]; formulas: unknown[][] }[]): Promise<void> {
  const batches = new WriteBatches(context);
  for (const a of areas) {
    await batches.room(jsonBytes(a.formulas), a.rect.r1 - a.rect.r0 + 1);
    rangeOf(context, a.sheet, a.rect).formulas = a.formulas;
  }
  await context.sync();
}

const rangeOf = (context: Excel.RequestContext, sheet: string, rect: UndoRecord["rect"]): Excel.Range =>
  context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1);

/**
 * Undo of "Prepare to share" (the newest record, with `replaced`): cells changed since are named
 * and nothing is restored without `confirmEdits`; else every area gets its GK formula back (the
 * cells it spilled into are emptied, so it spills again). Areas on sheets deleted since are
 * skipped. Syncs: 1 (what the cells hold now) + one per 4 MB written back.
 */
export async function undoReplaced(context: Excel.RequestContext, record: UndoRecord, sheets: ReadonlySet<string>, options: UndoOptions): Promise<UndoResult> {
  const areas = (record.replaced ?? []).filter((a) => sheets.has(a.sheet));
  const address = areas.length > 0 ? areas.map((a) => sheetAddress(a.sheet, a.rect)).slice(0, 3).join(", ") + (areas.length > 3 ? ` (+${areas.length - 3})` : "") : record.address;
  if (!options.confirmEdits) {
    const loaded = areas.map((a) => {
      const r = rangeOf(context, a.sheet, a.rect);
      r.load("formulas");
      return r;
    });
    await context.sync();
    const cells: { address: string; now: string }[] = [];
    let count = 0;
    areas.forEach((a, k) => {
      const now = loaded[k].formulas as unknown[][];
      a.written.forEach((row, i) =>
        row.forEach((v, j) => {
          if (!cellChanged(now[i][j], v, true)) return;
          count++;
          const x = now[i][j];
          if (cells.length < EDITS_NAMED) cells.push({ address: sheetAddress(a.sheet, { r0: a.rect.r0 + i, c0: a.rect.c0 + j, r1: a.rect.r0 + i, c1: a.rect.c0 + j }), now: x === null || x === undefined ? "" : String(x) });
        }),
      );
    });
    if (count > 0) return { restored: false, address, edited: cells, editedCount: count };
  }
  await writeFormulas(context, areas.map((a) => ({ sheet: a.sheet, rect: a.rect, formulas: a.restore })));
  return { restored: true, address };
}
