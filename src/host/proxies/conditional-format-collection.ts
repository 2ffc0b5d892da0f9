/** Excel.ConditionalFormatCollection: the conditional formats that apply to (intersect) a range, in priority order. */
import { rectIntersect } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument } from "../errors";
import { ConditionalFormatRecord, emptyStyle } from "../model/records";
import type { RangeTarget } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import type { ConditionalFormatTarget } from "./conditional-format";

declare module "../runtime/registry" {
  interface ProxyClasses {
    ConditionalFormatCollection: typeof ConditionalFormatCollectionProxy;
  }
}

const CF_TYPES = new Set<string>(Object.values(E.ConditionalFormatType));

export class ConditionalFormatCollectionProxy extends HostCollection<RangeTarget, "ConditionalFormat"> {
  readonly _itemType = "ConditionalFormat";
  _items(t: RangeTarget): ConditionalFormatTarget[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => rectIntersect(r, t.rect))).map((cf) => ({ sheet: t.sheet, cf }));
  }
  _itemKey(t: ConditionalFormatTarget): unknown {
    return t.cf.id;
  }
  add(type: string): ProxyOf<"ConditionalFormat"> {
    return this._create(
      "ConditionalFormat",
      "add",
      [type],
      (t) => {
        if (!CF_TYPES.has(type)) throw invalidArgument("ConditionalFormatCollection.add", `unknown type '${type}'`);
        const cf: ConditionalFormatRecord = {
          id: `{CF-${String(t.sheet.wb.nextId("cf")).padStart(8, "0")}}`,
          type,
          rects: [{ ...t.rect }],
          stopIfTrue: false,
          rule: null,
          format: emptyStyle(),
          extra: {},
        };
        // Like Excel: a new conditional format goes to the first (top) priority.
        t.sheet.conditionalFormats.unshift(cf);
        return { sheet: t.sheet, cf };
      },
      { formatKind: "conditionalFormat" },
    );
  }
  clearAll(): void {
    this._call("clearAll", [], (t) => t.sheet.removeConditionalFormatsIn(t.rect), { formatKind: "conditionalFormat" });
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
  getItemAt(index: number): ProxyOf<"ConditionalFormat"> {
    return this._itemAt(index);
  }
  getItem(id: string): ProxyOf<"ConditionalFormat"> {
    return this._item("getItem", [id], (items) => items.find((x) => x.cf.id === id));
  }
  getItemOrNullObject(id: string): ProxyOf<"ConditionalFormat"> {
    return this._item("getItemOrNullObject", [id], (items) => items.find((x) => x.cf.id === id), { nullable: true });
  }
}
defineProxy(ConditionalFormatCollectionProxy, "ConditionalFormatCollection");
