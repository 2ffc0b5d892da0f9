/**
 * Data validation records: which rule covers a range, editing part of a record's area, and whether
 * a cell's value passes its rule (list, whole number, decimal and text length rules with literal
 * criteria; others are reported as not implemented rather than guessed).
 */
import { parseAddress, Rect, rectCols, rectContains, rectCovered, rectIntersect, rectRows, rectSubtract } from "../../engine/sheet-address/a1";
import { hostNotImplemented } from "../errors";
import type { DataValidationRecord } from "./records";
import { apiValue, deepClone, NUMBER_RE } from "./values";
import type { RangeTarget, SheetModel } from "./workbook";

/** DataValidation.rule keys and the DataValidation.type each stands for. */
export const RULE_KEYS: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

export function defaultValidation(rect: Rect): DataValidationRecord {
  return {
    rects: [rect],
    rule: {},
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    prompt: { showPrompt: false, title: "", message: "" },
    ignoreBlanks: true,
  };
}

/** Validation records covering the range: one uniform record, none, or "mixed". */
export function validationAt(t: RangeTarget): DataValidationRecord | "none" | "mixed" {
  const hits = t.sheet.validationsIntersecting(t.rect);
  if (hits.length === 0) return "none";
  if (hits.length === 1 && rectCovered(t.rect, hits[0].rects)) return hits[0];
  return "mixed";
}

export function updateValidation(t: RangeTarget, patch: Partial<DataValidationRecord>): void {
  const sheet = t.sheet;
  const base = sheet.validations.find((v) => v.rects.some((r) => rectContains(r, t.rect.r0, t.rect.c0))) ?? defaultValidation(t.rect);
  const next: DataValidationRecord = {
    rects: [{ ...t.rect }],
    rule: deepClone(base.rule),
    errorAlert: { ...base.errorAlert },
    prompt: { ...base.prompt },
    ignoreBlanks: base.ignoreBlanks,
    ...patch,
  };
  removeValidation(sheet, t.rect);
  sheet.validations.push(next);
}

export function removeValidation(sheet: SheetModel, rect: Rect): void {
  const kept: DataValidationRecord[] = [];
  for (const v of sheet.validations) {
    const rects: Rect[] = [];
    for (const r of v.rects) rects.push(...rectSubtract(r, rect));
    v.rects = rects;
    if (rects.length) kept.push(v);
  }
  sheet.validations = kept;
}

export function validationType(rec: DataValidationRecord): string {
  const k = Object.keys(rec.rule)[0];
  return k ? RULE_KEYS[k] : "None";
}

function literalNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const s = v.replace(/^=/, "").trim();
    if (NUMBER_RE.test(s)) return Number(s);
  }
  return null;
}

export function cellValid(rec: DataValidationRecord, sheet: SheetModel, r: number, c: number): boolean {
  const value = sheet.getValue(r, c);
  if (value === undefined) return rec.ignoreBlanks || validationType(rec) === "None";
  const key = Object.keys(rec.rule)[0];
  if (!key) return true;
  const body = rec.rule[key] as Record<string, unknown>;
  if (key === "list") {
    const src = String(body.source ?? "");
    let options: string[];
    if (src.startsWith("=")) {
      const p = parseAddress(src.slice(1).replace(/\$/g, ""));
      const target = p ? (p.sheet !== undefined ? sheet.wb.findSheet(p.sheet) : sheet) : undefined;
      if (!p || !target) throw hostNotImplemented("DataValidation.valid (list source formula)");
      options = target.readValues(p.rect).flat().map((x) => String(x).toLowerCase());
    } else {
      options = src.split(",").map((x) => x.trim().toLowerCase());
    }
    return options.includes(String(apiValue(value)).toLowerCase());
  }
  if (key === "custom" || key === "date" || key === "time") throw hostNotImplemented(`DataValidation.valid (${key} rule)`);
  const f1 = literalNumber(body.formula1);
  const f2 = body.formula2 === undefined ? null : literalNumber(body.formula2);
  if (f1 === null || (body.formula2 !== undefined && f2 === null)) throw hostNotImplemented("DataValidation.valid (formula criteria)");
  let x: number;
  if (key === "textLength") x = String(apiValue(value)).length;
  else {
    if (typeof value !== "number") return false;
    if (key === "wholeNumber" && !Number.isInteger(value)) return false;
    x = value;
  }
  switch (body.operator) {
    case "Between":
      return x >= Math.min(f1, f2 as number) && x <= Math.max(f1, f2 as number);
    case "NotBetween":
      return !(x >= Math.min(f1, f2 as number) && x <= Math.max(f1, f2 as number));
    case "EqualTo":
      return x === f1;
    case "NotEqualTo":
      return x !== f1;
    case "GreaterThan":
      return x > f1;
    case "LessThan":
      return x < f1;
    case "GreaterThanOrEqualTo":
      return x >= f1;
    case "LessThanOrEqualTo":
      return x <= f1;
    default:
      return true;
  }
}


/** DataValidation.valid: true when every cell passes, false when none does, null when mixed. */
export function rangeValidity(t: RangeTarget): boolean | null {
  const used = t.sheet.usedRect(true);
  let anyValid = false;
  let anyInvalid = false;
  for (const rec of t.sheet.validationsIntersecting(t.rect)) {
    for (const rr of rec.rects) {
      const part = rectIntersect(rr, t.rect);
      if (!part) continue;
      const scan = used ? rectIntersect(part, used) : null;
      const scanned = scan ? rectRows(scan) * rectCols(scan) : 0;
      if (scanned < rectRows(part) * rectCols(part)) {
        // blank cells outside the used range
        if (rec.ignoreBlanks || validationType(rec) === "None") anyValid = true;
        else anyInvalid = true;
      }
      if (!scan) continue;
      for (let r = scan.r0; r <= scan.r1; r++) {
        for (let c = scan.c0; c <= scan.c1; c++) {
          if (cellValid(rec, t.sheet, r, c)) anyValid = true;
          else anyInvalid = true;
        }
      }
    }
  }
  if (!anyInvalid) return true;
  return anyValid ? null : false;
}
