/**
 * Excel.RangeBorderCollection and Excel.RangeBorder. Borders are stored as records per range and
 * edge; reading reports the last record covering the whole range.
 */
import { rectCovered } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import type { RangeTarget } from "../model/workbook";
import { checkEnum, color, oneOf } from "../runtime/arguments";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    RangeBorderCollection: typeof RangeBorderCollectionProxy;
    RangeBorder: typeof RangeBorderProxy;
  }
}

interface BorderTarget {
  range: RangeTarget;
  index: string;
}

type BorderKey = "style" | "color" | "weight";

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const DEFAULTS: Record<BorderKey, string> = { style: "None", color: "#000000", weight: "Thin" };

export class RangeBorderCollectionProxy extends HostCollection<RangeTarget, "RangeBorder"> {
  readonly _itemType = "RangeBorder";
  _items(t: RangeTarget): BorderTarget[] {
    return BORDER_INDEXES.map((index) => ({ range: t, index }));
  }
  _itemKey(b: BorderTarget): unknown {
    return b.index;
  }
  getItem(index: string): ProxyOf<"RangeBorder"> {
    return this._lookup("RangeBorder", "getItem", [index], (t) => {
      checkEnum(index, E.BorderIndex, "RangeBorderCollection.getItem");
      return { range: t, index };
    });
  }
  getItemAt(index: number): ProxyOf<"RangeBorder"> {
    return this._itemAt(index);
  }
}
defineProxy(RangeBorderCollectionProxy, "RangeBorderCollection", { props: { count: { get: () => BORDER_INDEXES.length } } });

function borderValue(t: BorderTarget, key: BorderKey): string {
  const recs = t.range.sheet.borders.filter((b) => b.index === t.index && rectCovered(t.range.rect, [b.rect]));
  const last = recs[recs.length - 1];
  return last ? last[key] : DEFAULTS[key];
}

function setBorder(t: BorderTarget, patch: Partial<Record<BorderKey, string>>): void {
  const sheet = t.range.sheet;
  const r = t.range.rect;
  const existing = sheet.borders.find((b) => b.index === t.index && b.rect.r0 === r.r0 && b.rect.c0 === r.c0 && b.rect.r1 === r.r1 && b.rect.c1 === r.c1);
  if (existing) {
    Object.assign(existing, patch);
    sheet.borders = sheet.borders.filter((b) => b !== existing);
    sheet.borders.push(existing);
  } else {
    sheet.borders.push({
      rect: { ...r },
      index: t.index,
      style: borderValue(t, "style"),
      color: borderValue(t, "color"),
      weight: borderValue(t, "weight"),
      ...patch,
    });
  }
}

function borderProp(key: BorderKey, check: (v: unknown, location: string) => string): PropDef<BorderTarget> {
  return {
    get: (t) => borderValue(t, key),
    set: (t, v, _self, location) => setBorder(t, { [key]: check(v, location) }),
    fmt: "border",
  };
}

export class RangeBorderProxy extends HostObject<BorderTarget> {}
defineProxy(RangeBorderProxy, "RangeBorder", {
  props: {
    sideIndex: { get: (t) => t.index },
    style: borderProp("style", oneOf(E.BorderLineStyle)),
    color: borderProp("color", color),
    weight: borderProp("weight", oneOf(E.BorderWeight)),
  },
});
