/** Excel.Workbook: the root object (worksheets, settings, custom XML parts, names, tables, selection). */
import { invalidOperation } from "../errors";
import type { WorkbookModel } from "../model/workbook";
import { defineProxy, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Workbook: typeof WorkbookProxy;
  }
}

/** The selection, defaulting to A1 of the active (or first) sheet. */
function currentSelection(m: WorkbookModel): WorkbookModel["selection"] {
  if (m.selection && m.sheets.includes(m.selection.sheet)) return m.selection;
  const sheet = m.activeSheet ?? m.sheets[0];
  if (!sheet) return null;
  m.selection = { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  return m.selection;
}

function selected(m: WorkbookModel, method: string): NonNullable<WorkbookModel["selection"]> {
  const sel = currentSelection(m);
  if (!sel) throw invalidOperation(`Workbook.${method}`, "nothing is selected");
  return sel;
}

export class WorkbookProxy extends HostObject<WorkbookModel> {
  get worksheets(): ProxyOf<"WorksheetCollection"> {
    return this._nav("WorksheetCollection", "worksheets");
  }
  get application(): HostObject<unknown> {
    return this.context.application;
  }
  get settings(): ProxyOf<"SettingCollection"> {
    return this._nav("SettingCollection", "settings");
  }
  get customXmlParts(): ProxyOf<"CustomXmlPartCollection"> {
    return this._nav("CustomXmlPartCollection", "customXmlParts");
  }
  get names(): ProxyOf<"NamedItemCollection"> {
    return this._nav("NamedItemCollection", "names", (m) => ({ model: m, sheet: null }));
  }
  get tables(): ProxyOf<"TableCollection"> {
    return this._nav("TableCollection", "tables", (m) => ({ model: m, sheet: null }));
  }
  getSelectedRange(): ProxyOf<"Range"> {
    return this._lookup("Range", "getSelectedRange", [], (m) => {
      const sel = selected(m, "getSelectedRange");
      return { sheet: sel.sheet, rect: sel.rect };
    });
  }
  getActiveCell(): ProxyOf<"Range"> {
    return this._lookup("Range", "getActiveCell", [], (m) => {
      const sel = selected(m, "getActiveCell");
      const ac = sel.activeCell ?? { r: sel.rect.r0, c: sel.rect.c0 };
      return { sheet: sel.sheet, rect: { r0: ac.r, c0: ac.c, r1: ac.r, c1: ac.c } };
    });
  }
}
defineProxy(WorkbookProxy, "Workbook", {
  props: {
    name: { get: (m) => m.name },
    readOnly: { get: () => false },
    isDirty: { get: () => false, set: () => undefined },
    calculationEngineVersion: { get: () => 0 },
  },
  navigation: ["worksheets", "settings", "customXmlParts", "names", "tables", "application"],
  events: ["onSelectionChanged", "onActivated", "onAutoSaveSettingChanged"],
  unimplemented: {
    properties: ["bindings", "comments", "functions", "pivotTables", "properties", "protection", "styles", "slicers", "queries", "dataConnections"],
  },
});
