/** Excel.TableRowCollection and Excel.TableRow: the data rows of a table. */
import { Rect, rectCols, rectRows } from "../../engine/sheet-address/a1";
import { invalidArgument } from "../errors";
import { tableBody } from "../model/tables";
import type { TableRecord } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    TableRowCollection: typeof TableRowCollectionProxy;
    TableRow: typeof TableRowProxy;
  }
}

interface RowTarget {
  table: TableRecord;
  index: number;
}

function rowCount(t: TableRecord): number {
  const b = tableBody(t);
  return b ? rectRows(b) : 0;
}

export class TableRowCollectionProxy extends HostCollection<TableRecord, "TableRow"> {
  readonly _itemType = "TableRow";
  _items(t: TableRecord): RowTarget[] {
    return Array.from({ length: rowCount(t) }, (_, index) => ({ table: t, index }));
  }
  _itemKey(r: RowTarget): unknown {
    return r.index;
  }
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): ProxyOf<"TableRow"> {
    const args = [index ?? null, values ?? null, alwaysInsert ?? null];
    return this._create(
      "TableRow",
      "add",
      args,
      (t) => {
        const loc = "TableRowCollection.add";
        const cols = rectCols(t.rect);
        const count = rowCount(t);
        const at = index === undefined || index === null ? count : index;
        if (!Number.isInteger(at) || at < 0 || at > count) throw invalidArgument(loc, "index out of range");
        let grid: unknown[][] | null = null;
        let n = 1;
        if (Array.isArray(values)) {
          if (!values.every((row) => Array.isArray(row) && row.length === cols)) throw invalidArgument(loc, "each row must have one value per table column");
          grid = values as unknown[][];
          n = grid.length;
        }
        const row = t.rect.r0 + (t.showHeaders ? 1 : 0) + at;
        t.sheet.insertCellsDown(row, t.rect.c0, t.rect.c1, n);
        t.rect = { ...t.rect, r1: t.rect.r1 + n };
        const rect = { r0: row, c0: t.rect.c0, r1: row + n - 1, c1: t.rect.c1 };
        if (grid) t.sheet.writeGrid(rect, grid, undefined, false);
        else if (values !== undefined && values !== null) t.sheet.writeGrid(rect, null, values, false);
        return { table: t, index: at };
      },
      { pathArgs: [index, values, alwaysInsert] },
    );
  }
  getItemAt(index: number): ProxyOf<"TableRow"> {
    return this._itemAt(index);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(TableRowCollectionProxy, "TableRowCollection", {
  props: { count: { get: rowCount } },
  unimplemented: { methods: ["addAsJson", "deleteRows", "deleteRowsAt"] },
});

function rowRect(r: RowTarget): Rect {
  const row = r.table.rect.r0 + (r.table.showHeaders ? 1 : 0) + r.index;
  return { r0: row, c0: r.table.rect.c0, r1: row, c1: r.table.rect.c1 };
}

export class TableRowProxy extends HostObject<RowTarget> {
  getRange(): ProxyOf<"Range"> {
    return this._lookup("Range", "getRange", [], (r) => ({ sheet: r.table.sheet, rect: rowRect(r) }));
  }
}
defineProxy(TableRowProxy, "TableRow", {
  props: {
    index: { get: (r) => r.index },
    values: {
      get: (r) => r.table.sheet.readValues(rowRect(r)),
      set: (r, v, _self, location) => {
        const rect = rowRect(r);
        if (!Array.isArray(v) || v.length !== 1 || !Array.isArray(v[0]) || v[0].length !== rectCols(rect)) throw invalidArgument(location);
        return r.table.sheet.writeGrid(rect, v as unknown[][], undefined, false);
      },
    },
  },
  unimplemented: { methods: ["delete"] },
});
