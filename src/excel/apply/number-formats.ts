/**
 * Number formats of the cells apply writes to. They are read before writing (in the read blocks)
 * because they decide how text is written: in a cell formatted as Text (`@`) a string is kept as
 * it is, elsewhere text Excel would convert gets an apostrophe (`cell-text.ts`). This is the
 * writer's own copy; the undo snapshot keeps its own for putting the cells back.
 */

/** Number formats of one column of a block of cells: one string when it is the same in every row. */
export type ColumnFormats = string | string[];

/** Column `j` of a block's `numberFormat`, compressed when uniform ("General" for no rows). */
export function columnFormats(numberFormat: readonly (readonly string[])[], j: number): ColumnFormats {
  const first = numberFormat[0]?.[j] ?? "General";
  for (let i = 1; i < numberFormat.length; i++) if (numberFormat[i][j] !== first) return numberFormat.map((r) => r[j]);
  return first;
}

/** The format of row `i` of a column. */
export function formatAt(c: ColumnFormats, i: number): string {
  return typeof c === "string" ? c : c[i];
}

/** The number formats of the output cells, by data row (0 = first data row) and output column. */
export class TargetFormats {
  private readonly blocks: { start: number; count: number; columns: ColumnFormats[] }[] = [];
  private last = 0;

  /** Adds the formats of data rows `start..` as loaded (`Range.numberFormat`); blocks come in order. */
  add(start: number, numberFormat: readonly (readonly string[])[]): void {
    const cols = numberFormat.length > 0 ? numberFormat[0].length : 0;
    this.blocks.push({ start, count: numberFormat.length, columns: Array.from({ length: cols }, (_, j) => columnFormats(numberFormat, j)) });
  }

  /** The format of data row `row`, output column `col` ("General" when it was not read). Fastest for rows asked in order. */
  at(row: number, col: number): string {
    if (this.blocks.length === 0) return "General";
    let k = this.last < this.blocks.length && row >= this.blocks[this.last].start ? this.last : 0;
    while (k < this.blocks.length - 1 && row >= this.blocks[k].start + this.blocks[k].count) k++;
    this.last = k;
    const b = this.blocks[k];
    const c = b.columns[col];
    return c === undefined ? "General" : formatAt(c, row - b.start);
  }
}
