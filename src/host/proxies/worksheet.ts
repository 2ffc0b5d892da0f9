/** Excel.Worksheet: one sheet (its ranges, tables, charts, panes, page layout and names). */
import { MAX_COLS, MAX_ROWS, parseAddress, Rect } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument, invalidOperation, itemAlreadyExists } from "../errors";
import { resolveName } from "../model/names";
import { isValidSheetName, RangeTarget, SheetModel } from "../model/workbook";
import { bool, checkEnum, color, field, number } from "../runtime/arguments";
import { defineProxy, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { checkRect, sheetAlive } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Worksheet: typeof WorksheetProxy;
  }
}

/** Events a worksheet and the worksheet collection both have (the collection's fire for any sheet). */
export const SHEET_EVENTS = [
  "onActivated",
  "onChanged",
  "onSelectionChanged",
  "onCalculated",
  "onDeactivated",
  "onFormatChanged",
  "onNameChanged",
  "onVisibilityChanged",
];

/** Makes `s` the active sheet (selection: its A1) unless it already is. */
function activateSheet(s: SheetModel): void {
  const wb = s.wb;
  if (wb.activeSheet !== s) {
    wb.activeSheet = s;
    wb.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

export class WorksheetProxy extends HostObject<SheetModel> {
  override _resolve(): SheetModel | null {
    const t = super._resolve();
    if (t) sheetAlive(t, "Worksheet");
    return t;
  }

  /** a range of this sheet (or, for a defined name, wherever it points), checked against the grid */
  private _range(name: string, args: unknown[], make: (s: SheetModel) => Rect | RangeTarget): ProxyOf<"Range"> {
    return this._lookup("Range", name, args, (s) => {
      const r = make(s);
      if ("sheet" in r) return { sheet: r.sheet, rect: checkRect(r.rect, `Worksheet.${name}`) };
      return { sheet: s, rect: checkRect(r, `Worksheet.${name}`) };
    });
  }

  getRange(address?: string): ProxyOf<"Range"> {
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

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ProxyOf<"Range"> {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      for (const n of [startRow, startColumn, rowCount, columnCount]) {
        if (typeof n !== "number" || !Number.isInteger(n)) throw invalidArgument("Worksheet.getRangeByIndexes");
      }
      if (rowCount < 1 || columnCount < 1) throw invalidArgument("Worksheet.getRangeByIndexes", "rowCount and columnCount must be at least 1");
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): ProxyOf<"Range"> {
    return this._range("getCell", [row, column], () => ({ r0: row, c0: column, r1: row, c1: column }));
  }

  getUsedRange(valuesOnly?: boolean): ProxyOf<"Range"> {
    return this._range("getUsedRange", [valuesOnly ?? false], (s) => s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): ProxyOf<"Range"> {
    return this._lookup(
      "Range",
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      (s) => {
        const r = s.usedRect(!!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      { nullable: true },
    );
  }

  private _sibling(name: string, offset: 1 | -1, visibleOnly: boolean | undefined, nullable: boolean): ProxyOf<"Worksheet"> {
    return this._lookup(
      "Worksheet",
      name,
      [visibleOnly],
      (s) => {
        const list = visibleOnly ? s.wb.sheets.filter((x) => x.visibility === "Visible" || x === s) : s.wb.sheets;
        return list[list.indexOf(s) + offset];
      },
      { nullable },
    );
  }
  getNext(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
    return this._sibling("getNext", 1, visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
    return this._sibling("getNextOrNullObject", 1, visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
    return this._sibling("getPrevious", -1, visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
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

  get tables(): ProxyOf<"TableCollection"> {
    return this._nav("TableCollection", "tables", (s) => ({ model: s.wb, sheet: s }));
  }
  get charts(): ProxyOf<"ChartCollection"> {
    return this._nav("ChartCollection", "charts");
  }
  get freezePanes(): ProxyOf<"WorksheetFreezePanes"> {
    return this._nav("WorksheetFreezePanes", "freezePanes");
  }
  get pageLayout(): ProxyOf<"PageLayout"> {
    return this._nav("PageLayout", "pageLayout");
  }
  get names(): ProxyOf<"NamedItemCollection"> {
    return this._nav("NamedItemCollection", "names", (s) => ({ model: s.wb, sheet: s }));
  }
}

defineProxy(WorksheetProxy, "Worksheet", {
  props: {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v, _self, location) => {
        if (typeof v !== "string" || !isValidSheetName(v)) throw invalidArgument(location, `invalid sheet name '${String(v)}'`);
        const other = s.wb.findSheet(v);
        if (other && other !== s) throw itemAlreadyExists(location, `a worksheet named '${v}' already exists`);
        s.name = v;
      },
    },
    position: {
      get: (s) => s.wb.sheets.indexOf(s),
      set: (s, v, _self, location) => {
        const n = number(0, s.wb.sheets.length - 1)(v, location);
        if (!Number.isInteger(n)) throw invalidArgument(location);
        const list = s.wb.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(n, 0, s);
      },
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v, _self, location) => {
        const vis = checkEnum(v, E.SheetVisibility, location);
        if (vis !== "Visible") {
          const visible = s.wb.sheets.filter((x) => x.visibility === "Visible" && x !== s);
          if (visible.length === 0) throw invalidOperation(location, "a workbook must contain at least one visible worksheet");
          if (s.wb.activeSheet === s) activateSheet(visible[0]);
        }
        s.visibility = vis;
      },
    },
    tabColor: field("tabColor", (v, location) => (v === "" ? "" : color(v, location))),
    showGridlines: field("showGridlines", bool),
    showHeadings: field("showHeadings", bool),
    standardWidth: field("standardWidth", number(0, 255)),
    standardHeight: { get: () => 15 },
    enableCalculation: { get: () => true, set: (_s, v, _self, location) => void bool(v, location) },
  },
  navigation: ["tables", "charts", "freezePanes", "pageLayout", "names"],
  events: [...SHEET_EVENTS, "onSingleClicked", "onRowSorted", "onColumnSorted", "onRowHiddenChanged", "onProtectionChanged", "onFormulaChanged"],
  unimplemented: {
    properties: ["protection", "autoFilter", "shapes", "comments", "notes", "pivotTables", "slicers", "customProperties", "horizontalPageBreaks", "verticalPageBreaks", "namedSheetViews"],
    methods: ["copy", "findAll", "findAllOrNullObject", "replaceAll", "getRanges", "showOutlineLevels", "evaluate"],
  },
});
