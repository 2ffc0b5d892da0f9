/** Excel.TableColumnCollection and Excel.TableColumn. */
import { Rect, rectRows } from "../../engine/sheet-address/a1";
import { invalidArgument } from "../errors";
import { tableBody } from "../model/tables";
import type { TableRecord } from "../model/workbook";
import { checkString } from "../runtime/arguments";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    TableColumnCollection: typeof TableColumnCollectionProxy;
    TableColumn: typeof TableColumnProxy;
  }
}

interface ColumnTarget {
  table: TableRecord;
  index: number;
}

export class TableColumnCollectionProxy extends HostCollection<TableRecord, "TableColumn"> {
  readonly _itemType = "TableColumn";
  _items(t: TableRecord): ColumnTarget[] {
    return t.columnNames.map((_, index) => ({ table: t, index }));
  }
  _itemKey(c: ColumnTarget): unknown {
    return c.index;
  }
  /** by id (a number) or by name */
  private _byKey(method: string, key: number | string, nullable: boolean): ProxyOf<"TableColumn"> {
    return this._item(
      method,
      [key],
      (columns, t) =>
        columns[typeof key === "number" ? t.columnIds.indexOf(key) : t.columnNames.findIndex((n) => n.toLowerCase() === String(key).toLowerCase())],
      { nullable, notFound: `no column '${key}'` },
    );
  }
  getItem(key: number | string): ProxyOf<"TableColumn"> {
    return this._byKey("getItem", key, false);
  }
  getItemOrNullObject(key: number | string): ProxyOf<"TableColumn"> {
    return this._byKey("getItemOrNullObject", key, true);
  }
  getItemAt(index: number): ProxyOf<"TableColumn"> {
    return this._itemAt(index);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(TableColumnCollectionProxy, "TableColumnCollection", {
  props: { count: { get: (t) => t.columnNames.length } },
  unimplemented: { methods: ["add", "addAsJson"] },
});

function columnRect(c: ColumnTarget): Rect {
  const col = c.table.rect.c0 + c.index;
  return { r0: c.table.rect.r0, c0: col, r1: c.table.rect.r1, c1: col };
}

export class TableColumnProxy extends HostObject<ColumnTarget> {
  private _range(name: string, fn: (c: ColumnTarget) => Rect | null): ProxyOf<"Range"> {
    return this._lookup("Range", name, [], (c) => {
      const r = fn(c);
      return r ? { sheet: c.table.sheet, rect: r } : null;
    });
  }
  getRange(): ProxyOf<"Range"> {
    return this._range("getRange", columnRect);
  }
  getDataBodyRange(): ProxyOf<"Range"> {
    return this._range("getDataBodyRange", (c) => {
      const b = tableBody(c.table);
      return b ? { ...b, c0: b.c0 + c.index, c1: b.c0 + c.index } : null;
    });
  }
  getHeaderRowRange(): ProxyOf<"Range"> {
    return this._range("getHeaderRowRange", (c) => {
      const r = columnRect(c);
      return c.table.showHeaders ? { ...r, r1: r.r0 } : null;
    });
  }
  getTotalRowRange(): ProxyOf<"Range"> {
    return this._range("getTotalRowRange", (c) => {
      const r = columnRect(c);
      return c.table.showTotals ? { ...r, r0: r.r1 } : null;
    });
  }
}
defineProxy(TableColumnProxy, "TableColumn", {
  props: {
    id: { get: (c) => c.table.columnIds[c.index] },
    index: { get: (c) => c.index },
    name: {
      get: (c) => c.table.columnNames[c.index],
      set: (c, v, _self, location) => {
        const name = checkString(v, location);
        c.table.columnNames[c.index] = name;
        if (c.table.showHeaders) c.table.sheet.writeInput(c.table.rect.r0, c.table.rect.c0 + c.index, name, false, { raw: true });
      },
    },
    values: {
      get: (c) => c.table.sheet.readValues(columnRect(c)),
      set: (c, v, _self, location) => {
        const rect = columnRect(c);
        if (!Array.isArray(v) || v.length !== rectRows(rect)) throw invalidArgument(location);
        return c.table.sheet.writeGrid(rect, v as unknown[][], undefined, false);
      },
    },
  },
});
