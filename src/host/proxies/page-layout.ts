/**
 * Excel.PageLayout and its parts Excel.HeaderFooterGroup and Excel.HeaderFooter: print settings
 * of a worksheet (stored, not printed).
 */
import { MAX_COLS, MAX_ROWS, Rect } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument } from "../errors";
import type { HeaderFooterRecord, PageLayoutRecord } from "../model/records";
import { deepClone } from "../model/values";
import type { SheetModel } from "../model/workbook";
import { bool, Check, checkNumber, checkObject, field, number, oneOf, text } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    PageLayout: typeof PageLayoutProxy;
    HeaderFooterGroup: typeof HeaderFooterGroupProxy;
    HeaderFooter: typeof HeaderFooterProxy;
  }
}

/** A page layout setting, read as a copy and written through `check`. */
function layoutProp<K extends keyof PageLayoutRecord>(key: K, check: Check<PageLayoutRecord[K]>): PropDef<SheetModel> {
  return {
    get: (s) => deepClone(s.pageLayout[key]),
    set: (s, v, _self, location) => {
      s.pageLayout[key] = check(v, location);
    },
  };
}

const margin = number(0);

const zoom: Check<PageLayoutRecord["zoom"]> = (v, loc) => {
  const o = checkObject(v, loc);
  const out: PageLayoutRecord["zoom"] = {};
  if (o.scale !== undefined) out.scale = checkNumber(o.scale, loc, 10, 400);
  if (o.horizontalFitToPages !== undefined) out.horizontalFitToPages = checkNumber(o.horizontalFitToPages, loc, 0);
  if (o.verticalFitToPages !== undefined) out.verticalFitToPages = checkNumber(o.verticalFitToPages, loc, 0);
  return out;
};

const MARGIN_KEYS: Record<string, keyof PageLayoutRecord> = {
  top: "topMargin",
  bottom: "bottomMargin",
  left: "leftMargin",
  right: "rightMargin",
  header: "headerMargin",
  footer: "footerMargin",
};

const POINTS_PER_UNIT = new Map<string, number>([
  ["Points", 1],
  ["Inches", 72],
  ["Centimeters", 72 / 2.54],
]);

export class PageLayoutProxy extends HostObject<SheetModel> {
  get headersFooters(): ProxyOf<"HeaderFooterGroup"> {
    return this._nav("HeaderFooterGroup", "headersFooters", (s) => s.pageLayout.headersFooters);
  }
  setPrintTitleRows(printTitleRows: ProxyOf<"Range"> | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s) => {
      const { rect: r } = resolveRangeArg(printTitleRows, s.wb, s, "PageLayout.setPrintTitleRows");
      s.pageLayout.printTitleRows = { r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COLS - 1 };
    });
  }
  setPrintTitleColumns(printTitleColumns: ProxyOf<"Range"> | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (s) => {
      const { rect: r } = resolveRangeArg(printTitleColumns, s.wb, s, "PageLayout.setPrintTitleColumns");
      s.pageLayout.printTitleColumns = { r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 };
    });
  }
  private _title(name: string, key: "printTitleRows" | "printTitleColumns", nullable: boolean): ProxyOf<"Range"> {
    return this._lookup(
      "Range",
      name,
      [],
      (s) => {
        const r: Rect | null = s.pageLayout[key];
        return r ? { sheet: s, rect: { ...r } } : null;
      },
      { nullable },
    );
  }
  getPrintTitleRows(): ProxyOf<"Range"> {
    return this._title("getPrintTitleRows", "printTitleRows", false);
  }
  getPrintTitleRowsOrNullObject(): ProxyOf<"Range"> {
    return this._title("getPrintTitleRowsOrNullObject", "printTitleRows", true);
  }
  getPrintTitleColumns(): ProxyOf<"Range"> {
    return this._title("getPrintTitleColumns", "printTitleColumns", false);
  }
  getPrintTitleColumnsOrNullObject(): ProxyOf<"Range"> {
    return this._title("getPrintTitleColumnsOrNullObject", "printTitleColumns", true);
  }
  setPrintArea(printArea: ProxyOf<"Range"> | string): void {
    this._call("setPrintArea", [printArea], (s) => {
      const parts = typeof printArea === "string" ? printArea.split(/[,;]/) : [printArea];
      s.pageLayout.printArea = parts.map((p) => ({ ...resolveRangeArg(typeof p === "string" ? p.trim() : p, s.wb, s, "PageLayout.setPrintArea").rect }));
    });
  }
  setPrintMargins(unit: string, marginOptions: Record<string, number>): void {
    this._call("setPrintMargins", [unit, marginOptions], (s) => {
      const factor = POINTS_PER_UNIT.get(unit);
      if (factor === undefined) throw invalidArgument("PageLayout.setPrintMargins", `unknown unit '${unit}'`);
      for (const [k, v] of Object.entries(marginOptions ?? {})) {
        const key = MARGIN_KEYS[k];
        if (!key) throw invalidArgument("PageLayout.setPrintMargins", `unknown margin '${k}'`);
        (s.pageLayout as unknown as Record<string, number>)[key] = checkNumber(v, "PageLayout.setPrintMargins", 0) * factor;
      }
    });
  }
}
defineProxy(PageLayoutProxy, "PageLayout", {
  props: {
    orientation: layoutProp("orientation", oneOf(E.PageOrientation)),
    paperSize: layoutProp("paperSize", text),
    leftMargin: layoutProp("leftMargin", margin),
    rightMargin: layoutProp("rightMargin", margin),
    topMargin: layoutProp("topMargin", margin),
    bottomMargin: layoutProp("bottomMargin", margin),
    headerMargin: layoutProp("headerMargin", margin),
    footerMargin: layoutProp("footerMargin", margin),
    centerHorizontally: layoutProp("centerHorizontally", bool),
    centerVertically: layoutProp("centerVertically", bool),
    printGridlines: layoutProp("printGridlines", bool),
    printHeadings: layoutProp("printHeadings", bool),
    blackAndWhite: layoutProp("blackAndWhite", bool),
    draftMode: layoutProp("draftMode", bool),
    printOrder: layoutProp("printOrder", text),
    printComments: layoutProp("printComments", text),
    printErrors: layoutProp("printErrors", text),
    firstPageNumber: layoutProp("firstPageNumber", (v, loc) => (v === "" ? "" : checkNumber(v, loc, 0))),
    zoom: layoutProp("zoom", zoom),
  },
  navigation: ["headersFooters"],
  unimplemented: { properties: ["printQuality"], methods: ["getPrintArea", "getPrintAreaOrNullObject"] },
});

type HeaderFooterGroup = PageLayoutRecord["headersFooters"];
type HeaderFooterName = "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages";

export class HeaderFooterGroupProxy extends HostObject<HeaderFooterGroup> {
  private _hf(name: HeaderFooterName): ProxyOf<"HeaderFooter"> {
    return this._nav("HeaderFooter", name, (g) => g[name]);
  }
  get defaultForAllPages(): ProxyOf<"HeaderFooter"> {
    return this._hf("defaultForAllPages");
  }
  get firstPage(): ProxyOf<"HeaderFooter"> {
    return this._hf("firstPage");
  }
  get evenPages(): ProxyOf<"HeaderFooter"> {
    return this._hf("evenPages");
  }
  get oddPages(): ProxyOf<"HeaderFooter"> {
    return this._hf("oddPages");
  }
}
defineProxy(HeaderFooterGroupProxy, "HeaderFooterGroup", {
  props: {
    state: field("state", oneOf(E.HeaderFooterState)),
    useSheetMargins: field("useSheetMargins", bool),
    useSheetScale: field("useSheetScale", bool),
  },
  navigation: ["defaultForAllPages", "firstPage", "evenPages", "oddPages"],
});

const HEADER_FOOTER_KEYS: (keyof HeaderFooterRecord)[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

export class HeaderFooterProxy extends HostObject<HeaderFooterRecord> {}
defineProxy(HeaderFooterProxy, "HeaderFooter", {
  props: Object.fromEntries(HEADER_FOOTER_KEYS.map((k) => [k, field<HeaderFooterRecord, typeof k>(k, text)])),
});
