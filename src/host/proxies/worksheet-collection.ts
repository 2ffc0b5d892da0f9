/** Excel.WorksheetCollection: the workbook's sheets, in tab order. */
import { invalidArgument, itemAlreadyExists } from "../errors";
import { isValidSheetName, SheetModel, WorkbookModel } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { SHEET_EVENTS } from "./worksheet";

declare module "../runtime/registry" {
  interface ProxyClasses {
    WorksheetCollection: typeof WorksheetCollectionProxy;
  }
}

function listed(m: WorkbookModel, visibleOnly?: boolean): SheetModel[] {
  return visibleOnly ? m.sheets.filter((s) => s.visibility === "Visible") : m.sheets;
}

export class WorksheetCollectionProxy extends HostCollection<WorkbookModel, "Worksheet"> {
  readonly _itemType = "Worksheet";
  _items(m: WorkbookModel): SheetModel[] {
    return m.sheets;
  }
  _itemKey(s: SheetModel): unknown {
    return s.id;
  }
  private _byNameOrId(method: string, key: string, nullable: boolean): ProxyOf<"Worksheet"> {
    return this._item(method, [key], (_, m) => m.findSheet(String(key)) ?? m.findSheetById(String(key)), {
      nullable,
      notFound: `no worksheet named '${key}'`,
    });
  }
  getItem(key: string): ProxyOf<"Worksheet"> {
    return this._byNameOrId("getItem", key, false);
  }
  getItemOrNullObject(key: string): ProxyOf<"Worksheet"> {
    return this._byNameOrId("getItemOrNullObject", key, true);
  }
  getActiveWorksheet(): ProxyOf<"Worksheet"> {
    return this._item("getActiveWorksheet", [], (sheets, m) => (m.activeSheet && sheets.includes(m.activeSheet) ? m.activeSheet : sheets[0]));
  }
  getFirst(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
    return this._item("getFirst", [visibleOnly], (_, m) => listed(m, visibleOnly)[0]);
  }
  getLast(visibleOnly?: boolean): ProxyOf<"Worksheet"> {
    return this._item("getLast", [visibleOnly], (_, m) => {
      const list = listed(m, visibleOnly);
      return list[list.length - 1];
    });
  }
  getCount(visibleOnly?: boolean): HostClientResult<number> {
    return this._result("getCount", [visibleOnly], (m) => listed(m, visibleOnly).length);
  }
  add(name?: string): ProxyOf<"Worksheet"> {
    return this._create("Worksheet", "add", [name], (m) => {
      if (name !== undefined && name !== null) {
        if (!isValidSheetName(name)) throw invalidArgument("WorksheetCollection.add", `invalid sheet name '${name}'`);
        if (m.findSheet(name)) throw itemAlreadyExists("WorksheetCollection.add", `a worksheet named '${name}' already exists`);
      }
      return m.addSheet(name ?? undefined);
    });
  }
}
defineProxy(WorksheetCollectionProxy, "WorksheetCollection", {
  events: [...SHEET_EVENTS, "onAdded", "onDeleted", "onMoved"],
});
