/**
 * apply(): grade the table with the engine and write grade / score / reason columns.
 *
 * One `Excel.run`. Syncs: 1 (locate) + 1 (probe) + one per read block + one per write block + 1
 * (formats) — `2 * ceil(rows / 20000) + 3` when the table is passed (as readSelection returned it)
 * and its rows are short enough for 20,000-row blocks; wider or longer rows make more, smaller
 * blocks. Without `table`, finding a table with blank rows from a single selected cell adds one
 * 4-row window and one sync per 20,000 rows crossed (table.ts). Nothing is written before every
 * target cell has been read: a non-empty target without `confirmOverwrite` returns
 * `needsConfirmation` and the workbook is untouched.
 *
 * Formats (after all values): bold header cells, one CellValue conditional format per grade
 * (`="A"`, quotes doubled) over the written grade cells only, and one Custom conditional format
 * for rows with bad input (light red fill, dark red italic text) — a constant number of
 * formatting operations whatever the row count, colours visible without the add-in and following
 * edits of the grade cells.
 */
import { compileFormulaRows, compileTemplate, gradeTable, isRefusal, msg, type GradeResult, type Lang } from "../engine";
import { columnLetters, MAX_COLS, Rect, sheetAddress } from "./address";
import { chunkRows, jsonBytes, MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "./batching";
import { AdapterError } from "./errors";
import { captureBlock, loadForSnapshot, type LoadedOutput } from "./snapshot";
import { AdapterState, CapturedBlock, numberFormatAt, UndoRecord } from "./state";
import { checkMapping, dataTop, detectTable, locate, readColumns } from "./table";
import { formulaString, textCell, WORDS } from "./text";
import type { ApplyOptions, ApplyResult, BadRow, TableInfo } from "./types";
import type { ExcelApi } from "./run";

/** Style of rows with bad input (Excel's "light red fill with dark red text", italic). */
export const BAD_INPUT_STYLE = Object.freeze({ fill: "#FFC7CE", fontColor: "#9C0006", italic: true });

export type OutputKind = "grade" | "score" | "reason";

/** Which output columns, in order. */
export function outputKinds(options: Pick<ApplyOptions, "outputs">, scores: boolean): OutputKind[] {
  const o = options.outputs ?? {};
  const kinds: OutputKind[] = [];
  if (o.grade ?? true) kinds.push("grade");
  if (o.score ?? scores) kinds.push("score");
  if (o.reason ?? true) kinds.push("reason");
  return kinds;
}

/** The text written in the grade cell: canonical id in English, the Chinese label in zh-CN. */
export function gradeText(result: GradeResult, i: number, lang: Lang): string {
  if (lang === "zh-CN") return result.label(i, "zh-CN");
  return result.grade(i) ?? "";
}

/** Text of a grade (by GradeInfo) as written, for conditional format rules and summaries. */
export function gradeInfoText(g: { id: string; label: { en: string; zh: string } }, lang: Lang): string {
  return lang === "zh-CN" ? g.label.zh || g.label.en || g.id : g.id;
}

/**
 * The Custom formula that marks a bad-input row, relative to the first data row: the grade (or
 * score) cell is empty while the row is not a "no data" row (its reason cell is not empty and not
 * "no data"; without a reason column: at least one input cell is filled). Null when neither a
 * grade nor a score column is written (nothing tells a bad row apart then).
 */
export function badRowFormula(
  kinds: OutputKind[],
  targetColumn: number,
  firstDataRow: number,
  inputColumns: number[],
  noDataText: string,
): string | null {
  const col = (k: OutputKind) => targetColumn + kinds.indexOf(k);
  const ref = (c: number) => `$${columnLetters(c)}${firstDataRow + 1}`;
  const marker = kinds.includes("grade") ? col("grade") : kinds.includes("score") ? col("score") : -1;
  if (marker < 0) return null;
  if (kinds.includes("reason")) {
    const r = ref(col("reason"));
    return `=AND(${ref(marker)}="",${r}<>"",${r}<>${formulaString(noDataText)})`;
  }
  if (inputColumns.length === 0) return null;
  return `=AND(${ref(marker)}="",COUNTA(${inputColumns.map(ref).join(",")})>0)`;
}

export async function applyGrades(excel: ExcelApi, state: AdapterState, options: ApplyOptions): Promise<ApplyResult> {
  const lang: Lang = options.lang ?? "en";
  const words = WORDS[lang];
  const template = options.template;
  const compiled = compileTemplate(template);
  const kinds = outputKinds(options, compiled.scores);
  if (kinds.length === 0) throw new AdapterError("badTarget", "no output column selected");

  return excel.run(async (context) => {
    const app = context.workbook.application;
    const loc = await locate(context, options.table, undefined, template);
    const { table, bytesPerRow } = await detectTable(context, loc, template);
    const n = table.rowCount;
    if (n === 0) throw new AdapterError("noRows");
    checkMapping(table, options.mapping);
    state.get(loc.workbook).lastTable = table;

    const k = kinds.length;
    const targetCol = options.targetColumn === undefined || options.targetColumn === "right" ? table.columnIndex + table.columnCount : options.targetColumn;
    if (!Number.isInteger(targetCol) || targetCol < 0 || targetCol + k > MAX_COLS) throw new AdapterError("badTarget", String(targetCol));
    const top = dataTop(table);
    const headerRow = table.hasHeader ? table.rowIndex : -1;
    const outRect: Rect = { r0: table.hasHeader ? headerRow : top, c0: targetCol, r1: top + n - 1, c1: targetCol + k - 1 };
    const outAddress = sheetAddress(table.sheet, outRect);
    const ws = context.workbook.worksheets.getItem(table.sheet);
    const hdr = table.hasHeader ? 1 : 0;

    // ---- the conditional formats this apply wants (decided before anything is read)
    const gi = kinds.indexOf("grade");
    const gradeRules =
      gi >= 0 && options.colour !== false
        ? compiled.grades.map((g) => ({ formula1: `=${formulaString(gradeInfoText(g, lang))}`, color: g.color }))
        : [];
    const inputCols = [...new Set(Object.values(options.mapping))].sort((a, b) => a - b).map((c) => table.columnIndex + c);
    const styleFormula = badRowFormula(kinds, targetCol, top, inputCols, msg("noData", lang));
    const styleCol = kinds.includes("reason") ? kinds.indexOf("reason") : gi >= 0 ? gi : kinds.indexOf("score");
    const gradeAddress = gi >= 0 ? sheetAddress(table.sheet, { r0: top, c0: targetCol + gi, r1: top + n - 1, c1: targetCol + gi }) : "";
    const styleAddress = sheetAddress(table.sheet, { r0: top, c0: targetCol + styleCol, r1: top + n - 1, c1: targetCol + styleCol });
    let existingGrade: Excel.ConditionalFormatCollection | null = null;
    let existingStyle: Excel.ConditionalFormatCollection | null = null;

    // ---- read phase: input columns + what is in the target area (snapshot), one sync per block
    const fields = Object.keys(options.mapping);
    const mappedCols = fields.map((f) => options.mapping[f]);
    const captured: CapturedBlock[] = [];
    let nonEmpty = 0;
    let headerBold: (boolean | null)[] | null = null;
    const read = await readColumns(context, table, mappedCols, bytesPerRow, {
      extraBytesPerRow: k * 48,
      signal: options.signal,
      extraPerBlock: (b) => {
        const data = ws.getRangeByIndexes(top + b.start, targetCol, b.count, k);
        loadForSnapshot(data);
        let head: Excel.Range | null = null;
        let fonts: Excel.RangeFont[] = [];
        if (b.start === 0) {
          if (hdr) {
            head = ws.getRangeByIndexes(headerRow, targetCol, 1, k);
            loadForSnapshot(head);
            fonts = kinds.map((_, j) => {
              const f = head!.getCell(0, j).format.font;
              f.load("bold");
              return f;
            });
          }
          // conditional formats already on the output cells: a re-apply must not pile up copies
          if (gradeRules.length) {
            existingGrade = ws.getRangeByIndexes(top, targetCol + gi, n, 1).conditionalFormats;
            existingGrade.load("items/id,items/type,items/cellValueOrNullObject/rule,items/cellValueOrNullObject/format/fill/color");
          }
          if (styleFormula) {
            existingStyle = ws.getRangeByIndexes(top, targetCol + styleCol, n, 1).conditionalFormats;
            existingStyle.load("items/id,items/type,items/customOrNullObject/rule/formula");
          }
        }
        return () => {
          if (head) {
            const c = captureBlock(0, head as unknown as LoadedOutput);
            captured.push(c.block);
            nonEmpty += c.nonEmpty;
            headerBold = fonts.map((f) => f.bold);
          }
          const c = captureBlock(hdr + b.start, data as unknown as LoadedOutput);
          captured.push(c.block);
          nonEmpty += c.nonEmpty;
        };
      },
    });
    if (!read.completed) {
      return { status: "cancelled", address: outAddress, rowsGraded: 0, counts: [], errors: 0, empty: 0, badRows: [] };
    }
    if (nonEmpty > 0 && !options.confirmOverwrite) {
      return { status: "needsConfirmation", cellsToReplace: nonEmpty, address: outAddress };
    }

    // ---- grade
    const columns: Record<string, unknown[]> = {};
    for (const f of fields) columns[f] = read.columns.get(options.mapping[f])!;
    const result = gradeTable(compiled, { columns, rowCount: n }, { params: options.params });

    // ---- undo record first, so that whatever gets written can be undone
    const record: UndoRecord = {
      workbook: loc.workbook,
      sheet: table.sheet,
      rect: outRect,
      address: outAddress,
      blocks: captured,
      headerBold,
      conditionalFormatIds: [],
    };

    // number format of each output cell (data rows), for the text guard
    const nfBlocks = captured.filter((b) => b.start >= hdr);
    let nfIdx = 0;
    const nfAt = (i: number, j: number): string => {
      const row = hdr + i;
      while (nfIdx < nfBlocks.length - 1 && row >= nfBlocks[nfIdx].start + nfBlocks[nfIdx].count) nfIdx++;
      const b = nfBlocks[nfIdx];
      return numberFormatAt(b.columns[j], row - b.start);
    };
    // Portable: grade and score as native formulas over the table's own cells (same results as
    // the engine: the interop tests hold the compiler to that); reasons stay values.
    let portable: { grade: string; score?: string }[] | undefined;
    if (options.portable) {
      const columns: Record<string, string> = {};
      for (const f of fields) columns[f] = columnLetters(table.columnIndex + options.mapping[f]);
      const compiledRows = compileFormulaRows(compiled.template, { target: "excel-compat", columns, firstRow: top + 1, lastRow: top + n, params: options.params });
      if (isRefusal(compiledRows)) throw new AdapterError("notPortable", compiledRows.reason.en, compiledRows.reason.zh);
      portable = compiledRows;
    }
    const rowOf = (i: number): (string | number)[] =>
      kinds.map((kind, j) => {
        if (portable && kind === "grade") return `=${portable[i].grade}`;
        if (portable && kind === "score") return portable[i].score !== undefined ? `=${portable[i].score}` : "";
        if (kind === "grade") return textCell(gradeText(result, i, lang), nfAt(i, j));
        if (kind === "score") return result.score(i) ?? "";
        return textCell(result.reason(i, lang), nfAt(i, j));
      });

    // Existing rules identical to ours (same rule, same colour): their ranges are checked in the
    // first write batch (no extra sync); identical ones on exactly our cells are kept, not re-added.
    const sameGrade = ((existingGrade as Excel.ConditionalFormatCollection | null)?.items ?? []).filter(
      (cf) =>
        cf.type === "CellValue" &&
        !cf.cellValueOrNullObject.isNullObject &&
        cf.cellValueOrNullObject.rule.operator === "EqualTo" &&
        gradeRules.some((r) => r.formula1 === cf.cellValueOrNullObject.rule.formula1 && sameColor(r.color, cf.cellValueOrNullObject.format.fill.color)),
    );
    const sameStyle = ((existingStyle as Excel.ConditionalFormatCollection | null)?.items ?? []).filter(
      (cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula === styleFormula,
    );
    const sameRanges = new Map<Excel.ConditionalFormat, Excel.Range>();

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
        state.get(loc.workbook).undo = record;
        for (const cf of [...sameGrade, ...sameStyle]) {
          const r = cf.getRangeOrNullObject();
          r.load("address");
          sameRanges.set(cf, r);
        }
      }
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      if (done === 0 && hdr) ws.getRangeByIndexes(headerRow, targetCol, 1, k).values = [header];
      const block = ws.getRangeByIndexes(top + chunk.start, targetCol, chunk.rows.length, k);
      if (portable) block.formulas = chunk.rows;
      else block.values = chunk.rows;
      await context.sync();
      done += chunk.rows.length;
      options.onProgress?.(done, n);
    }

    // ---- formats, after the values (skipped when cancelled before the end)
    if (!cancelled) {
      const onOurCells = (cf: Excel.ConditionalFormat, address: string) => {
        const r = sameRanges.get(cf);
        return !!r && !r.isNullObject && r.address === address;
      };
      const keptGrades = new Set(sameGrade.filter((cf) => onOurCells(cf, gradeAddress)).map((cf) => cf.cellValueOrNullObject.rule.formula1));
      const keptStyle = sameStyle.some((cf) => onOurCells(cf, styleAddress));
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      if (hdr) ws.getRangeByIndexes(headerRow, targetCol, 1, k).format.font.bold = true;
      const added: Excel.ConditionalFormat[] = [];
      if (gradeRules.length) {
        const gradeCells = ws.getRangeByIndexes(top, targetCol + gi, n, 1);
        // Excel adds a new format at the top priority; setting priority 0 explicitly, best
        // grade last, leaves the rules in grade order above any older rule on these cells.
        for (const rule of [...gradeRules].reverse()) {
          if (keptGrades.has(rule.formula1)) continue;
          const cf = gradeCells.conditionalFormats.add("CellValue");
          cf.cellValue.format.fill.color = rule.color;
          cf.cellValue.rule = { formula1: rule.formula1, operator: "EqualTo" };
          cf.priority = 0;
          cf.load("id");
          added.push(cf);
        }
      }
      if (styleFormula && !keptStyle) {
        const cf = ws.getRangeByIndexes(top, targetCol + styleCol, n, 1).conditionalFormats.add("Custom");
        cf.custom.rule.formula = styleFormula;
        cf.custom.format.fill.color = BAD_INPUT_STYLE.fill;
        cf.custom.format.font.color = BAD_INPUT_STYLE.fontColor;
        cf.custom.format.font.italic = BAD_INPUT_STYLE.italic;
        cf.priority = 0;
        cf.load("id");
        added.push(cf);
      }
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
        badRows.push({ row: i, address: badCellAddress(table, options.mapping, result, i, targetCol, kinds), reason: result.reason(i, lang) });
      }
    }
    const writtenRect: Rect = { ...outRect, r1: done > 0 ? top + done - 1 : outRect.r0 };
    return {
      status: cancelled ? "cancelled" : "applied",
      address: cancelled ? sheetAddress(table.sheet, writtenRect) : outAddress,
      rowsGraded: done,
      counts: compiled.grades.map((grade, k2) => ({ grade, count: counts[k2] })),
      errors,
      empty,
      badRows,
    };
  });
}

function sameColor(a: string, b: string | null | undefined): boolean {
  return typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/** Address of the first offending input cell of a bad row (the grade cell when no field is named). */
function badCellAddress(
  table: TableInfo,
  mapping: Record<string, number>,
  result: GradeResult,
  i: number,
  targetCol: number,
  kinds: OutputKind[],
): string {
  const row = dataTop(table) + i;
  const field = result.error(i)?.field;
  const col = field !== undefined && field in mapping ? table.columnIndex + mapping[field] : targetCol + Math.max(0, kinds.indexOf("grade"));
  return `${sheetAddress(table.sheet, { r0: row, c0: col, r1: row, c1: col })}`;
}
