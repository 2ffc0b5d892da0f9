/** Range arguments and results shared by the proxies: checks, and `Range | string` resolution. */
import { parseAddress, Rect, rectInGrid } from "../../engine/sheet-address/a1";
import { invalidArgument, itemNotFound } from "../errors";
import { resolveName } from "../model/names";
import type { RangeTarget, SheetModel, WorkbookModel } from "../model/workbook";
import { isProxy } from "../runtime/registry";

/** The rectangle, if it lies inside A1:XFD1048576; InvalidArgument otherwise. */
export function checkRect(rect: Rect, location: string): Rect {
  if (!rectInGrid(rect)) throw invalidArgument(location, "the range is outside the worksheet grid (A1:XFD1048576)");
  return rect;
}

/** The sheet, if it still belongs to its workbook; ItemNotFound otherwise. */
export function sheetAlive(sheet: SheetModel, location: string): SheetModel {
  if (!sheet.wb.sheets.includes(sheet)) throw itemNotFound(location, `worksheet '${sheet.name}' was deleted`);
  return sheet;
}

/** Resolve a `Range | string` argument (string addresses and names are relative to `defaultSheet`). */
export function resolveRangeArg(arg: unknown, model: WorkbookModel, defaultSheet: SheetModel | null, location: string): RangeTarget {
  if (isProxy("Range", arg)) {
    const t = arg._resolve();
    if (!t) throw invalidArgument(location, "the range is a null object");
    return t;
  }
  if (typeof arg === "string") {
    const p = parseAddress(arg);
    if (p) {
      const sheet = p.sheet !== undefined ? model.findSheet(p.sheet) : defaultSheet;
      if (!sheet) throw invalidArgument(location, `unknown sheet in '${arg}'`);
      return { sheet, rect: p.rect };
    }
    const named = resolveName(model, arg.replace(/^=/, ""), defaultSheet);
    if (named) return named;
  }
  throw invalidArgument(location, `'${String(arg)}' is not a valid range address`);
}
