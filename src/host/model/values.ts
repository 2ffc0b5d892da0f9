/**
 * Cell values as the host stores them, and what Excel does with strings typed into a cell
 * (numbers, percentages, thousands separators, booleans, error literals).
 */

export const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** An error value in a cell (`#N/A`, `#DIV/0!`...). Read back through the API as its string. */
export class CellError {
  constructor(readonly code: string) {}
  toJSON(): string {
    return this.code;
  }
}

/** What a cell stores: undefined = empty. */
export type StoredValue = number | string | boolean | CellError | undefined;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export function apiValue(v: StoredValue): string | number | boolean {
  if (v === undefined) return "";
  if (v instanceof CellError) return v.code;
  return v;
}

export function valueTypeOf(v: StoredValue, hasFormula: boolean): ValueType {
  if (v === undefined) return hasFormula ? "String" : "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (v instanceof CellError) return "Error";
  return v === "" ? "Empty" : "String";
}

/** A decimal number literal: `12`, `-0.5`, `.5`, `1e3`. */
export const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;

/** What Excel stores for a typed string, and the number format it picks; undefined for plain text. */
export function parseTypedInput(s: string): { value: StoredValue; numberFormat?: string } | undefined {
  if (s === "") return undefined;
  const ch = s.charCodeAt(0);
  if (ch === 35 /* # */) {
    const up = s.toUpperCase();
    return ERROR_LITERALS.has(up) ? { value: new CellError(up) } : undefined;
  }
  if ((ch >= 48 && ch <= 57) || ch === 43 || ch === 45 || ch === 46) {
    if (NUMBER_RE.test(s)) {
      const n = Number(s);
      return Number.isFinite(n) ? { value: n } : undefined;
    }
    if (THOUSANDS_RE.test(s)) {
      const n = Number(s.replace(/,/g, ""));
      const decimals = s.includes(".") ? s.split(".")[1].length : 0;
      return { value: n, numberFormat: decimals > 0 ? "#,##0.00" : "#,##0" };
    }
    const p = PERCENT_RE.exec(s);
    if (p) {
      const n = Number(p[1]) / 100;
      const decimals = p[1].includes(".") ? p[1].split(".")[1].length : 0;
      return { value: n, numberFormat: decimals > 0 ? "0.00%" : "0%" };
    }
    return undefined;
  }
  const up = s.length <= 5 ? s.toUpperCase() : "";
  if (up === "TRUE") return { value: true };
  if (up === "FALSE") return { value: false };
  return undefined;
}

/** A deep copy of plain data (records, rules, settings); Dates are copied, undefined fields dropped. */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T;
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = deepClone(x);
  return out as T;
}
