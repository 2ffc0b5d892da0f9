/**
 * Batching helpers for the workbook adapter: how many rows go into one round trip, and how big a
 * round trip is. Pure functions (no Office.js), unit-tested in test/excel/batching.test.ts.
 *
 * Rules the adapter follows (see README.md in this folder):
 * - at most `MAX_BLOCK_ROWS` rows per read or write batch, one `context.sync()` per block;
 * - every batch under Excel on the web's 5 MB request/response limit: values written are measured
 *   exactly (`jsonBytes`), values read are estimated from a small probe and the block is halved
 *   and retried when Excel still answers `ResponsePayloadSizeLimitExceeded`.
 */

/** Most rows read or written in one batch. */
export const MAX_BLOCK_ROWS = 20_000;

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What the adapter allows itself per batch for cell data: 4 MB, leaving 1 MB for object paths,
 * the other operations of the batch and estimation error.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** A block of consecutive rows: `start` (0-based, relative to the table) and `count`. */
export interface Block {
  start: number;
  count: number;
}

/**
 * Splits `total` rows into blocks of at most `size` rows (the last one may be shorter).
 *
 * @example blocks(45000, 20000) // [{start:0,count:20000},{start:20000,count:20000},{start:40000,count:5000}]
 */
export function blocks(total: number, size: number = MAX_BLOCK_ROWS): Block[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`blocks: total must be a non-negative integer, got ${total}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`blocks: size must be a positive integer, got ${size}`);
  const out: Block[] = [];
  for (let start = 0; start < total; start += size) out.push({ start, count: Math.min(size, total - start) });
  return out;
}

/** UTF-8 byte length of a string, without allocating a buffer. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Bytes a string takes inside JSON: quotes, escapes and UTF-8. */
function jsonStringBytes(s: string): number {
  let n = 2 + utf8Bytes(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) n += 1;
    else if (c < 0x20) n += 5; // \u00XX
  }
  return n;
}

/**
 * UTF-8 size of `JSON.stringify(value)` for the values the adapter sends and receives (scalars,
 * arrays, plain objects), computed without building the string.
 *
 * @example jsonBytes([["A", 1], ["客户", true]]) === Buffer.byteLength(JSON.stringify([["A", 1], ["客户", true]]))
 */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4; // null (undefined cells are sent as null)
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "string":
      return jsonStringBytes(value);
    case "object": {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (let i = 0; i < value.length; i++) n += jsonBytes(value[i]);
        return n;
      }
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      let n = 2 + Math.max(0, entries.length - 1);
      for (const [k, v] of entries) n += jsonStringBytes(k) + 1 + jsonBytes(v);
      return n;
    }
    default:
      return 4;
  }
}

/**
 * Rows per block for a given size of one row: as many as fit in `budget` bytes, at most
 * `maxRows`, at least 1.
 *
 * @example rowsPerBlock(100) // 20000 (2 MB < 4 MB)
 * @example rowsPerBlock(1000) // 4194 (4 MB / 1000 B)
 */
export function rowsPerBlock(bytesPerRow: number, opts: { maxRows?: number; budget?: number } = {}): number {
  const maxRows = opts.maxRows ?? MAX_BLOCK_ROWS;
  const budget = opts.budget ?? PAYLOAD_BUDGET_BYTES;
  if (!(bytesPerRow > 0) || !Number.isFinite(bytesPerRow)) return maxRows;
  return Math.max(1, Math.min(maxRows, Math.floor(budget / bytesPerRow)));
}

/**
 * Cuts rows `0..total-1` into consecutive blocks whose measured size stays within `budget` and
 * whose length is at most `maxRows`. `sizeOf(i)` gives the bytes of row i. A single row larger
 * than the budget gets a block of its own (the caller decides what to do with it).
 */
export function blocksBySize(
  total: number,
  sizeOf: (i: number) => number,
  opts: { maxRows?: number; budget?: number; firstExtraBytes?: number } = {},
): Block[] {
  const maxRows = opts.maxRows ?? MAX_BLOCK_ROWS;
  const budget = opts.budget ?? PAYLOAD_BUDGET_BYTES;
  const out: Block[] = [];
  let start = 0;
  let bytes = opts.firstExtraBytes ?? 0;
  for (let i = 0; i < total; i++) {
    const b = sizeOf(i) + 1; // + the comma between rows
    const count = i - start;
    if (count > 0 && (count >= maxRows || bytes + b > budget)) {
      out.push({ start, count });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (total > start) out.push({ start, count: total - start });
  return out;
}

/** True for the errors Excel raises when a batch is too big. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads rows `0..total-1` in blocks: `readBlock(block)` queues the loads of one block, syncs once
 * and returns its data. Starts with `initialRows` per block; when Excel says the batch was too
 * big, the block is halved and read again (reads have no side effects). `onBlock` receives the
 * data in order; returning `false` stops early (cancellation).
 */
export async function readInBlocks<T>(
  total: number,
  initialRows: number,
  readBlock: (b: Block) => Promise<T>,
  onBlock: (b: Block, data: T) => boolean | void,
): Promise<boolean> {
  let size = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(initialRows)));
  let start = 0;
  while (start < total) {
    const b = { start, count: Math.min(size, total - start) };
    let data: T;
    try {
      data = await readBlock(b);
    } catch (e) {
      if (isPayloadTooLarge(e) && b.count > 1) {
        size = Math.max(1, Math.floor(b.count / 2));
        continue;
      }
      throw e;
    }
    if (onBlock(b, data) === false) return false;
    start += b.count;
  }
  return true;
}

/**
 * Builds rows `0..total-1` once and yields them in consecutive chunks of at most `maxRows` rows
 * and `budget` bytes (JSON, measured with `jsonBytes`). Used for writes: the caller queues one
 * chunk and syncs once per chunk.
 */
export function* chunkRows<T>(
  total: number,
  build: (i: number) => T,
  opts: { maxRows?: number; budget?: number; firstExtraBytes?: number } = {},
): Generator<{ start: number; rows: T[] }> {
  const maxRows = opts.maxRows ?? MAX_BLOCK_ROWS;
  const budget = opts.budget ?? PAYLOAD_BUDGET_BYTES;
  let start = 0;
  let rows: T[] = [];
  let bytes = opts.firstExtraBytes ?? 0;
  for (let i = 0; i < total; i++) {
    const row = build(i);
    const b = jsonBytes(row) + 1;
    if (rows.length > 0 && (rows.length >= maxRows || bytes + b > budget)) {
      yield { start, rows };
      start = i;
      rows = [];
      bytes = 0;
    }
    rows.push(row);
    bytes += b;
  }
  if (rows.length > 0) yield { start, rows };
}
