/** Excel.Chart and its parts Excel.ChartTitle and Excel.ChartLegend (records: type, source, title, legend, position). */
import { absoluteAddress } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { itemNotFound } from "../errors";
import type { ChartRecord, SheetModel } from "../model/workbook";
import { bool, checkEnum, field, number, oneOf, text } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Chart: typeof ChartProxy;
    ChartTitle: typeof ChartTitleProxy;
    ChartLegend: typeof ChartLegendProxy;
  }
}

export interface ChartTarget {
  sheet: SheetModel;
  chart: ChartRecord;
}

/** A chart field, read and written through `check`. */
function chartProp<K extends keyof ChartRecord>(key: K, check: (v: unknown, location: string) => ChartRecord[K]): PropDef<ChartTarget> {
  return {
    get: (t) => t.chart[key],
    set: (t, v, _self, location) => {
      t.chart[key] = check(v, location);
    },
  };
}

/** A range's address without sheet and `$` (`B2`, `B2:D9`), as Chart.setPosition records it. */
function cellRef(sheetName: string, rect: { r0: number; c0: number; r1: number; c1: number }): string {
  return absoluteAddress(sheetName, rect).split("!")[1].replace(/\$/g, "");
}

export class ChartProxy extends HostObject<ChartTarget> {
  override _resolve(): ChartTarget | null {
    const t = super._resolve();
    if (t && !t.sheet.charts.includes(t.chart)) throw itemNotFound("Chart", "the chart was deleted");
    return t;
  }
  get title(): ProxyOf<"ChartTitle"> {
    return this._nav("ChartTitle", "title", (t) => t.chart.title);
  }
  get legend(): ProxyOf<"ChartLegend"> {
    return this._nav("ChartLegend", "legend", (t) => t.chart.legend);
  }
  get worksheet(): ProxyOf<"Worksheet"> {
    return this._nav("Worksheet", "worksheet", (t) => t.sheet);
  }
  setData(sourceData: ProxyOf<"Range">, seriesBy?: string): void {
    this._call("setData", [sourceData, seriesBy ?? "Auto"], (t) => {
      const src = resolveRangeArg(sourceData, t.sheet.wb, t.sheet, "Chart.setData");
      t.chart.sourceSheet = src.sheet;
      t.chart.sourceRect = { ...src.rect };
      t.chart.seriesBy = checkEnum(seriesBy ?? "Auto", E.ChartSeriesBy, "Chart.setData");
    });
  }
  setPosition(startCell: ProxyOf<"Range"> | string, endCell?: ProxyOf<"Range"> | string): void {
    this._call("setPosition", [startCell, endCell ?? null], (t) => {
      const a = resolveRangeArg(startCell, t.sheet.wb, t.sheet, "Chart.setPosition");
      const b = endCell === undefined || endCell === null ? null : resolveRangeArg(endCell, t.sheet.wb, t.sheet, "Chart.setPosition");
      t.chart.position = {
        startCell: cellRef(a.sheet.name, a.rect),
        ...(b ? { endCell: cellRef(b.sheet.name, b.rect) } : {}),
      };
      t.chart.top = a.rect.r0 * 15;
      t.chart.left = a.rect.c0 * 48;
      if (b) {
        t.chart.height = Math.max(15, (b.rect.r1 + 1) * 15 - t.chart.top);
        t.chart.width = Math.max(48, (b.rect.c1 + 1) * 48 - t.chart.left);
      }
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
  activate(): void {
    this._call("activate", [], () => undefined);
  }
}
defineProxy(ChartProxy, "Chart", {
  props: {
    id: { get: (t) => t.chart.id },
    name: chartProp("name", text),
    chartType: chartProp("chartType", oneOf(E.ChartType, ["Invalid"])),
    top: chartProp("top", number(0)),
    left: chartProp("left", number(0)),
    width: chartProp("width", number(0)),
    height: chartProp("height", number(0)),
    style: chartProp("style", number(1, 48)),
    plotBy: { get: (t) => (t.chart.seriesBy === "Rows" ? "Rows" : "Columns") },
  },
  navigation: ["title", "legend", "worksheet"],
  unimplemented: {
    properties: ["axes", "series", "dataLabels", "format", "plotArea", "pivotOptions"],
    methods: ["getImage", "getDataTable", "getDataTableOrNullObject"],
  },
});

export class ChartTitleProxy extends HostObject<ChartRecord["title"]> {}
defineProxy(ChartTitleProxy, "ChartTitle", {
  props: { text: field("text", text), visible: field("visible", bool), overlay: field("overlay", bool) },
  unimplemented: {
    properties: ["format", "position", "horizontalAlignment", "verticalAlignment", "top", "left", "width", "height", "textOrientation", "showShadow"],
  },
});

export class ChartLegendProxy extends HostObject<ChartRecord["legend"]> {}
defineProxy(ChartLegendProxy, "ChartLegend", {
  props: {
    visible: field("visible", bool),
    position: field("position", oneOf(E.ChartLegendPosition, ["Invalid"])),
    overlay: field("overlay", bool),
  },
  unimplemented: { properties: ["format", "legendEntries", "top", "left", "width", "height", "showShadow"] },
});
