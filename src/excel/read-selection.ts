/**
 * readSelection(): the selected table (or the region around the selected cell), its header row
 * matched to a template, and its values. One `Excel.run`; syncs: 1 (locate) + 1 (probe) + one per
 * block of at most 20,000 rows (values only). The selection pipeline without grading.
 */
import { matchHeaders, type Template } from "../engine";
import type { AdapterState } from "./apply/state";
import type { ReadTableResult } from "./contract";
import type { ExcelApi } from "./excel-api";
import { gradeSelection } from "./table/pipeline";

export async function readSelection(excel: ExcelApi, state: AdapterState, template: Template): Promise<ReadTableResult> {
  return excel.run(async (context) => {
    // every column of the table found; an empty table is returned as it is
    const allColumns = (t: { columnCount: number }) => Array.from({ length: t.columnCount }, (_, j) => j);
    const { loc, table, columns } = await gradeSelection(context, {
      template,
      noRows: null,
      extra: (t) => Object.fromEntries(allColumns(t).map((j) => [String(j), j])),
    });
    const rows: unknown[][] = new Array(table.rowCount);
    for (let i = 0; i < table.rowCount; i++) {
      const row = new Array(table.columnCount);
      for (let j = 0; j < table.columnCount; j++) row[j] = columns.get(j)![i];
      rows[i] = row;
    }
    // Without a header row nothing can match by name: every column is unused, the UI maps by index.
    const match = matchHeaders(table.hasHeader ? table.headers : allColumns(table).map(() => ""), template);
    state.get(loc.workbook).lastTable = table;
    return { table, rows, match };
  });
}
