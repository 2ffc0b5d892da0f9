/**
 * Defined names and structured table names: what a name refers to (a range, a constant) and its
 * value as the API reports it; the naming rules defined names and tables share.
 */
import { absoluteAddress, parseAddress } from "../../engine/sheet-address/a1";
import { CellError, NUMBER_RE } from "./values";
import type { NamedItemRecord, RangeTarget, SheetModel, WorkbookModel } from "./workbook";

/** Resolve a defined name (sheet scope first, then workbook) or a table name to a range, if it refers to one. */
export function resolveName(model: WorkbookModel, name: string, sheet: SheetModel | null): RangeTarget | null {
  const key = name.trim().toLowerCase();
  const rec =
    model.names.find((n) => n.scope === "Worksheet" && n.sheet === sheet && n.name.toLowerCase() === key) ??
    model.names.find((n) => n.scope === "Workbook" && n.name.toLowerCase() === key);
  if (rec) return nameRange(model, rec);
  const table = model.tables.find((t) => t.name.toLowerCase() === key);
  if (table) return { sheet: table.sheet, rect: { ...table.rect } };
  return null;
}

/** The range a name refers to, or null for a constant or formula. */
export function nameRange(model: WorkbookModel, rec: NamedItemRecord): RangeTarget | null {
  const p = parseAddress(rec.formula.replace(/^=/, "").replace(/\$/g, ""));
  if (!p) return null;
  const sheet = p.sheet !== undefined ? model.findSheet(p.sheet) : rec.sheet;
  if (!sheet) return null;
  return { sheet, rect: p.rect };
}

/** NamedItem.type: Range, Double, String, Boolean or Error. */
export function nameType(model: WorkbookModel, rec: NamedItemRecord): string {
  if (nameRange(model, rec)) return "Range";
  const f = rec.formula.replace(/^=/, "").trim();
  if (NUMBER_RE.test(f)) return "Double";
  if (/^"(?:[^"]|"")*"$/.test(f)) return "String";
  if (/^(TRUE|FALSE)$/i.test(f)) return "Boolean";
  return "Error";
}

/** NamedItem.value: the address of a range, or the constant. */
export function nameValue(model: WorkbookModel, rec: NamedItemRecord): unknown {
  const r = nameRange(model, rec);
  if (r) return absoluteAddress(r.sheet.name, r.rect);
  const f = rec.formula.replace(/^=/, "").trim();
  switch (nameType(model, rec)) {
    case "Double":
      return Number(f);
    case "String":
      return f.slice(1, -1).replace(/""/g, '"');
    case "Boolean":
      return /^TRUE$/i.test(f);
    default:
      return new CellError("#VALUE!").code;
  }
}

/** A valid table or defined name (not a cell reference, not R or C). */
export function isValidName(name: string): boolean {
  return /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

/** Whether a table or a defined name other than `except` already uses `name`. */
export function nameTaken(model: WorkbookModel, name: string, except?: object): boolean {
  const key = name.toLowerCase();
  return (
    model.tables.some((t) => t !== except && t.name.toLowerCase() === key) ||
    model.names.some((n) => n !== except && n.name.toLowerCase() === key)
  );
}
