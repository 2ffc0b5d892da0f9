/**
 * `gradekit grade` on a CSV file in bounded memory: the file is read block by block
 * (csv-records.ts), graded in chunks with the engine and written row by row (table-sinks.ts), so
 * memory does not grow with the row count. Results, messages and row numbers are those of the
 * in-memory path (commands/grade.ts), which still reads stdin. An xlsx sheet graded to CSV is read
 * the same way, its rows coming from xlsx-records.ts instead (never ragged: no CSV records).
 *
 * - Row-wise templates: one pass; each chunk of rows is graded with `gradeTable` and written.
 * - Population templates (percentiles, shares, segments, relative to max): two passes. The first
 *   gathers only the mapped fields as typed columns (column-store.ts) and grades them all at once
 *   (`gradeParsed`); the second reads the file again and writes each row with its grade.
 * - The table's width is decided from the header and the first block; a column further right that
 *   fills later (a cell beyond the header in a later row) changes every output row, so the run
 *   then measures the whole file first and starts again (the output is a temporary file until the
 *   end, so nothing half-written is ever seen). A file that is not UTF-8 after all starts again in
 *   the encoding its bytes point to.
 *
 * The steps between reading and grading are open: `rowsOf` yields the data rows in chunks, so a
 * step that turns rows into other rows (aggregation) can sit between it and the grading.
 */
import { cellText, columnLetter, type CellValue, type TableFormat } from "../io";
import {
  compileTemplate,
  gradeParsed,
  gradeTable,
  matchHeaders,
  parseTable,
  tr,
  unitScale,
  type CompiledTemplate,
  type GradeResult,
  type Lang,
  type MappingOverride,
  type Template,
} from "../../engine";
import { fail, m } from "../messages";
import { gradeText } from "./cells";
import { ColumnStore } from "./column-store";
import { CsvRecordReader, EncodingRestart } from "./csv-records";
import { XlsxRecordReader } from "./xlsx-records";
import { XlsxPatchSink } from "./xlsx-patch";
import type { GradeSummary } from "./grade-summary";
import { CsvSink, XlsxSink, type OutcomeCells, type TableSink } from "./table-sinks";
import {
  existingOutputColumns,
  findHeaderRow,
  HEADER_SCAN,
  isBlankCell,
  missingColumnError,
  OUTPUT_COLUMNS,
  overridesFor,
  rowBlank,
  usedWidth,
  type ColumnMap,
} from "./table-shape";

/**
 * Rows graded at a time. Small on purpose, with the reader's small blocks (csv-records.ts): a
 * block's records and a chunk's rows then die in V8's young generation instead of being copied
 * into the old one (with 16,384 rows and 512 KB blocks, 200,000 rows promoted about 120 MB and
 * garbage collection took 40% of the run; now about 10 MB).
 */
export const CHUNK_ROWS = 1024;
/** How many rows with errors the summary lists. */
const ERRORS_SHOWN = 5;

export type OutputColumn = keyof typeof OUTPUT_COLUMNS;

/** The output columns without `--columns`: grade, score (when the template scores), reason. */
export function defaultColumns(scores: boolean): OutputColumn[] {
  return scores ? ["grade", "score", "reason"] : ["grade", "reason"];
}

export interface StreamGradeJob {
  template: Template;
  params: Record<string, number>;
  maps: ColumnMap;
  /** Notes that end the summary (template warnings). */
  trailingNotes: string[];
  input: string;
  output: string;
  outFormat: TableFormat;
  lang: Lang;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
  bom: boolean;
  /** Output columns, in order; default grade, score (when the template scores), reason. */
  columns?: readonly OutputColumn[];
  /** For `--out -`: where the CSV text goes. */
  write?: (s: string) => void;
  /** Called after each chunk with the data rows done so far (and, in the first of two passes, `pass` 1). */
  progress?: (rows: number, pass: 1 | 2) => void;
  chunkRows?: number;
  blockBytes?: number;
  /** The input is an xlsx workbook (xlsx-records.ts): this sheet (by name), else the first visible one. */
  xlsx?: { sheet?: string };
}

/** Rows of the input in blocks: a CSV file (csv-records.ts) or an xlsx sheet (xlsx-records.ts). */
interface RecordSource {
  next(): { rows: CellValue[][]; lines: number[]; first: number } | null | Promise<{ rows: CellValue[][]; lines: number[]; first: number } | null>;
  close(): void;
  readonly encoding: string;
  readonly delimiter: string | undefined;
}

/** The table's width grew after rows were written: measure the whole file and start again. */
class WidthRestart {}

/** Cells beyond the header's last non-blank cell, per column: how many, and the first row. */
type Beyond = Map<number, { count: number; first: number }>;

/** The table as decided from its header: where things are, and what the summary needs. */
interface Shape {
  h: number;
  hw: number;
  usedW: number;
  width: number;
  replaced: number;
  /** Width grown by columns that hold values below the header (before `replaced`). */
  grown: number;
  fieldOfColumn: string[];
  scale: Record<string, number>;
  headers: string[];
  match: ReturnType<typeof matchHeaders>;
  outColumns: readonly OutputColumn[];
}

/** One data row: its cells (as read), the file row (0-based) and, for a ragged CSV row, the error. */
interface DataChunk {
  src: CellValue[][];
  rows: number[];
  ragged: (string | undefined)[];
}

/** The file opened and read up to its header row (and somewhat beyond). */
interface Opened {
  reader: RecordSource;
  /** The xlsx reader (for its notes), when the input is xlsx. */
  xlsx?: XlsxRecordReader;
  buffered: CellValue[][];
  lines: number[];
  h: number;
}

async function open(job: StreamGradeJob, detected: string | undefined, blockBytes?: number): Promise<Opened> {
  let reader: RecordSource;
  let xlsx: XlsxRecordReader | undefined;
  if (job.xlsx) {
    xlsx = new XlsxRecordReader(job.input, job.xlsx.sheet);
    reader = xlsx;
  } else reader = new CsvRecordReader(job.input, { encoding: job.encoding, detected, delimiter: job.delimiter, blockBytes });
  try {
    if (xlsx) await xlsx.open();
    else (reader as CsvRecordReader).open();
    const buffered: CellValue[][] = [];
    const lines: number[] = [];
    let nonBlank = 0;
    const take = async (): Promise<boolean> => {
      const b = await reader.next();
      if (!b) return false;
      for (let k = 0; k < b.rows.length; k++) {
        buffered.push(b.rows[k]);
        lines.push(b.lines[k]);
        if (!rowBlank(b.rows[k])) nonBlank++;
      }
      return true;
    };
    let h: number;
    if (job.headerRow !== undefined) {
      h = job.headerRow - 1;
      while (buffered.length <= h && (await take()));
      if (h >= buffered.length || rowBlank(buffered[h])) {
        // Which error: the whole file blank (emptyInput) or a bad --header-row.
        while (nonBlank === 0 && (await take()));
        if (nonBlank === 0) throw fail("emptyInput", "input", { path: job.input });
        throw fail("badHeaderRow", "input", { value: job.headerRow });
      }
    } else {
      while (nonBlank < HEADER_SCAN && (await take()));
      if (nonBlank === 0) throw fail("emptyInput", "input", { path: job.input });
      let last = buffered.length - 1;
      while (last >= 0 && rowBlank(buffered[last])) last--;
      h = findHeaderRow(buffered, last, job.template, job.maps);
    }
    return { reader, xlsx, buffered, lines, h };
  } catch (e) {
    reader.close();
    throw e;
  }
}

/** Columns beyond the header that hold values in `rows` (data rows after the header). */
function noteBeyond(beyond: Beyond, row: readonly CellValue[], r: number, usedW: number): boolean {
  let grew = false;
  for (let c = usedW; c < row.length; c++) {
    if (isBlankCell(row[c])) continue;
    const b = beyond.get(c);
    if (b) b.count++;
    else {
      beyond.set(c, { count: 1, first: r });
      grew = true;
    }
  }
  return grew;
}

function grownWidth(usedW: number, beyond: Beyond): number {
  let w = usedW;
  while (beyond.has(w)) w++;
  return w;
}

function decideShape(job: StreamGradeJob, o: Opened, knownGrown: number | undefined, final: boolean): Shape {
  const header = o.buffered[o.h];
  const hw = header.length;
  const usedW = usedWidth(header);
  const beyond: Beyond = new Map();
  for (let r = o.h + 1; r < o.buffered.length; r++) noteBeyond(beyond, o.buffered[r], r, usedW);
  const grown = knownGrown ?? grownWidth(usedW, beyond);
  const replaced = existingOutputColumns(Array.from({ length: usedW }, (_, c) => cellText(header[c])));
  const width = replaced > 0 ? usedW - replaced : grown;
  const headers = Array.from({ length: width }, (_, c) => cellText(header[c]));
  const { o: overrides, bad } = overridesFor(job.maps, headers);
  if (bad) {
    // A `#N` column right of the header may still fill further down: measure the file first.
    if (!final && replaced === 0 && bad.column !== undefined) throw new WidthRestart();
    throw fail("mapNoColumn", "input", { field: bad.field, header: bad.header, headers: headers.filter((x) => x).join(", ") });
  }
  const match = matchHeaders(headers, job.template, overrides as MappingOverride);
  if (match.missing.length > 0) throw missingColumnError(job.template, match, headers, o.h + 1);
  const fieldOfColumn = new Array<string>(width).fill("");
  for (const [key, col] of Object.entries(match.mapping)) fieldOfColumn[col] = key;
  const outColumns = job.columns ?? defaultColumns(compileTemplate(job.template).scores);
  return { h: o.h, hw, usedW, width, replaced, grown, fieldOfColumn, scale: unitScale(match.units), headers, match, outColumns };
}

/**
 * The data rows in chunks, with the table's end found as the in-memory path finds it: blank rows
 * (blank within the table's width) are held back until a row with a value follows, so trailing
 * blank rows are dropped. `beyond` collects cells right of the header (for the width and the note).
 */
async function* rowsOf(o: Opened, s: Shape, beyond: Beyond, growing: boolean, chunkRows: number, lang: Lang): AsyncGenerator<DataChunk> {
  let chunk: DataChunk = { src: [], rows: [], ragged: [] };
  let held: { row: CellValue[]; r: number; line: number }[] = [];
  // Only CSV records can be ragged (an xlsx row is as wide as its cells, as in the in-memory path).
  const csv = o.xlsx === undefined;
  const { width, hw, usedW } = s;
  let grown = s.grown;
  const hline = o.lines[o.h];
  const push = (row: CellValue[], r: number, line: number) => {
    chunk.src.push(row);
    chunk.rows.push(r);
    chunk.ragged.push(csv && row.length !== hw && !rowBlank(row) ? m("raggedRow", lang, { line, n: row.length, h: hw, hline }) : undefined);
  };
  /** Takes one row; true when the chunk is full. */
  const visit = (row: CellValue[], r: number, line: number): boolean => {
    if (row.length > usedW && noteBeyond(beyond, row, r, usedW) && growing) {
      const w = grownWidth(usedW, beyond);
      if (w !== grown) {
        grown = w;
        if (s.replaced === 0) throw new WidthRestart();
      }
    }
    let blank = true;
    for (let c = 0; c < width && c < row.length && blank; c++) blank = isBlankCell(row[c]);
    if (blank) {
      held.push({ row, r, line });
      return false;
    }
    if (held.length > 0) {
      for (const x of held) push(x.row, x.r, x.line);
      held = [];
    }
    push(row, r, line);
    return chunk.src.length >= chunkRows;
  };
  const full = function* (): Generator<DataChunk> {
    yield chunk;
    chunk = { src: [], rows: [], ragged: [] };
  };
  for (let r = o.h + 1; r < o.buffered.length; r++) if (visit(o.buffered[r], r, o.lines[r])) yield* full();
  o.buffered.length = o.h + 1;
  for (let b = await o.reader.next(); b; b = await o.reader.next()) {
    const { rows, first, lines } = b;
    for (let k = 0; k < rows.length; k++) if (visit(rows[k], first + k, lines[k])) yield* full();
  }
  if (chunk.src.length > 0) yield chunk;
}

/** The counts and first error rows of a run. */
class Tally {
  readonly perGrade: number[];
  errors = 0;
  empty = 0;
  rows = 0;
  readonly errorRows: GradeSummary["errorRows"] = [];
  constructor(grades: number) {
    this.perGrade = new Array<number>(grades).fill(0);
  }
}

/** Writes one chunk graded by `result` (row k of the chunk is row `offset + k` of the result). */
function writeChunk(sink: TableSink, s: Shape, chunk: DataChunk, result: GradeResult, offset: number, tally: Tally, lang: Lang): void {
  const cols = s.outColumns;
  const out: OutcomeCells = new Array(cols.length);
  const grades = result.compiled.grades;
  for (let k = 0; k < chunk.src.length; k++) {
    const i = offset + k;
    const bad = chunk.ragged[k];
    const g = bad === undefined ? result.gradeIndex[i] : -1;
    let reason: string | undefined;
    if (bad !== undefined || g === -1) {
      tally.errors++;
      if (tally.errorRows.length < ERRORS_SHOWN) {
        reason = bad ?? result.reason(i, lang);
        tally.errorRows.push({ row: chunk.rows[k] + 1, reason });
      }
    } else if (g >= 0) tally.perGrade[g]++;
    else tally.empty++;
    for (let c = 0; c < cols.length; c++) {
      const name = cols[c];
      if (name === "grade") out[c] = bad === undefined ? gradeText(result, i, lang) : "";
      else if (name === "score") out[c] = g >= 0 ? result.score(i) : null;
      else out[c] = reason ?? bad ?? result.reason(i, lang);
    }
    sink.dataRow(chunk.src[k], chunk.rows[k], out, g >= 0 ? grades[g].color : null);
  }
  tally.rows += chunk.src.length;
}

function makeSink(job: StreamGradeJob, s: Shape, o: Opened): TableSink {
  const spec = {
    output: job.output,
    width: s.width,
    replaced: s.replaced,
    outHeaders: s.outColumns.map((c) => OUTPUT_COLUMNS[c]),
    bom: job.bom,
    write: job.write,
    input: job.input,
  };
  if (job.outFormat === "csv") return new CsvSink(spec);
  // An xlsx graded into an xlsx keeps the input workbook (xlsx-patch.ts).
  if (o.xlsx) return new XlsxPatchSink(spec, o.xlsx.sheetPart, compileTemplate(job.template).grades.flatMap((g) => (g.color ? [g.color] : [])));
  return new XlsxSink(spec);
}

function writeHead(sink: TableSink, o: Opened): void {
  for (let r = 0; r < o.h; r++) sink.titleRow(o.buffered[r], r);
  sink.headerRow(o.buffered[o.h], o.h);
}

/** Reads the whole file once for the table's final width (cells right of the header). */
async function measureWidth(job: StreamGradeJob, detected: string | undefined): Promise<number> {
  const o = await open(job, detected, job.blockBytes);
  try {
    const s = decideShapeLoose(job, o);
    const beyond: Beyond = new Map();
    for await (const chunk of rowsOf(o, s, beyond, false, job.chunkRows ?? CHUNK_ROWS, job.lang)) void chunk;
    return grownWidth(s.usedW, beyond);
  } finally {
    o.reader.close();
  }
}

/** The shape without the mapping checks (for measuring only). */
function decideShapeLoose(job: StreamGradeJob, o: Opened): Shape {
  const header = o.buffered[o.h];
  const usedW = usedWidth(header);
  const match = matchHeaders([], job.template);
  return { h: o.h, hw: header.length, usedW, width: usedW, replaced: 0, grown: usedW, fieldOfColumn: [], scale: {}, headers: [], match, outColumns: [] };
}

/** One attempt at the whole run (a restart throws out of it). */
async function attempt(job: StreamGradeJob, detected: string | undefined, knownGrown: number | undefined): Promise<GradeSummary> {
  const lang = job.lang;
  const chunkRows = job.chunkRows ?? CHUNK_ROWS;
  const final = knownGrown !== undefined;
  let o = await open(job, detected, job.blockBytes);
  let sink: TableSink | undefined;
  const beyond: Beyond = new Map();
  try {
    const s = decideShape(job, o, knownGrown, final);
    const compiled = compileTemplate(job.template);
    const tally = new Tally(compiled.grades.length);
    const table = (src: CellValue[][], ragged: (string | undefined)[]) => ({
      rows: src.map((row, k) => (ragged[k] === undefined ? row : [])),
      fields: s.fieldOfColumn,
      scale: s.scale,
    });
    if (!compiled.population) {
      sink = makeSink(job, s, o);
      writeHead(sink, o);
      for await (const chunk of rowsOf(o, s, beyond, !final, chunkRows, lang)) {
        const result = gradeTable(job.template, table(chunk.src, chunk.ragged), { params: job.params });
        writeChunk(sink, s, chunk, result, 0, tally, lang);
        await sink.drain();
        job.progress?.(tally.rows, 2);
      }
    } else {
      // Pass 1: the mapped fields as typed columns, then the grades of every row at once.
      const store = new ColumnStore(job.template);
      store.append(parseTable(job.template, table([], [])));
      let n = 0;
      const raggedRows = new Set<number>();
      for await (const chunk of rowsOf(o, s, beyond, !final, chunkRows, lang)) {
        store.append(parseTable(job.template, table(chunk.src, chunk.ragged)));
        chunk.ragged.forEach((x, k) => x !== undefined && raggedRows.add(n + k));
        n += chunk.src.length;
        job.progress?.(n, 1);
      }
      o.reader.close();
      const result = gradeParsed(job.template, store.table(), { params: job.params });
      // Pass 2: the same rows again, written with their grades.
      o = await open(job, detected, job.blockBytes);
      sink = makeSink(job, s, o);
      writeHead(sink, o);
      let offset = 0;
      for await (const chunk of rowsOf(o, s, new Map(), false, chunkRows, lang)) {
        writeChunk(sink, s, chunk, result, offset, tally, lang);
        await sink.drain();
        offset += chunk.src.length;
        job.progress?.(offset, 2);
      }
    }
    await sink.finish();
    return summarize(job, o, s, beyond, tally, compiled.grades);
  } catch (e) {
    sink?.abort();
    throw e;
  } finally {
    o.reader.close();
  }
}

function summarize(
  job: StreamGradeJob,
  o: Opened,
  s: Shape,
  beyond: Beyond,
  tally: Tally,
  grades: CompiledTemplate["grades"],
): GradeSummary {
  const lang = job.lang;
  const notes: string[] = o.xlsx ? o.xlsx.notes(lang) : [];
  const enc = o.reader.encoding;
  if (!o.xlsx && enc !== "UTF-8") notes.push(m(job.encoding ? "csvEncodingTold" : "csvEncoding", lang, { path: job.input, enc }));
  let outside = 0;
  let first: { r: number; c: number } | undefined;
  for (const [c, b] of beyond) {
    if (c < s.grown) continue;
    outside += b.count;
    if (!first || b.first < first.r || (b.first === first.r && c < first.c)) first = { r: b.first, c };
  }
  if (outside > 0 && first) notes.push(m("outsideTable", lang, { n: outside, cell: columnLetter(first.c + 1) + (first.r + 1) }));
  if (s.replaced > 0) notes.push(m("replacedColumns", lang));
  const t = job.template;
  for (const f of t.fields) {
    if (!(f.key in s.match.mapping) && !s.match.missing.includes(f.key) && !(t.requireOneOf ?? []).some((g) => g.includes(f.key))) {
      notes.push(m("optionalUnmapped", lang, { field: f.key, labels: `${f.label.en} / ${f.label.zh}` }));
    }
  }
  notes.push(...job.trailingNotes);
  const graded = tally.perGrade.reduce((a, b) => a + b, 0);
  return {
    template: t,
    input: job.input,
    output: job.output,
    ...(o.xlsx ? { sheet: o.xlsx.sheetName } : {}),
    headerRow: s.h + 1,
    rows: tally.rows,
    graded,
    errors: tally.errors,
    empty: tally.empty,
    perGrade: grades.map((g, k) => ({ id: g.id, label: lang === "zh-CN" ? tr(g.label, lang) : g.id, count: tally.perGrade[k] })),
    errorRows: tally.errorRows,
    columns: Object.entries(s.match.mapping)
      .sort((a, b) => a[1] - b[1])
      .map(([field, col]) => ({ field, column: col + 1, header: s.headers[col], ...(s.match.units[field] ?? {}) })),
    notes,
    ...(o.xlsx ? {} : { encoding: enc, delimiter: o.reader.delimiter }),
  };
}

/**
 * Grades a CSV file (not stdin), or an xlsx sheet (`job.xlsx`), into a CSV or xlsx output in
 * bounded memory; see the top of the file. An xlsx this cannot stream throws `XlsxFallback`.
 */
export async function gradeCsvStream(job: StreamGradeJob): Promise<GradeSummary> {
  let detected: string | undefined;
  let knownGrown: number | undefined;
  for (;;) {
    try {
      return await attempt(job, detected, knownGrown);
    } catch (e) {
      if (e instanceof EncodingRestart && detected === undefined) {
        detected = e.encoding;
        continue;
      }
      if (e instanceof WidthRestart && knownGrown === undefined) {
        knownGrown = await measureWidth(job, detected);
        continue;
      }
      throw e;
    }
  }
}
