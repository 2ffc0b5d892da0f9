/**
 * An xlsx sheet read in pieces: the rows of the sheet `readXlsxInput` (io.ts) would pick, with the
 * same cell values (`plainValue`) and the same notes (formulas without results, merged cells), read
 * from the zip as it inflates (exceljs's streaming `WorkbookReader` for the workbook, shared
 * strings and styles; the sheet's XML is parsed here so each cell is read as exceljs's whole-file
 * loader reads it: formula results by type, dates by number format, merged cells blank but the
 * top-left one). Memory holds the file's compressed bytes, the shared strings and one block of rows.
 *
 * When the workbook is laid out in a way this reader does not follow (parts in an unusual order, a
 * sheet named otherwise than `worksheets/sheetN.xml`, an unknown `--sheet`, anything that fails to
 * read), it throws `XlsxFallback` before anything is written, and the caller reads the file whole
 * (which also gives the exact error for a damaged file or a missing sheet).
 */
import * as fs from "fs";
import { Readable } from "stream";
import * as zlib from "zlib";
import { checkXlsxFile, excel, plainValue, type CellValue } from "../io";
import { m } from "../messages";
import type { Lang } from "../../engine";

/** The file cannot be streamed as it is: read it whole instead. */
export class XlsxFallback {
  constructor(readonly why: string) {}
}

/** Rows handed out at a time. */
const BLOCK_ROWS = 256;

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs internals (no typings), loaded with exceljs on first use */
interface SaxEvent {
  eventType: "opentag" | "text" | "closetag";
  value: { name: string; attributes: Record<string, string> } & string;
}
type ParseSax = (it: AsyncIterable<unknown>) => AsyncGenerator<SaxEvent[]>;
interface ExcelUtils {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904: boolean): Date;
  xmlDecode(s: string): string;
}
function internals(): { parseSax: ParseSax; utils: ExcelUtils } {
  excel();
  return {
    parseSax: require("exceljs/lib/utils/parse-sax") as ParseSax,
    utils: require("exceljs/lib/utils/utils") as ExcelUtils,
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** What exceljs's streaming reader exposes that is used here (it has no typings for these). */
interface BookReader {
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
  [Symbol.asyncIterator](): AsyncIterator<SheetReader>;
}
interface SheetReader {
  name?: string;
  iterator: AsyncIterable<unknown>;
}

/**
 * A sheet passed over. exceljs parks a sheet that arrives before the shared strings in a temporary
 * file, opens a read stream on it and deletes the file as soon as the sheet is passed over: the
 * stream's asynchronous open can then fail with ENOENT after the delete (seen under load, as an
 * unhandled 'error' event that ended the process). The sheet is not read, so its stream's error
 * is of no interest.
 */
function ignoreSkippedStream(ws: SheetReader): void {
  const stream = ws.iterator as unknown as { on?: (event: string, listener: () => void) => unknown };
  if (typeof stream.on === "function") stream.on("error", () => undefined);
}

/** Where a part's bytes lie in the zip (from the central directory), or null. */
function zipPart(bytes: Buffer, name: string): { method: number; start: number; size: number } | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    const nameLen = bytes.readUInt16LE(p + 28);
    const n = bytes.toString("utf8", p + 46, p + 46 + nameLen);
    if (n === name) {
      const local = bytes.readUInt32LE(p + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      return { method: bytes.readUInt16LE(p + 10), start, size: bytes.readUInt32LE(p + 20) };
    }
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return null;
}

/** The names of the zip's parts, in the order they are stored. */
function partOrder(bytes: Buffer): string[] {
  const names: { name: string; at: number }[] = [];
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  let p = bytes.readUInt32LE(eocd + 16);
  for (let k = bytes.readUInt16LE(eocd + 10); k > 0; k--) {
    const nameLen = bytes.readUInt16LE(p + 28);
    names.push({ name: bytes.toString("utf8", p + 46, p + 46 + nameLen), at: bytes.readUInt32LE(p + 42) });
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return names.sort((a, b) => a.at - b.at).map((x) => x.name);
}

/** Parses `A1` into 1-based row and column. */
function decodeRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return { row: Number(ref.slice(i)), col };
}

interface Merge {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The sheet's merged ranges, read ahead (they come after the rows in the XML): the part is inflated
 * once more, chunk by chunk, looking only for `<mergeCell ref="..."/>`.
 */
async function mergesOf(bytes: Buffer, part: string): Promise<Merge[]> {
  const at = zipPart(bytes, part);
  if (!at) throw new XlsxFallback("no sheet part");
  const raw = bytes.subarray(at.start, at.start + at.size);
  const merges: Merge[] = [];
  const re = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g;
  let carry = "";
  const scan = (text: string, final: boolean) => {
    const s = carry + text;
    re.lastIndex = 0;
    let end = 0;
    for (let x = re.exec(s); x; x = re.exec(s)) {
      const a = decodeRef(x[1]);
      const b = decodeRef(x[2]);
      merges.push({ range: `${x[1]}:${x[2]}`, top: a.row, left: a.col, bottom: b.row, right: b.col });
      end = re.lastIndex;
    }
    carry = final ? "" : s.slice(Math.max(end, s.length - 200));
  };
  if (at.method === 0) scan(raw.toString("latin1"), true);
  else if (at.method === 8) {
    // Inflated in pieces so the whole sheet's XML is never held at once.
    for await (const out of Readable.from([raw]).pipe(zlib.createInflateRaw())) scan((out as Buffer).toString("latin1"), false);
    scan("", true);
  } else throw new XlsxFallback("zip method");
  return merges;
}

/** One block of rows: `rows[k]` is sheet row `first + k + 1`. */
export interface XlsxBlock {
  rows: CellValue[][];
  lines: number[];
  first: number;
}

export class XlsxRecordReader {
  private rows: AsyncGenerator<{ r: number; cells: CellValue[] }> | null = null;
  private next0 = 0;
  private pending: { r: number; cells: CellValue[] } | null = null;
  private done = false;
  private readonly stats = { noResult: 0 };
  private merged = new Set<string>();
  sheetName = "";
  /** The sheet's part in the zip (`xl/worksheets/sheetN.xml`), once open. */
  sheetPart = "";
  readonly encoding = "UTF-8";
  readonly delimiter = undefined;

  constructor(
    private readonly file: string,
    private readonly sheet: string | undefined,
  ) {}

  /** Reads the file's bytes, checks them (io.ts `checkXlsxFile`) and finds the sheet. */
  async open(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch {
      throw new XlsxFallback("read");
    }
    checkXlsxFile(this.file, bytes);
    const order = partOrder(bytes);
    // exceljs parses a sheet as it arrives once the shared strings and the workbook's relations
    // are read (else it parks the sheet in a temporary file until the end): the workbook and the
    // styles (dates) must then be read already too.
    const at = (p: string) => order.indexOf(p);
    const strings = at("xl/sharedStrings.xml");
    const early = (p: string) => at(p) < 0 || order.every((q, k) => !/^xl\/worksheets\/sheet\d+\.xml$/.test(q) || k < strings || k > at(p));
    if (at("xl/workbook.xml") < 0 || at("xl/_rels/workbook.xml.rels") < 0) throw new XlsxFallback("no workbook part");
    if (strings >= 0 && !(early("xl/workbook.xml") && early("xl/styles.xml") && early("xl/_rels/workbook.xml.rels")))
      throw new XlsxFallback("part order");
    const reader = new (excel().stream.xlsx.WorkbookReader)(this.file, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    }) as unknown as BookReader;
    this.rows = this.sheetRows(reader, bytes);
    // Runs up to the sheet (or to the fallback).
    const first = await this.rows.next();
    this.pending = first.done ? null : first.value;
    this.done = first.done === true;
  }

  private async *sheetRows(book: BookReader, bytes: Buffer): AsyncGenerator<{ r: number; cells: CellValue[] }> {
    const { parseSax, utils } = internals();
    let target: { name: string; part: string } | undefined;
    let merges: Merge[] = [];
    const iter = book[Symbol.asyncIterator]();
    try {
      for (let step = await iter.next(); !step.done; step = await iter.next()) {
        const ws = step.value;
        if (!target) {
          const sheets = book.model?.sheets;
          const rels = book.workbookRels;
          if (!sheets || !rels || sheets.length === 0) throw new XlsxFallback("workbook");
          const parts = sheets.map((s) => rels.find((r) => r.Id === s.rId)?.Target ?? "");
          if (parts.some((t) => !/^worksheets\/sheet\d+\.xml$/.test(t))) throw new XlsxFallback("sheet parts");
          let k: number;
          if (this.sheet !== undefined) {
            const want = this.sheet;
            k = sheets.findIndex((s) => s.name === want);
            if (k < 0) k = sheets.findIndex((s) => s.name.toLowerCase() === want.toLowerCase());
            if (k < 0) throw new XlsxFallback("no sheet");
          } else {
            k = sheets.findIndex((s) => s.state !== "hidden" && s.state !== "veryHidden");
            if (k < 0) k = 0;
          }
          target = { name: sheets[k].name, part: "xl/" + parts[k] };
          this.sheetName = sheets[k].name;
          this.sheetPart = target.part;
          merges = await mergesOf(bytes, target.part);
        }
        if (ws.name === undefined) throw new XlsxFallback("sheet name");
        if (ws.name !== target.name) {
          ignoreSkippedStream(ws);
          continue;
        }
        yield* this.parseSheet(ws, book, merges, parseSax, utils);
        return;
      }
    } catch (e) {
      if (e instanceof XlsxFallback) throw e;
      throw new XlsxFallback(String(e));
    } finally {
      void iter.return?.()?.catch(() => undefined);
    }
    throw new XlsxFallback("sheet not read");
  }

  private async *parseSheet(
    ws: SheetReader,
    book: BookReader,
    merges: Merge[],
    parseSax: ParseSax,
    utils: ExcelUtils,
  ): AsyncGenerator<{ r: number; cells: CellValue[] }> {
    // Cells that a merge blanks (all but each range's top-left), by row.
    const slaves = new Map<number, Merge[]>();
    for (const g of merges)
      for (let r = g.top; r <= g.bottom; r++) {
        const list = slaves.get(r) ?? [];
        list.push(g);
        slaves.set(r, list);
      }
    // The note lists ranges as exceljs's loader meets their cells: row by row, column by column.
    const firstSlave = (g: Merge) => (g.right > g.left ? [g.top, g.left + 1] : [g.top + 1, g.left]);
    const sorted = merges
      .filter((g) => g.right > g.left || g.bottom > g.top)
      .sort((a, b) => firstSlave(a)[0] - firstSlave(b)[0] || firstSlave(a)[1] - firstSlave(b)[1]);
    for (const g of sorted) this.merged.add(g.range);
    const strings = book.sharedStrings ?? [];
    const date1904 = book.properties?.model?.date1904 === true;
    let row: CellValue[] | null = null;
    let rowNo = 0;
    let lastRow = 0;
    let c: { ref: string; s: number; t?: string; f?: boolean; v?: string } | null = null;
    let text: string | null = null;
    for await (const events of parseSax(ws.iterator)) {
      for (const { eventType, value } of events) {
        if (eventType === "opentag") {
          const tag = value.name;
          if (tag === "row") {
            rowNo = value.attributes.r ? parseInt(value.attributes.r, 10) : lastRow + 1;
            row = [];
          } else if (tag === "c" && row) {
            c = { ref: value.attributes.r, s: parseInt(value.attributes.s, 10), t: value.attributes.t };
          } else if (c && tag === "f") c.f = true;
          else if (c && (tag === "v" || tag === "t")) text = "";
        } else if (eventType === "text") {
          if (text !== null) text += value;
        } else if (name(value) === "v" || name(value) === "t") {
          if (c && text !== null) c.v = (name(value) === "t" && c.v !== undefined ? c.v : "") + text;
          text = null;
        } else if (name(value) === "c" && row && c) {
          const col = c.ref ? decodeRef(c.ref).col : row.length + 1;
          const cell = this.cellValue(c, book, strings, date1904, utils);
          const blanked = slaves.get(rowNo)?.some((g) => col >= g.left && col <= g.right && !(rowNo === g.top && col === g.left));
          if (cell !== undefined && !blanked) {
            for (let k = row.length; k < col - 1; k++) row[k] = null;
            row[col - 1] = plainValue(cell, this.stats);
          }
          c = null;
        } else if (name(value) === "row" && row) {
          lastRow = rowNo;
          yield { r: rowNo, cells: row };
          row = null;
        }
      }
    }
  }

  /** A cell's value as exceljs's whole-file loader gives it; undefined for a cell it skips. */
  private cellValue(
    c: { s: number; t?: string; f?: boolean; v?: string },
    book: BookReader,
    strings: unknown[],
    date1904: boolean,
    utils: ExcelUtils,
  ): unknown {
    const style = c.s ? book.styles.getStyleModel(c.s) : null;
    const isDate = style !== null && utils.isDateFmt(style.numFmt);
    if (c.f || c.t === "shared") {
      if (c.v === undefined) return { formula: "" };
      let result: unknown;
      if (c.t === "str") result = utils.xmlDecode(c.v);
      else if (c.t === "b") result = parseInt(c.v, 10) !== 0;
      else if (c.t === "e") result = { error: c.v };
      else result = parseFloat(c.v);
      return { formula: "", result: isDate ? utils.excelToDate(result, date1904) : result };
    }
    if (c.v === undefined) return undefined;
    switch (c.t) {
      case "s":
        return strings[parseInt(c.v, 10)];
      case "str":
        return utils.xmlDecode(c.v);
      case "inlineStr":
        return c.v;
      case "b":
        return parseInt(c.v, 10) !== 0;
      case "e":
        return { error: c.v };
      default: {
        const x = parseFloat(c.v);
        return isDate ? utils.excelToDate(x, date1904) : x;
      }
    }
  }

  /** The next rows (blank rows between written ones filled in), or null at the sheet's end. */
  async next(): Promise<XlsxBlock | null> {
    if (!this.rows) return null;
    const block: XlsxBlock = { rows: [], lines: [], first: this.next0 };
    while (block.rows.length < BLOCK_ROWS) {
      if (!this.pending) {
        if (this.done) break;
        let step: IteratorResult<{ r: number; cells: CellValue[] }>;
        try {
          step = await this.rows.next();
        } catch (e) {
          if (e instanceof XlsxFallback) throw e;
          throw new XlsxFallback(String(e));
        }
        if (step.done) {
          this.done = true;
          break;
        }
        this.pending = step.value;
      }
      const p = this.pending;
      if (p.r - 1 < this.next0) throw new XlsxFallback("rows out of order");
      if (p.r - 1 > this.next0) block.rows.push([]);
      else {
        block.rows.push(p.cells);
        this.pending = null;
      }
      block.lines.push(this.next0 + 1);
      this.next0++;
    }
    return block.rows.length > 0 ? block : null;
  }

  /** The notes `readXlsxInput` gives (formulas without results, merged cells); complete once all rows are read. */
  notes(lang: Lang): string[] {
    const notes: string[] = [];
    if (this.stats.noResult > 0) notes.push(m("formulasNoResult", lang, { n: this.stats.noResult }));
    const merged = [...this.merged];
    if (merged.length > 0)
      notes.push(m("mergedCells", lang, { ranges: merged.slice(0, 5).join(", ") + (merged.length > 5 ? ", …" : "") }));
    return notes;
  }

  close(): void {
    if (this.rows) void this.rows.return(undefined).catch(() => undefined);
    this.rows = null;
  }
}

function name(v: unknown): string {
  return (v as { name: string }).name;
}
