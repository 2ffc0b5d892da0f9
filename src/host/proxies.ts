/**
 * Proxy classes for the workbook, worksheets, ranges and range formatting.
 * Conditional formats, validation, tables, charts, settings, custom XML, names and page layout
 * live in proxies-extra.ts.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  fullAddress,
  isEntireColumn,
  isEntireRow,
  parseAddress,
  rectCols,
  rectInGrid,
  rectIntersect,
  rectRows,
} from "./address";
import { normalizeColor } from "./colors";
import {
  hostNotImplemented,
  invalidArgument,
  invalidOperation,
  itemAlreadyExists,
  itemNotFound,
  RichApiError,
  HostErrorCodes,
} from "./errors";
import {
  CellFormatData,
  FormatPatch,
  isValidSheetName,
  SheetModel,
  WorkbookModel,
  patchKeyOf,
} from "./model";
import { formatValue } from "./numfmt";
import {
  defineProps,
  FormatKind,
  HostClientResult,
  HostCollection,
  HostObject,
  HostRequestContext,
} from "./runtime";
import {
  ConditionalFormatCollectionProxy,
  DataValidationProxy,
  TableCollectionProxy,
  ChartCollectionProxy,
  SettingCollectionProxy,
  CustomXmlPartCollectionProxy,
  NamedItemCollectionProxy,
  PageLayoutProxy,
  FreezePanesProxy,
  BorderCollectionProxy,
  resolveName,
} from "./proxies-extra";
import * as E from "./enums";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function checkRect(rect: Rect, location: string): Rect {
  if (!rectInGrid(rect)) throw invalidArgument(location, "the range is outside the worksheet grid (A1:XFD1048576)");
  return rect;
}

export function sheetAlive(sheet: SheetModel, location: string): SheetModel {
  if (!sheet.wb.sheets.includes(sheet)) throw itemNotFound(location, `worksheet '${sheet.name}' was deleted`);
  return sheet;
}

function enumValues(e: Record<string, string>): Set<string> {
  return new Set(Object.values(e));
}

function checkEnum(value: unknown, e: Record<string, string>, location: string): string {
  if (typeof value !== "string" || !enumValues(e).has(value)) throw invalidArgument(location, `unexpected value ${JSON.stringify(value)}`);
  return value;
}

function checkBool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(location, "expected a boolean");
  return value;
}

function checkNumber(value: unknown, location: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw invalidArgument(location, "expected a number in range");
  return value;
}

function checkColor(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c) throw invalidArgument(location, `'${String(value)}' is not a colour (#RRGGBB or an HTML colour name)`);
  return c;
}

/** Resolve a `Range | string` argument (string addresses are relative to `defaultSheet`). */
export function resolveRangeArg(
  arg: unknown,
  model: WorkbookModel,
  defaultSheet: SheetModel | null,
  location: string,
): RangeTarget {
  if (arg instanceof RangeProxy) {
    const t = arg._resolve();
    if (!t) throw invalidArgument(location, "the range is a null object");
    return t;
  }
  if (typeof arg === "string") {
    const p = parseAddress(arg);
    if (p) {
      const sheet = p.sheet !== undefined ? model.findSheet(p.sheet) : defaultSheet;
      if (!sheet) throw invalidArgument(location, `unknown sheet in '${arg}'`);
      return { sheet, rect: p.rect };
    }
    const named = resolveName(model, arg.replace(/^=/, ""), defaultSheet);
    if (named) return named;
  }
  throw invalidArgument(location, `'${String(arg)}' is not a valid range address`);
}

// ---------------------------------------------------------------------------------------------
// Event handler stubs (accepted, never raised)
// ---------------------------------------------------------------------------------------------

class HostEventHandlers {
  private handlers: ((args: unknown) => unknown)[] = [];
  constructor(private readonly ctx: HostRequestContext) {}
  add(handler: (args: unknown) => unknown): { context: HostRequestContext; remove: () => void } {
    this.handlers.push(handler);
    return { context: this.ctx, remove: () => this.remove(handler) };
  }
  remove(handler: (args: unknown) => unknown): void {
    this.handlers = this.handlers.filter((h) => h !== handler);
  }
}

function defineEvents(cls: { prototype: object }, names: string[]): void {
  for (const n of names) {
    Object.defineProperty(cls.prototype, n, {
      configurable: true,
      get(this: HostObject<unknown>) {
        let h = (this as unknown as { _events?: Map<string, HostEventHandlers> })._events;
        if (!h) {
          h = new Map();
          (this as unknown as { _events?: Map<string, HostEventHandlers> })._events = h;
        }
        let e = h.get(n);
        if (!e) {
          e = new HostEventHandlers(this.context);
          h.set(n, e);
        }
        return e;
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Application
// ---------------------------------------------------------------------------------------------

export class ApplicationProxy extends HostObject<WorkbookModel> {
  suspendApiCalculationUntilNextSync(): void {
    this.context._suspendCalc = true;
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._suspendScreen = true;
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => {
      checkEnum(calculationType, E.CalculationType, "Application.calculate");
    });
  }
}
defineProps<WorkbookModel>(ApplicationProxy, "Application", {
  calculationMode: {
    get: (m) => m.calculationMode,
    set: (m, v) => {
      m.calculationMode = checkEnum(v, E.CalculationMode, "Application.calculationMode");
    },
  },
  calculationState: { get: () => "Done" },
  decimalSeparator: { get: () => "." },
  thousandsSeparator: { get: () => "," },
  useSystemSeparators: { get: () => true },
  calculationEngineVersion: { get: () => 0 },
});

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

export class WorkbookProxy extends HostObject<WorkbookModel> {
  get worksheets(): WorksheetCollectionProxy {
    return this._child("worksheets", () => new WorksheetCollectionProxy(this.context, this, "worksheets", null, () => this._resolve()));
  }
  get application(): HostObject<unknown> {
    return this.context.application;
  }
  get settings(): SettingCollectionProxy {
    return this._child("settings", () => new SettingCollectionProxy(this.context, this, "settings", null, () => this._resolve()));
  }
  get customXmlParts(): CustomXmlPartCollectionProxy {
    return this._child(
      "customXmlParts",
      () => new CustomXmlPartCollectionProxy(this.context, this, "customXmlParts", null, () => this._resolve()),
    );
  }
  get names(): NamedItemCollectionProxy {
    return this._child(
      "names",
      () =>
        new NamedItemCollectionProxy(this.context, this, "names", null, () => {
          const m = this._resolve();
          return m ? { model: m, sheet: null } : null;
        }),
    );
  }
  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(this.context, this, "tables", null, () => {
          const m = this._resolve();
          return m ? { model: m, sheet: null } : null;
        }),
    );
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, this, "getSelectedRange", [], () => {
      const m = this._resolveRequired("Workbook.getSelectedRange");
      const sel = currentSelection(m);
      if (!sel) throw invalidOperation("Workbook.getSelectedRange", "nothing is selected");
      return { sheet: sel.sheet, rect: sel.rect };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, this, "getActiveCell", [], () => {
      const m = this._resolveRequired("Workbook.getActiveCell");
      const sel = currentSelection(m);
      if (!sel) throw invalidOperation("Workbook.getActiveCell", "nothing is selected");
      const ac = sel.activeCell ?? { r: sel.rect.r0, c: sel.rect.c0 };
      return { sheet: sel.sheet, rect: { r0: ac.r, c0: ac.c, r1: ac.r, c1: ac.c } };
    });
  }
}
defineProps<WorkbookModel>(
  WorkbookProxy,
  "Workbook",
  {
    name: { get: (m) => m.name },
    readOnly: { get: () => false },
    isDirty: { get: () => false, set: () => undefined },
    calculationEngineVersion: { get: () => 0 },
  },
  ["worksheets", "settings", "customXmlParts", "names", "tables", "application"],
  ["bindings", "comments", "functions", "pivotTables", "properties", "protection", "styles", "slicers", "queries", "dataConnections"],
);
defineEvents(WorkbookProxy, ["onSelectionChanged", "onActivated", "onAutoSaveSettingChanged"]);

export function currentSelection(m: WorkbookModel): WorkbookModel["selection"] {
  if (m.selection && m.sheets.includes(m.selection.sheet)) return m.selection;
  const sheet = m.activeSheet ?? m.sheets[0];
  if (!sheet) return null;
  m.selection = { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  return m.selection;
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

export class WorksheetCollectionProxy extends HostCollection<WorkbookModel, WorksheetProxy> {
  _enumerate(m: WorkbookModel): WorksheetProxy[] {
    return m.sheets.map((s) => WorksheetProxy.bound(this.context, this, s));
  }
  _sampleItem(): WorksheetProxy {
    return new WorksheetProxy(this.context, this, "sample", null, () => null);
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, "getItem", [key], () => {
      const m = this._resolveRequired("WorksheetCollection.getItem");
      const s = m.findSheet(String(key)) ?? m.findSheetById(String(key));
      if (!s) throw itemNotFound("WorksheetCollection.getItem", `no worksheet named '${key}'`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, this, "getItemOrNullObject", [key], () => {
      const m = this._resolve();
      if (!m) return null;
      return m.findSheet(String(key)) ?? m.findSheetById(String(key)) ?? null;
    });
    p._instantiate();
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this, "getActiveWorksheet", [], () => {
      const m = this._resolveRequired("WorksheetCollection.getActiveWorksheet");
      const s = m.activeSheet && m.sheets.includes(m.activeSheet) ? m.activeSheet : m.sheets[0];
      if (!s) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
      return s;
    });
  }
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, this, "getFirst", [visibleOnly], () => {
      const m = this._resolveRequired("WorksheetCollection.getFirst");
      const list = visibleOnly ? m.sheets.filter((s) => s.visibility === "Visible") : m.sheets;
      if (!list[0]) throw itemNotFound("WorksheetCollection.getFirst");
      return list[0];
    });
  }
  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, this, "getLast", [visibleOnly], () => {
      const m = this._resolveRequired("WorksheetCollection.getLast");
      const list = visibleOnly ? m.sheets.filter((s) => s.visibility === "Visible") : m.sheets;
      if (!list.length) throw itemNotFound("WorksheetCollection.getLast");
      return list[list.length - 1];
    });
  }
  getCount(visibleOnly?: boolean): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call(
      "getCount",
      [visibleOnly],
      (m) => (visibleOnly ? m.sheets.filter((s) => s.visibility === "Visible").length : m.sheets.length),
      { result },
    );
    return result;
  }
  add(name?: string): WorksheetProxy {
    let created: SheetModel | null = null;
    const p = new WorksheetProxy(this.context, this, "add", [name], () => {
      if (!created) throw invalidOperation("WorksheetCollection.add", "the add() call has not run");
      return created;
    });
    this._call("add", [name], (m) => {
      if (name !== undefined && name !== null) {
        if (!isValidSheetName(name)) throw invalidArgument("WorksheetCollection.add", `invalid sheet name '${name}'`);
        if (m.findSheet(name)) throw itemAlreadyExists("WorksheetCollection.add", `a worksheet named '${name}' already exists`);
      }
      created = m.addSheet(name ?? undefined);
      p._resolve();
    });
    return p;
  }
}
defineProps<WorkbookModel>(WorksheetCollectionProxy, "WorksheetCollection", {});
defineEvents(WorksheetCollectionProxy, [
  "onActivated",
  "onAdded",
  "onDeleted",
  "onChanged",
  "onSelectionChanged",
  "onCalculated",
  "onDeactivated",
  "onFormatChanged",
  "onNameChanged",
  "onVisibilityChanged",
  "onMoved",
]);

export class WorksheetProxy extends HostObject<SheetModel> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, sheet: SheetModel): WorksheetProxy {
    const p = new WorksheetProxy(ctx, parent, "item", [sheet.id], () => sheet);
    p._resolve();
    return p;
  }

  override _resolve(): SheetModel | null {
    const t = super._resolve();
    if (t) sheetAlive(t, "Worksheet");
    return t;
  }

  private _range(name: string, args: unknown[], make: (s: SheetModel) => Rect | RangeTarget): RangeProxy {
    return new RangeProxy(this.context, this, name, args, () => {
      const s = this._resolve();
      if (!s) return null;
      const r = make(s);
      if ("sheet" in r) return { sheet: r.sheet, rect: checkRect(r.rect, `Worksheet.${name}`) };
      return { sheet: s, rect: checkRect(r, `Worksheet.${name}`) };
    });
  }

  getRange(address?: string): RangeProxy {
    return this._range("getRange", [address ?? null], (s) => {
      if (address === undefined || address === null || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      if (typeof address !== "string") throw invalidArgument("Worksheet.getRange");
      const p = parseAddress(address);
      if (p) {
        if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) {
          throw invalidArgument("Worksheet.getRange", `address '${address}' refers to another worksheet`);
        }
        return p.rect;
      }
      const named = resolveName(s.wb, address, s);
      if (named && named.sheet === s) return named.rect;
      throw invalidArgument("Worksheet.getRange", `'${address}' is not a valid address`);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      for (const n of [startRow, startColumn, rowCount, columnCount]) {
        if (typeof n !== "number" || !Number.isInteger(n)) throw invalidArgument("Worksheet.getRangeByIndexes");
      }
      if (rowCount < 1 || columnCount < 1) throw invalidArgument("Worksheet.getRangeByIndexes", "rowCount and columnCount must be at least 1");
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range("getCell", [row, column], () => ({ r0: row, c0: column, r1: row, c1: column }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range("getUsedRange", [valuesOnly ?? false], (s) => s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const p = new RangeProxy(this.context, this, "getUsedRangeOrNullObject", [valuesOnly ?? false], () => {
      const s = this._resolve();
      if (!s) return null;
      const r = s.usedRect(!!valuesOnly);
      return r ? { sheet: s, rect: r } : null;
    });
    p._instantiate();
    return p;
  }

  private _sibling(name: string, offset: 1 | -1, visibleOnly: boolean | undefined, nullable: boolean): WorksheetProxy {
    const p = new WorksheetProxy(this.context, this, name, [visibleOnly], () => {
      const s = this._resolve();
      if (!s) return null;
      const list = visibleOnly ? s.wb.sheets.filter((x) => x.visibility === "Visible" || x === s) : s.wb.sheets;
      const next = list[list.indexOf(s) + offset];
      if (!next) {
        if (nullable) return null;
        throw itemNotFound(`Worksheet.${name}`);
      }
      return next;
    });
    if (nullable) p._instantiate();
    return p;
  }
  getNext(visibleOnly?: boolean): WorksheetProxy {
    return this._sibling("getNext", 1, visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    return this._sibling("getNextOrNullObject", 1, visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): WorksheetProxy {
    return this._sibling("getPrevious", -1, visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    return this._sibling("getPreviousOrNullObject", -1, visibleOnly, true);
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw invalidOperation("Worksheet.activate", "a hidden worksheet can't be activated");
      activateSheet(s);
    });
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const wb = s.wb;
      const visible = wb.sheets.filter((x) => x.visibility === "Visible");
      if (wb.sheets.length <= 1 || (visible.length === 1 && visible[0] === s)) {
        throw invalidOperation("Worksheet.delete", "a workbook must contain at least one visible worksheet");
      }
      const idx = wb.sheets.indexOf(s);
      wb.sheets.splice(idx, 1);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      wb.names = wb.names.filter((n) => n.sheet !== s);
      if (wb.activeSheet === s) {
        const next = wb.sheets.slice(idx).find((x) => x.visibility === "Visible") ?? wb.sheets.find((x) => x.visibility === "Visible");
        wb.activeSheet = next ?? wb.sheets[0];
      }
      if (wb.selection?.sheet === s) wb.selection = null;
    });
  }

  calculate(markAllDirty?: boolean): void {
    this._call("calculate", [markAllDirty ?? false], () => undefined);
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(this.context, this, "tables", null, () => {
          const s = this._resolve();
          return s ? { model: s.wb, sheet: s } : null;
        }),
    );
  }
  get charts(): ChartCollectionProxy {
    return this._child("charts", () => new ChartCollectionProxy(this.context, this, "charts", null, () => this._resolve()));
  }
  get freezePanes(): FreezePanesProxy {
    return this._child("freezePanes", () => new FreezePanesProxy(this.context, this, "freezePanes", null, () => this._resolve()));
  }
  get pageLayout(): PageLayoutProxy {
    return this._child("pageLayout", () => new PageLayoutProxy(this.context, this, "pageLayout", null, () => this._resolve()));
  }
  get names(): NamedItemCollectionProxy {
    return this._child(
      "names",
      () =>
        new NamedItemCollectionProxy(this.context, this, "names", null, () => {
          const s = this._resolve();
          return s ? { model: s.wb, sheet: s } : null;
        }),
    );
  }
}

export function activateSheet(s: SheetModel): void {
  const wb = s.wb;
  if (wb.activeSheet !== s) {
    wb.activeSheet = s;
    wb.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

defineProps<SheetModel>(
  WorksheetProxy,
  "Worksheet",
  {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v) => {
        if (typeof v !== "string" || !isValidSheetName(v)) throw invalidArgument("Worksheet.name", `invalid sheet name '${String(v)}'`);
        const other = s.wb.findSheet(v);
        if (other && other !== s) throw itemAlreadyExists("Worksheet.name", `a worksheet named '${v}' already exists`);
        s.name = v;
      },
    },
    position: {
      get: (s) => s.wb.sheets.indexOf(s),
      set: (s, v) => {
        const n = checkNumber(v, "Worksheet.position", 0, s.wb.sheets.length - 1);
        if (!Number.isInteger(n)) throw invalidArgument("Worksheet.position");
        const list = s.wb.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(n, 0, s);
      },
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v) => {
        const vis = checkEnum(v, E.SheetVisibility, "Worksheet.visibility");
        if (vis !== "Visible") {
          const visible = s.wb.sheets.filter((x) => x.visibility === "Visible" && x !== s);
          if (visible.length === 0) throw invalidOperation("Worksheet.visibility", "a workbook must contain at least one visible worksheet");
          if (s.wb.activeSheet === s) activateSheet(visible[0]);
        }
        s.visibility = vis;
      },
    },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => {
        s.tabColor = v === "" ? "" : checkColor(v, "Worksheet.tabColor");
      },
    },
    showGridlines: {
      get: (s) => s.showGridlines,
      set: (s, v) => {
        s.showGridlines = checkBool(v, "Worksheet.showGridlines");
      },
    },
    showHeadings: {
      get: (s) => s.showHeadings,
      set: (s, v) => {
        s.showHeadings = checkBool(v, "Worksheet.showHeadings");
      },
    },
    standardWidth: {
      get: (s) => s.standardWidth,
      set: (s, v) => {
        s.standardWidth = checkNumber(v, "Worksheet.standardWidth", 0, 255);
      },
    },
    standardHeight: { get: () => 15 },
    enableCalculation: { get: () => true, set: (_s, v) => void checkBool(v, "Worksheet.enableCalculation") },
  },
  ["tables", "charts", "freezePanes", "pageLayout", "names"],
  ["protection", "autoFilter", "shapes", "comments", "notes", "pivotTables", "slicers", "customProperties", "horizontalPageBreaks", "verticalPageBreaks", "namedSheetViews"],
);
defineEvents(WorksheetProxy, [
  "onActivated",
  "onChanged",
  "onSelectionChanged",
  "onCalculated",
  "onDeactivated",
  "onFormatChanged",
  "onNameChanged",
  "onVisibilityChanged",
  "onSingleClicked",
  "onRowSorted",
  "onColumnSorted",
  "onRowHiddenChanged",
  "onProtectionChanged",
  "onFormulaChanged",
]);
for (const m of ["copy", "findAll", "findAllOrNullObject", "replaceAll", "getRanges", "showOutlineLevels", "evaluate"]) {
  Object.defineProperty(WorksheetProxy.prototype, m, {
    configurable: true,
    value() {
      throw hostNotImplemented(`Worksheet.${m}`);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

function checkReadSize(t: RangeTarget, host: { maxCellsPerRead: number }, location: string): void {
  const cells = rectRows(t.rect) * rectCols(t.rect);
  if (cells > host.maxCellsPerRead) {
    throw new RichApiError(
      "RangeExceedsLimit",
      `The cell count in the range has exceeded the maximum supported number. (${cells} cells > ${host.maxCellsPerRead})`,
      location,
    );
  }
}

function normalizeInputCell(x: unknown, location: string): unknown {
  if (x === null || x === undefined) return null;
  const t = typeof x;
  if (t === "string" || t === "boolean") return x;
  if (t === "number") {
    if (!Number.isFinite(x as number)) throw invalidArgument(location, "numbers must be finite");
    return x;
  }
  if (x instanceof Date) return x.toJSON();
  throw invalidArgument(location, `unsupported cell value of type ${Array.isArray(x) ? "array" : t}`);
}

/**
 * Shape rules for values/formulas/numberFormat writes: a scalar or a 1x1 array is applied to every
 * cell; otherwise the array must have exactly the range's dimensions. `null` entries leave the
 * corresponding cell unchanged.
 */
function shapeInput(
  t: RangeTarget,
  input: unknown,
  location: string,
): { grid: unknown[][] | null; scalar: unknown } {
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  if (Array.isArray(input)) {
    if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) {
      return { grid: null, scalar: normalizeInputCell(input[0][0], location) };
    }
    if (input.length !== rows) throw new RichApiError(HostErrorCodes.invalidArgument, DIMENSION_MISMATCH, location);
    let needsCopy = false;
    for (let i = 0; i < rows; i++) {
      const row = input[i];
      if (!Array.isArray(row) || row.length !== cols) throw new RichApiError(HostErrorCodes.invalidArgument, DIMENSION_MISMATCH, location);
      for (let j = 0; j < cols; j++) {
        const x = row[j];
        const tx = typeof x;
        if (tx === "string" || tx === "boolean" || x === null) continue;
        if (tx === "number" && Number.isFinite(x)) continue;
        normalizeInputCell(x, location); // throws for unsupported values
        needsCopy = true;
      }
    }
    if (needsCopy) {
      return { grid: input.map((row: unknown[]) => row.map((x) => normalizeInputCell(x, location))), scalar: undefined };
    }
    return { grid: input as unknown[][], scalar: undefined };
  }
  return { grid: null, scalar: normalizeInputCell(input, location) };
}

function writeContents(t: RangeTarget, input: unknown, asFormula: boolean, location: string, maxCells: number): number {
  const cells = rectRows(t.rect) * rectCols(t.rect);
  if (cells > maxCells) {
    throw new RichApiError(
      "RangeExceedsLimit",
      `The cell count in the range has exceeded the maximum supported number. (${cells} cells > ${maxCells}; values and formulas can't be written to unbounded ranges)`,
      location,
    );
  }
  const { grid, scalar } = shapeInput(t, input, location);
  if (!grid && scalar === null) return 0;
  return t.sheet.writeGrid(t.rect, grid, scalar, asFormula);
}

function writeNumberFormat(t: RangeTarget, input: unknown, location: string): number {
  const { grid, scalar } = shapeInput(t, input, location);
  const sheet = t.sheet;
  if (!grid) {
    if (scalar === null) return 0;
    if (typeof scalar !== "string") throw invalidArgument(location, "number formats must be strings");
    sheet.applyFormat(t.rect, { numberFormat: scalar });
    return rectRows(t.rect) * rectCols(t.rect);
  }
  let n = 0;
  const ft = sheet.formats;
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < grid[i].length; j++) {
      const x = grid[i][j];
      if (x === null) continue;
      if (typeof x !== "string") throw invalidArgument(location, "number formats must be strings");
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      const patch: FormatPatch = { numberFormat: x };
      sheet.setFormatAt(r, c, ft.apply(sheet.formatAt(r, c), patch, patchKeyOf(patch)));
      n++;
    }
  }
  return n;
}

function textGrid(t: RangeTarget): string[][] {
  const values = t.sheet;
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  const out: string[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      row[j] = formatValue(values.getValue(r, c), values.formatAt(r, c).numberFormat);
    }
    out[i] = row;
  }
  return out;
}

export class RangeProxy extends HostObject<RangeTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, name: string, target: RangeTarget): RangeProxy {
    const p = new RangeProxy(ctx, parent, name, null, () => target);
    return p;
  }

  override _resolve(): RangeTarget | null {
    const t = super._resolve();
    if (t) sheetAlive(t.sheet, "Range");
    return t;
  }

  /** @internal a range derived from this one at sync time */
  _derived(name: string, args: unknown[], fn: (t: RangeTarget) => Rect | RangeTarget | null, nullable = false): RangeProxy {
    const p = new RangeProxy(this.context, this, name, args, () => {
      const t = this._resolve();
      if (!t) return null;
      const out = fn(t);
      if (out === null) {
        if (nullable) return null;
        throw itemNotFound(`Range.${name}`);
      }
      if ("sheet" in out) return { sheet: out.sheet, rect: checkRect(out.rect, `Range.${name}`) };
      return { sheet: t.sheet, rect: checkRect(out, `Range.${name}`) };
    });
    if (nullable) p._instantiate();
    return p;
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(this.context, this, "worksheet", null, () => {
          const t = this._resolve();
          return t ? t.sheet : null;
        }),
    );
  }
  get format(): RangeFormatProxy {
    return this._child("format", () => new RangeFormatProxy(this.context, this, "format", null, () => this._resolve()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () => new ConditionalFormatCollectionProxy(this.context, this, "conditionalFormats", null, () => this._resolve()),
    );
  }
  get dataValidation(): DataValidationProxy {
    return this._child("dataValidation", () => new DataValidationProxy(this.context, this, "dataValidation", null, () => this._resolve()));
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derived("getCell", [row, column], (t) => {
      if (!Number.isInteger(row) || !Number.isInteger(column)) throw invalidArgument("Range.getCell");
      return { r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (t) => ({
      r0: t.rect.r0 + rowOffset,
      c0: t.rect.c0 + columnOffset,
      r1: t.rect.r1 + rowOffset,
      c1: t.rect.c1 + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (t) => ({
      r0: t.rect.r0,
      c0: t.rect.c0,
      r1: t.rect.r1 + deltaRows,
      c1: t.rect.c1 + deltaColumns,
    }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derived("getAbsoluteResizedRange", [numRows, numColumns], (t) => {
      if (numRows < 1 || numColumns < 1) throw invalidArgument("Range.getAbsoluteResizedRange");
      return { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 };
    });
  }
  getRow(row: number): RangeProxy {
    return this._derived("getRow", [row], (t) => {
      if (!Number.isInteger(row) || row < 0 || row >= rectRows(t.rect)) throw invalidArgument("Range.getRow", "row index outside the range");
      return { r0: t.rect.r0 + row, c0: t.rect.c0, r1: t.rect.r0 + row, c1: t.rect.c1 };
    });
  }
  getColumn(column: number): RangeProxy {
    return this._derived("getColumn", [column], (t) => {
      if (!Number.isInteger(column) || column < 0 || column >= rectCols(t.rect)) throw invalidArgument("Range.getColumn", "column index outside the range");
      return { r0: t.rect.r0, c0: t.rect.c0 + column, r1: t.rect.r1, c1: t.rect.c0 + column };
    });
  }
  getEntireColumn(): RangeProxy {
    return this._derived("getEntireColumn", [], (t) => ({ r0: 0, c0: t.rect.c0, r1: MAX_ROWS - 1, c1: t.rect.c1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derived("getEntireRow", [], (t) => ({ r0: t.rect.r0, c0: 0, r1: t.rect.r1, c1: MAX_COLS - 1 }));
  }
  getLastRow(): RangeProxy {
    return this._derived("getLastRow", [], (t) => ({ r0: t.rect.r1, c0: t.rect.c0, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derived("getLastColumn", [], (t) => ({ r0: t.rect.r0, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getLastCell(): RangeProxy {
    return this._derived("getLastCell", [], (t) => ({ r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this._derived("getRowsAbove", [count], (t) =>
      count >= 0
        ? { r0: t.rect.r0 - count, c0: t.rect.c0, r1: t.rect.r0 - 1, c1: t.rect.c1 }
        : { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0 - count - 1, c1: t.rect.c1 },
    );
  }
  getRowsBelow(count = 1): RangeProxy {
    return this._derived("getRowsBelow", [count], (t) =>
      count >= 0
        ? { r0: t.rect.r1 + 1, c0: t.rect.c0, r1: t.rect.r1 + count, c1: t.rect.c1 }
        : { r0: t.rect.r1 + count + 1, c0: t.rect.c0, r1: t.rect.r1, c1: t.rect.c1 },
    );
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this._derived("getColumnsBefore", [count], (t) =>
      count >= 0
        ? { r0: t.rect.r0, c0: t.rect.c0 - count, r1: t.rect.r1, c1: t.rect.c0 - 1 }
        : { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r1, c1: t.rect.c0 - count - 1 },
    );
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this._derived("getColumnsAfter", [count], (t) =>
      count >= 0
        ? { r0: t.rect.r0, c0: t.rect.c1 + 1, r1: t.rect.r1, c1: t.rect.c1 + count }
        : { r0: t.rect.r0, c0: t.rect.c1 + count + 1, r1: t.rect.r1, c1: t.rect.c1 },
    );
  }
  private _other(arg: unknown, t: RangeTarget, location: string): RangeTarget {
    const o = resolveRangeArg(arg, t.sheet.wb, t.sheet, location);
    if (o.sheet !== t.sheet) throw invalidArgument(location, "the ranges are on different worksheets");
    return o;
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    this.context._checkArgContext(anotherRange, "Range.getIntersection");
    return this._derived("getIntersection", [anotherRange], (t) => rectIntersect(t.rect, this._other(anotherRange, t, "Range.getIntersection").rect));
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    this.context._checkArgContext(anotherRange, "Range.getIntersectionOrNullObject");
    return this._derived(
      "getIntersectionOrNullObject",
      [anotherRange],
      (t) => rectIntersect(t.rect, this._other(anotherRange, t, "Range.getIntersectionOrNullObject").rect),
      true,
    );
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    this.context._checkArgContext(anotherRange, "Range.getBoundingRect");
    return this._derived("getBoundingRect", [anotherRange], (t) => {
      const o = this._other(anotherRange, t, "Range.getBoundingRect").rect;
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._derived("getUsedRange", [valuesOnly ?? false], (t) => {
      const u = t.sheet.usedRect(!!valuesOnly);
      return u ? rectIntersect(u, t.rect) : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._derived(
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      (t) => {
        const u = t.sheet.usedRect(!!valuesOnly);
        return u ? rectIntersect(u, t.rect) : null;
      },
      true,
    );
  }
  /** The current region around the top-left cell (Ctrl+Shift+8). */
  getSurroundingRegion(): RangeProxy {
    return this._derived("getSurroundingRegion", [], (t) => t.sheet.surroundingRegion(t.rect.r0, t.rect.c0));
  }

  clear(applyTo?: string): void {
    this._call("clear", [applyTo ?? "All"], (t) => {
      const mode = applyTo ?? "All";
      checkEnum(mode, E.ClearApplyTo, "Range.clear");
      if (mode === "All" || mode === "Contents" || mode === "ResetContents") t.sheet.clearContents(t.rect);
      if (mode === "All" || mode === "Formats") {
        t.sheet.clearFormats(t.rect);
        t.sheet.merges = t.sheet.merges.filter((m) => !rectIntersect(m, t.rect)); // Excel unmerges when formats are cleared
      }
    });
  }
  select(): void {
    this._call("select", [], (t) => {
      if (t.sheet.visibility !== "Visible") throw invalidOperation("Range.select", "the worksheet is hidden");
      t.sheet.wb.activeSheet = t.sheet;
      t.sheet.wb.selection = { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
  /**
   * Merges the range into one cell (`across`: one merged cell per row), keeping only the value of
   * each merged area's top-left cell, as Excel does. Merged areas inside the range are absorbed; one
   * that only partly overlaps it is refused (`InvalidOperation`) rather than guessed at.
   */
  merge(across?: boolean): void {
    this._call("merge", [across ?? false], (t) => {
      const areas: Rect[] = across ? Array.from({ length: t.rect.r1 - t.rect.r0 + 1 }, (_, i) => ({ ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i })) : [{ ...t.rect }];
      const s = t.sheet;
      for (const m of s.merges) {
        const inside = m.r0 >= t.rect.r0 && m.r1 <= t.rect.r1 && m.c0 >= t.rect.c0 && m.c1 <= t.rect.c1;
        if (!inside && rectIntersect(m, t.rect)) throw invalidOperation("Range.merge", "the range partly overlaps a merged area");
      }
      s.merges = s.merges.filter((m) => !rectIntersect(m, t.rect));
      for (const a of areas) {
        if (a.r0 === a.r1 && a.c0 === a.c1) continue;
        if (a.c1 > a.c0) s.clearContents({ r0: a.r0, r1: a.r0, c0: a.c0 + 1, c1: a.c1 });
        if (a.r1 > a.r0) s.clearContents({ r0: a.r0 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
        s.merges.push(a);
      }
    });
  }
  /** Splits every merged area that intersects the range. */
  unmerge(): void {
    this._call("unmerge", [], (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !rectIntersect(m, t.rect));
    });
  }
}
defineProps<RangeTarget>(
  RangeProxy,
  "Range",
  {
    address: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    cellCount: { get: (t) => rectRows(t.rect) * rectCols(t.rect) },
    rowCount: { get: (t) => rectRows(t.rect) },
    columnCount: { get: (t) => rectCols(t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    isEntireColumn: { get: (t) => isEntireColumn(t.rect) },
    isEntireRow: { get: (t) => isEntireRow(t.rect) },
    values: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.values");
        return t.sheet.readValues(t.rect);
      },
      set: (t, v, self) => writeContents(t, v, false, "Range.values", self._host.maxCellsPerRead),
    },
    formulas: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.formulas");
        return t.sheet.readFormulas(t.rect);
      },
      set: (t, v, self) => writeContents(t, v, true, "Range.formulas", self._host.maxCellsPerRead),
    },
    formulasLocal: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.formulasLocal");
        return t.sheet.readFormulas(t.rect);
      },
      set: (t, v, self) => writeContents(t, v, true, "Range.formulasLocal", self._host.maxCellsPerRead),
      noDefaultLoad: true,
    },
    numberFormat: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.numberFormat");
        return t.sheet.readFormatGrid(t.rect, "numberFormat");
      },
      set: (t, v) => writeNumberFormat(t, v, "Range.numberFormat"),
      fmt: "numberFormat",
    },
    numberFormatLocal: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.numberFormatLocal");
        return t.sheet.readFormatGrid(t.rect, "numberFormat");
      },
      set: (t, v) => writeNumberFormat(t, v, "Range.numberFormatLocal"),
      fmt: "numberFormat",
      noDefaultLoad: true,
    },
    text: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.text");
        return textGrid(t);
      },
    },
    valueTypes: {
      get: (t, self) => {
        checkReadSize(t, self._host, "Range.valueTypes");
        return t.sheet.readValueTypes(t.rect);
      },
    },
  },
  ["format", "worksheet", "conditionalFormats", "dataValidation"],
  [
    "sort",
    "hyperlink",
    "style",
    "hidden",
    "rowHidden",
    "columnHidden",
    "height",
    "width",
    "top",
    "left",
    "valuesAsJson",
    "valuesAsJsonLocal",
    "formulasR1C1",
    "formulaArray",
    "hasSpill",
    "linkedDataTypeState",
    "numberFormatCategories",
    "savedAsArray",
    "control",
  ],
);
for (const m of [
  "insert",
  "delete",
  "copyFrom",
  "moveTo",
  "find",
  "findOrNullObject",
  "replaceAll",
  "removeDuplicates",
  "autoFill",
  "getImage",
  "getExtendedRange",
  "getRangeEdge",
  "getSpecialCells",
  "getSpecialCellsOrNullObject",
  "getSpillingToRange",
  "getSpillParent",
  "getTables",
  "getPivotTables",
  "getCellProperties",
  "setCellProperties",
  "getRowProperties",
  "setRowProperties",
  "getColumnProperties",
  "setColumnProperties",
  "getMergedAreasOrNullObject",
  "group",
  "ungroup",
  "showCard",
  "flashFill",
  "convertToLinkedDataType",
  "getVisibleView",
]) {
  Object.defineProperty(RangeProxy.prototype, m, {
    configurable: true,
    value() {
      throw hostNotImplemented(`Range.${m}`);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Range format
// ---------------------------------------------------------------------------------------------

/** Shared helper: a format property readable as the uniform value over the range (null when mixed). */
function formatProp<K extends keyof CellFormatData>(
  key: K,
  location: string,
  validate: (v: unknown) => CellFormatData[K],
  fmt: FormatKind,
  view: (v: CellFormatData[K]) => unknown = (v) => v,
) {
  return {
    get: (t: RangeTarget) => {
      const v = t.sheet.uniformFormat(t.rect, key);
      return v === null ? null : view(v as CellFormatData[K]);
    },
    set: (t: RangeTarget, v: unknown) => {
      const value = validate(v);
      t.sheet.applyFormat(t.rect, { [key]: value } as FormatPatch);
    },
    fmt,
    location,
  };
}

export class RangeFormatProxy extends HostObject<RangeTarget> {
  get fill(): RangeFillProxy {
    return this._child("fill", () => new RangeFillProxy(this.context, this, "fill", null, () => this._resolve()));
  }
  get font(): RangeFontProxy {
    return this._child("font", () => new RangeFontProxy(this.context, this, "font", null, () => this._resolve()));
  }
  get borders(): BorderCollectionProxy {
    return this._child("borders", () => new BorderCollectionProxy(this.context, this, "borders", null, () => this._resolve()));
  }
  autofitColumns(): void {
    this._call(
      "autofitColumns",
      [],
      (t) => {
        const s = t.sheet;
        const used = s.usedRect(true);
        if (!used) return;
        const rows = rectIntersect(used, t.rect);
        if (!rows) return;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          let maxPts = 0;
          for (let r = rows.r0; r <= rows.r1; r++) {
            if (s.isEmpty(r, c)) continue;
            const f = s.formatAt(r, c);
            const text = formatValue(s.getValue(r, c), f.numberFormat);
            const pts = text.length * 5.6 * (f.fontSize / 11) * (f.bold ? 1.1 : 1) + 4;
            if (pts > maxPts) maxPts = pts;
          }
          if (maxPts > 0) s.colWidths.set(c, Math.min(409.5, Math.round(maxPts * 4) / 4));
        }
      },
      { formatKind: "size" },
    );
  }
  autofitRows(): void {
    this._call(
      "autofitRows",
      [],
      (t) => {
        if (isEntireColumn(t.rect)) {
          t.sheet.rowHeights.clear();
          return;
        }
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.delete(r);
      },
      { formatKind: "size" },
    );
  }
}
defineProps<RangeTarget>(
  RangeFormatProxy,
  "RangeFormat",
  {
    horizontalAlignment: formatProp("horizontalAlignment", "RangeFormat.horizontalAlignment", (v) => checkEnum(v, E.HorizontalAlignment, "RangeFormat.horizontalAlignment"), "alignment"),
    verticalAlignment: formatProp("verticalAlignment", "RangeFormat.verticalAlignment", (v) => checkEnum(v, E.VerticalAlignment, "RangeFormat.verticalAlignment"), "alignment"),
    wrapText: formatProp("wrapText", "RangeFormat.wrapText", (v) => checkBool(v, "RangeFormat.wrapText"), "alignment"),
    indentLevel: formatProp("indentLevel", "RangeFormat.indentLevel", (v) => checkNumber(v, "RangeFormat.indentLevel", 0, 250), "alignment"),
    columnWidth: {
      get: (t) => {
        const s = t.sheet;
        const std = Math.round(s.standardWidth * 7 + 5) * 0.75;
        let w: number | null = null;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const x = s.colWidths.get(c) ?? std;
          if (w === null) w = x;
          else if (w !== x) return null;
          if (c - t.rect.c0 > 20000) break;
        }
        return w;
      },
      set: (t, v) => {
        const w = checkNumber(v, "RangeFormat.columnWidth", 0, 409.5 * 4);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, w);
      },
      fmt: "size",
    },
    rowHeight: {
      get: (t) => {
        let h: number | null = null;
        const end = Math.min(t.rect.r1, t.rect.r0 + 100000);
        for (let r = t.rect.r0; r <= end; r++) {
          const x = t.sheet.rowHeights.get(r) ?? 15;
          if (h === null) h = x;
          else if (h !== x) return null;
        }
        return h;
      },
      set: (t, v) => {
        const h = checkNumber(v, "RangeFormat.rowHeight", 0, 409.5);
        if (rectRows(t.rect) > 100000) throw invalidArgument("RangeFormat.rowHeight", "too many rows for the in-memory host");
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, h);
      },
      fmt: "size",
    },
  },
  ["fill", "font", "borders"],
  ["protection", "autoIndent", "readingOrder", "shrinkToFit", "textOrientation", "useStandardHeight", "useStandardWidth"],
);

export class RangeFillProxy extends HostObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], (t) => t.sheet.applyFormat(t.rect, { fill: null }), { formatKind: "fill" });
  }
}
defineProps<RangeTarget>(RangeFillProxy, "RangeFill", {
  color: {
    get: (t) => {
      const fills = new Set<string | null>();
      for (const f of t.sheet.distinctFormats(t.rect)) {
        fills.add(f.fill);
        if (fills.size > 1) return null;
      }
      const only = [...fills][0];
      return only ?? "#FFFFFF"; // Excel reports white for "no fill"
    },
    set: (t, v) => {
      t.sheet.applyFormat(t.rect, { fill: checkColor(v, "RangeFill.color") });
    },
    fmt: "fill",
  },
  pattern: {
    get: (t) => {
      const p = new Set<string>();
      for (const f of t.sheet.distinctFormats(t.rect)) p.add(f.fill === null ? "None" : "Solid");
      return p.size === 1 ? [...p][0] : null;
    },
  },
});

export class RangeFontProxy extends HostObject<RangeTarget> {}
defineProps<RangeTarget>(RangeFontProxy, "RangeFont", {
  color: formatProp("fontColor", "RangeFont.color", (v) => checkColor(v, "RangeFont.color"), "font"),
  bold: formatProp("bold", "RangeFont.bold", (v) => checkBool(v, "RangeFont.bold"), "font"),
  italic: formatProp("italic", "RangeFont.italic", (v) => checkBool(v, "RangeFont.italic"), "font"),
  strikethrough: formatProp("strikethrough", "RangeFont.strikethrough", (v) => checkBool(v, "RangeFont.strikethrough"), "font"),
  underline: formatProp("underline", "RangeFont.underline", (v) => checkEnum(v, E.RangeUnderlineStyle, "RangeFont.underline"), "font"),
  name: formatProp(
    "fontName",
    "RangeFont.name",
    (v) => {
      if (typeof v !== "string" || v.trim() === "") throw invalidArgument("RangeFont.name");
      return v;
    },
    "font",
  ),
  size: formatProp("fontSize", "RangeFont.size", (v) => checkNumber(v, "RangeFont.size", 1, 409), "font"),
});
