/**
 * Cells a person changed after an apply: what apply wrote (`UndoRecord.written`) compared with
 * what the cells hold now (`Range.formulas`: a constant reads back as its value, a formula as its
 * text). Undo names them (address and what is there now) and asks before putting the old contents
 * back over them. Written blocks are read together while their size stays under the payload
 * budget: one sync for most tables.
 */
import { sheetAddress } from "../address";
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from "../batching";
import type { EditedCell } from "../contract";
import type { RestoreValue, UndoRecord, WrittenBlock } from "./state";

/** Cells named in full; the rest are counted. */
export const EDITS_NAMED = 5;

/** What a written value reads back as through `Range.formulas`. */
function expected(v: RestoreValue, formulas: boolean): RestoreValue {
  if (typeof v !== "string") return v;
  if (formulas && v.startsWith("=")) return normaliseFormula(v);
  return v.startsWith("'") ? v.slice(1) : v; // the text guard is not part of the value
}

/** Formula text compared without spaces and case (Excel may re-case function names). */
function normaliseFormula(f: string): string {
  return f.replace(/\s+/g, "").toUpperCase();
}

function same(now: unknown, want: RestoreValue, formulas: boolean): boolean {
  if (formulas && typeof now === "string" && now.startsWith("=") && typeof want === "string") return normaliseFormula(now) === want;
  if (now === null || now === undefined) return want === "";
  return now === want;
}

/** True when a cell read through `Range.formulas` (`now`) no longer holds what was written (`written`). */
export function cellChanged(now: unknown, written: RestoreValue, formulas: boolean): boolean {
  return !same(now, expected(written, formulas), formulas);
}

/** Finds the cells of `record`'s output area (and of its rewritten number text) that no longer hold what apply wrote. */
export async function editsSince(context: Excel.RequestContext, ws: Excel.Worksheet, record: UndoRecord): Promise<{ count: number; cells: EditedCell[] }> {
  const cells: EditedCell[] = [];
  let count = 0;
  const c0 = record.rect.c0;
  let queued: { w: WrittenBlock; range: Excel.Range }[] = [];
  let bytes = 0;
  const check = async () => {
    if (queued.length === 0) return;
    await context.sync();
    for (const { w, range } of queued) {
      const now = range.formulas as unknown[][];
      w.rows.forEach((row, i) => {
        row.forEach((v, j) => {
          if (same(now[i][j], expected(v, w.formulas), w.formulas)) return;
          count++;
          if (cells.length < EDITS_NAMED) {
            const x = now[i][j];
            cells.push({ address: sheetAddress(record.sheet, { r0: w.row + i, c0: c0 + j, r1: w.row + i, c1: c0 + j }), now: x === null || x === undefined ? "" : String(x) });
          }
        });
      });
    }
    queued = [];
    bytes = 0;
  };
  for (const w of record.written) {
    if (w.rows.length === 0) continue;
    const size = jsonBytes(w.rows);
    if (bytes > 0 && bytes + size > PAYLOAD_BUDGET_BYTES) await check();
    const range = ws.getRangeByIndexes(w.row, c0, w.rows.length, w.rows[0].length);
    range.load("formulas");
    queued.push({ w, range });
    bytes += size;
  }
  await check();
  // input cells rewritten as numbers for the formulas: still the numbers written?
  const runs = (record.numbers ?? []).map((run) => {
    const range = ws.getRangeByIndexes(run.row, run.col, run.after.length, 1);
    range.load("formulas");
    return { run, range };
  });
  if (runs.length) await context.sync();
  for (const { run, range } of runs) {
    const now = range.formulas as unknown[][];
    run.after.forEach((v, i) => {
      if (same(now[i][0], v, false)) return;
      count++;
      if (cells.length < EDITS_NAMED) {
        const x = now[i][0];
        cells.push({ address: sheetAddress(record.sheet, { r0: run.row + i, c0: run.col, r1: run.row + i, c1: run.col }), now: x === null || x === undefined ? "" : String(x) });
      }
    });
  }
  return { count, cells };
}

