/**
 * The table's columns: checking that mapped columns are inside it, and reading columns' values in
 * blocks (one sync per block, sized under the payload budget).
 */
import { MAX_BLOCK_ROWS, readInBlocks, rowsPerBlock, type Block } from "../batching";
import type { TableInfo } from "../contract";
import { AdapterError } from "../errors";

/** Zero-based sheet row of the first data row. */
export function dataTop(t: TableInfo): number {
  return t.rowIndex + (t.hasHeader ? 1 : 0);
}

/** Maximal runs of consecutive column indexes: [2,3,5] -> [[2,2],[5,1]] (start, length). */
export function columnRuns(cols: readonly number[]): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/**
 * Reads the given table columns (indexes within the table; all when omitted), values only, in
 * blocks of at most 20,000 rows sized to stay under the payload budget: one sync per block.
 * Returns one array per requested column (column-major), each `table.rowCount` long.
 * `extraPerBlock` queues more loads into each block's batch and returns a callback that receives
 * the block after the sync; `extraBytesPerRow` is their estimated size.
 */
export async function readColumns(
  context: Excel.RequestContext,
  table: TableInfo,
  columns: readonly number[],
  bytesPerRow: number,
  opts: {
    extraPerBlock?: (b: Block) => () => void;
    extraBytesPerRow?: number;
    signal?: AbortSignal;
  } = {},
): Promise<{ columns: Map<number, unknown[]>; completed: boolean }> {
  const ws = context.workbook.worksheets.getItem(table.sheet);
  const top = dataTop(table);
  const runs = columnRuns(columns);
  const out = new Map<number, unknown[]>();
  for (const c of new Set(columns)) out.set(c, new Array(table.rowCount));
  const perRow = (bytesPerRow * Math.max(1, [...out.keys()].length)) / Math.max(1, table.columnCount) + (opts.extraBytesPerRow ?? 0);
  const completed = await readInBlocks(
    table.rowCount,
    rowsPerBlock(perRow, { maxRows: MAX_BLOCK_ROWS }),
    async (b) => {
      const ranges = runs.map(([c, n]) => {
        const r = ws.getRangeByIndexes(top + b.start, table.columnIndex + c, b.count, n);
        r.load("values");
        return r;
      });
      const after = opts.extraPerBlock?.(b);
      await context.sync();
      return { ranges, after };
    },
    (b, { ranges, after }) => {
      runs.forEach(([c, n], k) => {
        const vals = ranges[k].values;
        for (let j = 0; j < n; j++) {
          const col = out.get(c + j)!;
          for (let i = 0; i < b.count; i++) col[b.start + i] = vals[i][j];
        }
      });
      after?.();
      return !opts.signal?.aborted;
    },
  );
  return { columns: out, completed };
}

/** Checks that mapped columns are inside the table. */
export function checkMapping(table: TableInfo, mapping: Record<string, number>): void {
  for (const [key, col] of Object.entries(mapping)) {
    if (!Number.isInteger(col) || col < 0 || col >= table.columnCount) throw new AdapterError("badMapping", `${key} -> ${col}`);
  }
}

/** The table made wide enough to read columns past its last one (e.g. the Grade column apply wrote). */
export function widened(table: TableInfo, cols: readonly number[]): TableInfo {
  const max = Math.max(table.columnCount, ...cols.map((c) => c + 1));
  return { ...table, columnCount: max };
}
