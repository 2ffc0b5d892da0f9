/**
 * readSelection(): the selected table (or the region around the selected cell), its header row
 * matched to a template, and its values. One `Excel.run`; syncs: 1 (locate) + 1 (probe) + one per
 * block of at most 20,000 rows (values only).
 */
import { matchHeaders, type Template } from "../engine";
import type { AdapterState } from "./state";
import { detectTable, locate, readColumns } from "./table";
import type { ReadTableResult } from "./types";
import type { ExcelApi } from "./run";

export async function readSelection(excel: ExcelApi, state: AdapterState, template: Template): Promise<ReadTableResult> {
  return excel.run(async (context) => {
    const loc = await locate(context, undefined, undefined, template);
    const { table, bytesPerRow } = await detectTable(context, loc, template);
    const all = Array.from({ length: table.columnCount }, (_, j) => j);
    const { columns } = await readColumns(context, table, all, bytesPerRow);
    const rows: unknown[][] = new Array(table.rowCount);
    for (let i = 0; i < table.rowCount; i++) {
      const row = new Array(table.columnCount);
      for (let j = 0; j < table.columnCount; j++) row[j] = columns.get(j)![i];
      rows[i] = row;
    }
    // Without a header row nothing can match by name: every column is unused, the UI maps by index.
    const match = matchHeaders(table.hasHeader ? table.headers : all.map(() => ""), template);
    state.get(loc.workbook).lastTable = table;
    return { table, rows, match };
  });
}
