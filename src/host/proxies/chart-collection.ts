/** Excel.ChartCollection: the charts of a worksheet (stored as records, not drawn). */
import * as E from "../enums";
import type { ChartRecord, SheetModel } from "../model/workbook";
import { checkEnum } from "../runtime/arguments";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import type { ChartTarget } from "./chart";
import { resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    ChartCollection: typeof ChartCollectionProxy;
  }
}

export class ChartCollectionProxy extends HostCollection<SheetModel, "Chart"> {
  readonly _itemType = "Chart";
  _items(s: SheetModel): ChartTarget[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  _itemKey(t: ChartTarget): unknown {
    return t.chart.id;
  }
  add(type: string, sourceData: ProxyOf<"Range">, seriesBy?: string): ProxyOf<"Chart"> {
    return this._create(
      "Chart",
      "add",
      [type, sourceData, seriesBy ?? "Auto"],
      (s) => {
        const loc = "ChartCollection.add";
        checkEnum(type, E.ChartType, loc, ["Invalid"]);
        const by = checkEnum(seriesBy ?? "Auto", E.ChartSeriesBy, loc);
        const src = resolveRangeArg(sourceData, s.wb, s, loc);
        const n = s.wb.nextId("chart");
        const chart: ChartRecord = {
          id: `{CHART-${String(n).padStart(8, "0")}}`,
          name: `Chart ${n}`,
          chartType: type,
          sourceSheet: src.sheet,
          sourceRect: { ...src.rect },
          seriesBy: by,
          title: { text: "", visible: true, overlay: false },
          legend: { visible: true, position: "Right", overlay: false },
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          style: 2,
          position: {},
        };
        s.charts.push(chart);
        return { sheet: s, chart };
      },
      { pathArgs: [type, sourceData, seriesBy] },
    );
  }
  private _byNameOrId(method: string, key: string, nullable: boolean): ProxyOf<"Chart"> {
    return this._item(method, [key], (charts) => charts.find((x) => x.chart.name === key || x.chart.id === key), { nullable, notFound: `no chart '${key}'` });
  }
  getItem(name: string): ProxyOf<"Chart"> {
    return this._byNameOrId("getItem", name, false);
  }
  getItemOrNullObject(name: string): ProxyOf<"Chart"> {
    return this._byNameOrId("getItemOrNullObject", name, true);
  }
  getItemAt(index: number): ProxyOf<"Chart"> {
    return this._itemAt(index);
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
}
defineProxy(ChartCollectionProxy, "ChartCollection", { props: { count: { get: (s) => s.charts.length } } });
