/**
 * Where the streaming grade writes, row by row: a CSV file (or stdout) or an xlsx file written
 * with exceljs's streaming WorkbookWriter. Files go to a temporary file beside the output and are
 * renamed into place at the end (output-file.ts's rule: never a half-written output); `abort`
 * removes the temporary file.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { csvField, neutralise } from "../../engine";
import { excel, sheetNameFor, type CellValue } from "../io";
import { fail } from "../messages";
import { tempPathFor } from "../output-file";
import { argb, csvCell, xlsxValue } from "./cells";
import { OUTPUT_COLUMNS, usedWidth } from "./table-shape";

/** One outcome cell per output column, in the order of the output headers. */
export type OutcomeCells = (string | number | null)[];

export interface TableSink {
  /** A row above the header (a title), 0-based file row `r`. */
  titleRow(src: readonly CellValue[], r: number): void;
  /** The header row: the table's `width` cells, then the output headers. */
  headerRow(src: readonly CellValue[], r: number): void;
  /** A data row: its cells, then the outcome cells; `fill` is the grade's colour (xlsx) or null. */
  dataRow(src: readonly CellValue[], r: number, out: OutcomeCells, fill: string | null): void;
  /** Lets written rows leave memory (xlsx: the zip stream runs between chunks); called after each chunk. */
  drain(): Promise<void>;
  finish(): Promise<void>;
  abort(): void;
}

export interface SinkSpec {
  output: string;
  /** Columns of the table (the output columns follow). */
  width: number;
  /** Columns of an earlier run that the output columns replace (xlsx: cleared first). */
  replaced: number;
  outHeaders: readonly string[];
  bom: boolean;
  /** For `-`: where CSV text goes (stdout). */
  write?: (s: string) => void;
  /** xlsx: the input file, whose name names the sheet. */
  input: string;
}

function ioWhy(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === "EACCES") return "permission denied";
  if (err && err.code === "EISDIR") return "it is a folder";
  return err && typeof err.message === "string" ? err.message.split("\n")[0] : String(e);
}

/** A temporary file beside `output` (its folder made when missing), renamed over it by `commit`. */
class TempFile {
  readonly tmp: string;
  constructor(readonly output: string) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    } catch (e) {
      throw fail("cannotWrite", "output", { path: output, why: ioWhy(e) });
    }
    this.tmp = tempPathFor(output);
  }
  commit(): void {
    try {
      fs.renameSync(this.tmp, this.output);
    } catch (e) {
      this.remove();
      throw fail("cannotWrite", "output", { path: this.output, why: ioWhy(e) });
    }
  }
  remove(): void {
    try {
      fs.unlinkSync(this.tmp);
    } catch {
      /* already gone */
    }
  }
}

/** Bytes of CSV held before a write. */
const FLUSH_BYTES = 1 << 20;

/**
 * CSV: UTF-8, CRLF, a BOM unless told not to; cells neutralised as the in-memory path does.
 * Lines are encoded into one reused byte buffer as they come (a line's text is garbage at once,
 * rather than a long string of pieces kept until the next write).
 */
export class CsvSink implements TableSink {
  private readonly bytes = Buffer.allocUnsafe(FLUSH_BYTES);
  private pos = 0;
  private fd = -1;
  private temp: TempFile | null = null;

  constructor(private readonly spec: SinkSpec) {
    if (spec.output !== "-") {
      this.temp = new TempFile(spec.output);
      try {
        this.fd = fs.openSync(this.temp.tmp, "wx", 0o666);
      } catch (e) {
        throw fail("cannotWrite", "output", { path: spec.output, why: ioWhy(e) });
      }
      if (spec.bom) this.put("\uFEFF");
    }
  }

  /** Adds text to the buffer (written out first when it might not fit). */
  private put(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.pos + s.length * 3 > FLUSH_BYTES) {
      this.flush();
      if (s.length * 3 > FLUSH_BYTES) {
        this.out(Buffer.from(s, "utf8"));
        return;
      }
    }
    this.pos += this.bytes.write(s, this.pos, "utf8");
  }

  private line(cells: readonly string[]): void {
    let s = "";
    for (let k = 0; k < cells.length; k++) s += (k > 0 ? "," : "") + csvField(cells[k]);
    this.put(s + "\r\n");
  }

  private out(b: Buffer): void {
    if (this.fd < 0) {
      const text = b.toString("utf8");
      (this.spec.write ?? ((s: string) => process.stdout.write(s)))(text);
      return;
    }
    try {
      fs.writeSync(this.fd, b);
    } catch (e) {
      throw fail("cannotWrite", "output", { path: this.spec.output, why: ioWhy(e) });
    }
  }

  private flush(): void {
    if (this.pos === 0) return;
    this.out(this.bytes.subarray(0, this.pos));
    this.pos = 0;
  }

  private cells(src: readonly CellValue[]): string[] {
    const w = this.spec.width;
    const out = new Array<string>(w);
    for (let c = 0; c < w; c++) out[c] = csvCell(src[c]);
    return out;
  }

  titleRow(src: readonly CellValue[]): void {
    this.line(src.slice(0, usedWidth(src)).map((v) => csvCell(v)));
  }

  headerRow(src: readonly CellValue[]): void {
    this.line([...this.cells(src), ...this.spec.outHeaders]);
  }

  dataRow(src: readonly CellValue[], _r: number, out: OutcomeCells): void {
    const w = this.spec.width;
    let s = "";
    for (let c = 0; c < w; c++) s += (c > 0 ? "," : "") + csvField(csvCell(src[c]));
    for (let k = 0; k < out.length; k++) {
      const v = out[k];
      s += (w + k > 0 ? "," : "") + csvField(typeof v === "string" ? neutralise(v) : v === null ? "" : String(v));
    }
    this.put(s + "\r\n");
  }

  async drain(): Promise<void> {
    // written synchronously as the buffer fills
  }

  async finish(): Promise<void> {
    this.flush();
    if (this.fd >= 0) {
      try {
        fs.fsyncSync(this.fd);
        fs.closeSync(this.fd);
      } catch (e) {
        this.abort();
        throw fail("cannotWrite", "output", { path: this.spec.output, why: ioWhy(e) });
      }
      this.fd = -1;
      this.temp!.commit();
    }
  }

  abort(): void {
    if (this.fd >= 0) {
      try {
        fs.closeSync(this.fd);
      } catch {
        /* closed */
      }
      this.fd = -1;
    }
    this.temp?.remove();
  }
}

/** Sheet XML (bytes) allowed to wait for the zip stream between chunks of rows. */
const BACKLOG_BYTES = 1 << 20;
/** At most this many event-loop turns for the backlog after a chunk (so nothing can stall the run). */
const DRAIN_TURNS = 10_000;

/** Widths of the output columns in an xlsx (as the in-memory path sets them). */
const OUT_WIDTHS: Record<string, number> = { grade: 12, score: 12, reason: 60 };

/** xlsx through exceljs's streaming writer: one sheet named after the input, the header bold, grade cells filled. */
export class XlsxSink implements TableSink {
  private readonly temp: TempFile;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: ExcelJS.Worksheet;
  private readonly clear: number;

  constructor(private readonly spec: SinkSpec) {
    this.temp = new TempFile(spec.output);
    this.wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: this.temp.tmp, useStyles: true, useSharedStrings: false });
    const base = spec.input === "-" ? "Sheet1" : path.basename(spec.input, path.extname(spec.input));
    this.ws = this.wb.addWorksheet(sheetNameFor(base));
    spec.outHeaders.forEach((name, k) => {
      this.ws.getColumn(spec.width + 1 + k).width = OUT_WIDTHS[name] ?? 12;
    });
    this.clear = Math.max(spec.replaced, spec.outHeaders.length);
  }

  private put(src: readonly CellValue[], r: number, table: boolean): ExcelJS.Row {
    const row = this.ws.getRow(r + 1);
    const w = this.spec.width;
    for (let c = 0; c < src.length; c++) {
      if (table && c >= w && c < w + this.clear) continue;
      const v = src[c];
      if (v !== null && v !== undefined && v !== "") row.getCell(c + 1).value = xlsxValue(v, r, c) as ExcelJS.CellValue;
    }
    return row;
  }

  titleRow(src: readonly CellValue[], r: number): void {
    this.put(src, r, false).commit();
  }

  headerRow(src: readonly CellValue[], r: number): void {
    const row = this.put(src, r, true);
    const w = this.spec.width;
    this.spec.outHeaders.forEach((name, k) => {
      row.getCell(w + 1 + k).value = name;
    });
    row.font = { bold: true };
    row.commit();
  }

  dataRow(src: readonly CellValue[], r: number, out: OutcomeCells, fill: string | null): void {
    const row = this.put(src, r, true);
    const w = this.spec.width;
    for (let k = 0; k < out.length; k++) {
      const v = out[k];
      const name = this.spec.outHeaders[k];
      const cell = row.getCell(w + 1 + k);
      if (name === OUTPUT_COLUMNS.reason) cell.value = xlsxValue(v, r, w + k) as string;
      else if (v !== null && v !== "") cell.value = v;
      if (name === OUTPUT_COLUMNS.grade && fill) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) }, bgColor: { argb: argb(fill) } };
      }
    }
    row.commit();
  }

  /**
   * exceljs buffers a sheet's XML until its zip stream reads it, which happens only when the event
   * loop runs: without these pauses a whole 1,000,000-row sheet sat in memory until the end.
   */
  async drain(): Promise<void> {
    for (let k = 0; k < DRAIN_TURNS; k++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.backlog() < BACKLOG_BYTES) break;
    }
  }

  /**
   * Bytes of sheet XML waiting for the zip stream: exceljs pipes the sheet into a PassThrough
   * that the zip reads, without waiting for it (internals of exceljs 4 and readable-stream; 0
   * when they differ, then nothing waits).
   */
  private backlog(): number {
    type State = { length?: number };
    type Piped = { _stream?: { pipes?: { _readableState?: State; _writableState?: State }[] } };
    const pipe = (this.ws as unknown as Piped)._stream?.pipes?.[0];
    const held = (st: State | undefined) => (typeof st?.length === "number" ? st.length : 0);
    return held(pipe?._readableState) + held(pipe?._writableState);
  }

  async finish(): Promise<void> {
    try {
      this.ws.commit();
      await this.wb.commit();
    } catch (e) {
      this.abort();
      throw fail("cannotWrite", "output", { path: this.spec.output, why: ioWhy(e) });
    }
    this.temp.commit();
  }

  abort(): void {
    this.temp.remove();
  }
}
