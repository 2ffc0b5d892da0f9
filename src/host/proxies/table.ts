/** Excel.Table: a table's ranges, options, columns and rows. */
import type { Rect } from "../../engine/sheet-address/a1";
import { invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from "../errors";
import { isValidName, nameTaken } from "../model/names";
import { headerNames, tableBody } from "../model/tables";
import type { RangeTarget, TableRecord } from "../model/workbook";
import { bool, checkString, field, text } from "../runtime/arguments";
import { defineProxy, HostObject } from "../runtime/object";
import { newProxy, ProxyOf } from "../runtime/registry";
import { resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Table: typeof TableProxy;
  }
}

export class TableProxy extends HostObject<TableRecord> {
  override _resolve(): TableRecord | null {
    const t = super._resolve();
    if (t && !t.sheet.wb.tables.includes(t)) throw itemNotFound("Table", "the table was deleted");
    return t;
  }
  private _range(name: string, fn: (t: TableRecord) => Rect | null): ProxyOf<"Range"> {
    return this._lookup("Range", name, [], (t) => {
      const r = fn(t);
      return r ? { sheet: t.sheet, rect: r } : null;
    });
  }
  getRange(): ProxyOf<"Range"> {
    return this._range("getRange", (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): ProxyOf<"Range"> {
    return this._range("getHeaderRowRange", (t) => (t.showHeaders ? { ...t.rect, r1: t.rect.r0 } : null));
  }
  getDataBodyRange(): ProxyOf<"Range"> {
    return this._range("getDataBodyRange", tableBody);
  }
  getTotalRowRange(): ProxyOf<"Range"> {
    return this._range("getTotalRowRange", (t) => (t.showTotals ? { ...t.rect, r0: t.rect.r1 } : null));
  }
  get worksheet(): ProxyOf<"Worksheet"> {
    return this._nav("Worksheet", "worksheet", (t) => t.sheet);
  }
  get columns(): ProxyOf<"TableColumnCollection"> {
    return this._nav("TableColumnCollection", "columns");
  }
  get rows(): ProxyOf<"TableRowCollection"> {
    return this._nav("TableRowCollection", "rows");
  }
  delete(): void {
    this._call("delete", [], (t) => {
      const wb = t.sheet.wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      t.sheet.clearContents(t.rect);
    });
  }
  convertToRange(): ProxyOf<"Range"> {
    const converted: { value: RangeTarget | null } = { value: null };
    this._call("convertToRange", [], (t) => {
      const wb = t.sheet.wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      converted.value = { sheet: t.sheet, rect: { ...t.rect } };
    });
    // resolves without its (by then deleted) table
    return newProxy("Range", this.context, this, "convertToRange", [], () => {
      if (!converted.value) throw invalidOperation("Table.convertToRange");
      return converted.value;
    });
  }
  resize(newRange: ProxyOf<"Range"> | string): void {
    this._call("resize", [newRange], (t) => {
      const r = resolveRangeArg(newRange, t.sheet.wb, t.sheet, "Table.resize");
      if (r.sheet !== t.sheet || r.rect.r0 !== t.rect.r0) throw invalidArgument("Table.resize", "the header row must stay in place");
      t.rect = { ...r.rect };
      t.columnNames = headerNames(t.sheet, t.rect);
      t.columnIds = t.columnNames.map((_, i) => i + 1);
    });
  }
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
  reapplyFilters(): void {
    this._call("reapplyFilters", [], () => undefined);
  }
}
defineProxy(TableProxy, "Table", {
  props: {
    id: { get: (t) => t.id },
    legacyId: { get: (t) => t.id },
    name: {
      get: (t) => t.name,
      set: (t, v, _self, location) => {
        const name = checkString(v, location);
        if (!isValidName(name)) throw invalidArgument(location, `invalid table name '${name}'`);
        if (nameTaken(t.sheet.wb, name, t)) throw itemAlreadyExists(location, `the name '${name}' is already used`);
        t.name = name;
      },
    },
    showHeaders: field("showHeaders", bool),
    showTotals: {
      get: (t) => t.showTotals,
      set: (t, v, _self, location) => {
        const on = bool(v, location);
        if (on && !t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
        if (!on && t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
        t.showTotals = on;
      },
    },
    style: field("style", text, "other"),
    showBandedRows: field("showBandedRows", bool),
    showBandedColumns: field("showBandedColumns", bool),
    showFilterButton: field("showFilterButton", bool),
    highlightFirstColumn: field("highlightFirstColumn", bool),
    highlightLastColumn: field("highlightLastColumn", bool),
  },
  navigation: ["worksheet", "columns", "rows"],
  unimplemented: { properties: ["autoFilter", "sort"] },
});
