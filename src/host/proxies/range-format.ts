/**
 * Excel.RangeFormat and its parts Excel.RangeFill and Excel.RangeFont: a range's own formatting.
 * Reading reports the value common to every cell of the range, or null when the cells differ.
 */
import { isEntireColumn, rectIntersect, rectRows } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument } from "../errors";
import type { CellFormatData, FormatPatch } from "../model/formats";
import { formatValue } from "../model/number-format";
import type { RangeTarget } from "../model/workbook";
import { bool, Check, checkNumber, color, number, oneOf } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import type { FormatKind } from "../runtime/stats";

declare module "../runtime/registry" {
  interface ProxyClasses {
    RangeFormat: typeof RangeFormatProxy;
    RangeFill: typeof RangeFillProxy;
    RangeFont: typeof RangeFontProxy;
  }
}

/** A cell-format property: the uniform value over the range (null when mixed); writes apply to every cell. */
function formatProp<K extends keyof CellFormatData>(key: K, check: Check<CellFormatData[K]>, fmt: FormatKind): PropDef<RangeTarget> {
  return {
    get: (t) => t.sheet.uniformFormat(t.rect, key),
    set: (t, v, _self, location) => {
      t.sheet.applyFormat(t.rect, { [key]: check(v, location) } as FormatPatch);
    },
    fmt,
  };
}

/** Column width of Excel's standard width, in points. */
function standardColumnWidth(standardWidth: number): number {
  return Math.round(standardWidth * 7 + 5) * 0.75;
}

/** Approximate width in points of a cell's displayed text (autofit). */
function textWidth(text: string, fontSize: number, bold: boolean): number {
  return text.length * 5.6 * (fontSize / 11) * (bold ? 1.1 : 1) + 4;
}

export class RangeFormatProxy extends HostObject<RangeTarget> {
  get fill(): ProxyOf<"RangeFill"> {
    return this._nav("RangeFill", "fill");
  }
  get font(): ProxyOf<"RangeFont"> {
    return this._nav("RangeFont", "font");
  }
  get borders(): ProxyOf<"RangeBorderCollection"> {
    return this._nav("RangeBorderCollection", "borders");
  }
  autofitColumns(): void {
    this._call(
      "autofitColumns",
      [],
      (t) => {
        const s = t.sheet;
        const used = s.usedRect(true);
        if (!used) return;
        const rows = rectIntersect(used, t.rect);
        if (!rows) return;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          let maxPts = 0;
          for (let r = rows.r0; r <= rows.r1; r++) {
            if (s.isEmpty(r, c)) continue;
            const f = s.formatAt(r, c);
            const pts = textWidth(formatValue(s.getValue(r, c), f.numberFormat), f.fontSize, f.bold);
            if (pts > maxPts) maxPts = pts;
          }
          if (maxPts > 0) s.colWidths.set(c, Math.min(409.5, Math.round(maxPts * 4) / 4));
        }
      },
      { formatKind: "size" },
    );
  }
  autofitRows(): void {
    this._call(
      "autofitRows",
      [],
      (t) => {
        if (isEntireColumn(t.rect)) {
          t.sheet.rowHeights.clear();
          return;
        }
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.delete(r);
      },
      { formatKind: "size" },
    );
  }
}
defineProxy(RangeFormatProxy, "RangeFormat", {
  props: {
    horizontalAlignment: formatProp("horizontalAlignment", oneOf(E.HorizontalAlignment), "alignment"),
    verticalAlignment: formatProp("verticalAlignment", oneOf(E.VerticalAlignment), "alignment"),
    wrapText: formatProp("wrapText", bool, "alignment"),
    indentLevel: formatProp("indentLevel", number(0, 250), "alignment"),
    columnWidth: {
      get: (t) => {
        const s = t.sheet;
        const std = standardColumnWidth(s.standardWidth);
        let w: number | null = null;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const x = s.colWidths.get(c) ?? std;
          if (w === null) w = x;
          else if (w !== x) return null;
          if (c - t.rect.c0 > 20000) break;
        }
        return w;
      },
      set: (t, v, _self, location) => {
        const w = checkNumber(v, location, 0, 409.5 * 4);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, w);
      },
      fmt: "size",
    },
    rowHeight: {
      get: (t) => {
        let h: number | null = null;
        const end = Math.min(t.rect.r1, t.rect.r0 + 100000);
        for (let r = t.rect.r0; r <= end; r++) {
          const x = t.sheet.rowHeights.get(r) ?? 15;
          if (h === null) h = x;
          else if (h !== x) return null;
        }
        return h;
      },
      set: (t, v, _self, location) => {
        const h = checkNumber(v, location, 0, 409.5);
        if (rectRows(t.rect) > 100000) throw invalidArgument(location, "too many rows for the in-memory host");
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, h);
      },
      fmt: "size",
    },
  },
  navigation: ["fill", "font", "borders"],
  unimplemented: {
    properties: ["protection", "autoIndent", "readingOrder", "shrinkToFit", "textOrientation", "useStandardHeight", "useStandardWidth"],
  },
});

export class RangeFillProxy extends HostObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], (t) => t.sheet.applyFormat(t.rect, { fill: null }), { formatKind: "fill" });
  }
}
defineProxy(RangeFillProxy, "RangeFill", {
  props: {
    color: {
      get: (t) => {
        const fills = new Set<string | null>();
        for (const f of t.sheet.distinctFormats(t.rect)) {
          fills.add(f.fill);
          if (fills.size > 1) return null;
        }
        const only = [...fills][0];
        return only ?? "#FFFFFF"; // Excel reports white for "no fill"
      },
      set: (t, v, _self, location) => {
        t.sheet.applyFormat(t.rect, { fill: color(v, location) });
      },
      fmt: "fill",
    },
    pattern: {
      get: (t) => {
        const p = new Set<string>();
        for (const f of t.sheet.distinctFormats(t.rect)) p.add(f.fill === null ? "None" : "Solid");
        return p.size === 1 ? [...p][0] : null;
      },
    },
  },
});

/** A font name: a non-empty string. */
const fontName: Check<string> = (v, location) => {
  if (typeof v !== "string" || v.trim() === "") throw invalidArgument(location);
  return v;
};

export class RangeFontProxy extends HostObject<RangeTarget> {}
defineProxy(RangeFontProxy, "RangeFont", {
  props: {
    color: formatProp("fontColor", color, "font"),
    bold: formatProp("bold", bool, "font"),
    italic: formatProp("italic", bool, "font"),
    strikethrough: formatProp("strikethrough", bool, "font"),
    underline: formatProp("underline", oneOf(E.RangeUnderlineStyle), "font"),
    name: formatProp("fontName", fontName, "font"),
    size: formatProp("fontSize", number(1, 409), "font"),
  },
});
