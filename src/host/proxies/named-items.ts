/** Excel.NamedItemCollection and Excel.NamedItem: defined names of a workbook or of one worksheet. */
import { absoluteAddress, parseAddress } from "../../engine/sheet-address/a1";
import { invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from "../errors";
import { isValidName, nameRange, nameType, nameValue } from "../model/names";
import type { NamedItemRecord, SheetModel, WorkbookModel } from "../model/workbook";
import { checkBool, checkString } from "../runtime/arguments";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult, HostObject } from "../runtime/object";
import { isProxy, ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    NamedItemCollection: typeof NamedItemCollectionProxy;
    NamedItem: typeof NamedItemProxy;
  }
}

/** Workbook-scoped names (`sheet` null) or one sheet's. */
interface NamesScope {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

interface NameTarget {
  model: WorkbookModel;
  rec: NamedItemRecord;
}

/** `=formula` */
const withEquals = (f: string) => (f.startsWith("=") ? f : `=${f}`);

export class NamedItemCollectionProxy extends HostCollection<NamesScope, "NamedItem"> {
  readonly _itemType = "NamedItem";
  _items(s: NamesScope): NameTarget[] {
    const recs = s.sheet ? s.model.names.filter((n) => n.sheet === s.sheet && n.scope === "Worksheet") : s.model.names.filter((n) => n.scope === "Workbook");
    return recs.map((rec) => ({ model: s.model, rec }));
  }
  _itemKey(t: NameTarget): unknown {
    return t.rec.name;
  }
  private _add(method: string, args: unknown[], name: string, formula: (s: NamesScope) => string, comment: string | undefined): ProxyOf<"NamedItem"> {
    return this._create("NamedItem", method, args, (s) => {
      const loc = `NamedItemCollection.${method}`;
      if (typeof name !== "string" || !isValidName(name)) throw invalidArgument(loc, `invalid name '${String(name)}'`);
      const key = name.toLowerCase();
      if (this._items(s).some((n) => n.rec.name.toLowerCase() === key) || (!s.sheet && s.model.tables.some((t) => t.name.toLowerCase() === key))) {
        throw itemAlreadyExists(loc, `the name '${name}' already exists`);
      }
      const rec: NamedItemRecord = {
        name,
        formula: formula(s),
        comment: comment ?? "",
        visible: true,
        scope: s.sheet ? "Worksheet" : "Workbook",
        sheet: s.sheet,
      };
      s.model.names.push(rec);
      return { model: s.model, rec };
    });
  }
  add(name: string, reference: ProxyOf<"Range"> | string, comment?: string): ProxyOf<"NamedItem"> {
    return this._add(
      "add",
      [name, reference, comment ?? null],
      name,
      (s) => {
        if (isProxy("Range", reference)) {
          const r = reference._resolve();
          if (!r) throw invalidArgument("NamedItemCollection.add");
          return `=${absoluteAddress(r.sheet.name, r.rect)}`;
        }
        if (typeof reference !== "string") throw invalidArgument("NamedItemCollection.add");
        const f = reference.startsWith("=") ? reference.slice(1) : reference;
        const p = parseAddress(f.replace(/\$/g, ""));
        if (p) {
          const sheet = p.sheet !== undefined ? s.model.findSheet(p.sheet) : s.sheet ?? s.model.activeSheet;
          if (!sheet) throw invalidArgument("NamedItemCollection.add", `unknown sheet in '${reference}'`);
          return `=${absoluteAddress(sheet.name, p.rect)}`;
        }
        return `=${f}`;
      },
      comment,
    );
  }
  addFormulaLocal(name: string, formula: string, comment?: string): ProxyOf<"NamedItem"> {
    return this._add("addFormulaLocal", [name, formula, comment ?? null], name, () => withEquals(formula), comment);
  }
  private _byName(method: string, name: string, nullable: boolean): ProxyOf<"NamedItem"> {
    const key = String(name).toLowerCase();
    return this._item(method, [name], (names) => names.find((n) => n.rec.name.toLowerCase() === key), { nullable, notFound: `no name '${name}'` });
  }
  getItem(name: string): ProxyOf<"NamedItem"> {
    return this._byName("getItem", name, false);
  }
  getItemOrNullObject(name: string): ProxyOf<"NamedItem"> {
    return this._byName("getItemOrNullObject", name, true);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(NamedItemCollectionProxy, "NamedItemCollection");

export class NamedItemProxy extends HostObject<NameTarget> {
  override _resolve(): NameTarget | null {
    const t = super._resolve();
    if (t && !t.model.names.includes(t.rec)) throw itemNotFound("NamedItem", "the name was deleted");
    return t;
  }
  getRange(): ProxyOf<"Range"> {
    return this._lookup("Range", "getRange", [], (t) => {
      const r = nameRange(t.model, t.rec);
      if (!r) throw invalidOperation("NamedItem.getRange", "the name does not refer to a range");
      return r;
    });
  }
  getRangeOrNullObject(): ProxyOf<"Range"> {
    return this._lookup("Range", "getRangeOrNullObject", [], (t) => nameRange(t.model, t.rec), { nullable: true });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.model.names = t.model.names.filter((n) => n !== t.rec);
    });
  }
}

defineProxy(NamedItemProxy, "NamedItem", {
  props: {
    name: { get: (t) => t.rec.name },
    type: { get: (t) => nameType(t.model, t.rec) },
    value: { get: (t) => nameValue(t.model, t.rec) },
    scope: { get: (t) => t.rec.scope },
    formula: {
      get: (t) => t.rec.formula,
      set: (t, v, _self, location) => {
        t.rec.formula = withEquals(checkString(v, location));
      },
    },
    comment: { get: (t) => t.rec.comment, set: (t, v, _self, location) => void (t.rec.comment = checkString(v, location)) },
    visible: { get: (t) => t.rec.visible, set: (t, v, _self, location) => void (t.rec.visible = checkBool(v, location)) },
  },
  unimplemented: { properties: ["arrayValues", "worksheet", "worksheetOrNullObject", "valueAsJson", "valueAsJsonLocal"] },
});
