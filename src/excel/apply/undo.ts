/**
 * undoLastApply(): puts back what the last apply replaced in this workbook, from the snapshot kept
 * in memory (state.ts, snapshot.ts). One `Excel.run`; syncs: 1 (which workbook, does the sheet
 * still exist) + one per captured block (<= 20,000 rows, sized under the payload limit when it was
 * read) + 1 (conditional formats and header font).
 *
 * The conditional formats apply added are deleted by id (`getItemOrNullObject`, so one a person
 * already deleted is skipped); older ones stay as they are.
 */
import { sheetAddress } from "../address";
import type { ExcelApi } from "../excel-api";
import { queueRestore } from "./snapshot";
import type { AdapterState } from "./state";

export async function undoLastApply(excel: ExcelApi, state: AdapterState): Promise<{ restored: boolean; address?: string }> {
  return excel.run(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    wb.worksheets.load("items/name");
    await context.sync();
    const ws0 = state.get(wb.name);
    const rec = ws0.undo;
    if (!rec) return { restored: false };
    if (!wb.worksheets.items.some((s) => s.name === rec.sheet)) {
      ws0.undo = undefined;
      return { restored: false };
    }
    const ws = wb.worksheets.getItem(rec.sheet);
    const area = ws.getRangeByIndexes(rec.rect.r0, rec.rect.c0, rec.rect.r1 - rec.rect.r0 + 1, rec.rect.c1 - rec.rect.c0 + 1);
    const cfs = rec.conditionalFormatIds.map((id) => {
      const cf = area.conditionalFormats.getItemOrNullObject(id);
      cf.load("id");
      return cf;
    });
    const app = wb.application;
    for (const block of rec.blocks) {
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      queueRestore(ws, rec.rect.r0, rec.rect.c0, block);
      await context.sync();
    }
    for (const cf of cfs) if (!cf.isNullObject) cf.delete();
    if (rec.headerBold) {
      rec.headerBold.forEach((bold, j) => {
        if (bold !== null) ws.getRangeByIndexes(rec.rect.r0, rec.rect.c0 + j, 1, 1).format.font.bold = bold;
      });
    }
    await context.sync();
    ws0.undo = undefined;
    return { restored: true, address: sheetAddress(rec.sheet, rec.rect) };
  });
}

export async function canUndo(excel: ExcelApi, state: AdapterState): Promise<boolean> {
  return excel.run(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    await context.sync();
    return state.get(wb.name).undo !== undefined;
  });
}
