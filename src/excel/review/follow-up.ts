/**
 * The follow-up schedule: Next contact / Overdue / Follow-up columns next to the graded table,
 * computed by the engine (`followUpSchedule`) from each grade's cadence and the last contact date.
 */
import { isBlank, normalizeWord, type Lang } from "../../engine";
import { followUpSchedule, isoOf, keyText, type FollowUp } from "../../engine/review";
import { columnLetters, MAX_COLS, sheetAddress } from "../address";
import { chunkRows, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES, type Block } from "../batching";
import { textCell } from "../cell-text";
import type { FollowUpOptions, FollowUpResult, TableInfo } from "../contract";
import type { ExcelApi } from "../excel-api";
import { BAD_INPUT_STYLE } from "../apply/output-columns";
import { dataTop } from "../table/columns";
import { gradeSelection } from "../table/pipeline";
import { DATE_FORMAT, FOLLOW_UP_HEADERS, ReviewError } from "./catalogue";
import { checkColumn, dateSerial } from "./review-inputs";

type Cell = string | number | boolean;

/** The follow-up headers in every language, normalised. */
const OURS: ReadonlySet<string> = new Set(Object.values(FOLLOW_UP_HEADERS).flatMap((h) => h.map(normalizeWord)));

/**
 * Where the three columns go: the given column, else after the last header of the table's row (past
 * the Grade/Score/Reason columns apply wrote), or the Follow-up columns of an earlier run (`rerun`).
 * Syncs: 2 when placed automatically, else 0.
 */
async function placeColumns(context: Excel.RequestContext, ws: Excel.Worksheet, table: TableInfo, options: FollowUpOptions): Promise<{ target: number; rerun: boolean }> {
  let target: number;
  let rerun = false;
  if (options.targetColumn === undefined || options.targetColumn === "right") {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("columnIndex,columnCount");
    await context.sync();
    const right = used.isNullObject ? table.columnIndex + table.columnCount - 1 : used.columnIndex + used.columnCount - 1;
    const width = Math.max(1, right - table.columnIndex + 1);
    const headRow = ws.getRangeByIndexes(table.hasHeader ? table.rowIndex : dataTop(table), table.columnIndex, 1, width);
    headRow.load("values");
    await context.sync();
    const head = (headRow.values[0] as unknown[]).map((v) => normalizeWord(keyText(v)));
    let last = head.length - 1;
    while (last >= 0 && head[last] === "") last--;
    const start = table.hasHeader ? head.findIndex((h, j) => OURS.has(h) && OURS.has(head[j + 1] ?? "") && OURS.has(head[j + 2] ?? "")) : -1;
    if (start >= 0) {
      target = table.columnIndex + start;
      rerun = true;
    } else target = table.columnIndex + Math.max(table.columnCount, last + 1, options.gradeColumn + 1, options.lastContactColumn + 1);
  } else target = options.targetColumn;
  if (!Number.isInteger(target) || target < 0 || target + 3 > MAX_COLS) throw new ReviewError("badColumn", String(target));
  if ([options.gradeColumn, options.lastContactColumn].some((c) => table.columnIndex + c >= target && table.columnIndex + c < target + 3)) {
    throw new ReviewError("badColumn", `the output would overwrite an input column (${columnLetters(target)})`);
  }
  return { target, rerun };
}

/** What is in the target cells, read with the inputs: non-empty cells (not an earlier run's), and whether the Overdue rule is already there. */
class TargetScan {
  nonEmpty = 0;
  existingRule = false;

  constructor(
    private readonly ws: Excel.Worksheet,
    private readonly table: TableInfo,
    private readonly target: number,
    public rerun: boolean,
  ) {}

  readonly perBlock = (b: Block): (() => void) => {
    const { ws, table, target } = this;
    const top = dataTop(table);
    const cells = ws.getRangeByIndexes(top + b.start, target, b.count, 3);
    cells.load("values");
    let head: Excel.Range | null = null;
    let cfs: Excel.ConditionalFormatCollection | null = null;
    if (b.start === 0) {
      if (table.hasHeader) {
        head = ws.getRangeByIndexes(table.rowIndex, target, 1, 3);
        head.load("values");
      }
      cfs = ws.getRangeByIndexes(top, target + 1, table.rowCount, 1).conditionalFormats;
      cfs.load("items/type,items/cellValueOrNullObject/rule");
    }
    return () => {
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- this closure runs after the pipeline's sync of the block that loaded `head`
      const headVals = head ? (head.values[0] as unknown[]) : [];
      const headIsOurs = head ? headVals.every((v) => OURS.has(normalizeWord(keyText(v)))) : false;
      if (b.start === 0) {
        this.rerun = this.rerun || headIsOurs;
        if (!headIsOurs) this.nonEmpty += headVals.filter((v) => !isBlank(v)).length;
        this.existingRule = (cfs?.items ?? []).some(
          (cf) => cf.type === "CellValue" && !cf.cellValueOrNullObject.isNullObject && cf.cellValueOrNullObject.rule.operator === "EqualTo" && /^=?TRUE$/i.test(String(cf.cellValueOrNullObject.rule.formula1)),
        );
      }
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- this closure runs after the pipeline's sync of the block that loaded `cells`
      if (!this.rerun) for (const row of cells.values as unknown[][]) for (const v of row) if (!isBlank(v)) this.nonEmpty++;
    };
  };
}

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
  return excel.run(async (context) => {
    // read the inputs (they may lie past the table's end) and, in the same blocks, the target cells
    const sel = await gradeSelection(
      context,
      {
        template: options.template,
        table: options.table,
        extra: { gradeColumn: options.gradeColumn, lastContactColumn: options.lastContactColumn },
        noRows: () => new ReviewError("noRows"),
        checkColumns: (table) => {
          checkColumn(table, "gradeColumn", options.gradeColumn);
          checkColumn(table, "lastContactColumn", options.lastContactColumn);
        },
        pastEnd: true,
      },
      async (table) => {
        const ws = context.workbook.worksheets.getItem(table.sheet);
        const { target, rerun } = await placeColumns(context, ws, table, options);
        const scan = new TargetScan(ws, table, target, rerun);
        return { value: { ws, target, scan }, read: { extraBytesPerRow: 3 * 40, extraPerBlock: scan.perBlock } };
      },
    );
    const { table, columns } = sel;
    const { ws, target, scan } = sel.prepared;
    const n = table.rowCount;
    const top = dataTop(table);
    const outAddress = sheetAddress(table.sheet, { r0: table.hasHeader ? table.rowIndex : top, c0: target, r1: top + n - 1, c1: target + 2 });
    if (scan.nonEmpty > 0 && !options.confirmOverwrite) return { status: "needsConfirmation", cellsToReplace: scan.nonEmpty, address: outAddress };

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
    if (!scan.existingRule) {
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
