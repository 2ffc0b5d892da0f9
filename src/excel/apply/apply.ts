/**
 * apply(): grade the table with the engine and write grade / score / reason columns.
 *
 * One `Excel.run`. Syncs: 1 (locate) + 1 (probe) + one per read block + one per write block + 1
 * (formats) — `2 * ceil(rows / 20000) + 3` when the table is passed (as readSelection returned it)
 * and its rows are short enough for 20,000-row blocks; wider or longer rows make more, smaller
 * blocks. Without `table`, finding a table with blank rows from a single selected cell adds one
 * 4-row window and one sync per 20,000 rows crossed (table/locate.ts). Nothing is written before
 * every target cell has been read: a non-empty target without `confirmOverwrite` returns
 * `needsConfirmation` and the workbook is untouched.
 *
 * Formats (after all values): bold header cells and the conditional formats of `grade-rules.ts`
 * — a constant number of formatting operations whatever the row count, colours visible without
 * the add-in and following edits of the grade cells.
 */
import { compileFormulaRows, compileTemplate, headerUnits, isRefusal, type Lang, type Template } from "../../engine";
import { columnLetters, sheetAddress, type Rect } from "../address";
import { chunkRows, jsonBytes, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "../batching";
import { textCell } from "../cell-text";
import type { ApplyOptions, ApplyResult, BadRow, TableInfo } from "../contract";
import { AdapterError } from "../errors";
import type { ExcelApi } from "../excel-api";
import { gradeSelection } from "../table/pipeline";
import { WORDS } from "../words";
import { IdenticalRules, planRules, queueRules } from "./grade-rules";
import { badCellAddress, gradeText, outputArea, outputKinds } from "./output-columns";
import type { AdapterState, NumberRun, UndoRecord } from "./state";
import { TargetCells } from "./target-cells";
import { captureRunFormats, numberRuns, queueNumberWrites, textNumbersIn } from "./text-numbers";

/** Number format of written score cells that had none (General): two decimals shown, full precision kept. */
export const SCORE_FORMAT = "0.00";

export async function applyGrades(excel: ExcelApi, state: AdapterState, options: ApplyOptions): Promise<ApplyResult> {
  const lang: Lang = options.lang ?? "en";
  const words = WORDS[lang];
  const template = options.template;
  const compiled = compileTemplate(template);
  const kinds = outputKinds(options, compiled.scores);
  // Formulas read a date cell as its serial number, not as days since it: refused rather than wrong.
  if (options.portable && Object.values(options.dates?.dateColumns ?? {}).some(Boolean)) {
    throw new AdapterError("notPortable", "columns of dates are read as days since each date only by GradeKit, not by formulas; map day counts, or write values", "日期列只有 GradeKit 能按距今天数读取，公式不能；请对应天数列，或写入值");
  }
  if (kinds.length === 0) throw new AdapterError("badTarget", "no output column selected");
  const k = kinds.length;

  return excel.run(async (context) => {
    const app = context.workbook.application;

    // ---- find, check and read the table; in the same blocks, what is in the target area
    const sel = await gradeSelection(context, { template, compiled, table: options.table, mapping: options.mapping, params: options.params, dates: options.dates }, (table, loc) => {
      state.get(loc.workbook).lastTable = table;
      const area = outputArea(table, kinds, options.targetColumn);
      const rules = planRules(compiled, table, area, { colour: options.colour, mapping: options.mapping, lang });
      const ws = context.workbook.worksheets.getItem(table.sheet);
      const target = new TargetCells(ws, area, rules);
      return { value: { area, rules, ws, target }, read: { extraBytesPerRow: k * 48, signal: options.signal, extraPerBlock: target.perBlock } };
    });
    const { table, loc } = sel;
    const { area, rules, ws, target } = sel.prepared;
    const { top, targetCol, headerRow, hdr, rows: n } = area;
    if (!sel.completed) {
      return { status: "cancelled", address: area.address, rowsGraded: 0, counts: [], errors: 0, empty: 0, badRows: [] };
    }
    if (target.nonEmpty > 0 && !options.confirmOverwrite) {
      return { status: "needsConfirmation", cellsToReplace: target.nonEmpty, address: area.address };
    }

    // ---- grade
    const result = sel.grade();

    // ---- undo record first, so that whatever gets written can be undone
    const record: UndoRecord = {
      workbook: loc.workbook,
      sheet: table.sheet,
      rect: area.rect,
      address: area.address,
      blocks: target.captured,
      headerBold: target.headerBold,
      conditionalFormatIds: [],
      written: [],
      createdSheets: [],
    };

    // Portable: grade and score as native formulas over the table's own cells (same results as
    // the engine: the interop tests hold the compiler to that); reasons stay values.
    let portable: { grade: string; score?: string }[] | undefined;
    let numbers: NumberRun[] = [];
    if (options.portable) {
      numbers = checkPortableCells(compiled.template, table, options.mapping, sel.columns, options.writeTextNumbers === true);
      const columns: Record<string, string> = {};
      for (const f of Object.keys(options.mapping)) columns[f] = columnLetters(table.columnIndex + options.mapping[f]);
      const compiledRows = compileFormulaRows(compiled.template, { target: "excel-compat", columns, firstRow: top + 1, lastRow: top + n, params: options.params });
      if (isRefusal(compiledRows)) throw new AdapterError("notPortable", compiledRows.reason.en, compiledRows.reason.zh);
      portable = compiledRows;
      if (numbers.length) {
        // the formats of the cells to rewrite, for undo (before anything is written)
        await captureRunFormats(context, ws, numbers);
        record.numbers = numbers;
      }
    }
    // Text goes in as text: guarded unless the target cell is formatted as Text (its format as read).
    const rowOf = (i: number): (string | number)[] =>
      kinds.map((kind, j) => {
        if (portable && kind === "grade") return `=${portable[i].grade}`;
        if (portable && kind === "score") return portable[i].score !== undefined ? `=${portable[i].score}` : "";
        if (kind === "grade") return textCell(gradeText(result, i, lang), target.formats.at(i, j));
        if (kind === "score") return result.score(i) ?? "";
        return textCell(result.reason(i, lang), target.formats.at(i, j));
      });
    const identical = new IdenticalRules(target.existing, rules);
    const scoreCol = kinds.indexOf("score");

    // ---- write phase: values only, blocks of <= 20,000 rows and <= 4 MB, one sync per block
    const header = kinds.map((kind) => words[kind]);
    const chunks = chunkRows(n, rowOf, {
      maxRows: MAX_BLOCK_ROWS,
      budget: PAYLOAD_BUDGET_BYTES,
      firstExtraBytes: hdr ? jsonBytes([header]) : 0,
    });
    let done = 0;
    let cancelled = false;
    for (const chunk of chunks) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      if (done === 0) {
        state.pushUndo(record);
        identical.queueRangeChecks();
      }
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      // number text first, so the formulas written in the same sync read numbers
      if (done === 0 && numbers.length) queueNumberWrites(ws, numbers);
      if (done === 0 && hdr) {
        ws.getRangeByIndexes(headerRow, targetCol, 1, k).values = [header];
        record.written.push({ row: headerRow, rows: [header], formulas: false });
      }
      const block = ws.getRangeByIndexes(top + chunk.start, targetCol, chunk.rows.length, k);
      if (portable) block.formulas = chunk.rows;
      else block.values = chunk.rows;
      // Scores show two decimals (93.67) where the cell had no format of its own; the cell keeps full precision.
      if (scoreCol >= 0) {
        ws.getRangeByIndexes(top + chunk.start, targetCol + scoreCol, chunk.rows.length, 1).numberFormat = chunk.rows.map((_, r) => {
          const nf = target.formats.at(chunk.start + r, scoreCol);
          return [nf === "General" ? SCORE_FORMAT : nf];
        });
      }
      record.written.push({ row: top + chunk.start, rows: chunk.rows, formulas: !!portable });
      await context.sync();
      done += chunk.rows.length;
      options.onProgress?.(done, n);
    }

    // ---- formats, after the values (skipped when cancelled before the end)
    if (!cancelled) {
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      if (hdr) ws.getRangeByIndexes(headerRow, targetCol, 1, k).format.font.bold = true;
      const added = queueRules(ws, area, rules, identical);
      await context.sync();
      record.conditionalFormatIds = added.map((cf) => cf.id);
    }

    // ---- result (over the rows written)
    const counts = new Int32Array(compiled.grades.length);
    let errors = 0;
    let empty = 0;
    const badRows: BadRow[] = [];
    for (let i = 0; i < done; i++) {
      const g = result.gradeIndex[i];
      if (g >= 0) counts[g]++;
      else if (result.status(i) === "empty") empty++;
      else {
        errors++;
        badRows.push({ row: i, address: badCellAddress(table, options.mapping, result, i, area), reason: result.reason(i, lang) });
      }
    }
    const writtenRect: Rect = { ...area.rect, r1: done > 0 ? top + done - 1 : area.rect.r0 };
    return {
      status: cancelled ? "cancelled" : "applied",
      address: cancelled ? sheetAddress(table.sheet, writtenRect) : area.address,
      rowsGraded: done,
      counts: compiled.grades.map((grade, g) => ({ grade, count: counts[g] })),
      errors,
      empty,
      badRows,
    };
  });
}

/**
 * Cells the formulas would read differently from the engine, checked before any formula is
 * written: a unit in a number column's header (the formulas read the cells as written, the engine
 * scales them) is refused; number text the engine reads (`1,200`, `10万`, `¥1,200`), which the
 * formulas show as #VALUE! (and, in a population column, every row's result), is refused by name
 * unless `rewrite`: then its cells come back as runs to write as the engine's numbers.
 */
function checkPortableCells(
  template: Template,
  table: TableInfo,
  mapping: Readonly<Record<string, number>>,
  columns: ReadonlyMap<number, unknown[]>,
  rewrite: boolean,
): NumberRun[] {
  const units = table.hasHeader ? headerUnits(template, table.headers, mapping) : {};
  const scaled = Object.entries(units).filter(([, u]) => u.factor !== 1);
  if (scaled.length) {
    const list = scaled.map(([k, u]) => `${columnLetters(table.columnIndex + mapping[k])} "${table.headers[mapping[k]]}" (${u.unit})`).join(", ");
    throw new AdapterError(
      "notPortable",
      `the formulas read cells as written, without the unit in the header of ${list}; grade as values, or write the amounts in plain units`,
      `公式按单元格原值计算，不会应用表头单位：${list}；请以数值写入等级，或把金额改为不带单位的数字`,
    );
  }
  const found = textNumbersIn(template, table, (c) => columns.get(c), mapping);
  const top = table.rowIndex + (table.hasHeader ? 1 : 0);
  if (rewrite) return numberRuns(found.map((x) => ({ r: top + x.row, c: table.columnIndex + mapping[x.field], text: x.text, value: x.value })));
  if (found.length > 0) {
    const cells = found.slice(0, 5).map((x) => `${x.address.slice(x.address.lastIndexOf("!") + 1)} '${x.text}'`);
    const more = found.length > cells.length ? ` (+${found.length - cells.length})` : "";
    throw new AdapterError(
      "notPortable",
      `${found.length} number cell(s) hold text that GradeKit reads as a number but formulas cannot: ${cells.join(", ")}${more}; write them as numbers first, or grade as values`,
      `${found.length} 个数字单元格为文本，GradeKit 可读为数字而公式不能：${cells.join("、")}${more}；请先改为数字，或以数值写入等级`,
    );
  }
  return [];
}
