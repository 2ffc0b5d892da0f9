/** Excel.SettingCollection and Excel.Setting: the workbook's add-in settings (JSON values). */
import { invalidArgument, itemNotFound } from "../errors";
import { deepClone } from "../model/values";
import type { WorkbookModel } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    SettingCollection: typeof SettingCollectionProxy;
    Setting: typeof SettingProxy;
  }
}

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

/** Settings are stored as their JSON value, like Office stores them. */
function cloneSettingValue(v: unknown, loc: string): unknown {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") throw invalidArgument(loc, "setting values must be JSON-serializable");
  if (v instanceof Date) return new Date(v.getTime());
  try {
    return JSON.parse(JSON.stringify(v));
  } catch {
    throw invalidArgument(loc, "setting values must be JSON-serializable");
  }
}

export class SettingCollectionProxy extends HostCollection<WorkbookModel, "Setting"> {
  readonly _itemType = "Setting";
  _items(m: WorkbookModel): SettingTarget[] {
    return [...m.settings.keys()].map((key) => ({ model: m, key }));
  }
  _itemKey(t: SettingTarget): unknown {
    return t.key;
  }
  add(key: string, value: unknown): ProxyOf<"Setting"> {
    const loc = "SettingCollection.add";
    const p = this._lookup("Setting", "add", [key], (m) => ({ model: m, key }));
    this._call("add", [key, value], (m) => {
      if (typeof key !== "string" || key === "") throw invalidArgument(loc, "the key must be a non-empty string");
      m.settings.set(key, cloneSettingValue(value, loc));
      p._resolve();
    });
    return p;
  }
  private _byKey(method: string, key: string, nullable: boolean): ProxyOf<"Setting"> {
    return this._item(method, [key], (_, m) => (m.settings.has(key) ? { model: m, key } : undefined), { nullable, notFound: `no setting '${key}'` });
  }
  getItem(key: string): ProxyOf<"Setting"> {
    return this._byKey("getItem", key, false);
  }
  getItemOrNullObject(key: string): ProxyOf<"Setting"> {
    return this._byKey("getItemOrNullObject", key, true);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(SettingCollectionProxy, "SettingCollection", { events: ["onSettingsChanged"] });

export class SettingProxy extends HostObject<SettingTarget> {
  delete(): void {
    this._call("delete", [], (t) => void t.model.settings.delete(t.key));
  }
}
defineProxy(SettingProxy, "Setting", {
  props: {
    key: { get: (t) => t.key },
    value: {
      get: (t, _self, location) => {
        if (!t.model.settings.has(t.key)) throw itemNotFound(location, `no setting '${t.key}'`);
        return deepClone(t.model.settings.get(t.key));
      },
      set: (t, v, _self, location) => {
        t.model.settings.set(t.key, cloneSettingValue(v, location));
      },
    },
  },
});
