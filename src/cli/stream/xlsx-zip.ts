/**
 * The zip level of an xlsx rewritten part by part (xlsx-patch.ts): the input's entries read from
 * its central directory, copied to the output as they are stored (no inflating), and new parts
 * written deflated in pieces. Plain zip only: an input using zip64 (or anything this does not
 * read) throws `XlsxFallback`, and the caller grades the workbook whole.
 */
import * as fs from "fs";
import { Readable } from "stream";
import * as zlib from "zlib";
import { XlsxFallback } from "./xlsx-records";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  csize: number;
  usize: number;
  /** Where the compressed bytes start in the file. */
  start: number;
}

/** The entries of a zip (in the order they are stored), from its central directory. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFallback("zip: no end record");
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new XlsxFallback("zip64");
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw new XlsxFallback("zip: central directory");
    const nameLen = bytes.readUInt16LE(p + 28);
    const local = bytes.readUInt32LE(p + 42);
    const csize = bytes.readUInt32LE(p + 20);
    const usize = bytes.readUInt32LE(p + 24);
    if (local === 0xffffffff || csize === 0xffffffff || usize === 0xffffffff) throw new XlsxFallback("zip64");
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new XlsxFallback("zip: local header");
    out.push({
      name: bytes.toString("utf8", p + 46, p + 46 + nameLen),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      csize,
      usize,
      start: local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28),
    });
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

/** An entry's text, inflated whole (for small parts: styles, workbook). */
export function entryText(bytes: Buffer, e: ZipEntry): string {
  const raw = bytes.subarray(e.start, e.start + e.csize);
  if (e.method === 0) return raw.toString("utf8");
  if (e.method === 8) return zlib.inflateRawSync(raw).toString("utf8");
  throw new XlsxFallback("zip method");
}

/** An entry's bytes inflated in pieces. */
export function entryStream(bytes: Buffer, e: ZipEntry): AsyncIterable<Buffer> {
  const raw = bytes.subarray(e.start, e.start + e.csize);
  if (e.method === 0) return Readable.from([raw]);
  if (e.method === 8) return Readable.from([raw]).pipe(zlib.createInflateRaw());
  throw new XlsxFallback("zip method");
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** The output zip, written to an open file descriptor in order. */
export class ZipWriter {
  private pos = 0;
  private readonly done: Written[] = [];

  constructor(private readonly fd: number) {}

  private put(b: Buffer, at?: number): void {
    fs.writeSync(this.fd, b, 0, b.length, at ?? this.pos);
    if (at === undefined) this.pos += b.length;
  }

  private localHeader(w: Written): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(w.method, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(w.crc >>> 0, 14);
    h.writeUInt32LE(w.csize, 18);
    h.writeUInt32LE(w.usize, 22);
    h.writeUInt16LE(w.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, w.name]);
  }

  private check(): void {
    if (this.pos > 0xfffffff0) throw new XlsxFallback("zip64 output");
  }

  /** Copies an input entry as it is stored. */
  copy(bytes: Buffer, e: ZipEntry): void {
    const w: Written = { name: Buffer.from(e.name, "utf8"), method: e.method, crc: e.crc, csize: e.csize, usize: e.usize, offset: this.pos };
    this.put(this.localHeader(w));
    this.put(Buffer.from(bytes.subarray(e.start, e.start + e.csize)));
    this.done.push(w);
    this.check();
  }

  /** Writes a small part, deflated whole. */
  text(name: string, text: string): void {
    const data = Buffer.from(text, "utf8");
    const z = zlib.deflateRawSync(data);
    const w: Written = { name: Buffer.from(name, "utf8"), method: 8, crc: zlib.crc32(data), csize: z.length, usize: data.length, offset: this.pos };
    this.put(this.localHeader(w));
    this.put(z);
    this.done.push(w);
    this.check();
  }

  /** Starts a part written in pieces (deflated as it comes); its header is filled in by `end`. */
  part(name: string): { write(s: string): Promise<void>; end(): Promise<void> } {
    const w: Written = { name: Buffer.from(name, "utf8"), method: 8, crc: 0, csize: 0, usize: 0, offset: this.pos };
    this.put(this.localHeader(w));
    const z = zlib.createDeflateRaw({ level: 6 });
    let failed: unknown = null;
    z.on("data", (b: Buffer) => {
      try {
        this.put(b);
        w.csize += b.length;
      } catch (e) {
        failed = e;
      }
    });
    const ended = new Promise<void>((resolve, reject) => {
      z.on("end", resolve);
      z.on("error", reject);
    });
    return {
      write: async (s: string) => {
        if (failed) throw failed;
        if (s.length === 0) return;
        const data = Buffer.from(s, "utf8");
        w.crc = zlib.crc32(data, w.crc);
        w.usize += data.length;
        if (w.usize > 0xfffffff0) throw new XlsxFallback("zip64 part");
        if (!z.write(data)) await new Promise<void>((resolve) => z.once("drain", resolve));
      },
      end: async () => {
        z.end();
        await ended;
        if (failed) throw failed;
        this.put(this.localHeader(w), w.offset);
        this.done.push(w);
        this.check();
      },
    };
  }

  /** The central directory and the end record. */
  finish(): void {
    const start = this.pos;
    for (const w of this.done) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(0x21, 14);
      h.writeUInt32LE(w.crc >>> 0, 16);
      h.writeUInt32LE(w.csize, 20);
      h.writeUInt32LE(w.usize, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      this.put(h);
      this.put(w.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.done.length, 8);
    end.writeUInt16LE(this.done.length, 10);
    end.writeUInt32LE(this.pos - start, 12);
    end.writeUInt32LE(start, 16);
    this.put(end);
  }
}
