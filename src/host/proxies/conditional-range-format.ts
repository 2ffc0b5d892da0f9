/**
 * Excel.ConditionalRangeFormat and its parts Excel.ConditionalRangeFill and
 * Excel.ConditionalRangeFont: the format a conditional format applies when its rule matches.
 */
import * as E from "../enums";
import { checkString, bool, color, field, oneOf } from "../runtime/arguments";
import type { ConditionalFormatStyle } from "../model/records";
import { emptyStyle } from "../model/records";
import { defineProxy, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    ConditionalRangeFormat: typeof ConditionalRangeFormatProxy;
    ConditionalRangeFill: typeof ConditionalRangeFillProxy;
    ConditionalRangeFont: typeof ConditionalRangeFontProxy;
  }
}

export class ConditionalRangeFormatProxy extends HostObject<ConditionalFormatStyle> {
  get fill(): ProxyOf<"ConditionalRangeFill"> {
    return this._nav("ConditionalRangeFill", "fill");
  }
  get font(): ProxyOf<"ConditionalRangeFont"> {
    return this._nav("ConditionalRangeFont", "font");
  }
  clearFormat(): void {
    this._call("clearFormat", [], (s) => Object.assign(s, emptyStyle()), { formatKind: "conditionalFormat" });
  }
}
defineProxy(ConditionalRangeFormatProxy, "ConditionalRangeFormat", {
  props: {
    numberFormat: {
      get: (s) => s.numberFormat,
      set: (s, v, _self, location) => {
        s.numberFormat = v === null ? null : checkString(Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v, location);
      },
      fmt: "conditionalFormat",
    },
  },
  navigation: ["fill", "font"],
  unimplemented: { properties: ["borders"] },
});

export class ConditionalRangeFillProxy extends HostObject<ConditionalFormatStyle> {
  clear(): void {
    this._call("clear", [], (s) => void (s.fill = null), { formatKind: "conditionalFormat" });
  }
}
defineProxy(ConditionalRangeFillProxy, "ConditionalRangeFill", {
  props: { color: field("fill", color, "conditionalFormat") },
});

export class ConditionalRangeFontProxy extends HostObject<ConditionalFormatStyle> {
  clear(): void {
    this._call(
      "clear",
      [],
      (s) => {
        s.fontColor = null;
        s.bold = null;
        s.italic = null;
        s.strikethrough = null;
        s.underline = null;
      },
      { formatKind: "conditionalFormat" },
    );
  }
}
defineProxy(ConditionalRangeFontProxy, "ConditionalRangeFont", {
  props: {
    color: field("fontColor", color, "conditionalFormat"),
    bold: field("bold", bool, "conditionalFormat"),
    italic: field("italic", bool, "conditionalFormat"),
    strikethrough: field("strikethrough", bool, "conditionalFormat"),
    underline: field("underline", oneOf(E.ConditionalRangeFontUnderlineStyle), "conditionalFormat"),
  },
});
