/**
 * Cell storage of a sheet: values, formulas and formats, read and written the way the API does.
 *
 * Cells are stored column-major and sparsely: each used column owns dense JS arrays indexed by row
 * (values, formulas, formats). Formats are interned (formats.ts); whole-column and whole-row
 * formats are stored once per column/row.
 */
import { isEntireColumn, isEntireRow, MAX_COLS, MAX_ROWS, Rect } from "../../engine/sheet-address/a1";
import { rangeExceedsLimit } from "../errors";
import { CellFormat, CellFormatData, FormatPatch, FormatTable, patchKeyOf } from "./formats";
import { CellError, parseTypedInput, StoredValue, ValueType, valueTypeOf } from "./values";

/** Largest bounded (not whole-row/column) rectangle a single format write may touch. */
export const MAX_FORMAT_CELLS = 20_000_000;

export class ColumnStore {
  v: StoredValue[] = [];
  f: (string | undefined)[] | null = null;
  fmt: (CellFormat | undefined)[] | null = null;
}

/** Grow an array densely (push) so V8 keeps fast elements instead of a dictionary. */
function ensureLength<T>(arr: T[], n: number): void {
  for (let i = arr.length; i < n; i++) arr.push(undefined as unknown as T);
}

export interface WriteInputOptions {
  /** Treat strings literally (no number/boolean/formula coercion). Used by host seeding when asked. */
  raw?: boolean;
}

/** The cells of one sheet. SheetModel (workbook.ts) adds the sheet's records and its workbook. */
export abstract class CellGrid {
  /** Column store per column index (sparse array of stores). */
  cols: (ColumnStore | undefined)[] = [];
  colFmt = new Map<number, CellFormat>();
  rowFmt = new Map<number, CellFormat>();

  constructor(readonly formats: FormatTable) {}

  /** The value a formula written at (r, c) shows (undefined without a formula evaluator). */
  protected abstract evaluateFormula(formula: string, r: number, c: number): StoredValue;

  col(c: number): ColumnStore | undefined {
    return this.cols[c];
  }

  ensureCol(c: number): ColumnStore {
    let s = this.cols[c];
    if (!s) {
      ensureLength(this.cols, c);
      s = new ColumnStore();
      this.cols[c] = s;
    }
    return s;
  }

  // --- reading -----------------------------------------------------------------------------

  getValue(r: number, c: number): StoredValue {
    const s = this.cols[c];
    return s ? s.v[r] : undefined;
  }

  getFormula(r: number, c: number): string | undefined {
    const s = this.cols[c];
    return s && s.f ? s.f[r] : undefined;
  }

  isEmpty(r: number, c: number): boolean {
    const s = this.cols[c];
    if (!s) return true;
    return s.v[r] === undefined && (s.f === null || s.f[r] === undefined);
  }

  /** Format that applies to the cell: its own, else the row's, else the column's, else default. */
  formatAt(r: number, c: number): CellFormat {
    const s = this.cols[c];
    const own = s && s.fmt ? s.fmt[r] : undefined;
    if (own) return own;
    return this.rowFmt.get(r) ?? this.colFmt.get(c) ?? this.formats.defaultFormat;
  }

  /** Values as the API returns them (2-D, "" for empty, error codes as strings). */
  readValues(rect: Rect): (string | number | boolean)[][] {
    const rows = rect.r1 - rect.r0 + 1;
    const ncols = rect.c1 - rect.c0 + 1;
    const out: (string | number | boolean)[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = new Array(ncols);
    for (let j = 0; j < ncols; j++) {
      const s = this.cols[rect.c0 + j];
      const v = s ? s.v : null;
      for (let i = 0; i < rows; i++) {
        const x = v ? v[rect.r0 + i] : undefined;
        out[i][j] = x === undefined ? "" : x instanceof CellError ? x.code : x;
      }
    }
    return out;
  }

  readFormulas(rect: Rect): (string | number | boolean)[][] {
    const rows = rect.r1 - rect.r0 + 1;
    const ncols = rect.c1 - rect.c0 + 1;
    const out: (string | number | boolean)[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = new Array(ncols);
    for (let j = 0; j < ncols; j++) {
      const s = this.cols[rect.c0 + j];
      for (let i = 0; i < rows; i++) {
        const r = rect.r0 + i;
        const f = s && s.f ? s.f[r] : undefined;
        if (f !== undefined) {
          out[i][j] = f;
        } else {
          const x = s ? s.v[r] : undefined;
          out[i][j] = x === undefined ? "" : x instanceof CellError ? x.code : x;
        }
      }
    }
    return out;
  }

  readValueTypes(rect: Rect): ValueType[][] {
    const rows = rect.r1 - rect.r0 + 1;
    const ncols = rect.c1 - rect.c0 + 1;
    const out: ValueType[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = new Array(ncols);
    for (let j = 0; j < ncols; j++) {
      const s = this.cols[rect.c0 + j];
      for (let i = 0; i < rows; i++) {
        const r = rect.r0 + i;
        out[i][j] = valueTypeOf(s ? s.v[r] : undefined, !!(s && s.f && s.f[r] !== undefined));
      }
    }
    return out;
  }

  readFormatGrid<K extends keyof CellFormatData>(rect: Rect, key: K): CellFormatData[K][][] {
    const rows = rect.r1 - rect.r0 + 1;
    const ncols = rect.c1 - rect.c0 + 1;
    const out: CellFormatData[K][][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const row = new Array(ncols);
      for (let j = 0; j < ncols; j++) row[j] = this.formatAt(rect.r0 + i, rect.c0 + j)[key];
      out[i] = row;
    }
    return out;
  }

  /**
   * The value Excel reports for a format property over a range: the common value, or null when the
   * cells differ. Large ranges are handled without visiting every cell.
   */
  uniformFormat<K extends keyof CellFormatData>(rect: Rect, key: K): CellFormatData[K] | null {
    let seen = false;
    let value: CellFormatData[K] | null = null;
    const visit = (f: CellFormat): boolean => {
      const v = f[key];
      if (!seen) {
        seen = true;
        value = v;
        return true;
      }
      return v === value;
    };
    for (const f of this.distinctFormats(rect)) {
      if (!visit(f)) return null;
    }
    return value;
  }

  /** All formats that apply to at least one cell of rect (exact for small rects, superset for huge). */
  distinctFormats(rect: Rect): Set<CellFormat> {
    const out = new Set<CellFormat>();
    const cells = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (cells <= 2_000_000) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        for (let r = rect.r0; r <= rect.r1; r++) out.add(this.formatAt(r, c));
      }
      return out;
    }
    // Huge rect (entire columns/rows/sheet): materialized cell formats + inherited ones.
    const lastCol = Math.min(rect.c1, this.cols.length - 1);
    for (let c = rect.c0; c <= lastCol; c++) {
      const s = this.cols[c];
      if (!s || !s.fmt) continue;
      const end = Math.min(rect.r1, s.fmt.length - 1);
      for (let r = rect.r0; r <= end; r++) {
        const f = s.fmt[r];
        if (f) out.add(f);
      }
    }
    for (const [r, f] of this.rowFmt) if (r >= rect.r0 && r <= rect.r1) out.add(f);
    let allColsFormatted = true;
    for (let c = rect.c0; c <= rect.c1; c++) {
      const f = this.colFmt.get(c);
      if (f) out.add(f);
      else allColsFormatted = false;
      if (!allColsFormatted && c - rect.c0 > 20000) break;
    }
    if (!allColsFormatted) out.add(this.formats.defaultFormat);
    return out;
  }

  // --- writing -----------------------------------------------------------------------------

  private setCellRaw(r: number, c: number, value: StoredValue, formula: string | undefined): void {
    const s = this.ensureCol(c);
    if (value !== undefined || s.v.length > r) {
      ensureLength(s.v, r);
      s.v[r] = value;
    }
    if (formula !== undefined) {
      if (!s.f) s.f = [];
      ensureLength(s.f, r);
      s.f[r] = formula;
    } else if (s.f && s.f.length > r) {
      s.f[r] = undefined;
    }
  }

  setFormatAt(r: number, c: number, f: CellFormat): void {
    const s = this.ensureCol(c);
    if (!s.fmt) s.fmt = [];
    ensureLength(s.fmt, r);
    s.fmt[r] = f;
  }

  /**
   * Writes one cell the way typing into Excel / assigning `range.values` does: strings that look
   * like numbers, booleans, percentages or error literals are converted; strings starting with "="
   * become formulas; a leading apostrophe forces text; "" clears the cell's contents.
   */
  writeInput(r: number, c: number, input: unknown, asFormula: boolean, opts?: WriteInputOptions): void {
    if (input === null) return; // null means "leave this cell unchanged"
    if (typeof input === "number") {
      this.setCellRaw(r, c, input, undefined);
      return;
    }
    if (typeof input === "boolean") {
      this.setCellRaw(r, c, input, undefined);
      return;
    }
    const s = input as string;
    if (s === "") {
      this.setCellRaw(r, c, undefined, undefined);
      return;
    }
    if (opts?.raw) {
      this.setCellRaw(r, c, s, undefined);
      return;
    }
    const fmt = this.formatAt(r, c);
    if (fmt.numberFormat === "@") {
      this.setCellRaw(r, c, s, undefined);
      return;
    }
    const ch = s.charCodeAt(0);
    if (ch === 61 /* = */ && s.length > 1) {
      const value = this.evaluateFormula(s, r, c);
      this.setCellRaw(r, c, value, s);
      return;
    }
    if (ch === 39 /* ' */) {
      this.setCellRaw(r, c, s.slice(1) === "" ? undefined : s.slice(1), undefined);
      return;
    }
    void asFormula;
    const parsed = parseTypedInput(s);
    if (parsed === undefined) {
      this.setCellRaw(r, c, s, undefined);
      return;
    }
    this.setCellRaw(r, c, parsed.value, undefined);
    if (parsed.numberFormat && fmt.numberFormat === "General") {
      this.setFormatAt(r, c, this.formats.apply(fmt, { numberFormat: parsed.numberFormat }, `nf:${parsed.numberFormat}`));
    }
  }

  /** Bulk write of an already shape-checked 2-D array (or a broadcast scalar). */
  writeGrid(rect: Rect, data: unknown[][] | null, scalar: unknown, asFormula: boolean, opts?: WriteInputOptions): number {
    const rows = rect.r1 - rect.r0 + 1;
    const ncols = rect.c1 - rect.c0 + 1;
    let written = 0;
    for (let j = 0; j < ncols; j++) {
      const c = rect.c0 + j;
      const s = this.ensureCol(c);
      const plainColumn = !s.f && !s.fmt && !this.colFmt.has(c) && this.rowFmt.size === 0;
      if (plainColumn) {
        // Fast path: no formulas and no text formats involved in this column.
        ensureLength(s.v, rect.r0 + rows);
        const v = s.v;
        for (let i = 0; i < rows; i++) {
          const x = data ? data[i][j] : scalar;
          if (x === null) continue;
          written++;
          if (typeof x === "number" || typeof x === "boolean") {
            v[rect.r0 + i] = x;
          } else if (x === "") {
            v[rect.r0 + i] = undefined;
          } else {
            const str = x as string;
            const ch = str.charCodeAt(0);
            const maybeSpecial =
              opts?.raw !== true &&
              ((ch >= 35 && ch <= 57) || ch === 84 || ch === 116 || ch === 70 || ch === 102 || ch === 61);
            if (maybeSpecial) this.writeInput(rect.r0 + i, c, str, asFormula, opts);
            else v[rect.r0 + i] = str;
          }
        }
      } else {
        for (let i = 0; i < rows; i++) {
          const x = data ? data[i][j] : scalar;
          if (x === null) continue;
          written++;
          this.writeInput(rect.r0 + i, c, x, asFormula, opts);
        }
      }
    }
    return written;
  }

  /** Apply a format patch to every cell of rect (column/row/sheet-wide formats for unbounded rects). */
  applyFormat(rect: Rect, patch: FormatPatch): void {
    const ft = this.formats;
    const pk = patchKeyOf(patch);
    const fullCols = isEntireColumn(rect);
    const fullRows = isEntireRow(rect);
    if (fullCols && fullRows) {
      for (let c = 0; c < MAX_COLS; c++) this.colFmt.set(c, ft.apply(this.colFmt.get(c) ?? ft.defaultFormat, patch, pk));
      for (const [r, f] of this.rowFmt) this.rowFmt.set(r, ft.apply(f, patch, pk));
      for (const s of this.cols) {
        if (!s || !s.fmt) continue;
        for (let r = 0; r < s.fmt.length; r++) {
          const f = s.fmt[r];
          if (f) s.fmt[r] = ft.apply(f, patch, pk);
        }
      }
      return;
    }
    if (fullCols) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        this.colFmt.set(c, ft.apply(this.colFmt.get(c) ?? ft.defaultFormat, patch, pk));
        const s = this.cols[c];
        if (s && s.fmt) {
          for (let r = 0; r < s.fmt.length; r++) {
            const f = s.fmt[r];
            if (f) s.fmt[r] = ft.apply(f, patch, pk);
          }
        }
        for (const [r, f] of this.rowFmt) {
          if (!(s && s.fmt && s.fmt[r])) this.setFormatAt(r, c, ft.apply(f, patch, pk));
        }
      }
      return;
    }
    if (fullRows) {
      for (let r = rect.r0; r <= rect.r1; r++) this.rowFmt.set(r, ft.apply(this.rowFmt.get(r) ?? ft.defaultFormat, patch, pk));
      for (let c = 0; c < this.cols.length; c++) {
        const s = this.cols[c];
        if (!s || !s.fmt) continue;
        const end = Math.min(rect.r1, s.fmt.length - 1);
        for (let r = rect.r0; r <= end; r++) {
          const f = s.fmt[r];
          if (f) s.fmt[r] = ft.apply(f, patch, pk);
        }
      }
      for (const [c, cf] of this.colFmt) {
        for (let r = rect.r0; r <= rect.r1; r++) {
          const s = this.cols[c];
          if (!(s && s.fmt && s.fmt[r])) this.setFormatAt(r, c, ft.apply(cf, patch, pk));
        }
      }
      return;
    }
    if ((rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > MAX_FORMAT_CELLS) {
      throw rangeExceedsLimit("in-memory host: format whole rows or columns instead");
    }
    let lastIn: CellFormat | null = null;
    let lastOut: CellFormat | null = null;
    for (let c = rect.c0; c <= rect.c1; c++) {
      const s = this.ensureCol(c);
      if (!s.fmt) s.fmt = [];
      ensureLength(s.fmt, rect.r1 + 1);
      const fmts = s.fmt;
      for (let r = rect.r0; r <= rect.r1; r++) {
        const base = fmts[r] ?? this.rowFmt.get(r) ?? this.colFmt.get(c) ?? ft.defaultFormat;
        if (base !== lastIn) {
          lastIn = base;
          lastOut = ft.apply(base, patch, pk);
        }
        fmts[r] = lastOut as CellFormat;
      }
    }
  }

  /** Reset formats of rect to the default (Range.clear("Formats")). */
  clearFormats(rect: Rect): void {
    const def = this.formats.defaultFormat;
    const fullCols = isEntireColumn(rect);
    const fullRows = isEntireRow(rect);
    if (fullCols) for (let c = rect.c0; c <= rect.c1; c++) this.colFmt.delete(c);
    if (fullRows) for (let r = rect.r0; r <= rect.r1; r++) this.rowFmt.delete(r);
    // drop the cells' own formats
    const lastCol = Math.min(rect.c1, this.cols.length - 1);
    for (let c = rect.c0; c <= lastCol; c++) {
      const s = this.cols[c];
      if (!s || !s.fmt) continue;
      const end = Math.min(rect.r1, s.fmt.length - 1);
      for (let r = rect.r0; r <= end; r++) s.fmt[r] = undefined;
    }
    // cells that would still inherit a row/column format outside the cleared area are pinned to the default
    if (!fullRows) {
      for (const [r] of this.rowFmt) {
        if (r < rect.r0 || r > rect.r1) continue;
        for (let c = rect.c0; c <= rect.c1; c++) this.setFormatAt(r, c, def);
      }
    }
    if (!fullCols) {
      for (const [c] of this.colFmt) {
        if (c < rect.c0 || c > rect.c1) continue;
        for (let r = rect.r0; r <= rect.r1; r++) this.setFormatAt(r, c, def);
      }
    }
  }

  clearContents(rect: Rect): void {
    const lastCol = Math.min(rect.c1, this.cols.length - 1);
    for (let c = rect.c0; c <= lastCol; c++) {
      const s = this.cols[c];
      if (!s) continue;
      const endV = Math.min(rect.r1, s.v.length - 1);
      for (let r = rect.r0; r <= endV; r++) s.v[r] = undefined;
      if (s.f) {
        const endF = Math.min(rect.r1, s.f.length - 1);
        for (let r = rect.r0; r <= endF; r++) s.f[r] = undefined;
      }
    }
  }

  // --- regions -----------------------------------------------------------------------------

  private lastIndexIn(arr: unknown[] | null | undefined, skipDefaultFormat: boolean): number {
    if (!arr) return -1;
    const def = this.formats.defaultFormat;
    let i = arr.length - 1;
    while (i >= 0 && (arr[i] === undefined || (skipDefaultFormat && arr[i] === def))) i--;
    if (!skipDefaultFormat) arr.length = i + 1; // trim trailing holes so later scans stay fast
    return i;
  }

  private firstIndexIn(arr: unknown[] | null | undefined, skipDefaultFormat: boolean): number {
    if (!arr) return -1;
    const def = this.formats.defaultFormat;
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      if (x !== undefined && !(skipDefaultFormat && x === def)) return i;
    }
    return -1;
  }

  /** The used range: smallest rect containing all cells with a value/formula (and formatting unless valuesOnly). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let c = 0; c < this.cols.length; c++) {
      const s = this.cols[c];
      if (!s) continue;
      let first = Infinity;
      let last = -1;
      const lv = this.lastIndexIn(s.v, false);
      if (lv >= 0) {
        first = Math.min(first, this.firstIndexIn(s.v, false));
        last = Math.max(last, lv);
      }
      const lf = this.lastIndexIn(s.f, false);
      if (lf >= 0) {
        first = Math.min(first, this.firstIndexIn(s.f, false));
        last = Math.max(last, lf);
      }
      if (!valuesOnly) {
        const lm = this.lastIndexIn(s.fmt, true);
        if (lm >= 0) {
          first = Math.min(first, this.firstIndexIn(s.fmt, true));
          last = Math.max(last, lm);
        }
      }
      if (last >= 0) {
        r0 = Math.min(r0, first);
        r1 = Math.max(r1, last);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, r1, c1 };
  }

  /**
   * The current region around (r, c): the rectangle bounded by empty rows and columns
   * (Ctrl+Shift+8 / Range.getSurroundingRegion). A lone cell with no neighbours is its own region.
   */
  surroundingRegion(r: number, c: number): Rect {
    const rect: Rect = { r0: r, c0: c, r1: r, c1: c };
    const rowHasContent = (row: number, from: number, to: number): boolean => {
      if (row < 0 || row >= MAX_ROWS) return false;
      const a = Math.max(0, from);
      const b = Math.min(MAX_COLS - 1, to, this.cols.length - 1);
      for (let cc = a; cc <= b; cc++) if (!this.isEmpty(row, cc)) return true;
      return false;
    };
    const colHasContent = (col: number, from: number, to: number): boolean => {
      if (col < 0 || col >= MAX_COLS) return false;
      const s = this.cols[col];
      if (!s) return false;
      const a = Math.max(0, from);
      const b = Math.min(MAX_ROWS - 1, to, Math.max(s.v.length, s.f ? s.f.length : 0) - 1);
      for (let rr = a; rr <= b; rr++) {
        if (s.v[rr] !== undefined || (s.f && s.f[rr] !== undefined)) return true;
      }
      return false;
    };
    let changed = true;
    while (changed) {
      changed = false;
      while (rect.r1 + 1 < MAX_ROWS && rowHasContent(rect.r1 + 1, rect.c0 - 1, rect.c1 + 1)) {
        rect.r1++;
        changed = true;
      }
      while (rect.r0 > 0 && rowHasContent(rect.r0 - 1, rect.c0 - 1, rect.c1 + 1)) {
        rect.r0--;
        changed = true;
      }
      while (rect.c1 + 1 < MAX_COLS && colHasContent(rect.c1 + 1, rect.r0 - 1, rect.r1 + 1)) {
        rect.c1++;
        changed = true;
      }
      while (rect.c0 > 0 && colHasContent(rect.c0 - 1, rect.r0 - 1, rect.r1 + 1)) {
        rect.c0--;
        changed = true;
      }
    }
    return rect;
  }

  /** Shift the cells of columns c0..c1 down by `count` rows starting at row r (insert cells, shift down). */
  insertCellsDown(r: number, c0: number, c1: number, count: number): void {
    for (let c = c0; c <= c1; c++) {
      const s = this.cols[c];
      if (!s) continue;
      const shift = (arr: unknown[] | null) => {
        if (!arr || arr.length <= r) return;
        const tail = arr.splice(r);
        for (let i = 0; i < count; i++) arr.push(undefined);
        for (let i = 0; i < tail.length; i++) arr.push(tail[i]);
      };
      shift(s.v);
      shift(s.f);
      shift(s.fmt);
    }
  }
}
