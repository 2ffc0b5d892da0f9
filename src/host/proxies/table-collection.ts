/** Excel.TableCollection: the tables of a workbook or of one worksheet. */
import { MAX_COLS, MAX_ROWS, rectIntersect } from "../../engine/sheet-address/a1";
import { invalidArgument } from "../errors";
import { nameTaken } from "../model/names";
import { headerNames } from "../model/tables";
import type { SheetModel, TableRecord, WorkbookModel } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { checkRect, resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    TableCollection: typeof TableCollectionProxy;
  }
}

/** The workbook's tables (`sheet` null) or one sheet's. */
export interface TablesScope {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

function tablesIn(s: TablesScope): TableRecord[] {
  return s.sheet ? s.model.tablesOn(s.sheet) : s.model.tables;
}

export class TableCollectionProxy extends HostCollection<TablesScope, "Table"> {
  readonly _itemType = "Table";
  _items(s: TablesScope): TableRecord[] {
    return tablesIn(s);
  }
  _itemKey(t: TableRecord): unknown {
    return t.id;
  }
  add(address: ProxyOf<"Range"> | string, hasHeaders: boolean): ProxyOf<"Table"> {
    return this._create("Table", "add", [address, hasHeaders], (s) => {
      const loc = "TableCollection.add";
      const defaultSheet = s.sheet ?? s.model.activeSheet;
      const target = resolveRangeArg(address, s.model, defaultSheet, loc);
      if (s.sheet && target.sheet !== s.sheet) throw invalidArgument(loc, "the range is on another worksheet");
      const rect = { ...target.rect };
      checkRect(rect, loc);
      if (rect.r1 - rect.r0 + 1 > MAX_ROWS - 1 || rect.c1 - rect.c0 + 1 > MAX_COLS) throw invalidArgument(loc);
      for (const other of s.model.tablesOn(target.sheet)) {
        if (rectIntersect(other.rect, rect)) throw invalidArgument(loc, "a table can't overlap another table");
      }
      const sheet = target.sheet;
      let names: string[];
      if (!hasHeaders) {
        // Excel generates a header row and shifts the data down by one row
        sheet.insertCellsDown(rect.r0, rect.c0, rect.c1, 1);
        rect.r1 += 1;
        names = [];
        for (let c = rect.c0; c <= rect.c1; c++) names.push(`Column${c - rect.c0 + 1}`);
      } else {
        names = headerNames(sheet, rect);
      }
      names.forEach((n, j) => sheet.writeInput(rect.r0, rect.c0 + j, n, false, { raw: true }));
      if (rect.r1 === rect.r0) rect.r1 += 1; // a table always has at least one data row
      let n = s.model.nextId("table");
      while (nameTaken(s.model, `Table${n}`)) n = s.model.nextId("table");
      const rec: TableRecord = {
        id: String(n),
        name: `Table${n}`,
        sheet,
        rect,
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
        showBandedRows: true,
        showBandedColumns: false,
        showFilterButton: true,
        highlightFirstColumn: false,
        highlightLastColumn: false,
        columnNames: names,
        columnIds: names.map((_, i) => i + 1),
      };
      s.model.tables.push(rec);
      return rec;
    });
  }
  private _byNameOrId(method: string, key: string, nullable: boolean): ProxyOf<"Table"> {
    const k = String(key).toLowerCase();
    return this._item(method, [key], (tables) => tables.find((x) => x.name.toLowerCase() === k || x.id === String(key)), {
      nullable,
      notFound: `no table '${key}'`,
    });
  }
  getItem(key: string): ProxyOf<"Table"> {
    return this._byNameOrId("getItem", key, false);
  }
  getItemOrNullObject(key: string): ProxyOf<"Table"> {
    return this._byNameOrId("getItemOrNullObject", key, true);
  }
  getItemAt(index: number): ProxyOf<"Table"> {
    return this._itemAt(index);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(TableCollectionProxy, "TableCollection", { props: { count: { get: (s) => tablesIn(s).length } } });
