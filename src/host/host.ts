/**
 * createExcelHost(): a strict in-memory Excel for tests, benchmarks and the browser playground.
 */
import { fullAddress, parseAddress, Rect } from "../engine/sheet-address/a1";
import { CellFont, CellInfo, cellInfo } from "./cell-info";
import * as Enums from "./enums";
import { HostErrorCodes, invalidArgument, RichApiError, runMustReturnPromise } from "./errors";
import type { CustomRuleEvaluator } from "./model/conditional-rules";
import type { FormatPatch } from "./model/formats";
import { deepClone } from "./model/values";
import { FormulaEvaluator, isValidSheetName, SheetModel, WorkbookModel } from "./model/workbook";
import { createOfficeShim, OfficeShim } from "./office";
import "./proxies"; // registers every proxy class
import { HostRequestContext, HostTrackedObjects } from "./runtime/context";
import { HostClientResult, HostInternals, HostObject } from "./runtime/object";
import { HostStats, newStats } from "./runtime/stats";
import { snapshotWorkbook, WorkbookSnapshot } from "./snapshot";

export interface ExcelHostOptions {
  /** Workbook name (Workbook.name). Default "Book1.xlsx". */
  workbookName?: string;
  /** Initial worksheets. Default ["Sheet1"]. */
  sheets?: string[];
  /** Active worksheet. Default: the first sheet. */
  activeSheet?: string;
  /** Initial selection (Workbook.getSelectedRange). Default: A1 of the active sheet. */
  selection?: { sheet?: string; address: string; activeCell?: string };
  /**
   * Request and response payload limit per sync, in bytes. Default 5 MB like Excel on the web;
   * `null` or `Infinity` disables the check (desktop Excel).
   */
  payloadLimitBytes?: number | null;
  /** Separate response limit; defaults to payloadLimitBytes. */
  responsePayloadLimitBytes?: number | null;
  /** Largest range a single load of values/formulas/text may read. Default 5,000,000 cells. */
  maxCellsPerRead?: number;
  /** Office.context.displayLanguage. Default "en-US". */
  displayLanguage?: string;
  /** Office.context.platform / diagnostics.platform. Default "OfficeOnline". */
  platform?: string;
  /** Highest ExcelApi requirement set reported by Office.context.requirements.isSetSupported. Default "1.17". */
  excelApiVersion?: string;
  /** Default cell font. Default Calibri 11 #000000. */
  defaultFont?: { name?: string; size?: number; color?: string };
  /** Computes the value of cells written as formulas. Without it formula cells read back as "". */
  formulaEvaluator?: FormulaEvaluator;
  /** Evaluates Custom conditional format rules for host.getCell(...).effectiveFill. */
  customRuleEvaluator?: CustomRuleEvaluator;
}

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type BatchFn<T> = (context: Excel.RequestContext) => Promise<T>;

/** The `Excel` namespace object the host provides (run + enums). */
export type HostExcelNamespace = typeof Enums.ALL_ENUMS & {
  run: typeof Excel.run;
  RequestContext: new () => Excel.RequestContext;
  ErrorCodes: typeof Enums.ErrorCodes;
};

/** The `OfficeExtension` namespace object the host provides. */
export interface HostOfficeExtension {
  Error: typeof RichApiError;
  ErrorCodes: typeof HostErrorCodes;
  ClientResult: typeof HostClientResult;
  ClientObject: typeof HostObject;
  ClientRequestContext: typeof HostRequestContext;
  TrackedObjects: typeof HostTrackedObjects;
  Promise: PromiseConstructor;
  config: { extendedErrorLogging: boolean };
}

export type CellSeed = {
  value?: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  font?: Partial<CellFont>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
};

export interface ExcelHost {
  /** `Excel` namespace: run() and enums. */
  readonly Excel: HostExcelNamespace;
  /** Minimal `Office` namespace. */
  readonly Office: OfficeShim;
  readonly OfficeExtension: HostOfficeExtension;
  /** The underlying model (direct, synchronous access; bypasses the proxy model). */
  readonly workbook: WorkbookModel;
  readonly stats: HostStats;
  resetStats(): void;
  /** Sets globalThis.Excel / Office / OfficeExtension (or on `target`); returns an uninstall function. */
  install(target?: object): () => void;
  /**
   * A request context outside Excel.run (like `new Excel.RequestContext()`), for code under test that
   * takes a context parameter. Nothing is flushed automatically: call `context.sync()`.
   */
  newContext(): Excel.RequestContext;

  // --- seeding & inspection (synchronous, not counted in stats) ---
  addSheet(name: string): void;
  sheetNames(): string[];
  /** Writes a 2-D array starting at topLeft, with Excel's input rules (numbers from numeric strings, "=..." formulas). `raw` stores strings as-is. */
  setValues(sheet: string, topLeft: string, values: unknown[][], opts?: { raw?: boolean }): void;
  setFormulas(sheet: string, topLeft: string, formulas: unknown[][]): void;
  setCell(sheet: string, address: string, seed: CellSeed): void;
  /** Applies a format patch (fill, fontColor, bold, numberFormat, ...) to an address. */
  setFormat(sheet: string, address: string, patch: FormatPatch): void;
  getValues(sheet: string, address: string): (string | number | boolean)[][];
  getFormulas(sheet: string, address: string): (string | number | boolean)[][];
  getNumberFormats(sheet: string, address: string): string[][];
  getCell(sheet: string, address: string): CellInfo;
  /** Used range address ("Sheet1!A1:C10") or null for an empty sheet. */
  usedRange(sheet: string, valuesOnly?: boolean): string | null;
  /** Address of the current region around a cell (what getSurroundingRegion returns). */
  currentRegion(sheet: string, address: string): string;
  setSelection(sheet: string, address: string, activeCell?: string): void;
  setActiveSheet(sheet: string): void;
  getSetting(key: string): unknown;
  setSetting(key: string, value: unknown): void;
  /** Deep, JSON-comparable copy of the whole workbook. */
  snapshot(): WorkbookSnapshot;
  /**
   * Calls `listener` after every `Excel.run` batch has ended (successfully or not: ops applied before
   * a failure stay applied), e.g. so a view of the workbook can re-render. Seeding methods do not
   * notify. Returns a function that removes the listener.
   */
  onChange(listener: () => void): () => void;
}

function requireSheet(model: WorkbookModel, name: string): SheetModel {
  const s = model.findSheet(name);
  if (!s) throw new Error(`In-memory Excel host: no worksheet named '${name}' (have: ${model.sheets.map((x) => x.name).join(", ")})`);
  return s;
}

function requireRect(address: string): Rect {
  const p = parseAddress(address);
  if (!p) throw new Error(`In-memory Excel host: '${address}' is not a valid A1 address`);
  return p.rect;
}

function patchFromSeed(seed: CellSeed): FormatPatch {
  const p: FormatPatch = {};
  if (seed.numberFormat !== undefined) p.numberFormat = seed.numberFormat;
  if (seed.fill !== undefined) p.fill = seed.fill;
  if (seed.horizontalAlignment !== undefined) p.horizontalAlignment = seed.horizontalAlignment;
  if (seed.verticalAlignment !== undefined) p.verticalAlignment = seed.verticalAlignment;
  if (seed.wrapText !== undefined) p.wrapText = seed.wrapText;
  if (seed.font) {
    const f = seed.font;
    if (f.name !== undefined) p.fontName = f.name;
    if (f.size !== undefined) p.fontSize = f.size;
    if (f.color !== undefined) p.fontColor = f.color;
    if (f.bold !== undefined) p.bold = f.bold;
    if (f.italic !== undefined) p.italic = f.italic;
    if (f.underline !== undefined) p.underline = f.underline;
    if (f.strikethrough !== undefined) p.strikethrough = f.strikethrough;
  }
  return p;
}

/** The request context an `Excel.run` first argument names: an object, objects, or a context. */
function contextOf(x: unknown): HostRequestContext | null {
  const o = Array.isArray(x) ? x[0] : x;
  if (o instanceof HostObject) return o.context as HostRequestContext;
  return x instanceof HostRequestContext ? x : null;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const model = new WorkbookModel(options.workbookName ?? "Book1.xlsx", {
    fontName: options.defaultFont?.name ?? "Calibri",
    fontSize: options.defaultFont?.size ?? 11,
    fontColor: options.defaultFont?.color ?? "#000000",
  });
  model.formulaEvaluator = options.formulaEvaluator ?? null;
  for (const name of options.sheets ?? ["Sheet1"]) {
    if (!isValidSheetName(name) || model.findSheet(name)) throw new Error(`In-memory Excel host: invalid or duplicate sheet name '${name}'`);
    model.addSheet(name);
  }
  if (options.activeSheet) model.activeSheet = requireSheet(model, options.activeSheet);
  if (options.selection) {
    const sheet = options.selection.sheet ? requireSheet(model, options.selection.sheet) : model.activeSheet;
    if (sheet) {
      const rect = requireRect(options.selection.address);
      const ac = options.selection.activeCell ? requireRect(options.selection.activeCell) : null;
      model.selection = { sheet, rect, activeCell: ac ? { r: ac.r0, c: ac.c0 } : undefined };
      model.activeSheet = sheet;
    }
  }

  const limit = options.payloadLimitBytes === undefined ? DEFAULT_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes ?? Infinity;
  const responseLimit =
    options.responsePayloadLimitBytes === undefined ? limit : options.responsePayloadLimitBytes ?? Infinity;

  const internals: HostInternals = {
    model,
    stats: newStats(),
    requestLimitBytes: limit,
    responseLimitBytes: responseLimit,
    maxCellsPerRead: options.maxCellsPerRead ?? 5_000_000,
    customRuleEvaluator: options.customRuleEvaluator ?? null,
  };

  const changeListeners = new Set<() => void>();
  function notifyChange(): void {
    for (const listener of [...changeListeners]) {
      try {
        listener();
      } catch (e) {
        console.error("In-memory Excel host: a change listener failed", e);
      }
    }
  }

  async function runImpl(...args: unknown[]): Promise<unknown> {
    let batch: unknown;
    let ctx: HostRequestContext | null = null;
    if (args.length === 1) {
      batch = args[0];
    } else if (args.length === 2) {
      const first = args[0];
      batch = args[1];
      ctx = contextOf(first);
      if (!ctx && first && typeof first === "object" && "previousObjects" in first) {
        ctx = contextOf((first as { previousObjects?: unknown }).previousObjects);
      }
    }
    if (typeof batch !== "function") throw invalidArgument("Excel.run", "Excel.run needs a batch function");
    if (ctx && ctx._host !== internals) throw invalidArgument("Excel.run", "the objects belong to another host");
    ctx = ctx ?? new HostRequestContext(internals);
    internals.stats.runs++;
    ctx._closed = false;
    try {
      const p = (batch as BatchFn<unknown>)(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as Promise<unknown>).then !== "function") throw runMustReturnPromise();
      const result = await p;
      await ctx._flush(); // Excel.run syncs whatever is still queued when the batch resolves
      return result;
    } finally {
      ctx._queue = [];
      ctx._closed = true;
      if (changeListeners.size) notifyChange();
    }
  }

  const ExcelNs = {
    ...Enums.ALL_ENUMS,
    run: runImpl as unknown as typeof Excel.run,
    RequestContext: function RequestContext() {
      return new HostRequestContext(internals) as unknown as Excel.RequestContext;
    } as unknown as new () => Excel.RequestContext,
    ErrorCodes: Enums.ErrorCodes,
  } as HostExcelNamespace;

  const officeExtension: HostOfficeExtension = {
    Error: RichApiError,
    ErrorCodes: HostErrorCodes,
    ClientResult: HostClientResult,
    ClientObject: HostObject,
    ClientRequestContext: HostRequestContext,
    TrackedObjects: HostTrackedObjects,
    Promise,
    config: { extendedErrorLogging: false },
  };

  const office = createOfficeShim(model, {
    displayLanguage: options.displayLanguage ?? "en-US",
    platform: options.platform ?? "OfficeOnline",
    excelApiVersion: options.excelApiVersion ?? "1.17",
    version: "16.0.0.0",
  });

  function writeAt(sheetName: string, topLeft: string, data: unknown[][], asFormula: boolean, raw: boolean): void {
    const s = requireSheet(model, sheetName);
    const start = requireRect(topLeft);
    if (!Array.isArray(data) || data.length === 0) return;
    const cols = Array.isArray(data[0]) ? data[0].length : 0;
    if (!data.every((row) => Array.isArray(row) && row.length === cols)) {
      throw new Error("In-memory Excel host: setValues needs a rectangular 2-D array");
    }
    if (cols === 0) return;
    const rect = { r0: start.r0, c0: start.c0, r1: start.r0 + data.length - 1, c1: start.c0 + cols - 1 };
    s.writeGrid(rect, data, undefined, asFormula, { raw });
  }

  const host: ExcelHost = {
    Excel: ExcelNs,
    Office: office,
    OfficeExtension: officeExtension,
    workbook: model,
    get stats() {
      return internals.stats;
    },
    resetStats() {
      internals.stats = newStats();
    },
    install(target: object = globalThis) {
      const t = target as Record<string, unknown>;
      const previous = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
      const had = { Excel: "Excel" in t, Office: "Office" in t, OfficeExtension: "OfficeExtension" in t };
      t.Excel = ExcelNs;
      t.Office = office;
      t.OfficeExtension = officeExtension;
      return () => {
        for (const k of ["Excel", "Office", "OfficeExtension"] as const) {
          if (had[k]) t[k] = previous[k];
          else delete t[k];
        }
      };
    },
    newContext() {
      return new HostRequestContext(internals) as unknown as Excel.RequestContext;
    },
    addSheet(name: string) {
      if (!isValidSheetName(name) || model.findSheet(name)) throw new Error(`In-memory Excel host: invalid or duplicate sheet name '${name}'`);
      model.addSheet(name);
    },
    sheetNames() {
      return model.sheets.map((s) => s.name);
    },
    setValues(sheet, topLeft, values, opts) {
      writeAt(sheet, topLeft, values, false, !!opts?.raw);
    },
    setFormulas(sheet, topLeft, formulas) {
      writeAt(sheet, topLeft, formulas, true, false);
    },
    setCell(sheetName, address, seed) {
      const s = requireSheet(model, sheetName);
      const rect = requireRect(address);
      const patch = patchFromSeed(seed);
      if (Object.keys(patch).length) s.applyFormat({ r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 }, patch);
      if (seed.formula !== undefined) {
        const st = s.ensureCol(rect.c0);
        if (!st.f) st.f = [];
        while (st.f.length <= rect.r0) st.f.push(undefined);
        st.f[rect.r0] = seed.formula;
        while (st.v.length <= rect.r0) st.v.push(undefined);
        const v = seed.value;
        st.v[rect.r0] = v === undefined || v === null || v === "" ? undefined : v;
      } else if (seed.value !== undefined) {
        s.writeInput(rect.r0, rect.c0, seed.value, false, { raw: typeof seed.value === "string" });
      }
    },
    setFormat(sheetName, address, patch) {
      const s = requireSheet(model, sheetName);
      s.applyFormat(requireRect(address), patch);
    },
    getValues(sheet, address) {
      return requireSheet(model, sheet).readValues(requireRect(address));
    },
    getFormulas(sheet, address) {
      return requireSheet(model, sheet).readFormulas(requireRect(address));
    },
    getNumberFormats(sheet, address) {
      return requireSheet(model, sheet).readFormatGrid(requireRect(address), "numberFormat");
    },
    getCell(sheetName, address) {
      const rect = requireRect(address);
      return cellInfo(requireSheet(model, sheetName), rect.r0, rect.c0, internals.customRuleEvaluator);
    },
    usedRange(sheetName, valuesOnly) {
      const s = requireSheet(model, sheetName);
      const r = s.usedRect(!!valuesOnly);
      return r ? fullAddress(s.name, r) : null;
    },
    currentRegion(sheetName, address) {
      const s = requireSheet(model, sheetName);
      const rect = requireRect(address);
      return fullAddress(s.name, s.surroundingRegion(rect.r0, rect.c0));
    },
    setSelection(sheetName, address, activeCell) {
      const s = requireSheet(model, sheetName);
      const rect = requireRect(address);
      const ac = activeCell ? requireRect(activeCell) : null;
      model.selection = { sheet: s, rect, activeCell: ac ? { r: ac.r0, c: ac.c0 } : undefined };
      model.activeSheet = s;
    },
    setActiveSheet(sheetName) {
      const s = requireSheet(model, sheetName);
      model.activeSheet = s;
      model.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    },
    getSetting(key) {
      return deepClone(model.settings.get(key));
    },
    setSetting(key, value) {
      model.settings.set(key, deepClone(value));
    },
    snapshot(): WorkbookSnapshot {
      return snapshotWorkbook(model);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },
  };
  return host;
}
