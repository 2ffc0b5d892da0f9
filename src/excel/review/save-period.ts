/**
 * Saving a period: the table's grades (read from its Grade column, or graded now) appended to the
 * history table (`history-table.ts`) as one period. Grades are canonical ids (language-neutral);
 * dates are Excel dates (serials formatted `yyyy-mm-dd`).
 *
 * Saving a period label that already has rows returns `needsConfirmation` (nothing written).
 * With `confirmReplace` the new rows are appended and the period's earlier rows are marked
 * "superseded" in their Status cell — the only cells of the table that ever change after being
 * written, and only for the period being replaced: no other period's cells are touched, and
 * nothing moves, whether or not that period's rows are contiguous.
 */
import { compileTemplate, isBlank, normalizeWord, parseNumber, type Lang } from "../../engine";
import { keyText } from "../../engine/review";
import { sheetAddress } from "../address";
import { chunkRows, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "../batching";
import { guardCell, textCell } from "../cell-text";
import type { SavePeriodOptions, SavePeriodResult } from "../contract";
import type { ExcelApi } from "../excel-api";
import { columnRuns, dataTop, readColumns } from "../table/columns";
import { gradeSelection } from "../table/pipeline";
import { DATE_FORMAT, HISTORY_HEADERS, HISTORY_ROLES, HISTORY_SHEET, HISTORY_TABLE, ReviewError, SUPERSEDED, type HistoryRole } from "./catalogue";
import { historyLoc, isSuperseded } from "./history-table";
import { checkColumn, dateSerial } from "./review-inputs";

type Cell = string | number | boolean;

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

  const named: [string, number | undefined][] = [
    ["keyColumn", options.keyColumn],
    ["gradeColumn", options.gradeColumn],
    ["scoreColumn", options.scoreColumn],
    ["measureColumn", options.measureColumn],
    ...Object.entries(options.mapping ?? {}),
  ];

  return excel.run(async (context) => {
    const wb = context.workbook;
    let found!: Excel.Table;
    const sel = await gradeSelection(context, {
      template,
      compiled,
      table: options.table,
      mapping: options.mapping,
      extra: { keyColumn: options.keyColumn, gradeColumn: options.gradeColumn, scoreColumn: options.scoreColumn, measureColumn: options.measureColumn },
      params: options.params,
      alsoLoad: () => {
        found = wb.tables.getItemOrNullObject(HISTORY_TABLE);
      },
      noRows: () => new ReviewError("noRows"),
      checkColumns: (table) => {
        for (const [name, c] of named) checkColumn(table, name, c);
        if (options.gradeColumn === undefined && !options.mapping) throw new ReviewError("badColumn", "gradeColumn or mapping");
      },
      pastEnd: true, // the Grade/Score columns apply wrote lie past the table's end
    });
    const { table, columns } = sel;
    const n = table.rowCount;

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
      const result = sel.grade();
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
      rows[i].forEach((v, k) => (out[order[k]] = guardCell(v)));
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
      for (const [r, len] of columnRuns(existing)) {
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
