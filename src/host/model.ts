/**
 * The workbook model behind the in-memory Excel host. Plain data + synchronous operations; the
 * proxy layer (runtime.ts / proxies.ts) queues operations and applies them to this model at sync().
 *
 * Cells are stored column-major and sparsely: each used column owns dense JS arrays indexed by row
 * (values, formulas, formats). Formats are interned immutable records, so formatting a million
 * cells with the same colour stores one record and a million pointers.
 */
import { MAX_COLS, MAX_ROWS, Rect, rectIntersect, rectSubtract, isEntireColumn, isEntireRow } from "./address";
import type { ConditionalFormatRecord } from "./conditional";
import { RichApiError } from "./errors";

/** Largest bounded (not whole-row/column) rectangle a single format write may touch. */
export const MAX_FORMAT_CELLS = 20_000_000;

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------

export const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** An error value in a cell (`#N/A`, `#DIV/0!`...). Read back through the API as its string. */
export class CellError {
  constructor(readonly code: string) {}
  toJSON(): string {
    return this.code;
  }
}

/** What a cell stores: undefined = empty. */
export type StoredValue = number | string | boolean | CellError | undefined;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export function apiValue(v: StoredValue): string | number | boolean {
  if (v === undefined) return "";
  if (v instanceof CellError) return v.code;
  return v;
}

export function valueTypeOf(v: StoredValue, hasFormula: boolean): ValueType {
  if (v === undefined) return hasFormula ? "String" : "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (v instanceof CellError) return "Error";
  return v === "" ? "Empty" : "String";
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

export interface CellFormatData {
  numberFormat: string;
  /** `#RRGGBB` or null for "no fill". */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  fontName: string;
  fontSize: number;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
}

export interface CellFormat extends CellFormatData {
  readonly id: number;
}

export type FormatPatch = Partial<CellFormatData>;

export const FORMAT_KEYS: (keyof CellFormatData)[] = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "fontName",
  "fontSize",
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
  "indentLevel",
];

function formatKey(f: CellFormatData): string {
  let s = "";
  for (const k of FORMAT_KEYS) s += `${String(f[k])}\u0001`;
  return s;
}

/** Interns formats so identical formats share one object (and one id). */
export class FormatTable {
  readonly defaultFormat: CellFormat;
  private readonly byKey = new Map<string, CellFormat>();
  private readonly patchCache = new Map<string, CellFormat>();
  private nextId = 0;

  constructor(defaults: CellFormatData) {
    this.defaultFormat = this.intern(defaults);
  }

  intern(data: CellFormatData): CellFormat {
    const key = formatKey(data);
    let f = this.byKey.get(key);
    if (!f) {
      const rec: CellFormat = { ...data, id: this.nextId++ };
      Object.freeze(rec);
      this.byKey.set(key, rec);
      f = rec;
    }
    return f;
  }

  apply(base: CellFormat, patch: FormatPatch, patchKey: string): CellFormat {
    const ck = `${base.id}|${patchKey}`;
    let out = this.patchCache.get(ck);
    if (!out) {
      const data: CellFormatData = { ...base } as CellFormatData & { id?: number };
      delete (data as { id?: number }).id;
      Object.assign(data, patch);
      out = this.intern(data);
      this.patchCache.set(ck, out);
    }
    return out;
  }
}

export function patchKeyOf(patch: FormatPatch): string {
  return JSON.stringify(patch);
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

export class ColumnStore {
  v: StoredValue[] = [];
  f: (string | undefined)[] | null = null;
  fmt: (CellFormat | undefined)[] | null = null;
}

/** Grow an array densely (push) so V8 keeps fast elements instead of a dictionary. */
function ensureLength<T>(arr: T[], n: number): void {
  for (let i = arr.length; i < n; i++) arr.push(undefined as unknown as T);
}

// ---------------------------------------------------------------------------------------------
// Records stored per sheet / workbook
// ---------------------------------------------------------------------------------------------

export interface DataValidationRecord {
  rects: Rect[];
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface TableRecord {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columnNames: string[];
  columnIds: number[];
}

export interface ChartRecord {
  id: string;
  name: string;
  chartType: string;
  sourceSheet: SheetModel;
  sourceRect: Rect;
  seriesBy: string;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { visible: boolean; position: string; overlay: boolean };
  top: number;
  left: number;
  width: number;
  height: number;
  style: number;
  position: { startCell?: string; endCell?: string };
}

export interface BorderRecord {
  rect: Rect;
  /** an Excel.BorderIndex value: EdgeTop, EdgeBottom, EdgeLeft, EdgeRight, InsideVertical, InsideHorizontal, DiagonalDown, DiagonalUp */
  index: string;
  style: string;
  color: string;
  weight: string;
}

export interface HeaderFooterRecord {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutRecord {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printOrder: string;
  printComments: string;
  printErrors: string;
  firstPageNumber: number | "";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printArea: Rect[] | null;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterRecord;
    firstPage: HeaderFooterRecord;
    evenPages: HeaderFooterRecord;
    oddPages: HeaderFooterRecord;
  };
}

function emptyHeaderFooter(): HeaderFooterRecord {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

export function defaultPageLayout(): PageLayoutRecord {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    firstPageNumber: "",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
    },
  };
}

export interface NamedItemRecord {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "=0.5", "=\"text\"" ... */
  formula: string;
  comment: string;
  visible: boolean;
  scope: "Workbook" | "Worksheet";
  sheet: SheetModel | null;
}

export interface CustomXmlPartRecord {
  id: string;
  namespaceUri: string;
  xml: string;
}

// ---------------------------------------------------------------------------------------------
// Sheet
// ---------------------------------------------------------------------------------------------

export interface WriteInputOptions {
  /** Treat strings literally (no number/boolean/formula coercion). Used by host seeding when asked. */
  raw?: boolean;
}

export class SheetModel {
  readonly id: string;
  name: string;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  showHeadings = true;
  standardWidth = 8.43;
  /** Column store per column index (sparse array of stores). */
  cols: (ColumnStore | undefined)[] = [];
  colFmt = new Map<number, CellFormat>();
  rowFmt = new Map<number, CellFormat>();
  /** Column widths in points. */
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freeze = { rows: 0, cols: 0 };
  conditionalFormats: ConditionalFormatRecord[] = [];
  validations: DataValidationRecord[] = [];
  charts: ChartRecord[] = [];
  borders: BorderRecord[] = [];
  /** Merged areas (Range.merge), none overlapping another. */
  merges: Rect[] = [];
  pageLayout: PageLayoutRecord = defaultPageLayout();

  constructor(
    readonly wb: WorkbookModel,
    id: string,
    name: string,
  ) {
    this.id = id;
    this.name = name;
  }

  get formats(): FormatTable {
    return this.wb.formats;
  }

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
      const value = this.wb.evaluateFormula(s, this, r, c);
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
      throw new RichApiError(
        "RangeExceedsLimit",
        "The cell count in the range has exceeded the maximum supported number. (in-memory host: format whole rows or columns instead)",
      );
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

  /** Reset formats of rect to the default (Range.clear("Formats")), including conditional formats and borders inside it. */
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
    this.removeConditionalFormatsIn(rect);
    const borders: BorderRecord[] = [];
    for (const b of this.borders) for (const part of rectSubtract(b.rect, rect)) borders.push({ ...b, rect: part });
    this.borders = borders;
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

  removeConditionalFormatsIn(rect: Rect): void {
    const kept: ConditionalFormatRecord[] = [];
    for (const cf of this.conditionalFormats) {
      const rects: Rect[] = [];
      for (const r of cf.rects) rects.push(...rectSubtract(r, rect));
      cf.rects = rects;
      if (rects.length > 0) kept.push(cf);
    }
    this.conditionalFormats = kept;
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

  validationsIntersecting(rect: Rect): DataValidationRecord[] {
    return this.validations.filter((v) => v.rects.some((r) => rectIntersect(r, rect)));
  }
}

// ---------------------------------------------------------------------------------------------
// Typed input parsing (what Excel does with strings assigned to `values`)
// ---------------------------------------------------------------------------------------------

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;

export function parseTypedInput(s: string): { value: StoredValue; numberFormat?: string } | undefined {
  if (s === "") return undefined;
  const ch = s.charCodeAt(0);
  if (ch === 35 /* # */) {
    const up = s.toUpperCase();
    return ERROR_LITERALS.has(up) ? { value: new CellError(up) } : undefined;
  }
  if ((ch >= 48 && ch <= 57) || ch === 43 || ch === 45 || ch === 46) {
    if (NUMBER_RE.test(s)) {
      const n = Number(s);
      return Number.isFinite(n) ? { value: n } : undefined;
    }
    if (THOUSANDS_RE.test(s)) {
      const n = Number(s.replace(/,/g, ""));
      const decimals = s.includes(".") ? s.split(".")[1].length : 0;
      return { value: n, numberFormat: decimals > 0 ? "#,##0.00" : "#,##0" };
    }
    const p = PERCENT_RE.exec(s);
    if (p) {
      const n = Number(p[1]) / 100;
      const decimals = p[1].includes(".") ? p[1].split(".")[1].length : 0;
      return { value: n, numberFormat: decimals > 0 ? "0.00%" : "0%" };
    }
    return undefined;
  }
  const up = s.length <= 5 ? s.toUpperCase() : "";
  if (up === "TRUE") return { value: true };
  if (up === "FALSE") return { value: false };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

export type FormulaEvaluator = (formula: string, where: { sheet: string; row: number; column: number }) => unknown;

export interface WorkbookDefaults {
  fontName: string;
  fontSize: number;
  fontColor: string;
}

export class WorkbookModel {
  name: string;
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect; activeCell?: { r: number; c: number } } | null = null;
  settings = new Map<string, unknown>();
  customXmlParts: CustomXmlPartRecord[] = [];
  names: NamedItemRecord[] = [];
  tables: TableRecord[] = [];
  calculationMode = "Automatic";
  readonly formats: FormatTable;
  formulaEvaluator: FormulaEvaluator | null = null;
  private counters = { sheet: 0, table: 0, chart: 0, cf: 0, xml: 0, tableCol: 0 };

  constructor(name: string, defaults: WorkbookDefaults) {
    this.name = name;
    this.formats = new FormatTable({
      numberFormat: "General",
      fill: null,
      fontColor: defaults.fontColor,
      bold: false,
      italic: false,
      underline: "None",
      strikethrough: false,
      fontName: defaults.fontName,
      fontSize: defaults.fontSize,
      horizontalAlignment: "General",
      verticalAlignment: "Bottom",
      wrapText: false,
      indentLevel: 0,
    });
  }

  nextId(kind: keyof WorkbookModel["counters"]): number {
    return ++this.counters[kind];
  }

  evaluateFormula(formula: string, sheet: SheetModel, r: number, c: number): StoredValue {
    if (!this.formulaEvaluator) return undefined;
    const v = this.formulaEvaluator(formula, { sheet: sheet.name, row: r, column: c });
    if (v === null || v === undefined || v === "") return undefined;
    if (typeof v === "number" || typeof v === "boolean") return v;
    const s = String(v);
    return ERROR_LITERALS.has(s) ? new CellError(s) : s;
  }

  findSheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  findSheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nextSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.findSheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  addSheet(name?: string): SheetModel {
    const id = `{${String(this.nextId("sheet")).padStart(8, "0")}-0000-4000-8000-000000000000}`;
    const sheet = new SheetModel(this, id, name ?? this.nextSheetName());
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  tablesOn(sheet: SheetModel): TableRecord[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }
}

/** Valid Excel sheet name: 1-31 chars, none of : \ / ? * [ ], not starting/ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}
