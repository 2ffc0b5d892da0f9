/**
 * `gradekit grade`: reads a CSV or xlsx table, grades every data row with a template, and writes
 * the table back with `grade`, `score` (when the template scores) and `reason` columns added.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import {
  compileTemplate,
  gradeTable,
  isoOf,
  matchHeaders,
  unitScale,
  tr,
  type Lang,
  type MappingOverride,
} from "../../engine";
import { neutralise } from "../../engine";
import {
  cellText,
  columnLetter,
  delimiterOption,
  encodingOption,
  excel,
  formatOf,
  isMacroWorkbook,
  readCsvInput,
  readXlsxInput,
  sheetNameFor,
  writeCsvOutput,
  writeXlsxOutput,
  type InputSheet,
} from "../io";
import { both, fail, m, type CliIo } from "../messages";
import { refuseExistingOutput, refuseOutputOverInput } from "../output-file";
import type { GradeSummary } from "../stream/grade-summary";
import { defaultColumns, gradeCsvStream, type OutputColumn, type StreamGradeJob } from "../stream/grade-stream";
import { XlsxFallback } from "../stream/xlsx-records";
import { argb, csvCell, gradeText, xlsxValue } from "../stream/cells";
import {
  existingOutputColumns,
  findHeaderRow,
  isBlankCell,
  missingColumnError,
  OUTPUT_COLUMNS,
  overridesFor,
  parseMap,
  rowBlank,
  usedWidth,
} from "../stream/table-shape";
import { langOption, parseCommandArgs, splitPairs } from "./args";
import { issueLine, loadTemplate, parseParams } from "./template-source";
import { asOfLine, DATE_OPTIONS, dateReading, dateRunOptions, elapsedFields, type DateRunOptions } from "./grade-dates";
import { ordersGradeCommand } from "../orders";

export { argb, OUTPUT_COLUMNS };
export type { GradeSummary };

/** How many rows with errors the summary lists. */
const ERRORS_SHOWN = 5;
export interface GradeRunOptions {
  template: string;
  input: string;
  output: string;
  sheet?: string;
  map: string[];
  params: string[];
  lang: Lang;
  headerRow?: number;
  bom: boolean;
  quiet: boolean;
  /** `--force`: `false` (the CLI without --force) refuses an existing output; absent or `true` replaces it (atomically). */
  force?: boolean;
  /** CSV input: `--encoding` (detected when absent). */
  encoding?: string;
  /** CSV input: `--delimiter` (sniffed from the first line when absent). */
  delimiter?: string;
  /** `--as-of`, `--date-order`, `--dates`. */
  dates?: DateRunOptions;
  /** `--columns`: the output columns, in order (default: grade, score when the template scores, reason). */
  columns?: OutputColumn[];
  /** Called as rows are graded (the progress line). */
  progress?: (rows: number, pass: 1 | 2) => void;
  /** CSV and xlsx file input is graded streaming (bounded memory); `false` reads it whole (tests compare the two). */
  stream?: boolean;
  /** Streaming: rows graded at a time and bytes read at a time (tests use small ones). */
  chunkRows?: number;
  blockBytes?: number;
}

/** Runs one grading: read, match headers, grade, write. Throws a `GradeKitError` for unusable input. */
export async function gradeFile(opts: GradeRunOptions, io?: CliIo): Promise<GradeSummary> {
  const lang = opts.lang;
  const { template, warnings } = loadTemplate(opts.template, lang);
  compileTemplate(template);
  const params = parseParams(opts.params, template);
  const maps = parseMap(opts.map, template);

  const inFormat = formatOf(opts.input);
  const outFormat = formatOf(opts.output);
  if (!inFormat) throw fail("badFormat", "usage", { option: "--in", path: opts.input });
  if (!outFormat) throw fail("badFormat", "usage", { option: "--out", path: opts.output });
  if (isMacroWorkbook(opts.output)) throw fail("xlsmOut", "usage", { path: opts.output });
  if (opts.input !== "-" && !fs.existsSync(opts.input)) throw fail("noFile", "notFound", { what: both("what_input"), path: opts.input });
  const inputs = [opts.input, opts.template];
  refuseOutputOverInput(opts.output, inputs);
  refuseExistingOutput(opts.output, opts.force !== false);
  if (opts.output === "-" && outFormat !== "csv") throw fail("badFormat", "usage", { option: "--out", path: opts.output });
  if (opts.sheet !== undefined && inFormat !== "xlsx") throw fail("sheetCsv", "usage");

  if (opts.columns?.includes("score") && !compileTemplate(template).scores) throw fail("columnsNoScore", "usage", { template: template.id });
  const trailingNotes = warnings.map((w) => m("templateWarning", lang, { path: w.path, message: tr(w.message, lang) }));
  // Dates (as-of date, day/month order, columns of dates found by their first value) are read by
  // the in-memory path only: a template that reads dates, or date options, grade the file whole.
  const readsDates =
    elapsedFields(template).length > 0 ||
    template.fields.some((f) => f.type === "date") ||
    Object.values(opts.dates ?? {}).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  // xlsx input streams into a CSV output, and into an xlsx output that is the input workbook with
  // the graded sheet rewritten part by part (stream/xlsx-patch.ts: other sheets, styles and
  // formulas kept). One graded to stdout is read whole (a workbook the streaming reader or the
  // rewrite cannot follow falls back to the whole read, and stdout cannot be taken back).
  const streamXlsx = inFormat === "xlsx" && opts.output !== "-";
  if ((inFormat === "csv" || streamXlsx) && opts.input !== "-" && opts.stream !== false && !readsDates) {
    const job: StreamGradeJob = {
      template,
      params,
      maps,
      trailingNotes,
      input: opts.input,
      output: opts.output,
      outFormat,
      lang,
      headerRow: opts.headerRow,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      bom: opts.bom,
      write: io ? (s) => io.out(s) : undefined,
      columns: opts.columns,
      progress: opts.progress,
      chunkRows: opts.chunkRows,
      blockBytes: opts.blockBytes,
      ...(streamXlsx ? { xlsx: { sheet: opts.sheet } } : {}),
    };
    try {
      return await gradeCsvStream(job);
    } catch (e) {
      // A workbook laid out in a way the streaming reader does not follow is read whole.
      if (!(e instanceof XlsxFallback)) throw e;
    }
  }

  const sheet: InputSheet =
    inFormat === "csv"
      ? await readCsvInput(opts.input, lang, io?.stdin, { encoding: opts.encoding, delimiter: opts.delimiter })
      : await readXlsxInput(opts.input, opts.sheet, lang);
  const rows = sheet.rows;
  let last = rows.length - 1;
  while (last >= 0 && rowBlank(rows[last])) last--;
  if (last < 0) throw fail("emptyInput", "input", { path: opts.input });

  let h: number;
  if (opts.headerRow !== undefined) {
    h = opts.headerRow - 1;
    if (h < 0 || h > last || rowBlank(rows[h])) throw fail("badHeaderRow", "input", { value: opts.headerRow });
  } else h = findHeaderRow(rows, last, template, maps);

  // The table is the header's columns, grown rightwards while the next column holds a value below
  // the header; cells beyond an empty column are not part of it (a stray far cell such as
  // XFD1048576 costs nothing), and the data ends at the last row with a value inside the table.
  const occupied = new Set<number>();
  for (let r = h + 1; r <= last; r++) {
    const row = rows[r];
    if (row) for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) occupied.add(c);
  }
  let width = usedWidth(rows[h]);
  while (occupied.has(width)) width++;
  const notes = [...sheet.notes];
  let outside = 0;
  let firstOutside = "";
  for (let r = h; r <= last; r++) {
    const row = rows[r] ?? [];
    for (let c = width; c < row.length; c++) {
      if (isBlankCell(row[c])) continue;
      if (outside++ === 0) firstOutside = columnLetter(c + 1) + (r + 1);
    }
  }
  if (outside > 0) notes.push(m("outsideTable", lang, { n: outside, cell: firstOutside }));
  while (last > h && rowBlank((rows[last] ?? []).slice(0, width))) last--;
  const allHeaders = Array.from({ length: width }, (_, c) => cellText(rows[h][c]));
  const replaced = existingOutputColumns(allHeaders.slice(0, usedWidth(rows[h])));
  if (replaced > 0) {
    width = usedWidth(rows[h]) - replaced;
    notes.push(m("replacedColumns", lang));
  }
  const headers = allHeaders.slice(0, width);

  // Columns for the fields.
  const { o, bad } = overridesFor(maps, headers);
  if (bad) {
    throw fail("mapNoColumn", "input", { field: bad.field, header: bad.header, headers: headers.filter((x) => x).join(", ") });
  }
  const match = matchHeaders(headers, template, o as MappingOverride);
  if (match.missing.length > 0) throw missingColumnError(template, match, headers, h + 1);
  for (const f of template.fields) {
    if (!(f.key in match.mapping) && !match.missing.includes(f.key) && !(template.requireOneOf ?? []).some((g) => g.includes(f.key))) {
      notes.push(m("optionalUnmapped", lang, { field: f.key, labels: `${f.label.en} / ${f.label.zh}` }));
    }
  }

  // Grade.
  // CSV records wider or narrower than the header were not read as written (an unquoted
  // `1,200,000` shifts every field after it): such a row is an error naming its line, never graded,
  // and left out of the populations (max, percentiles) other rows are graded against.
  const ragged = new Map<number, string>();
  if (sheet.format === "csv") {
    const hw = rows[h].length;
    for (let r = h + 1; r <= last; r++) {
      const row = rows[r];
      if (!row || rowBlank(row) || row.length === hw) continue;
      const line = sheet.lines?.[r] ?? r + 1;
      ragged.set(r - h - 1, m("raggedRow", lang, { line, n: row.length, h: hw, hline: sheet.lines?.[h] ?? h + 1 }));
    }
  }
  const dataRows = rows.slice(h + 1, last + 1).map((row, i) => (ragged.has(i) ? [] : row));
  const fieldOfColumn = new Array<string>(width).fill("");
  for (const [key, col] of Object.entries(match.mapping)) fieldOfColumn[col] = key;
  const dates = dateReading(template, opts.dates ?? {}, match.mapping, dataRows);
  const result = gradeTable(template, { rows: dataRows, fields: fieldOfColumn, scale: unitScale(match.units), ...dates }, { params });
  const scores = result.scores !== null;
  const n = result.n;

  const grades = new Array<string>(n);
  const reasons = new Array<string>(n);
  const scoreOf = (i: number): number | null => (result.status(i) === "graded" && !ragged.has(i) ? result.score(i) : null);
  for (let i = 0; i < n; i++) {
    const bad = ragged.get(i);
    grades[i] = bad === undefined ? gradeText(result, i, lang) : "";
    reasons[i] = bad ?? result.reason(i, lang);
  }
  const outHeaders: string[] = (opts.columns ?? defaultColumns(scores)).map((c) => OUTPUT_COLUMNS[c]);

  // Write.
  if (outFormat === "csv") {
    const records: string[][] = [];
    for (let r = 0; r <= last; r++) {
      const src = rows[r] ?? [];
      if (r < h) {
        records.push(src.slice(0, usedWidth(src)).map((v) => csvCell(v)));
        continue;
      }
      const cells = Array.from({ length: width }, (_, c) => csvCell(src[c]));
      if (r === h) cells.push(...outHeaders);
      else {
        const i = r - h - 1;
        const s = scoreOf(i);
        for (const name of outHeaders) {
          if (name === OUTPUT_COLUMNS.grade) cells.push(neutralise(grades[i]));
          else if (name === OUTPUT_COLUMNS.score) cells.push(s === null ? "" : String(s));
          else cells.push(neutralise(reasons[i]));
        }
      }
      records.push(cells);
    }
    writeCsvOutput(opts.output, records, { bom: opts.bom, lang, write: io ? (s) => io.out(s) : undefined, inputs });
  } else {
    let workbook: ExcelJS.Workbook;
    let ws: ExcelJS.Worksheet;
    if (sheet.workbook && sheet.worksheet) {
      workbook = sheet.workbook;
      ws = sheet.worksheet;
    } else {
      workbook = new (excel().Workbook)();
      const base = opts.input === "-" ? "Sheet1" : path.basename(opts.input, path.extname(opts.input));
      ws = workbook.addWorksheet(sheetNameFor(base));
      for (let r = 0; r <= last; r++) {
        const src = rows[r] ?? [];
        const row = ws.getRow(r + 1);
        src.forEach((v, c) => {
          if (v !== null && v !== undefined && v !== "") row.getCell(c + 1).value = xlsxValue(v, r, c);
        });
      }
      ws.getRow(h + 1).font = { bold: true };
    }
    writeXlsxColumns(ws, {
      headerRow: h + 1,
      firstCol: width + 1,
      clearCols: replaced,
      lastRow: last + 1,
      headers: outHeaders,
      n,
      value: (i, k) => {
        const name = outHeaders[k];
        if (name === OUTPUT_COLUMNS.grade) return grades[i] || null;
        if (name === OUTPUT_COLUMNS.score) return scoreOf(i);
        return xlsxValue(reasons[i], h + 1 + i, width + k) as string;
      },
      fill: (i) => {
        const g = ragged.has(i) ? -1 : result.gradeIndex[i];
        return g >= 0 ? result.compiled.grades[g].color : null;
      },
    });
    await writeXlsxOutput(opts.output, workbook, inputs);
  }

  // Summary.
  const counts = result.counts();
  for (const i of ragged.keys()) {
    const st = result.status(i);
    if (st === "error") continue;
    counts.errors++;
    if (st === "empty") counts.empty--;
    else if (result.gradeIndex[i] >= 0) counts.grades[result.gradeIndex[i]].count--;
  }
  const errorRows: GradeSummary["errorRows"] = [];
  for (let i = 0; i < n && errorRows.length < ERRORS_SHOWN; i++) {
    if (result.status(i) === "error" || ragged.has(i)) errorRows.push({ row: h + 2 + i, reason: reasons[i] });
  }
  notes.push(...trailingNotes);
  const graded = counts.grades.reduce((s, g) => s + g.count, 0);
  return {
    template,
    input: opts.input,
    output: opts.output,
    sheet: sheet.sheetName,
    headerRow: h + 1,
    rows: n,
    graded,
    errors: counts.errors,
    empty: counts.empty,
    perGrade: counts.grades.map((g) => ({ id: g.grade.id, label: lang === "zh-CN" ? tr(g.grade.label, lang) : g.grade.id, count: g.count })),
    errorRows,
    columns: Object.entries(match.mapping)
      .sort((a, b) => a[1] - b[1])
      .map(([field, col]) => ({ field, column: col + 1, header: headers[col], ...(match.units[field] ?? {}) })),
    notes,
    ...(sheet.encoding !== undefined ? { encoding: sheet.encoding, delimiter: sheet.delimiter } : {}),
    ...(result.asOf !== undefined ? { asOf: isoOf(result.asOf), dateFields: dates.found } : {}),
  };
}

interface ColumnsSpec {
  headerRow: number;
  firstCol: number;
  /** Columns of an earlier run to clear first. */
  clearCols: number;
  lastRow: number;
  headers: string[];
  n: number;
  value(i: number, k: number): string | number | null;
  fill(i: number): string | null;
}

/** Writes the outcome columns into a worksheet: header cells styled like the header row, grade fills. */
function writeXlsxColumns(ws: ExcelJS.Worksheet, spec: ColumnsSpec): void {
  const { headerRow, firstCol, lastRow } = spec;
  for (let r = headerRow; r <= lastRow; r++) {
    for (let k = 0; k < Math.max(spec.clearCols, spec.headers.length); k++) {
      const cell = ws.getCell(r, firstCol + k);
      cell.value = null;
      cell.style = {};
    }
  }
  const model = firstCol > 1 ? ws.getCell(headerRow, firstCol - 1) : undefined;
  spec.headers.forEach((name, k) => {
    const cell = ws.getCell(headerRow, firstCol + k);
    cell.value = name;
    const font = model?.font ? { ...model.font } : {};
    cell.style = {
      ...(model ? JSON.parse(JSON.stringify(model.style ?? {})) : {}),
      font: { ...font, bold: true },
    };
  });
  for (let i = 0; i < spec.n; i++) {
    const r = headerRow + 1 + i;
    spec.headers.forEach((name, k) => {
      const cell = ws.getCell(r, firstCol + k);
      cell.value = spec.value(i, k);
      if (name === OUTPUT_COLUMNS.grade) {
        const color = spec.fill(i);
        if (color) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) }, bgColor: { argb: argb(color) } };
      }
    });
  }
  const widths: Record<string, number> = { grade: 12, score: 12, reason: 60 };
  spec.headers.forEach((name, k) => {
    const col = ws.getColumn(firstCol + k);
    if (!col.width) col.width = widths[name] ?? 12;
  });
}

/** The mapping as the summary shows it: `field <- B "header" (unit x factor)`, comma-separated. */
function mappingList(s: GradeSummary): string {
  return s.columns.map((c) => `${c.field} <- ${columnLetter(c.column)} "${c.header}"${c.unit !== undefined ? ` (${c.unit} x ${c.factor})` : ""}`).join(", ");
}

/** What `--verbose` prints on stderr: how the input was read, the mapping, and the time taken. */
export function verboseLines(s: GradeSummary, lang: Lang, elapsedMs: number): string[] {
  const lines: string[] = [];
  if (s.encoding !== undefined) lines.push(m("verboseEncoding", lang, { enc: s.encoding }));
  if (s.delimiter !== undefined) lines.push(m("verboseDelimiter", lang, { delim: s.delimiter === "\t" ? "tab" : `'${s.delimiter}'` }));
  if (s.sheet !== undefined) lines.push(m("verboseSheet", lang, { sheet: s.sheet }));
  lines.push(m("verboseHeaderRow", lang, { row: s.headerRow }));
  lines.push(m("verboseRows", lang, { n: s.rows }));
  lines.push(m("verboseMapping", lang));
  for (const c of s.columns) {
    const unit = c.unit !== undefined ? m("verboseUnit", lang, { unit: c.unit, factor: c.factor ?? 1 }) : "";
    lines.push(`  ${c.field} <- ${columnLetter(c.column)} "${c.header}"${unit}`);
  }
  lines.push(m("verboseElapsed", lang, { s: (elapsedMs / 1000).toFixed(2) }));
  return lines;
}

/** Prints a summary on stderr, in the chosen language. */
export function printSummary(s: GradeSummary, lang: Lang, err: (t: string) => void): void {
  const lines: string[] = [];
  lines.push(m("summaryHead", lang, { id: s.template.id, name: tr(s.template.name, lang) }));
  const inName = s.sheet ? `${s.input} [${s.sheet}]` : s.input;
  lines.push(m("summaryFiles", lang, { in: inName, out: s.output === "-" ? "stdout" : s.output }));
  const list = mappingList(s);
  lines.push(s.encoding !== undefined ? m("summaryColumnsCsv", lang, { list, enc: s.encoding }) : m("summaryColumns", lang, { list }));
  if (s.asOf !== undefined) lines.push(asOfLine(s.asOf, s.dateFields ?? [], lang));
  for (const note of s.notes) lines.push(note);
  if (s.rows === 0) lines.push(m("noDataRows", lang, { row: s.headerRow }));
  lines.push(m("summaryRows", lang, { n: s.rows, graded: s.graded, errors: s.errors, empty: s.empty }));
  const many = s.template.model.kind === "code" || s.perGrade.length > 12;
  const shown = many ? s.perGrade.filter((g) => g.count > 0) : s.perGrade;
  if (shown.length > 0) {
    lines.push(m("summaryGrades", lang));
    const w = Math.max(...shown.map((g) => g.label.length));
    for (const g of shown) lines.push(`  ${g.label.padEnd(w)}  ${g.count}`);
  }
  if (s.errorRows.length > 0) {
    lines.push(m("summaryErrors", lang, { k: s.errorRows.length, n: s.errors }));
    for (const e of s.errorRows) lines.push("  " + m("summaryRow", lang, { row: e.row, reason: e.reason }));
  }
  err(lines.join("\n") + "\n");
}

const GRADE_OPTIONS = {
  template: { type: "string", short: "t" },
  in: { type: "string", short: "i" },
  out: { type: "string", short: "o" },
  sheet: { type: "string" },
  map: { type: "string", multiple: true },
  param: { type: "string", multiple: true },
  lang: { type: "string" },
  "header-row": { type: "string" },
  "no-bom": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
  verbose: { type: "boolean" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  ...DATE_OPTIONS,
  columns: { type: "string" },
} as const;

/** `--columns grade,score,reason` -> the output columns, checked (known names, each once, at least one). */
export function columnsOption(v: string | undefined): OutputColumn[] | undefined {
  if (v === undefined) return undefined;
  const names = v.split(",").map((x) => x.trim().toLowerCase());
  const known = Object.keys(OUTPUT_COLUMNS);
  if (names.length === 0 || names.some((x) => !known.includes(x)) || new Set(names).size !== names.length) {
    throw fail("badColumns", "usage", { value: v });
  }
  return names as OutputColumn[];
}

/** `gradekit grade ...` -> exit code. */
export async function gradeCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  if (argv.includes("--orders")) return ordersGradeCommand(argv, io, fallbackLang);
  const { values } = parseCommandArgs("grade", argv, GRADE_OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  for (const opt of ["template", "in", "out"] as const) {
    if (typeof values[opt] !== "string" || values[opt] === "") throw fail("needOption", "usage", { option: `--${opt}`, cmd: "grade" });
  }
  let headerRow: number | undefined;
  if (values["header-row"] !== undefined) {
    headerRow = Number(values["header-row"]);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw fail("badHeaderRow", "usage", { value: String(values["header-row"]) });
  }
  // The progress line: only on a terminal (never in pipes, files or tests), and not with --quiet.
  const progress = values.quiet !== true && io.isTTY?.() === true ? progressLine(io, lang) : undefined;
  const started = Date.now();
  const summary = await gradeFile(
    {
      template: values.template as string,
      input: values.in as string,
      output: values.out as string,
      sheet: values.sheet as string | undefined,
      map: splitPairs(values.map as string[] | undefined),
      params: splitPairs(values.param as string[] | undefined),
      lang,
      headerRow,
      bom: values["no-bom"] !== true,
      quiet: values.quiet === true,
      force: values.force === true,
      encoding: encodingOption(values.encoding as string | undefined),
      delimiter: delimiterOption(values.delimiter as string | undefined),
      dates: dateRunOptions(values),
      columns: columnsOption(values.columns as string | undefined),
      progress: progress?.tick,
    },
    io,
  );
  progress?.done();
  if (values.verbose === true) io.err(verboseLines(summary, lang, Date.now() - started).join("\n") + "\n");
  if (values.quiet !== true) printSummary(summary, lang, (t) => io.err(t));
  return 0;
}

/** A progress line on stderr (rows, rows/s), rewritten at most once a second. */
function progressLine(io: CliIo, lang: Lang): { tick(rows: number, pass: 1 | 2): void; done(): void } {
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    tick(rows, pass) {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      const rate = Math.round((rows / Math.max(now - start, 1)) * 1000);
      io.err("\r" + m(pass === 1 ? "progressPass1" : "progressRows", lang, { n: rows.toLocaleString("en-US"), rate: rate.toLocaleString("en-US") }) + "   ");
      shown = true;
    },
    done() {
      if (shown) io.err("\r\x1b[K");
    },
  };
}

export { issueLine };
