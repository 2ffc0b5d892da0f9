/** Excel.Range: a rectangle of cells on a worksheet. */
import {
  fullAddress,
  isEntireColumn,
  isEntireRow,
  MAX_COLS,
  MAX_ROWS,
  Rect,
  rectCols,
  rectIntersect,
  rectRows,
} from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument, invalidOperation } from "../errors";
import type { RangeTarget } from "../model/workbook";
import { checkEnum } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { checkReadSize, textGrid, writeContents, writeNumberFormat } from "./range-contents";
import { checkRect, resolveRangeArg, sheetAlive } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Range: typeof RangeProxy;
  }
}

/**
 * The rows (or columns) `count` before or after [start, end], as getRowsAbove/Below and
 * getColumnsBefore/After give them; a negative count counts inwards from that edge.
 */
function band(start: number, end: number, count: number, before: boolean): [number, number] {
  if (before) return count >= 0 ? [start - count, start - 1] : [start, start - count - 1];
  return count >= 0 ? [end + 1, end + count] : [end + count + 1, end];
}

export class RangeProxy extends HostObject<RangeTarget> {
  override _resolve(): RangeTarget | null {
    const t = super._resolve();
    if (t) sheetAlive(t.sheet, "Range");
    return t;
  }

  /** @internal a range derived from this one at sync time (on the same sheet unless `fn` says otherwise) */
  _derived(name: string, args: unknown[], fn: (t: RangeTarget) => Rect | RangeTarget | null, nullable = false): RangeProxy {
    return this._lookup(
      "Range",
      name,
      args,
      (t) => {
        const out = fn(t);
        if (out === null) return null;
        if ("sheet" in out) return { sheet: out.sheet, rect: checkRect(out.rect, `Range.${name}`) };
        return { sheet: t.sheet, rect: checkRect(out, `Range.${name}`) };
      },
      { nullable },
    );
  }

  get worksheet(): ProxyOf<"Worksheet"> {
    return this._nav("Worksheet", "worksheet", (t) => t.sheet);
  }
  get format(): ProxyOf<"RangeFormat"> {
    return this._nav("RangeFormat", "format");
  }
  get conditionalFormats(): ProxyOf<"ConditionalFormatCollection"> {
    return this._nav("ConditionalFormatCollection", "conditionalFormats");
  }
  get dataValidation(): ProxyOf<"DataValidation"> {
    return this._nav("DataValidation", "dataValidation");
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derived("getCell", [row, column], (t) => {
      if (!Number.isInteger(row) || !Number.isInteger(column)) throw invalidArgument("Range.getCell");
      return { r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], ({ rect: r }) => ({
      r0: r.r0 + rowOffset,
      c0: r.c0 + columnOffset,
      r1: r.r1 + rowOffset,
      c1: r.c1 + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], ({ rect: r }) => ({ ...r, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derived("getAbsoluteResizedRange", [numRows, numColumns], ({ rect: r }) => {
      if (numRows < 1 || numColumns < 1) throw invalidArgument("Range.getAbsoluteResizedRange");
      return { r0: r.r0, c0: r.c0, r1: r.r0 + numRows - 1, c1: r.c0 + numColumns - 1 };
    });
  }
  getRow(row: number): RangeProxy {
    return this._derived("getRow", [row], ({ rect: r }) => {
      if (!Number.isInteger(row) || row < 0 || row >= rectRows(r)) throw invalidArgument("Range.getRow", "row index outside the range");
      return { ...r, r0: r.r0 + row, r1: r.r0 + row };
    });
  }
  getColumn(column: number): RangeProxy {
    return this._derived("getColumn", [column], ({ rect: r }) => {
      if (!Number.isInteger(column) || column < 0 || column >= rectCols(r)) throw invalidArgument("Range.getColumn", "column index outside the range");
      return { ...r, c0: r.c0 + column, c1: r.c0 + column };
    });
  }
  getEntireColumn(): RangeProxy {
    return this._derived("getEntireColumn", [], ({ rect: r }) => ({ r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derived("getEntireRow", [], ({ rect: r }) => ({ r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COLS - 1 }));
  }
  getLastRow(): RangeProxy {
    return this._derived("getLastRow", [], ({ rect: r }) => ({ ...r, r0: r.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derived("getLastColumn", [], ({ rect: r }) => ({ ...r, c0: r.c1 }));
  }
  getLastCell(): RangeProxy {
    return this._derived("getLastCell", [], ({ rect: r }) => ({ r0: r.r1, c0: r.c1, r1: r.r1, c1: r.c1 }));
  }
  /** rows above/below or columns before/after the range (band() says which) */
  private _band(method: string, count: number, rows: boolean, before: boolean): RangeProxy {
    return this._derived(method, [count], ({ rect: r }) => {
      if (rows) {
        const [r0, r1] = band(r.r0, r.r1, count, before);
        return { ...r, r0, r1 };
      }
      const [c0, c1] = band(r.c0, r.c1, count, before);
      return { ...r, c0, c1 };
    });
  }
  getRowsAbove(count = 1): RangeProxy {
    return this._band("getRowsAbove", count, true, true);
  }
  getRowsBelow(count = 1): RangeProxy {
    return this._band("getRowsBelow", count, true, false);
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this._band("getColumnsBefore", count, false, true);
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this._band("getColumnsAfter", count, false, false);
  }
  /** another range on the same sheet (ranges on different sheets are InvalidArgument) */
  private _other(method: string, arg: unknown, t: RangeTarget): Rect {
    const location = `Range.${method}`;
    const o = resolveRangeArg(arg, t.sheet.wb, t.sheet, location);
    if (o.sheet !== t.sheet) throw invalidArgument(location, "the ranges are on different worksheets");
    return o.rect;
  }
  private _combined(method: string, anotherRange: RangeProxy | string, combine: (a: Rect, b: Rect) => Rect | null, nullable = false): RangeProxy {
    this.context._checkArgContext(anotherRange, `Range.${method}`);
    return this._derived(method, [anotherRange], (t) => combine(t.rect, this._other(method, anotherRange, t)), nullable);
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._combined("getIntersection", anotherRange, rectIntersect);
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this._combined("getIntersectionOrNullObject", anotherRange, rectIntersect, true);
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this._combined("getBoundingRect", anotherRange, (a, o) => ({
      r0: Math.min(a.r0, o.r0),
      c0: Math.min(a.c0, o.c0),
      r1: Math.max(a.r1, o.r1),
      c1: Math.max(a.c1, o.c1),
    }));
  }
  private _used(method: string, valuesOnly: boolean | undefined, nullable: boolean): RangeProxy {
    return this._derived(
      method,
      [valuesOnly ?? false],
      (t) => {
        const u = t.sheet.usedRect(!!valuesOnly);
        return u ? rectIntersect(u, t.rect) : null;
      },
      nullable,
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._used("getUsedRange", valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._used("getUsedRangeOrNullObject", valuesOnly, true);
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

/** A grid property: reads are refused beyond `maxCellsPerRead`; writes go through `write`. */
function gridProp(
  read: (t: RangeTarget) => unknown,
  write?: (t: RangeTarget, v: unknown, maxCells: number, location: string) => number,
  extra: Partial<PropDef<RangeTarget>> = {},
): PropDef<RangeTarget> {
  const def: PropDef<RangeTarget> = {
    get: (t, self, location) => {
      checkReadSize(t, self._host, location);
      return read(t);
    },
    ...extra,
  };
  if (write) def.set = (t, v, self, location) => write(t, v, self._host.maxCellsPerRead, location);
  return def;
}

const values = (t: RangeTarget, v: unknown, max: number, loc: string) => writeContents(t, v, false, loc, max);
const formulas = (t: RangeTarget, v: unknown, max: number, loc: string) => writeContents(t, v, true, loc, max);
const numberFormat = (t: RangeTarget, v: unknown, _max: number, loc: string) => writeNumberFormat(t, v, loc);

defineProxy(RangeProxy, "Range", {
  props: {
    address: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => fullAddress(t.sheet.name, t.rect) },
    cellCount: { get: (t) => rectRows(t.rect) * rectCols(t.rect) },
    rowCount: { get: (t) => rectRows(t.rect) },
    columnCount: { get: (t) => rectCols(t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    isEntireColumn: { get: (t) => isEntireColumn(t.rect) },
    isEntireRow: { get: (t) => isEntireRow(t.rect) },
    values: gridProp((t) => t.sheet.readValues(t.rect), values),
    formulas: gridProp((t) => t.sheet.readFormulas(t.rect), formulas),
    formulasLocal: gridProp((t) => t.sheet.readFormulas(t.rect), formulas, { noDefaultLoad: true }),
    numberFormat: gridProp((t) => t.sheet.readFormatGrid(t.rect, "numberFormat"), numberFormat, { fmt: "numberFormat" }),
    numberFormatLocal: gridProp((t) => t.sheet.readFormatGrid(t.rect, "numberFormat"), numberFormat, { fmt: "numberFormat", noDefaultLoad: true }),
    text: gridProp(textGrid),
    valueTypes: gridProp((t) => t.sheet.readValueTypes(t.rect)),
  },
  navigation: ["format", "worksheet", "conditionalFormats", "dataValidation"],
  unimplemented: {
    properties: [
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
    methods: [
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
    ],
  },
});
