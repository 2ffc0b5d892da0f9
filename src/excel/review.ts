/**
 * Period review in the workbook: grade history (save a period), the review sheet (compare two
 * saved periods) and the follow-up schedule. One `Excel.run` per use case; no sync inside a loop
 * over rows or cells, only once per block of at most 20,000 rows; values first, then formats.
 *
 * History: sheet "GradeKit History" (zh "分级历史"), one native Excel table named
 * `GradeKitHistory` (found by name wherever it is), columns
 *   Period | Date | Key | Grade | Score | Template | Version | Measure | Status
 *   期间   | 日期 | 键  | 等级  | 得分  | 模板     | 版本    | 度量    | 状态
 * (language of the first save). One row per customer and saved period; rows are only ever
 * appended (`table.rows.add`), never rewritten or deleted. Grades are canonical ids (language-
 * neutral); dates are Excel dates (serials formatted `yyyy-mm-dd`).
 *
 * Saving a period label that already has rows returns `needsConfirmation` (nothing written).
 * With `confirmReplace` the new rows are appended and the period's earlier rows are marked
 * "superseded" in their Status cell — the only cells of the table that ever change after being
 * written, and only for the period being replaced: no other period's cells are touched, and
 * nothing moves, whether or not that period's rows are contiguous. Readers ignore superseded rows.
 */
import { BilingualError, withDetail } from "./errors";
import {
  compileTemplate,
  gradeTable,
  isBlank,
  normalizeWord,
  parseNumber,
  type Lang,
  type Template,
} from "../engine";
import {
  comparePeriods,
  followUpSchedule,
  isoOf,
  keyText,
  reviewSheet,
  serialOf,
  toSerial,
  type Comparison,
  type FollowUp,
  type ReviewSheet,
} from "../engine/review";
import { getBuiltinTemplate } from "../templates";
import { MAX_COLS, columnLetters, sheetAddress } from "./address";
import { chunkRows, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "./batching";
import { BAD_INPUT_STYLE } from "./apply";
import type { ExcelApi } from "./run";
import { dataTop, detectTable, locate, readColumns } from "./table";
import { textCell } from "./text";
import type { TableInfo } from "./types";

// ---------------------------------------------------------------------------------------------
// words

export const HISTORY_TABLE = "GradeKitHistory";
export const HISTORY_SHEET: Readonly<Record<Lang, string>> = Object.freeze({ en: "GradeKit History", "zh-CN": "分级历史" });
export type HistoryRole = "period" | "date" | "key" | "grade" | "score" | "template" | "version" | "measure" | "status";
export const HISTORY_ROLES: readonly HistoryRole[] = ["period", "date", "key", "grade", "score", "template", "version", "measure", "status"];
export const HISTORY_HEADERS: Readonly<Record<Lang, readonly string[]>> = Object.freeze({
  en: ["Period", "Date", "Key", "Grade", "Score", "Template", "Version", "Measure", "Status"],
  "zh-CN": ["期间", "日期", "键", "等级", "得分", "模板", "版本", "度量", "状态"],
});
export const SUPERSEDED: Readonly<Record<Lang, string>> = Object.freeze({ en: "superseded", "zh-CN": "已替换" });
export const DATE_FORMAT = "yyyy-mm-dd";
export const FOLLOW_UP_HEADERS: Readonly<Record<Lang, readonly [string, string, string]>> = Object.freeze({
  en: ["Next contact", "Overdue", "Follow-up"] as const,
  "zh-CN": ["下次联系", "是否逾期", "跟进说明"] as const,
});

export type ReviewErrorCode = "noHistory" | "historyDamaged" | "sheetTaken" | "periodMissing" | "badColumn" | "badDate" | "badPeriod" | "noRows" | "tooManyRows";

const ERR: Record<ReviewErrorCode, { en: string; zh: string }> = {
  noHistory: { en: "No period has been saved in this workbook yet (Save period first).", zh: "本工作簿尚未保存任何期间（请先保存期间）。" },
  historyDamaged: { en: "The GradeKit history table is missing columns: {detail}", zh: "GradeKit 历史表缺少列：{detail}" },
  sheetTaken: {
    en: "A sheet named '{detail}' already exists and holds no GradeKit history table: rename or delete that sheet.",
    zh: "已有名为“{detail}”的工作表，但其中没有 GradeKit 历史表：请重命名或删除该工作表。",
  },
  periodMissing: { en: "No saved period '{detail}'.", zh: "没有已保存的期间“{detail}”。" },
  badColumn: { en: "A column is outside the sheet: {detail}", zh: "列超出工作表范围：{detail}" },
  badDate: { en: "Not a date: {detail}", zh: "不是日期：{detail}" },
  badPeriod: { en: "Give the period a label (e.g. 2024-03).", zh: "请填写期间名称（例如 2024-03）。" },
  noRows: { en: "The table has no data rows.", zh: "表格没有数据行。" },
  tooManyRows: { en: "The history table would exceed Excel's row limit: {detail}", zh: "历史表将超过 Excel 的行数上限：{detail}" },
};

/** A problem a person can fix, in English and Chinese (like AdapterError). */
export class ReviewError extends BilingualError<ReviewErrorCode> {
  constructor(code: ReviewErrorCode, detail = "") {
    super("ReviewError", code, withDetail(ERR[code], detail));
  }
}

// ---------------------------------------------------------------------------------------------
// options and results

export interface SavePeriodOptions {
  template: Template;
  /** The graded table (as readSelection returned it). Without it: the table around the selection. */
  table?: TableInfo;
  /**
   * Column indexes are relative to the table's first column and may point past its last column
   * (the Grade/Score columns apply wrote to the right of the table).
   */
  keyColumn: number;
  /** Column holding the grades (ids or labels, as apply writes them). Without it the rows are graded now with `mapping`. */
  gradeColumn?: number;
  /** Column holding the scores (with `gradeColumn`). */
  scoreColumn?: number;
  /** Field -> column, to grade now when `gradeColumn` is not given. */
  mapping?: Record<string, number>;
  params?: Record<string, number>;
  /** A column saved as the Measure (revenue, quantity...) for the review's measure shares. */
  measureColumn?: number;
  /** Period label, e.g. `2024-03`. */
  period: string;
  /** Date of the period (Excel serial, ISO text or Date). @default today */
  date?: number | string | Date;
  /** Set after the user confirmed replacing the period's earlier rows. */
  confirmReplace?: boolean;
  /** Language of a new history sheet. @default "en" */
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
}

export type SavePeriodResult =
  | {
      status: "needsConfirmation";
      period: string;
      /** Rows already saved for this period (not superseded). */
      existingRows: number;
      sheet: string;
    }
  | {
      status: "saved";
      period: string;
      sheet: string;
      /** The appended rows, e.g. `'GradeKit History'!A12:I40`. */
      address: string;
      rowsSaved: number;
      /** Earlier rows of this period marked superseded. */
      replacedRows: number;
      /** Table rows without a key (not saved). */
      skippedNoKey: number;
      /** Rows saved without a grade (not graded) and with a grade the template does not know. */
      ungraded: number;
      unknownGrades: number;
      /** Keys appearing more than once (saved as they are; the review reports them). */
      duplicateKeys: string[];
    };

export interface SavedPeriod {
  period: string;
  /** ISO date of the first row of the period. */
  date: string;
  rows: number;
  supersededRows: number;
  templateIds: string[];
}

export interface ComparePeriodsOptions {
  previous: string;
  current: string;
  /** Grade order and labels. Default: the built-in template the periods were saved with, else first appearance. */
  template?: Template;
  lang?: Lang;
  /** Name shown for the Measure column. */
  measureName?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ComparePeriodsResult {
  sheet: string;
  comparison: Comparison;
  /** The templates the two periods were saved with (ids). */
  templateIds: string[];
  /** The grade order used: "template" or "firstAppearance". */
  order: "template" | "firstAppearance";
}

export interface FollowUpOptions {
  template: Template;
  table?: TableInfo;
  /** Grade column (relative to the table's first column; may be past its end). */
  gradeColumn: number;
  lastContactColumn: number;
  /** "Today" for the overdue flag (serial, ISO text or Date). @default the computer's calendar date */
  today?: number | string | Date;
  lang?: Lang;
  /** Zero-based sheet column of the first output column, or "right" (after the last header). */
  targetColumn?: number | "right";
  /** Set after the user confirmed replacing non-empty cells. */
  confirmOverwrite?: boolean;
}

export type FollowUpResult =
  | { status: "needsConfirmation"; cellsToReplace: number; address: string }
  | {
      status: "written";
      address: string;
      today: string;
      scheduled: number;
      overdue: number;
      noCadence: number;
      noDate: number;
      problems: { row: number; reason: string }[];
      rows: FollowUp[];
    };

// ---------------------------------------------------------------------------------------------
// helpers

/** Today's date on the computer's calendar, as a serial (the only place local time is read). */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function dateSerial(v: number | string | Date | undefined): number {
  if (v === undefined) return todaySerial();
  const r = toSerial(v);
  if (!r.ok) throw new ReviewError("badDate", r.text);
  return r.serial;
}

type Cell = string | number | boolean;
const guard = (v: Cell): Cell => (typeof v === "string" ? textCell(v) : v);

function checkColumn(table: TableInfo, name: string, col: number | undefined): void {
  if (col === undefined) return;
  if (!Number.isInteger(col) || col < 0 || table.columnIndex + col >= MAX_COLS) throw new ReviewError("badColumn", `${name} -> ${col}`);
}

/** A table's data rows as a TableInfo wide enough for columns past its end. */
function widened(table: TableInfo, cols: number[]): TableInfo {
  const max = Math.max(table.columnCount, ...cols.map((c) => c + 1));
  return { ...table, columnCount: max };
}

/** Roles -> column index within the history table, from its header (either language). */
function historyColumns(headers: readonly unknown[]): Record<HistoryRole, number> | string[] {
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

interface HistoryLoc {
  sheet: string;
  info: TableInfo;
  cols: Record<HistoryRole, number>;
  table: Excel.Table;
}

/**
 * Finds the history table (queued lookup from `lookup()`, already synced) and loads its range and
 * header: 1 sync. Null when there is no history table.
 */
async function historyLoc(context: Excel.RequestContext, found: Excel.Table): Promise<HistoryLoc | null> {
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

/** Sheet rows (0-based) of `rows`, grouped into runs of consecutive rows. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

const isSuperseded = (v: unknown) => !isBlank(v);

// ---------------------------------------------------------------------------------------------
// save a period

/**
 * Saves the table's current grades as a period of the history table. Syncs: 1 (locate + find the
 * history table) + 1 (probe) + one per read block + 1 (history header) + one per block of the
 * history's Period/Status columns (+ 1 sheet-name check when the history is created) + one per
 * appended block + one per 20,000 superseded rows. Nothing is written before every check passed.
 */
export async function savePeriod(excel: ExcelApi, options: SavePeriodOptions): Promise<SavePeriodResult> {
  const lang: Lang = options.lang ?? "en";
  const period = String(options.period ?? "").trim();
  if (!period) throw new ReviewError("badPeriod");
  const date = dateSerial(options.date);
  const template = options.template;
  const compiled = compileTemplate(template);
  const gradeIdx = new Map<string, number>();
  compiled.grades.forEach((g, k) => {
    for (const w of [g.id, g.label.en, g.label.zh]) if (!gradeIdx.has(normalizeWord(w))) gradeIdx.set(normalizeWord(w), k);
  });

  return excel.run(async (context) => {
    const wb = context.workbook;
    let found!: Excel.Table;
    const loc = await locate(context, options.table, () => {
      found = wb.tables.getItemOrNullObject(HISTORY_TABLE);
    }, template);
    const { table, bytesPerRow } = await detectTable(context, loc, template);
    const n = table.rowCount;
    if (n === 0) throw new ReviewError("noRows");
    const named: [string, number | undefined][] = [
      ["keyColumn", options.keyColumn],
      ["gradeColumn", options.gradeColumn],
      ["scoreColumn", options.scoreColumn],
      ["measureColumn", options.measureColumn],
      ...Object.entries(options.mapping ?? {}),
    ];
    for (const [name, c] of named) checkColumn(table, name, c);
    if (options.gradeColumn === undefined && !options.mapping) throw new ReviewError("badColumn", "gradeColumn or mapping");
    const wanted = named.map(([, c]) => c).filter((c): c is number => c !== undefined);
    const { columns } = await readColumns(context, widened(table, wanted), wanted, bytesPerRow);

    // grades and scores
    const grades: (string | "")[] = new Array(n);
    const scores: (number | "")[] = new Array(n).fill("");
    let ungraded = 0;
    let unknownGrades = 0;
    if (options.gradeColumn !== undefined) {
      const g = columns.get(options.gradeColumn)!;
      const s = options.scoreColumn !== undefined ? columns.get(options.scoreColumn)! : null;
      for (let i = 0; i < n; i++) {
        const text = keyText(g[i]);
        const k = text === "" ? undefined : gradeIdx.get(normalizeWord(text));
        grades[i] = k === undefined ? text : compiled.grades[k].id;
        if (s && !isBlank(s[i])) {
          const p = parseNumber(s[i]);
          if (p.ok) scores[i] = p.value;
        }
      }
    } else {
      const cols: Record<string, unknown[]> = {};
      for (const [f, c] of Object.entries(options.mapping!)) cols[f] = columns.get(c)!;
      const result = gradeTable(compiled, { columns: cols, rowCount: n }, { params: options.params });
      for (let i = 0; i < n; i++) {
        grades[i] = result.grade(i) ?? "";
        const sc = result.status(i) === "graded" ? result.score(i) : null;
        if (sc !== null) scores[i] = sc;
      }
    }
    const keys = columns.get(options.keyColumn)!;
    const measure = options.measureColumn !== undefined ? columns.get(options.measureColumn)! : null;
    const rows: Cell[][] = [];
    const seen = new Map<string, number>();
    let skippedNoKey = 0;
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (isBlank(k)) {
        skippedNoKey++;
        continue;
      }
      const key: Cell = typeof k === "number" || typeof k === "boolean" ? k : keyText(k);
      const kt = keyText(k);
      seen.set(kt, (seen.get(kt) ?? 0) + 1);
      if (grades[i] === "") ungraded++;
      else if (!gradeIdx.has(normalizeWord(grades[i]))) unknownGrades++;
      let m: Cell = "";
      if (measure && !isBlank(measure[i])) {
        const p = parseNumber(measure[i]);
        m = p.ok ? p.value : keyText(measure[i]);
      }
      const row: Record<HistoryRole, Cell> = {
        period,
        date,
        key,
        grade: grades[i],
        score: scores[i],
        template: template.id,
        version: template.version,
        measure: m,
        status: "",
      };
      rows.push(HISTORY_ROLES.map((r) => row[r]));
    }
    const duplicateKeys = [...seen].filter(([, c]) => c > 1).map(([k]) => k);

    // the history so far: which rows hold this period
    const hist = await historyLoc(context, found);
    const existing: number[] = []; // sheet rows (0-based) of this period's current rows
    if (hist && hist.info.rowCount > 0) {
      const { columns: hc } = await readColumns(context, hist.info, [hist.cols.period, hist.cols.status], 48 * hist.info.columnCount);
      const per = hc.get(hist.cols.period)!;
      const st = hc.get(hist.cols.status)!;
      const top = dataTop(hist.info);
      for (let i = 0; i < hist.info.rowCount; i++) if (keyText(per[i]) === period && !isSuperseded(st[i])) existing.push(top + i);
    }
    const sheetName = hist ? hist.sheet : HISTORY_SHEET[lang];
    if (existing.length > 0 && !options.confirmReplace) {
      return { status: "needsConfirmation", period, existingRows: existing.length, sheet: sheetName };
    }
    const histLang: Lang = hist && normalizeWord(hist.info.headers[hist.cols.status]) === normalizeWord(HISTORY_HEADERS["zh-CN"][8]) ? "zh-CN" : hist ? "en" : lang;
    const firstRow = hist ? hist.info.rowIndex + 1 + hist.info.rowCount : 1;
    if (firstRow + rows.length > 1_048_576) throw new ReviewError("tooManyRows", `${firstRow + rows.length}`);

    // ---- write: append the new rows first (values, then the date format, per block)
    const app = wb.application;
    let histTable: Excel.Table | null = hist ? hist.table : null;
    let sheet: Excel.Worksheet | null = hist ? wb.worksheets.getItem(hist.sheet) : null;
    if (!hist && rows.length > 0) {
      const taken = wb.worksheets.getItemOrNullObject(sheetName);
      taken.load("name");
      await context.sync();
      if (!taken.isNullObject) throw new ReviewError("sheetTaken", sheetName);
    }
    const col0 = hist ? hist.info.columnIndex : 0;
    const dateCol = hist ? hist.cols.date : 1;
    // history columns in this table's order (a user may have moved columns)
    const order = hist ? HISTORY_ROLES.map((r) => hist.cols[r]) : HISTORY_ROLES.map((_, k) => k);
    const width = hist ? hist.info.columnCount : HISTORY_ROLES.length;
    const toRow = (i: number): Cell[] => {
      const out: Cell[] = new Array(width).fill("");
      rows[i].forEach((v, k) => (out[order[k]] = guard(v)));
      return out;
    };
    const header = HISTORY_HEADERS[histLang].map((h) => textCell(h));
    let done = 0;
    for (const chunk of chunkRows(rows.length, toRow, { maxRows: MAX_BLOCK_ROWS, budget: PAYLOAD_BUDGET_BYTES, firstExtraBytes: 200 })) {
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      if (!sheet) sheet = wb.worksheets.add(sheetName);
      if (!histTable) {
        const all = sheet.getRangeByIndexes(0, 0, chunk.rows.length + 1, width);
        all.values = [header, ...chunk.rows];
        histTable = sheet.tables.add(all, true);
        histTable.name = HISTORY_TABLE;
        sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      } else {
        histTable.rows.add(undefined, chunk.rows);
      }
      sheet.getRangeByIndexes(firstRow + chunk.start, col0 + dateCol, chunk.rows.length, 1).numberFormat = chunk.rows.map(() => [DATE_FORMAT]);
      await context.sync();
      done += chunk.rows.length;
      options.onProgress?.(done, rows.length);
    }
    // ---- then mark this period's earlier rows superseded (their Status cells only)
    if (hist && existing.length) {
      const ws = wb.worksheets.getItem(hist.sheet);
      const statusCol = hist.info.columnIndex + hist.cols.status;
      const mark = textCell(SUPERSEDED[histLang]);
      let queued = 0;
      for (const [r, len] of runs(existing)) {
        for (let s = 0; s < len; s += MAX_BLOCK_ROWS) {
          const count = Math.min(MAX_BLOCK_ROWS, len - s);
          if (queued + count > MAX_BLOCK_ROWS) {
            await context.sync();
            queued = 0;
          }
          if (queued === 0) {
            app.suspendApiCalculationUntilNextSync();
            app.suspendScreenUpdatingUntilNextSync();
          }
          ws.getRangeByIndexes(r + s, statusCol, count, 1).values = Array.from({ length: count }, () => [mark]);
          queued += count;
        }
      }
      if (queued) await context.sync();
    }

    return {
      status: "saved",
      period,
      sheet: sheetName,
      address: rows.length ? sheetAddress(sheetName, { r0: firstRow, c0: col0, r1: firstRow + rows.length - 1, c1: col0 + width - 1 }) : "",
      rowsSaved: rows.length,
      replacedRows: existing.length,
      skippedNoKey,
      ungraded,
      unknownGrades,
      duplicateKeys,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// reading the history

interface HistoryRows {
  loc: HistoryLoc;
  /** Column-major values of the whole table body. */
  columns: Map<number, unknown[]>;
}

async function readHistory(context: Excel.RequestContext, onProgress?: (done: number, total: number) => void): Promise<HistoryRows> {
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

// ---------------------------------------------------------------------------------------------
// compare two periods -> review sheet

/** Writes a review sheet (cells, then formats) into a fresh sheet at `position`. */
async function writeSheet(context: Excel.RequestContext, layout: ReviewSheet, old: Excel.Worksheet): Promise<void> {
  const wb = context.workbook;
  const app = wb.application;
  const rowsOut = layout.cells.map((r) => r.map(guard));
  let ws: Excel.Worksheet | null = null;
  for (const chunk of chunkRows(rowsOut.length, (i) => rowsOut[i], { maxRows: MAX_BLOCK_ROWS, budget: PAYLOAD_BUDGET_BYTES })) {
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    if (!ws) {
      if (!old.isNullObject) old.delete();
      ws = wb.worksheets.add(layout.name);
      if (!old.isNullObject) ws.position = old.position;
    }
    ws.getRangeByIndexes(chunk.start, 0, chunk.rows.length, layout.width).values = chunk.rows;
    await context.sync();
  }
  // formats: a constant number of operations per matrix row, none per list row
  const sheet = ws!;
  app.suspendApiCalculationUntilNextSync();
  app.suspendScreenUpdatingUntilNextSync();
  sheet.getRange("A1").format.font.size = 14;
  for (const r of layout.bold) sheet.getRangeByIndexes(r, 0, 1, layout.width).format.font.bold = true;
  for (const f of layout.fills) sheet.getRangeByIndexes(f.row, f.col, f.rows, f.cols).format.fill.color = f.color;
  for (const p of layout.percent) sheet.getRangeByIndexes(p.row, p.col, p.rows, p.cols).numberFormat = Array.from({ length: p.rows }, () => new Array(p.cols).fill("0.0%"));
  sheet.getRangeByIndexes(layout.matrix.row, 0, layout.cells.length - layout.matrix.row, layout.width).format.autofitColumns();
  sheet.activate();
  await context.sync();
}

/**
 * Compares two saved periods and writes the review sheet ("GradeKit Review" / "分级变动"),
 * replacing an earlier one of the same language at its position. Syncs: 2 + one per read block +
 * one per written block + 1 (formats).
 */
export async function comparePeriodsSheet(excel: ExcelApi, options: ComparePeriodsOptions): Promise<ComparePeriodsResult> {
  const lang: Lang = options.lang ?? "en";
  return excel.run(async (context) => {
    const { loc, columns } = await readHistory(context, options.onProgress);
    const c = loc.cols;
    const per = columns.get(c.period)!;
    const st = columns.get(c.status)!;
    const top = dataTop(loc.info);
    const pick = (label: string) => {
      const idx: number[] = [];
      for (let i = 0; i < loc.info.rowCount; i++) if (keyText(per[i]) === label && !isSuperseded(st[i])) idx.push(i);
      if (idx.length === 0) throw new ReviewError("periodMissing", label);
      return idx;
    };
    const a = pick(options.previous);
    const b = pick(options.current);
    const col = (role: HistoryRole, idx: number[]) => idx.map((i) => columns.get(c[role])![i]);
    const templateIds = [...new Set([...col("template", a), ...col("template", b)].map(keyText).filter((x) => x))];
    const template = options.template ?? (templateIds.length === 1 ? getBuiltinTemplate(templateIds[0]) : undefined);
    const hasMeasure = [...col("measure", a), ...col("measure", b)].some((v) => !isBlank(v));
    const side = (idx: number[]) => ({
      keys: col("key", idx),
      grades: col("grade", idx),
      measure: hasMeasure ? col("measure", idx) : undefined,
      rows: idx.map((i) => top + i + 1),
    });
    const comparison = comparePeriods(side(a), side(b), { template });
    const layout = reviewSheet(comparison, {
      lang,
      previous: options.previous,
      current: options.current,
      template,
      measureName: options.measureName,
    });
    const old = context.workbook.worksheets.getItemOrNullObject(layout.name);
    old.load("position");
    await context.sync();
    await writeSheet(context, layout, old);
    return { sheet: layout.name, comparison, templateIds, order: template ? "template" : "firstAppearance" };
  });
}

// ---------------------------------------------------------------------------------------------
// follow-up schedule

/**
 * Writes Next contact / Overdue / Follow-up columns for the table: next contact = last contact +
 * the grade's cadence (`grades[].cadenceDays`), overdue = next contact before today (TRUE/FALSE),
 * plus one CellValue conditional format (light red) on the Overdue cells. The columns go after
 * the last header of the table's row (past the Grade/Score/Reason columns apply wrote), or reuse
 * the Follow-up columns of an earlier run. Non-empty target cells other than an earlier run's
 * return `needsConfirmation` first. Syncs: 1 (locate) + 1 (probe) + 2 (header row) + one per
 * read block + one per write block + 1 (formats).
 */
export async function writeFollowUp(excel: ExcelApi, options: FollowUpOptions): Promise<FollowUpResult> {
  const lang: Lang = options.lang ?? "en";
  const today = dateSerial(options.today);
  const words = FOLLOW_UP_HEADERS[lang];
  const ours = new Set(Object.values(FOLLOW_UP_HEADERS).flatMap((h) => h.map(normalizeWord)));
  return excel.run(async (context) => {
    const loc = await locate(context, options.table, undefined, options.template);
    const { table, bytesPerRow } = await detectTable(context, loc, options.template);
    const n = table.rowCount;
    if (n === 0) throw new ReviewError("noRows");
    checkColumn(table, "gradeColumn", options.gradeColumn);
    checkColumn(table, "lastContactColumn", options.lastContactColumn);
    const ws = context.workbook.worksheets.getItem(table.sheet);
    const top = dataTop(table);

    // where the output goes
    let target: number;
    let rerun = false;
    if (options.targetColumn === undefined || options.targetColumn === "right") {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("columnIndex,columnCount");
      await context.sync();
      const right = used.isNullObject ? table.columnIndex + table.columnCount - 1 : used.columnIndex + used.columnCount - 1;
      const width = Math.max(1, right - table.columnIndex + 1);
      const headRow = ws.getRangeByIndexes(table.hasHeader ? table.rowIndex : top, table.columnIndex, 1, width);
      headRow.load("values");
      await context.sync();
      const head = (headRow.values[0] as unknown[]).map((v) => normalizeWord(keyText(v)));
      let last = head.length - 1;
      while (last >= 0 && head[last] === "") last--;
      const start = table.hasHeader ? head.findIndex((h, j) => ours.has(h) && ours.has(head[j + 1] ?? "") && ours.has(head[j + 2] ?? "")) : -1;
      if (start >= 0) {
        target = table.columnIndex + start;
        rerun = true;
      } else target = table.columnIndex + Math.max(table.columnCount, last + 1, options.gradeColumn + 1, options.lastContactColumn + 1);
    } else target = options.targetColumn;
    if (!Number.isInteger(target) || target < 0 || target + 3 > MAX_COLS) throw new ReviewError("badColumn", String(target));
    if ([options.gradeColumn, options.lastContactColumn].some((c) => table.columnIndex + c >= target && table.columnIndex + c < target + 3)) {
      throw new ReviewError("badColumn", `the output would overwrite an input column (${columnLetters(target)})`);
    }

    // read inputs and the target cells (for the overwrite check) in the same blocks
    let nonEmpty = 0;
    let existingRule = false;
    const wide = widened(table, [options.gradeColumn, options.lastContactColumn]);
    const { columns } = await readColumns(context, wide, [options.gradeColumn, options.lastContactColumn], bytesPerRow, {
      extraBytesPerRow: 3 * 40,
      extraPerBlock: (b) => {
        const cells = ws.getRangeByIndexes(top + b.start, target, b.count, 3);
        cells.load("values");
        let head: Excel.Range | null = null;
        let cfs: Excel.ConditionalFormatCollection | null = null;
        if (b.start === 0) {
          if (table.hasHeader) {
            head = ws.getRangeByIndexes(table.rowIndex, target, 1, 3);
            head.load("values");
          }
          cfs = ws.getRangeByIndexes(top, target + 1, n, 1).conditionalFormats;
          cfs.load("items/type,items/cellValueOrNullObject/rule");
        }
        return () => {
          // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- this closure runs after readColumns' sync of the block that loaded `head`
          const headVals = head ? (head.values[0] as unknown[]) : [];
          const headIsOurs = head ? headVals.every((v) => ours.has(normalizeWord(keyText(v)))) : false;
          if (b.start === 0) {
            rerun = rerun || headIsOurs;
            if (!headIsOurs) nonEmpty += headVals.filter((v) => !isBlank(v)).length;
            existingRule = (cfs?.items ?? []).some(
              (cf) => cf.type === "CellValue" && !cf.cellValueOrNullObject.isNullObject && cf.cellValueOrNullObject.rule.operator === "EqualTo" && /^=?TRUE$/i.test(String(cf.cellValueOrNullObject.rule.formula1)),
            );
          }
          // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- this closure runs after readColumns' sync of the block that loaded `cells`
          if (!rerun) for (const row of cells.values as unknown[][]) for (const v of row) if (!isBlank(v)) nonEmpty++;
        };
      },
    });
    const outAddress = sheetAddress(table.sheet, { r0: table.hasHeader ? table.rowIndex : top, c0: target, r1: top + n - 1, c1: target + 2 });
    if (nonEmpty > 0 && !options.confirmOverwrite) return { status: "needsConfirmation", cellsToReplace: nonEmpty, address: outAddress };

    const rows = followUpSchedule(options.template, columns.get(options.gradeColumn)!, columns.get(options.lastContactColumn)!, today);
    const reasonOf = (f: FollowUp) => (lang === "zh-CN" ? f.reason.zh : f.reason.en);
    const toRow = (i: number): Cell[] => {
      const f = rows[i];
      return [f.next ?? "", f.status === "scheduled" ? f.overdue : "", textCell(reasonOf(f))];
    };
    const app = context.workbook.application;
    let first = true;
    for (const chunk of chunkRows(n, toRow, { maxRows: MAX_BLOCK_ROWS, budget: PAYLOAD_BUDGET_BYTES, firstExtraBytes: 200 })) {
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      if (first && table.hasHeader) ws.getRangeByIndexes(table.rowIndex, target, 1, 3).values = [words.map((w) => textCell(w))];
      first = false;
      ws.getRangeByIndexes(top + chunk.start, target, chunk.rows.length, 3).values = chunk.rows;
      ws.getRangeByIndexes(top + chunk.start, target, chunk.rows.length, 1).numberFormat = chunk.rows.map(() => [DATE_FORMAT]);
      await context.sync();
    }
    // formats
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    if (table.hasHeader) ws.getRangeByIndexes(table.rowIndex, target, 1, 3).format.font.bold = true;
    if (!existingRule) {
      const cf = ws.getRangeByIndexes(top, target + 1, n, 1).conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = BAD_INPUT_STYLE.fill;
      cf.cellValue.format.font.color = BAD_INPUT_STYLE.fontColor;
      cf.cellValue.rule = { formula1: "=TRUE", operator: "EqualTo" };
      cf.priority = 0;
    }
    await context.sync();

    const problems: { row: number; reason: string }[] = [];
    rows.forEach((f, i) => {
      if (f.status === "error" || f.status === "noDate") problems.push({ row: i, reason: reasonOf(f) });
    });
    return {
      status: "written",
      address: outAddress,
      today: isoOf(today),
      scheduled: rows.filter((f) => f.status === "scheduled").length,
      overdue: rows.filter((f) => f.overdue).length,
      noCadence: rows.filter((f) => f.status === "none" && f.grade !== null).length,
      noDate: rows.filter((f) => f.status === "noDate").length,
      problems,
      rows,
    };
  });
}
