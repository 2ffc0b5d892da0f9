/**
 * Where the table is: the given one, or the selection (the region around a single selected cell,
 * extended across short runs of blank rows). Runs inside an `Excel.run` batch that the caller
 * owns; each function says how many `context.sync()` calls it makes.
 */
import { matchHeaders, type Template } from "../../engine";
import { intersect, type Rect } from "../address";
import { MAX_BLOCK_ROWS } from "../batching";
import type { TableInfo } from "../contract";
import { AdapterError } from "../errors";

export interface Located {
  workbook: string;
  sheet: string;
  /** The candidate region (before header detection), or the given table. */
  rect: Rect;
  /** Set when the caller passed a table: no detection needed. */
  table?: TableInfo;
}

type RangeDims = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };

function rectOf(r: RangeDims): Rect {
  return { r0: r.rowIndex, c0: r.columnIndex, r1: r.rowIndex + r.rowCount - 1, c1: r.columnIndex + r.columnCount - 1 };
}

function isUnsupported(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ApiNotFound" || code === "NotImplemented" || code === "UnsupportedOperation";
}

/**
 * Where the table is: the given one, else the selection (1 sync; 2 when getSurroundingRegion is
 * not supported by this Excel). A single selected cell means the region around it
 * (`getSurroundingRegion`, ExcelApi 1.7), or the used range where that API is missing; a larger
 * selection is clipped to the used range (whole-column selections).
 * `extra` queues more loads into the same sync.
 */
export async function locate(context: Excel.RequestContext, table?: TableInfo, extra?: () => void, template?: Template): Promise<Located> {
  const wb = context.workbook;
  wb.load("name");
  if (table) {
    const sheet = wb.worksheets.getItemOrNullObject(table.sheet);
    sheet.load("name");
    extra?.();
    await context.sync();
    if (sheet.isNullObject) throw new AdapterError("sheetMissing", table.sheet);
    const dataTop = table.rowIndex + (table.hasHeader ? 1 : 0);
    const rect = { r0: table.rowIndex, c0: table.columnIndex, r1: dataTop + table.rowCount - 1, c1: table.columnIndex + table.columnCount - 1 };
    return { workbook: wb.name, sheet: table.sheet, rect, table };
  }
  const attempt = async (useRegion: boolean) => {
    const sel = wb.getSelectedRange();
    sel.load("rowIndex,columnIndex,rowCount,columnCount");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- `worksheet` is a navigation property: a proxy, nothing is read
    const ws = sel.worksheet;
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    let region: Excel.Range | null = null;
    // eslint-disable-next-line office-addins/load-object-before-read -- a feature test for the method (older Excel lacks it), not a property read
    if (useRegion && typeof (sel as Partial<Excel.Range>).getSurroundingRegion === "function") {
      region = sel.getSurroundingRegion();
      region.load("rowIndex,columnIndex,rowCount,columnCount");
    }
    extra?.();
    await context.sync();
    return { sel, ws, used, region };
  };
  let got: Awaited<ReturnType<typeof attempt>>;
  try {
    got = await attempt(true);
  } catch (e) {
    if (!isUnsupported(e)) throw e;
    got = await attempt(false);
  }
  const { sel, ws, used, region } = got;
  const selRect = rectOf(sel);
  const single = sel.rowCount === 1 && sel.columnCount === 1;
  let rect: Rect | null;
  if (single) rect = region ? rectOf(region) : used.isNullObject ? null : rectOf(used);
  else rect = used.isNullObject ? null : intersect(selRect, rectOf(used));
  if (!rect) throw new AdapterError(single ? "noTable" : "emptySheet");
  if (single && region && !used.isNullObject) rect = await extendAcrossBlankRows(context, ws, rect, rectOf(used), template);
  return { workbook: wb.name, sheet: ws.name, rect };
}

/** Blank rows a table may contain: more consecutive blank rows end it. */
export const MAX_BLANK_ROWS = 2;

function blankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === "" || v === null || v === undefined);
}

/**
 * The region around a cell stops at the first blank row, but tables often contain one ("no data"
 * rows). Extends the region up and down, within its columns and the used range, across runs of
 * at most MAX_BLANK_ROWS blank rows; a row after a gap that matches template fields (a repeated
 * header, i.e. another table) stops it. Reads values only: a window of 4 rows first (enough when
 * the region is followed by a gap and something else), then blocks of 20,000 rows, one sync each;
 * no sync at all when nothing is above or below the region.
 */
async function extendAcrossBlankRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  region: Rect,
  used: Rect,
  template?: Template,
): Promise<Rect> {
  const cols = region.c1 - region.c0 + 1;
  // Another table's header row: it names two or more fields (a data cell may happen to equal one
  // field key, e.g. the category value "lawful"), or, for a one-field template, names that field
  // in a row with no numbers.
  const isHeader = (row: readonly unknown[]) => {
    if (!template) return false;
    const named = Object.keys(matchHeaders(row, template).mapping).length;
    if (named >= 2) return true;
    return named === 1 && template.fields.length === 1 && !row.some((v) => typeof v === "number");
  };
  const scan = async (dir: 1 | -1): Promise<number> => {
    let edge = dir === 1 ? region.r1 : region.r0; // last row known to belong to the table
    const limit = dir === 1 ? used.r1 : used.r0;
    let pos = edge + dir;
    let size = MAX_BLANK_ROWS + 2;
    let gap = 0;
    let edgeIsHeader = false;
    while (dir === 1 ? pos <= limit : pos >= limit) {
      const count = Math.min(size, Math.abs(limit - pos) + 1);
      const first = dir === 1 ? pos : pos - count + 1;
      const r = ws.getRangeByIndexes(first, region.c0, count, cols);
      r.load("values");
      // going up, the region's own top row tells whether it starts with a header (same sync)
      const top = dir === -1 && pos === region.r0 - 1 ? ws.getRangeByIndexes(region.r0, region.c0, 1, cols) : null;
      top?.load("values");
      await context.sync();
      if (top) edgeIsHeader = isHeader((top.values as unknown[][])[0]);
      const vals = r.values as unknown[][];
      for (let i = 0; i < count; i++) {
        const row = vals[dir === 1 ? i : count - 1 - i];
        const at = pos + dir * i;
        if (blankRow(row)) {
          if (++gap > MAX_BLANK_ROWS) return edge;
          continue;
        }
        // another table: going down, a header after the gap; going up, our header before it
        if (gap > 0 && (dir === 1 ? isHeader(row) : edgeIsHeader)) return edge;
        gap = 0;
        edge = at;
        if (dir === -1) edgeIsHeader = isHeader(row);
      }
      pos += dir * count;
      size = MAX_BLOCK_ROWS; // after the first small window, whole blocks: one sync per 20,000 rows
    }
    return edge;
  };
  const r1 = used.r1 > region.r1 ? await scan(1) : region.r1;
  const r0 = used.r0 < region.r0 ? await scan(-1) : region.r0;
  return { ...region, r0, r1 };
}
