/**
 * The grade history in the workbook: sheet "GradeKit History" (zh "分级历史"), one native Excel
 * table named `GradeKitHistory` (found by name wherever it is), columns
 *   Period | Date | Key | Grade | Score | Template | Version | Measure | Status
 *   期间   | 日期 | 键  | 等级  | 得分  | 模板     | 版本    | 度量    | 状态
 * (language of the first save). One row per customer and saved period; rows are only ever
 * appended (`save-period.ts`), never rewritten or deleted, except the Status cell of a replaced
 * period's rows ("superseded"). Readers ignore superseded rows. This module finds and reads it.
 */
import { isBlank, normalizeWord } from "../../engine";
import { isoOf, keyText, toSerial } from "../../engine/review";
import { sheetAddress } from "../address";
import type { SavedPeriod, TableInfo } from "../contract";
import type { ExcelApi } from "../excel-api";
import { readColumns } from "../table/columns";
import { HISTORY_HEADERS, HISTORY_ROLES, HISTORY_TABLE, ReviewError, type HistoryRole } from "./catalogue";

/** Roles -> column index within the history table, from its header (either language). */
export function historyColumns(headers: readonly unknown[]): Record<HistoryRole, number> | string[] {
  const norm = headers.map((h) => normalizeWord(keyText(h)));
  const out = {} as Record<HistoryRole, number>;
  const missing: string[] = [];
  HISTORY_ROLES.forEach((role, k) => {
    const names = [HISTORY_HEADERS.en[k], HISTORY_HEADERS["zh-CN"][k]].map(normalizeWord);
    const c = norm.findIndex((h) => names.includes(h));
    if (c < 0) missing.push(HISTORY_HEADERS.en[k]);
    else out[role] = c;
  });
  return missing.length ? missing : out;
}

export interface HistoryLoc {
  sheet: string;
  info: TableInfo;
  cols: Record<HistoryRole, number>;
  table: Excel.Table;
}

/**
 * Finds the history table (queued lookup from `lookup()`, already synced) and loads its range and
 * header: 1 sync. Null when there is no history table.
 */
export async function historyLoc(context: Excel.RequestContext, found: Excel.Table): Promise<HistoryLoc | null> {
  if (found.isNullObject) return null;
  const range = found.getRange();
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  const ws = found.worksheet;
  ws.load("name");
  const head = found.getHeaderRowRange();
  head.load("values");
  await context.sync();
  const cols = historyColumns(head.values[0]);
  if (Array.isArray(cols)) throw new ReviewError("historyDamaged", cols.join(", "));
  const headers = (head.values[0] as unknown[]).map((h) => keyText(h));
  const info: TableInfo = {
    sheet: ws.name,
    address: sheetAddress(ws.name, { r0: range.rowIndex, c0: range.columnIndex, r1: range.rowIndex + range.rowCount - 1, c1: range.columnIndex + range.columnCount - 1 }),
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    hasHeader: true,
    headers,
    rowCount: range.rowCount - 1,
    columnCount: range.columnCount,
  };
  return { sheet: ws.name, info, cols, table: found };
}


/** A Status cell that marks its row superseded (any text). */
export const isSuperseded = (v: unknown): boolean => !isBlank(v);

export interface HistoryRows {
  loc: HistoryLoc;
  /** Column-major values of the whole table body. */
  columns: Map<number, unknown[]>;
}

export async function readHistory(context: Excel.RequestContext, onProgress?: (done: number, total: number) => void): Promise<HistoryRows> {
  const found = context.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
  await context.sync();
  const loc = await historyLoc(context, found);
  if (!loc) throw new ReviewError("noHistory");
  const all = Array.from({ length: loc.info.columnCount }, (_, j) => j);
  let done = 0;
  const { columns } = await readColumns(context, loc.info, all, 40 * loc.info.columnCount, {
    extraPerBlock: (b) => () => {
      done += b.count;
      onProgress?.(done, loc.info.rowCount);
    },
  });
  return { loc, columns };
}

/** The saved periods, in order of first appearance in the history table. Syncs: 2 + one per block. */
export async function listPeriods(excel: ExcelApi): Promise<SavedPeriod[]> {
  return excel.run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
    await context.sync();
    const loc = await historyLoc(context, found);
    if (!loc || loc.info.rowCount === 0) return [];
    const c = loc.cols;
    const { columns } = await readColumns(context, loc.info, [c.period, c.date, c.template, c.status], 40 * loc.info.columnCount);
    const per = columns.get(c.period)!;
    const dates = columns.get(c.date)!;
    const tpl = columns.get(c.template)!;
    const st = columns.get(c.status)!;
    const out = new Map<string, SavedPeriod>();
    for (let i = 0; i < loc.info.rowCount; i++) {
      const p = keyText(per[i]);
      if (!p) continue;
      let sp = out.get(p);
      if (!sp) {
        const d = toSerial(dates[i]);
        out.set(p, (sp = { period: p, date: d.ok ? isoOf(d.serial) : keyText(dates[i]), rows: 0, supersededRows: 0, templateIds: [] }));
      }
      if (isSuperseded(st[i])) sp.supersededRows++;
      else {
        sp.rows++;
        const id = keyText(tpl[i]);
        if (id && !sp.templateIds.includes(id)) sp.templateIds.push(id);
      }
    }
    return [...out.values()];
  });
}
