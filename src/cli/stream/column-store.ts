/**
 * The typed columns of a whole file, gathered block by block: each block is parsed with the
 * engine's `parseTable` and appended here, so a population template (percentiles, shares,
 * segments) sees every row's numbers without the file's cells being held. Per row and field this
 * keeps 9 bytes for a number (Float64Array + blank flag), 5 for a category or text (Int32Array +
 * blank flag; text values interned once), plus 2 bytes of row flags.
 */
import type { Column, GradeError, ParsedTable, Template } from "../../engine";

/** A growable typed array. */
interface Typed<T> {
  readonly length: number;
  [k: number]: number;
  set(src: ArrayLike<number>, offset?: number): void;
  subarray(start: number, end: number): T;
}

class Grow<T extends Typed<T>> {
  n = 0;
  constructor(
    public a: T,
    private readonly make: (n: number) => T,
  ) {}
  append(src: ArrayLike<number>, map?: (x: number) => number): void {
    if (this.n + src.length > this.a.length) {
      const next = this.make(Math.max(this.a.length * 2, this.n + src.length));
      next.set(this.a.subarray(0, this.n));
      this.a = next;
    }
    if (map) for (let k = 0; k < src.length; k++) this.a[this.n + k] = map(src[k]);
    else this.a.set(src, this.n);
    this.n += src.length;
  }
  done(): T {
    return this.a.subarray(0, this.n);
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);

interface Gathered {
  first: Column;
  v: Grow<Float64Array> | Grow<Int32Array>;
  blank: Grow<Uint8Array>;
  /** Free text: the values across blocks, and each value's index. */
  text?: { values: string[]; ids: Map<string, number> };
}

export class ColumnStore {
  private n = 0;
  private readonly cols = new Map<string, Gathered>();
  private readonly blankCount = new Grow(u8(1024), u8);
  private readonly bad = new Grow(u8(1024), u8);
  private readonly errors = new Map<number, GradeError[]>();

  constructor(private readonly template: Template) {}

  /** Appends the rows of one parsed block (rows `n ..` of the whole table). */
  append(block: ParsedTable): void {
    for (const [key, col] of block.columns) {
      let g = this.cols.get(key);
      if (!g) {
        const v = col.type === "number" ? new Grow(f64(1024), f64) : new Grow(i32(1024), i32);
        const text = col.type === "category" && col.field.type === "text" ? { values: [] as string[], ids: new Map<string, number>() } : undefined;
        g = { first: col, v, blank: new Grow(u8(1024), u8), text };
        this.cols.set(key, g);
      }
      if (col.type === "number") (g.v as Grow<Float64Array>).append(col.v);
      else if (g.text) {
        const t = g.text;
        const remap = col.values.map((w) => {
          let k = t.ids.get(w);
          if (k === undefined) {
            k = t.values.length;
            t.ids.set(w, k);
            t.values.push(w);
          }
          return k;
        });
        (g.v as Grow<Int32Array>).append(col.v, (x) => (x >= 0 ? remap[x] : x));
      } else (g.v as Grow<Int32Array>).append(col.v);
      g.blank.append(col.blank);
    }
    this.blankCount.append(block.blankCount);
    this.bad.append(block.bad);
    for (const [i, list] of block.errors) this.errors.set(this.n + i, list);
    this.n += block.n;
  }

  /** The whole table, as `parseTable` would have parsed it in one piece. */
  table(): ParsedTable {
    const columns = new Map<string, Column>();
    for (const f of this.template.fields) {
      const g = this.cols.get(f.key);
      if (!g) continue;
      const blank = g.blank.done();
      if (g.first.type === "number") columns.set(f.key, { type: "number", field: g.first.field, v: (g.v as Grow<Float64Array>).done(), blank });
      else {
        const v = (g.v as Grow<Int32Array>).done();
        const values = g.text ? g.text.values : g.first.values;
        const labels = g.text ? values.map((w) => ({ en: w, zh: w })) : g.first.labels;
        columns.set(f.key, { type: "category", field: g.first.field, v, blank, values, labels });
      }
    }
    return {
      n: this.n,
      columns,
      errors: this.errors,
      blankCount: this.blankCount.done(),
      bad: this.bad.done(),
      fieldCount: this.template.fields.length,
    };
  }
}
