/**
 * undoLastApply(): puts back what the newest remembered apply replaced in this workbook, from the
 * snapshot kept in memory (state.ts, snapshot.ts), and deletes the sheets written for it (the
 * summary). The applies before it stay, newest first (UNDO_LEVELS). One `Excel.run`; syncs: 1
 * (which workbook, which sheets) + 1 per 4 MB written (were cells edited since? edits-since.ts)
 * + one per group of captured blocks (<= 20,000 rows each, written back together under the payload
 * budget) + 1 (conditional formats, header font, sheets).
 *
 * Cells edited since the apply: without `confirmEdits` nothing is restored and the result names
 * them (address and what is there now), so the person decides.
 *
 * Input cells of number text that apply rewrote as numbers for its formulas (`writeTextNumbers`)
 * get their text and number formats back in the same undo.
 *
 * The conditional formats apply added are deleted by id (`getItemOrNullObject`, so one a person
 * already deleted is skipped); older ones stay as they are.
 */
import { sheetAddress } from "../address";
import type { UndoOptions, UndoResult } from "../contract";
import { PAYLOAD_BUDGET_BYTES } from "../batching";
import type { ExcelApi } from "../excel-api";
import { undoReplaced } from "../share/share";
import { editsSince } from "./edits-since";
import { queueRestore, restoreRowBytes } from "./snapshot";
import { queueTextRestore } from "./text-numbers";
import type { AdapterState, CapturedBlock } from "./state";

function blockBytes(block: CapturedBlock): number {
  let n = 0;
  for (let i = 0; i < block.count; i++) n += restoreRowBytes(block, i);
  return n;
}

export async function undoLastApply(excel: ExcelApi, state: AdapterState, options: UndoOptions = {}): Promise<UndoResult> {
  return excel.run(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    wb.worksheets.load("items/name");
    await context.sync();
    const stack = state.get(wb.name).undo;
    const sheets = new Set(wb.worksheets.items.map((s) => s.name));
    // applies on sheets deleted since cannot be undone: forget them
    for (let i = stack.length - 1; i >= 0; i--) if (!sheets.has(stack[i].sheet)) stack.splice(i, 1);
    const rec = stack[stack.length - 1];
    if (!rec) return { restored: false };
    if (rec.replaced) {
      // "Prepare to share": GK formulas back on every sheet it touched (share/share.ts)
      const r = await undoReplaced(context, rec, sheets, options);
      if (r.restored) {
        stack.pop();
        if (stack.length > 0) r.remaining = stack.length;
      }
      return r;
    }
    const ws = wb.worksheets.getItem(rec.sheet);

    if (!options.confirmEdits) {
      const edits = await editsSince(context, ws, rec);
      if (edits.count > 0) return { restored: false, address: rec.address, edited: edits.cells, editedCount: edits.count };
    }

    const area = ws.getRangeByIndexes(rec.rect.r0, rec.rect.c0, rec.rect.r1 - rec.rect.r0 + 1, rec.rect.c1 - rec.rect.c0 + 1);
    const cfs = rec.conditionalFormatIds.map((id) => {
      const cf = area.conditionalFormats.getItemOrNullObject(id);
      cf.load("id");
      return cf;
    });
    const app = wb.application;
    // captured blocks written back together while under the payload budget (the header row joins the first block)
    let bytes = 0;
    for (const block of rec.blocks) {
      const size = blockBytes(block);
      if (bytes > 0 && bytes + size > PAYLOAD_BUDGET_BYTES) {
        await context.sync();
        bytes = 0;
      }
      if (bytes === 0) {
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
      }
      queueRestore(ws, rec.rect.r0, rec.rect.c0, block);
      bytes += size;
    }
    if (bytes > 0) await context.sync();
    // input cells of number text rewritten as numbers for the formulas: the text back
    if (rec.numbers) queueTextRestore(ws, rec.numbers);
    for (const cf of cfs) if (!cf.isNullObject) cf.delete();
    if (rec.headerBold) {
      rec.headerBold.forEach((bold, j) => {
        if (bold !== null) ws.getRangeByIndexes(rec.rect.r0, rec.rect.c0 + j, 1, 1).format.font.bold = bold;
      });
    }
    const removed = rec.createdSheets.filter((name) => sheets.has(name) && name !== rec.sheet);
    if (removed.length > 0) {
      // a sheet cannot be deleted while it is active: show the graded sheet first
      const active = wb.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      if (removed.includes(active.name)) ws.activate();
      for (const name of removed) wb.worksheets.getItem(name).delete();
    }
    await context.sync();
    stack.pop();
    const out: UndoResult = { restored: true, address: sheetAddress(rec.sheet, rec.rect) };
    if (removed.length > 0) out.removedSheets = removed;
    if (stack.length > 0) out.remaining = stack.length;
    return out;
  });
}

export async function canUndo(excel: ExcelApi, state: AdapterState): Promise<boolean> {
  return excel.run(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    wb.worksheets.load("items/name");
    await context.sync();
    const sheets = new Set(wb.worksheets.items.map((s) => s.name));
    return state.get(wb.name).undo.some((r) => sheets.has(r.sheet));
  });
}
