/** Excel.WorksheetFreezePanes: frozen rows and columns of a worksheet. */
import { MAX_COLS, MAX_ROWS, Rect } from "../../engine/sheet-address/a1";
import type { SheetModel } from "../model/workbook";
import { checkNumber } from "../runtime/arguments";
import { defineProxy, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import { resolveRangeArg } from "./range-target";

declare module "../runtime/registry" {
  interface ProxyClasses {
    WorksheetFreezePanes: typeof FreezePanesProxy;
  }
}

export class FreezePanesProxy extends HostObject<SheetModel> {
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => {
      s.freeze = { rows: checkNumber(count, "WorksheetFreezePanes.freezeRows", 0, MAX_ROWS - 1), cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s) => {
      s.freeze = { rows: 0, cols: checkNumber(count, "WorksheetFreezePanes.freezeColumns", 0, MAX_COLS - 1) };
    });
  }
  freezeAt(frozenRange: ProxyOf<"Range"> | string): void {
    this._call("freezeAt", [frozenRange], (s) => {
      const { rect: r } = resolveRangeArg(frozenRange, s.wb, s, "WorksheetFreezePanes.freezeAt");
      const wholeRows = r.c0 === 0 && r.c1 === MAX_COLS - 1;
      const wholeCols = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
      const rows = wholeRows ? r.r1 + 1 : wholeCols ? 0 : r.r1 + 1;
      const cols = wholeCols ? r.c1 + 1 : wholeRows ? 0 : r.c1 + 1;
      s.freeze = { rows, cols };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      s.freeze = { rows: 0, cols: 0 };
    });
  }
  private _location(nullable: boolean): ProxyOf<"Range"> {
    const name = nullable ? "getLocationOrNullObject" : "getLocation";
    return this._lookup(
      "Range",
      name,
      [],
      (s) => {
        const { rows, cols } = s.freeze;
        if (rows === 0 && cols === 0) return null;
        const rect: Rect =
          rows > 0 && cols > 0
            ? { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 }
            : rows > 0
              ? { r0: 0, c0: 0, r1: rows - 1, c1: MAX_COLS - 1 }
              : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: cols - 1 };
        return { sheet: s, rect };
      },
      { nullable, notFound: "no panes are frozen" },
    );
  }
  getLocation(): ProxyOf<"Range"> {
    return this._location(false);
  }
  getLocationOrNullObject(): ProxyOf<"Range"> {
    return this._location(true);
  }
}
defineProxy(FreezePanesProxy, "WorksheetFreezePanes");
