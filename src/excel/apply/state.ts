/**
 * What the adapter remembers between calls, per workbook (keyed by `Workbook.name`): the undo
 * snapshots of the last applies (newest last, at most `UNDO_LEVELS`) and the last table used. In memory only: a reload of the add-in
 * forgets it (the workbook itself is never marked, so undo leaves no trace in it).
 */
import type { Rect } from "../address";
import type { TableInfo } from "../contract";
import type { ColumnFormats } from "./number-formats";

/** The value to write back into one cell: number, boolean, formula or (guarded) text; "" = empty. */
export type RestoreValue = string | number | boolean;

/** One column of one captured block of the output area. */
export interface CapturedColumn {
  /** Values to write back, or null when every cell of the block was empty. */
  restore: RestoreValue[] | null;
  /** Number formats: one string when uniform over the block. */
  numberFormat: ColumnFormats;
}

/** Rows `start..start+count-1` of the output area (relative to its top row). */
export interface CapturedBlock {
  start: number;
  count: number;
  columns: CapturedColumn[];
}

export interface UndoRecord {
  workbook: string;
  sheet: string;
  /** The whole output area (header row included). */
  rect: Rect;
  address: string;
  blocks: CapturedBlock[];
  /** Font bold of the header cells before apply (null: no header row was written). */
  headerBold: (boolean | null)[] | null;
  /** Ids of the conditional formats apply added (deleted by id on undo). */
  conditionalFormatIds: string[];
  /** What apply wrote (to name cells edited since, before undo overwrites them). */
  written: WrittenBlock[];
  /** Sheets made for this apply afterwards (the summary): deleted with its undo. */
  createdSheets: string[];
  /** Input cells of number text rewritten as numbers before the formulas (`writeTextNumbers`). */
  numbers?: NumberRun[];
  /** "Prepare to share": the areas it replaced on any sheet (then `blocks` and `written` are empty). */
  replaced?: ReplacedArea[];
}

/** Cells "Prepare to share" replaced: what it wrote, and what undo writes back (the GK formula; "" where it spilled). */
export interface ReplacedArea {
  sheet: string;
  rect: Rect;
  written: RestoreValue[][];
  restore: RestoreValue[][];
}

/** Rows apply wrote at sheet row `row` from the output area's first column; `formulas`: written as formulas. */
export interface WrittenBlock {
  row: number;
  rows: RestoreValue[][];
  formulas: boolean;
}

/** Consecutive rows of one column rewritten as numbers: what was there, and what was written. */
export interface NumberRun {
  /** Zero-based sheet row of the first cell and sheet column. */
  row: number;
  col: number;
  /** The text as written back on undo (guarded), one per row. */
  before: RestoreValue[];
  /** Number formats before (restored on undo). */
  formats: string[];
  /** The numbers written. */
  after: number[];
}

/** How many applies can be undone, newest first (older ones are forgotten). */
export const UNDO_LEVELS = 10;

export interface WorkbookState {
  /** Undo records, oldest first; the last one is undone first. */
  undo: UndoRecord[];
  lastTable?: TableInfo;
}

export class AdapterState {
  private readonly byWorkbook = new Map<string, WorkbookState>();
  get(workbook: string): WorkbookState {
    let s = this.byWorkbook.get(workbook);
    if (!s) {
      s = { undo: [] };
      this.byWorkbook.set(workbook, s);
    }
    return s;
  }
  /** Keeps `record` as the newest undo level of its workbook (dropping the oldest beyond UNDO_LEVELS). */
  pushUndo(record: UndoRecord): void {
    const stack = this.get(record.workbook).undo;
    stack.push(record);
    if (stack.length > UNDO_LEVELS) stack.splice(0, stack.length - UNDO_LEVELS);
  }
}
