/**
 * Describing the located region as a table: its header row (headers.ts), its columns (without the
 * Grade/Score/Reason columns GradeKit wrote at its right end) and the size of a row. One sync.
 */
import { matchHeaders, type Template } from "../../engine";
import { columnLetters, sheetAddress } from "../address";
import { jsonBytes } from "../batching";
import type { TableInfo } from "../contract";
import { AdapterError } from "../errors";
import { OUTPUT_HEADERS } from "../words";
import { detectHeader, headerTexts } from "./headers";
import type { Located } from "./locate";

/** Rows read to detect the header row and to estimate the size of a row. */
export const PROBE_ROWS = 25;

export interface Detected {
  table: TableInfo;
  /** Probe rows (data rows only, as read), at most PROBE_ROWS. */
  probe: unknown[][];
  /** Estimated JSON bytes of one data row of the whole table. */
  bytesPerRow: number;
}

/**
 * Reads the first rows of the candidate region (1 sync), finds the header row (headers.ts),
 * drops columns GradeKit wrote earlier at the right end of the table (headers "Grade"/"Score"/
 * "Reason" or 等级/得分/原因 that match no template field), and describes the table.
 */
export async function detectTable(context: Excel.RequestContext, loc: Located, template?: Template): Promise<Detected> {
  const ws = context.workbook.worksheets.getItem(loc.sheet);
  const rows = Math.min(PROBE_ROWS + 4, loc.rect.r1 - loc.rect.r0 + 1);
  const cols = loc.rect.c1 - loc.rect.c0 + 1;
  const probeRange = ws.getRangeByIndexes(loc.rect.r0, loc.rect.c0, rows, cols);
  probeRange.load("values");
  await context.sync();
  const values = probeRange.values as unknown[][];
  if (values.every((row) => row.every((v) => v === "" || v === null || v === undefined))) throw new AdapterError("noTable");

  if (loc.table) {
    const skip = loc.table.hasHeader ? 1 : 0;
    const probe = values.slice(skip, skip + PROBE_ROWS);
    return { table: loc.table, probe, bytesPerRow: estimateRowBytes(probe) };
  }
  const det = detectHeader(values, template);
  const hasHeader = det.headerRow >= 0;
  const top = loc.rect.r0 + Math.max(0, det.headerRow);
  let columnCount = cols;
  let headers = hasHeader ? headerTexts(values[det.headerRow]) : [];
  if (hasHeader) {
    const matched = new Set(template ? Object.values(matchHeaders(headers, template).mapping) : []);
    while (columnCount > 1 && OUTPUT_HEADERS.has(headers[columnCount - 1].toLowerCase()) && !matched.has(columnCount - 1)) columnCount--;
    headers = headers.slice(0, columnCount);
  } else {
    headers = Array.from({ length: columnCount }, (_, j) => columnLetters(loc.rect.c0 + j));
  }
  const dataTop = top + (hasHeader ? 1 : 0);
  const rowCount = loc.rect.r1 - dataTop + 1;
  const table: TableInfo = {
    sheet: loc.sheet,
    address: sheetAddress(loc.sheet, { r0: top, c0: loc.rect.c0, r1: Math.max(top, loc.rect.r1), c1: loc.rect.c0 + columnCount - 1 }),
    rowIndex: top,
    columnIndex: loc.rect.c0,
    hasHeader,
    headers,
    rowCount: Math.max(0, rowCount),
    columnCount,
  };
  const first = det.headerRow + 1;
  const probe = values.slice(first, first + PROBE_ROWS).map((r) => r.slice(0, columnCount));
  return { table, probe, bytesPerRow: estimateRowBytes(probe) };
}

/** JSON bytes of an average probe row, with a 50% margin for longer rows further down. */
export function estimateRowBytes(probe: readonly unknown[][]): number {
  if (probe.length === 0) return 64;
  return Math.ceil((jsonBytes(probe) / probe.length) * 1.5) + 8;
}
