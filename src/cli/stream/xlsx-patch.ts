/**
 * An xlsx graded into an xlsx in bounded memory: the output is the input workbook, every zip part
 * copied as stored, except the graded sheet's XML (rewritten as it inflates: the output cells
 * appended to each row, `<dimension>` and `<cols>` widened) and styles.xml (the header and grade
 * fill styles added, xlsx-styles-patch.ts). The cells are those the in-memory path writes (same
 * headers, columns and values; strings inline); the grade cells are filled with the grade's colour
 * as there.
 *
 * Whenever the sheet is laid out in a way this does not follow for sure (a table over the sheet,
 * cells or merges or shared formulas where the output columns go, column settings there, output
 * columns of an earlier run, rows without numbers, prefixed XML), it throws `XlsxFallback` before
 * the output is in place (it is written to a temporary file renamed at the end) and the caller
 * grades the workbook whole.
 */
import * as fs from "fs";
import * as path from "path";
import { StringDecoder } from "string_decoder";
import { columnLetter, type CellValue } from "../io";
import { isGradeKitError } from "../../engine";
import { fail } from "../messages";
import { tempPathFor } from "../output-file";
import { xlsxValue } from "./cells";
import { OUTPUT_COLUMNS } from "./table-shape";
import type { OutcomeCells, SinkSpec, TableSink } from "./table-sinks";
import { XlsxFallback } from "./xlsx-records";
import { patchStyles } from "./xlsx-styles-patch";
import { entryStream, entryText, ZipWriter, zipEntries, type ZipEntry } from "./xlsx-zip";

/** Widths of the output columns (as the in-memory path sets them). */
const OUT_WIDTHS: Record<string, number> = { grade: 12, score: 12, reason: 60 };

function colOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

function inlineCell(ref: string, text: string, s?: number | string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ""} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** The rows of a sheet's XML, read as it inflates. */
class SheetText {
  private buf = "";
  private ended = false;
  private readonly decoder = new StringDecoder("utf8");
  private readonly it: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Reads more text; false at the end. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const step = await this.it.next();
    if (step.done) {
      this.ended = true;
      this.buf += this.decoder.end();
      return false;
    }
    this.buf += this.decoder.write(step.value);
    return true;
  }

  /** Everything up to and including the `<sheetData>` opening tag. */
  async head(): Promise<string> {
    for (;;) {
      const at = this.buf.indexOf("<sheetData");
      if (at >= 0) {
        const end = this.buf.indexOf(">", at);
        if (end >= 0) {
          if (this.buf[end - 1] === "/") throw new XlsxFallback("sheet: no rows");
          const head = this.buf.slice(0, end + 1);
          this.buf = this.buf.slice(end + 1);
          return head;
        }
      }
      if (!(await this.more())) throw new XlsxFallback("sheet: no sheetData");
    }
  }

  /** The next `<row>` element (with the text before it), or null at `</sheetData>`. */
  async row(): Promise<{ before: string; xml: string } | null> {
    for (;;) {
      const at = this.buf.search(/<row\b|<\/sheetData>/);
      if (at >= 0 && this.buf.startsWith("</sheetData>", at)) {
        const before = this.buf.slice(0, at);
        if (before.trim() !== "") throw new XlsxFallback("sheet: text in sheetData");
        return null;
      }
      if (at >= 0) {
        const open = this.buf.indexOf(">", at);
        if (open >= 0) {
          let end = -1;
          if (this.buf[open - 1] === "/") end = open + 1;
          else {
            const close = this.buf.indexOf("</row>", open);
            if (close >= 0) end = close + 6;
          }
          if (end >= 0) {
            const before = this.buf.slice(0, at);
            if (before.trim() !== "") throw new XlsxFallback("sheet: text in sheetData");
            const xml = this.buf.slice(at, end);
            this.buf = this.buf.slice(end);
            return { before, xml };
          }
        }
      }
      if (!(await this.more())) throw new XlsxFallback("sheet: cut short");
    }
  }

  /** The rest of the part (from `</sheetData>`). */
  async tail(): Promise<string> {
    while (await this.more());
    const t = this.buf;
    this.buf = "";
    return t;
  }
}

interface Started {
  zip: ZipWriter;
  sheet: SheetText;
  part: { write(s: string): Promise<void>; end(): Promise<void> };
  header: number;
  fill: Map<string, number>;
  rest: ZipEntry[];
  /** styles.xml patched, when it comes after the sheet. */
  stylesAfter: { name: string; xml: string } | null;
}

/** The sink of gradeCsvStream (grade-stream.ts) for an xlsx input graded into an xlsx output. */
export class XlsxPatchSink implements TableSink {
  private readonly tmp: string;
  private fd = -1;
  private bytes: Buffer | null = null;
  private h = -1;
  /** Outcome cells (XML) by 1-based row, waiting for the sheet's text to reach them. */
  private readonly queue = new Map<number, string>();
  private queued: number[] = [];
  private started: Started | null = null;
  private lastRow = 0;
  private peeked: { before: string; xml: string; r: number } | null | undefined = undefined;
  private readonly firstCol: number;
  private readonly lastCol: number;

  constructor(
    private readonly spec: SinkSpec,
    private readonly sheetPart: string,
    private readonly colors: readonly string[],
  ) {
    if (spec.replaced > 0) throw new XlsxFallback("output columns of an earlier run");
    this.firstCol = spec.width + 1;
    this.lastCol = spec.width + spec.outHeaders.length;
    try {
      fs.mkdirSync(path.dirname(path.resolve(spec.output)), { recursive: true });
      this.tmp = tempPathFor(spec.output);
      this.fd = fs.openSync(this.tmp, "wx", 0o666);
    } catch (e) {
      throw fail("cannotWrite", "output", { path: spec.output, why: String((e as Error).message ?? e).split("\n")[0] });
    }
  }

  titleRow(): void {
    /* kept as it is in the sheet */
  }

  headerRow(_src: readonly CellValue[], r: number): void {
    this.h = r;
  }

  dataRow(_src: readonly CellValue[], r: number, out: OutcomeCells, fill: string | null): void {
    const w = this.spec.width;
    let xml = "";
    for (let k = 0; k < out.length; k++) {
      const v = out[k];
      const name = this.spec.outHeaders[k];
      const ref = columnLetter(w + 1 + k) + (r + 1);
      const value = name === OUTPUT_COLUMNS.reason ? xlsxValue(v, r, w + k) : v === "" ? null : v;
      // Before the styles are read, a fill is written as its colour and numbered in `start`.
      const s = name === OUTPUT_COLUMNS.grade && fill ? (this.started ? this.fillStyle(this.started, fill) : `@${this.colorIndex(fill)}`) : undefined;
      if (typeof value === "number") xml += `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ""}><v>${String(value)}</v></c>`;
      else if (typeof value === "string") xml += inlineCell(ref, value, s);
      else if (s !== undefined) xml += `<c r="${ref}" s="${s}"/>`;
    }
    this.queue.set(r + 1, xml);
    this.queued.push(r + 1);
  }

  private colorIndex(color: string): number {
    const k = this.colors.indexOf(color);
    if (k < 0) throw new XlsxFallback(`colour ${color} not known`);
    return k;
  }

  private fillStyle(st: { fill: Map<string, number> }, color: string): number {
    const s = st.fill.get(color);
    if (s === undefined) throw new XlsxFallback(`colour ${color} not known`);
    return s;
  }

  /** Opens the input, patches styles.xml, writes the parts before the sheet and starts the sheet. */
  private async start(): Promise<Started> {
    if (this.started) return this.started;
    if (this.h < 0) throw new XlsxFallback("no header row");
    const bytes = (this.bytes = fs.readFileSync(this.spec.input));
    const entries = zipEntries(bytes);
    const sheetAt = entries.findIndex((e) => e.name === this.sheetPart);
    const stylesAt = entries.findIndex((e) => e.name === "xl/styles.xml");
    if (sheetAt < 0 || stylesAt < 0) throw new XlsxFallback("parts");
    if (entries.some((e) => e.flags & 1)) throw new XlsxFallback("encrypted");
    // A macro workbook's parts would make the .xlsx output one Excel refuses: exceljs drops them.
    const types = entries.find((e) => e.name === "[Content_Types].xml");
    if (!types || entries.some((e) => /vbaProject/i.test(e.name)) || /macroEnabled/i.test(entryText(bytes, types))) throw new XlsxFallback("macros");
    // The header cell left of the output columns gives the header cells' style.
    let model = 0;
    if (this.firstCol > 1) {
      const scan = new SheetText(entryStream(bytes, entries[sheetAt]));
      await scan.head();
      for (let row = await scan.row(); row; row = await scan.row()) {
        const r = Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(row.xml)?.[1] ?? NaN);
        if (!(r <= this.h + 1)) break;
        if (r < this.h + 1) continue;
        const ref = columnLetter(this.firstCol - 1) + r;
        const cell = new RegExp(`<c\\b[^>]*?\\sr="${ref}"[^>]*>`).exec(row.xml)?.[0];
        // A missing cell takes the row's style, as exceljs gives it one.
        const rowOpen = /^<row\b[^>]*>/.exec(row.xml)?.[0] ?? "";
        const rowStyle = /\scustomFormat="(?:1|true)"/.test(rowOpen) ? /\ss="(\d+)"/.exec(rowOpen)?.[1] : undefined;
        model = Number(cell ? /\ss="(\d+)"/.exec(cell)?.[1] : rowStyle) || 0;
        break;
      }
    }
    const styles = patchStyles(entryText(bytes, entries[stylesAt]), model, this.colors);
    const zip = new ZipWriter(this.fd);
    for (let k = 0; k < sheetAt; k++) {
      if (k === stylesAt) zip.text(entries[k].name, styles.xml);
      else zip.copy(bytes, entries[k]);
    }
    const sheet = new SheetText(entryStream(bytes, entries[sheetAt]));
    const part = zip.part(this.sheetPart);
    await part.write(this.patchHead(await sheet.head()));
    const rest = entries.slice(sheetAt + 1);
    const stylesAfter = stylesAt > sheetAt ? { name: entries[stylesAt].name, xml: styles.xml } : null;
    this.started = { zip, sheet, part, header: styles.header, fill: styles.fill, rest, stylesAfter };
    // Rows queued before the styles were known: their fills by number.
    for (const r of this.queued) {
      const xml = this.queue.get(r);
      if (xml !== undefined && xml.includes(' s="@')) this.queue.set(r, xml.replace(/ s="@(\d+)"/g, (_, k: string) => ` s="${this.fillStyle(styles, this.colors[Number(k)])}"`));
    }
    this.queue.set(this.h + 1, this.spec.outHeaders.map((name, k) => inlineCell(columnLetter(this.firstCol + k) + (this.h + 1), name, styles.header)).join(""));
    this.queued.unshift(this.h + 1);
    return this.started;
  }

  /** `<dimension>` widened to the output columns; `<cols>` given their widths. */
  private patchHead(head: string): string {
    if (!/<worksheet\b/.test(head) || /<\w+:sheetData\b/.test(head)) throw new XlsxFallback("sheet: prefixed");
    const enc = /^<\?xml[^>]*\sencoding="([^"]*)"/.exec(head)?.[1];
    if (enc !== undefined && !/^utf-?8$/i.test(enc)) throw new XlsxFallback("sheet: encoding");
    head = head.replace(/(<dimension\b[^>]*\sref=")([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/, (all, pre: string, c1: string, r1: string, c2?: string, r2?: string) => {
      const right = c2 ?? c1;
      if (colOf(right) >= this.lastCol) return all;
      return `${pre}${c1}${r1}:${columnLetter(this.lastCol)}${r2 ?? r1}"`;
    });
    const cols = this.spec.outHeaders.map((name, k) => {
      const c = this.firstCol + k;
      return `<col min="${c}" max="${c}" width="${OUT_WIDTHS[name] ?? 12}" customWidth="1"/>`;
    });
    const close = head.indexOf("</cols>");
    if (close >= 0) {
      for (const m of head.matchAll(/<col\b[^>]*\smax="(\d+)"/g)) if (Number(m[1]) >= this.firstCol) throw new XlsxFallback("sheet: cols");
      return head.slice(0, close) + cols.join("") + head.slice(close);
    }
    if (/<cols\b/.test(head)) throw new XlsxFallback("sheet: cols");
    const at = head.lastIndexOf("<sheetData");
    return head.slice(0, at) + "<cols>" + cols.join("") + "</cols>" + head.slice(at);
  }

  /** The next source row, read ahead. */
  private async peek(st: Started): Promise<{ before: string; xml: string; r: number } | null> {
    if (this.peeked !== undefined) return this.peeked;
    const row = await st.sheet.row();
    if (!row) return (this.peeked = null);
    const r = Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(row.xml)?.[1] ?? NaN);
    if (!Number.isInteger(r) || r <= this.lastRow) throw new XlsxFallback("sheet: row numbers");
    return (this.peeked = { ...row, r });
  }

  /** A source row with its outcome cells (if any) appended. */
  private rowXml(xml: string, r: number, cells: string | undefined): string {
    if (/\sref="/.test(xml)) {
      for (const m of xml.matchAll(/<f\b[^>]*\sref="([A-Z]+)\d+(?::([A-Z]+)\d+)?"/g)) {
        if (colOf(m[2] ?? m[1]) >= this.firstCol) throw new XlsxFallback("sheet: formula range over the output columns");
      }
    }
    if (cells === undefined) return xml;
    if (xml.includes("<extLst")) throw new XlsxFallback("sheet: row extensions");
    for (const m of xml.matchAll(/<c\b([^>]*)>|<c\b([^>]*)\/>/g)) {
      const ref = /\sr="([A-Z]+)\d+"/.exec(m[1] ?? m[2] ?? "");
      if (!ref || colOf(ref[1]) >= this.firstCol) throw new XlsxFallback("sheet: cells where the output columns go");
    }
    const open = /^<row\b[^>]*?>/.exec(xml)![0];
    const tag = open.replace(/\sspans="[^"]*"/, "");
    if (open.endsWith("/>")) return tag.replace(/\s*\/>$/, ">") + cells + "</row>";
    return tag + xml.slice(open.length, xml.length - 6) + cells + "</row>";
  }

  /** Writes the sheet's rows up to row `until` (1-based), with the queued outcome cells. */
  private async pump(until: number): Promise<void> {
    const st = await this.start();
    let out = "";
    let q = 0;
    const flushQueued = (below: number) => {
      while (q < this.queued.length && this.queued[q] < below) {
        const r = this.queued[q++];
        out += `<row r="${r}">${this.queue.get(r) ?? ""}</row>`;
        this.queue.delete(r);
      }
    };
    for (;;) {
      const next = await this.peek(st);
      if (!next || next.r > until) {
        flushQueued(next ? next.r : Infinity);
        break;
      }
      flushQueued(next.r);
      if (q < this.queued.length && this.queued[q] === next.r) q++;
      out += next.before + this.rowXml(next.xml, next.r, this.queue.get(next.r));
      this.queue.delete(next.r);
      this.lastRow = next.r;
      this.peeked = undefined;
      if (out.length > 1 << 20) {
        await st.part.write(out);
        out = "";
      }
    }
    this.queued = this.queued.slice(q);
    if (this.queued.length > 0 && this.queued[0] <= this.lastRow) throw new XlsxFallback("sheet: rows out of order");
    await st.part.write(out);
  }

  async drain(): Promise<void> {
    if (this.queued.length === 0 && this.started) return;
    await this.pump(this.queued.length > 0 ? this.queued[this.queued.length - 1] : this.h + 1);
  }

  async finish(): Promise<void> {
    try {
      await this.pump(Infinity);
      const st = this.started!;
      if (this.peeked) throw new XlsxFallback("sheet: rows left");
      const tail = await st.sheet.tail();
      if (/<(?:\w+:)?tableParts\b/.test(tail)) throw new XlsxFallback("sheet: table");
      for (const m of tail.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
        if (colOf(m[3]) >= this.firstCol && Number(m[4]) >= this.h + 1) throw new XlsxFallback("sheet: merge over the output columns");
      }
      await st.part.write(tail);
      await st.part.end();
      for (const e of st.rest) {
        if (e.name === st.stylesAfter?.name) st.zip.text(e.name, st.stylesAfter.xml);
        else st.zip.copy(this.bytes!, e);
      }
      st.zip.finish();
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = -1;
      fs.renameSync(this.tmp, this.spec.output);
    } catch (e) {
      this.abort();
      if (e instanceof XlsxFallback || isGradeKitError(e)) throw e;
      throw fail("cannotWrite", "output", { path: this.spec.output, why: String((e as Error).message ?? e).split("\n")[0] });
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
    try {
      fs.unlinkSync(this.tmp);
    } catch {
      /* gone */
    }
  }
}
