/**
 * A CSV file read in pieces: bytes in blocks, decoded as they come, cut at record boundaries and
 * parsed with the engine's `parseCsv`, so memory holds one block of records at a time. Records and
 * their line numbers are the same as `readCsvInput` gives for the whole file (same encoding
 * detection, same delimiter sniffing, same parser).
 */
import * as fs from "fs";
import { TextDecoder } from "util";
import { CsvError, parseCsv, sniffDelimiter } from "../../engine";
import { countChineseLatin, encodingName, utf16Without } from "../io";
import { fail } from "../messages";

/** Bytes looked at to tell the encoding (UTF-16 without a BOM is judged on the first 4096). */
const SNIFF_BYTES = 4096;

/** Bytes read per block (small, so that a block's records die young; see CHUNK_ROWS in grade-stream.ts). */
export const BLOCK_BYTES = 32 * 1024;

/** Records of one block: `rows[k]` starts on line `lines[k]` (1-based) and is record `first + k` (0-based). */
export interface RecordBlock {
  rows: string[][];
  lines: number[];
  first: number;
}

/**
 * Thrown when a file detected as UTF-8 turns out not to be (a byte sequence that is not UTF-8
 * after the first blocks): the whole read starts again with `encoding`, the one the whole file's
 * bytes point to, as `readCsvInput` would have chosen.
 */
export class EncodingRestart {
  constructor(readonly encoding: string) {}
}

export interface CsvStreamOptions {
  /** `--encoding`: as told. */
  encoding?: string;
  /** An encoding detected by an earlier read of the same file (after an `EncodingRestart`). */
  detected?: string;
  /** `--delimiter`; sniffed from the first line when absent. */
  delimiter?: string;
  blockBytes?: number;
}

/**
 * End of the last whole record in `s` (just after its line break) and the lines consumed up to
 * there, following `parseCsv`'s rules (quoted fields may hold line breaks; a CR at the very end
 * may be the first half of CRLF, so it is not taken yet).
 */
export function lastRecordEnd(s: string, d: number): { end: number; lines: number } {
  const n = s.length;
  let i = 0;
  let lines = 0;
  let end = 0;
  let endLines = 0;
  let fieldStart = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (fieldStart && c === 34) {
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0 || q + 1 >= n) return { end, lines: endLines };
        for (let p = s.indexOf("\n", j); p >= 0 && p < q; p = s.indexOf("\n", p + 1)) lines++;
        if (s.charCodeAt(q + 1) === 34) {
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = j;
      fieldStart = false;
      continue;
    }
    if (c === d) {
      fieldStart = true;
      i++;
    } else if (c === 10) {
      i++;
      lines++;
      end = i;
      endLines = lines;
      fieldStart = true;
    } else if (c === 13) {
      if (i + 1 >= n) break;
      i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines++;
      end = i;
      endLines = lines;
      fieldStart = true;
    } else {
      fieldStart = false;
      i++;
    }
  }
  return { end, lines: endLines };
}

/** The encoding of a file from its first bytes: a BOM, UTF-16 without one, else UTF-8 (checked as it is read). */
function encodingFromStart(head: Uint8Array): { label: string; name: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: "utf-8", name: "UTF-8", skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: "utf-16le", name: "UTF-16LE", skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: "utf-16be", name: "UTF-16BE", skip: 2 };
  const wide = utf16Without(head);
  if (wide) return { label: wide, name: encodingName(wide) + " (no BOM)", skip: 0 };
  return { label: "utf-8", name: "UTF-8", skip: 0 };
}

/** GB18030 or Windows-1252 for a whole file that is not UTF-8 (`chineseOrLatin` over all its bytes, block by block). */
export function guessLegacyEncoding(file: string, blockBytes = BLOCK_BYTES): string {
  const acc = { pairs: 0, lone: 0 };
  const fd = fs.openSync(file, "r");
  try {
    let carry = new Uint8Array(0);
    const buf = Buffer.alloc(blockBytes);
    for (;;) {
      const got = fs.readSync(fd, buf, 0, blockBytes, null);
      const bytes = new Uint8Array(carry.length + got);
      bytes.set(carry, 0);
      bytes.set(buf.subarray(0, got), carry.length);
      const stop = countChineseLatin(bytes, acc, got === 0);
      carry = bytes.slice(stop);
      if (got === 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return acc.lone > acc.pairs ? "windows-1252" : "gb18030";
}

/** Reads a CSV file block by block. `encoding` and `delimiter` are known after the first block. */
export class CsvRecordReader {
  /** The encoding's name as notes show it (`UTF-8`, `GB18030`, `UTF-16LE (no BOM)`). */
  encoding = "UTF-8";
  /** True when the encoding was told (`--encoding`) rather than detected. */
  told = false;
  delimiter = ",";
  private fd = -1;
  private decoder: TextDecoder | null = null;
  private fatal = false;
  private text = "";
  private line = 1;
  private record = 0;
  private eof = false;
  private readonly buf: Buffer;

  constructor(
    readonly file: string,
    private readonly opts: CsvStreamOptions = {},
  ) {
    this.buf = Buffer.alloc(opts.blockBytes ?? BLOCK_BYTES);
  }

  /** Opens the file and reads until the encoding and delimiter are known. */
  open(): void {
    this.fd = fs.openSync(this.file, "r");
    let bytes = new Uint8Array(this.readBytes()); // a copy: the read buffer is reused
    while (bytes.length < SNIFF_BYTES && !this.eof) {
      const more = this.readBytes();
      const joined = new Uint8Array(bytes.length + more.length);
      joined.set(bytes, 0);
      joined.set(more, bytes.length);
      bytes = joined;
    }
    const told = this.opts.encoding ?? this.opts.detected;
    let label: string;
    if (told !== undefined) {
      label = told.trim().toLowerCase();
      this.encoding = encodingName(label);
      this.told = this.opts.encoding !== undefined;
    } else {
      const e = encodingFromStart(bytes);
      label = e.label;
      this.encoding = e.name;
      this.fatal = label === "utf-8" && e.skip === 0;
      bytes = bytes.subarray(e.skip);
    }
    this.decoder = new TextDecoder(label, { fatal: this.fatal });
    this.decode(bytes);
    // A BOM left in the text (an encoding told) is dropped, as readCsvInput does.
    if (told !== undefined && this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1);
    while (!this.eof && !/[\r\n]/.test(this.text)) this.decode(this.readBytes());
    this.delimiter = this.opts.delimiter ?? sniffDelimiter(this.text);
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  private readBytes(): Uint8Array {
    const got = fs.readSync(this.fd, this.buf, 0, this.buf.length, null);
    if (got === 0) this.eof = true;
    return this.buf.subarray(0, got);
  }

  private decode(bytes: Uint8Array): void {
    try {
      this.text += this.decoder!.decode(bytes, { stream: !this.eof });
    } catch (e) {
      if (this.fatal) throw new EncodingRestart(guessLegacyEncoding(this.file));
      throw e;
    }
  }

  /** The next block of whole records, or null at the end of the file. */
  next(): RecordBlock | null {
    const d = this.delimiter.charCodeAt(0);
    for (;;) {
      if (this.eof) {
        if (this.text.length === 0) return null;
        return this.parse(this.text, 0);
      }
      const { end, lines } = lastRecordEnd(this.text, d);
      if (end > 0) {
        const block = this.parse(this.text.slice(0, end), lines);
        this.text = this.text.slice(end);
        return block;
      }
      this.decode(this.readBytes());
    }
  }

  private parse(text: string, lines: number): RecordBlock {
    const at: number[] = [];
    let rows: string[][];
    try {
      rows = parseCsv(text, this.delimiter, at);
    } catch (e) {
      if (e instanceof CsvError) throw fail("csvBroken", "input", { path: this.file, why: new CsvError(e.record + this.record).text });
      throw e;
    }
    const first = this.record;
    for (let k = 0; k < at.length; k++) at[k] += this.line - 1;
    this.record += rows.length;
    this.line += lines;
    if (this.eof) this.text = "";
    return { rows, lines: at, first };
  }
}
