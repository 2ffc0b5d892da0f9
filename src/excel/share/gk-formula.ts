/**
 * Reading a `GK.*` formula as Excel's `Range.formulas` gives it (`=GK.GRADE("sales-pipeline",B2:D20)`):
 * the function and its arguments, each a string, number, boolean, array constant, cell range or
 * something else (a nested formula, a name, a whole column), which "Prepare to share" cannot
 * turn into a portable formula. Pure.
 */
import { columnIndex, type Rect } from "../address";

/** The GK functions. */
export type GkFunction = "GRADE" | "SCORE" | "EXPLAIN" | "TIER" | "PERCENTILE_TIER";
const FUNCTIONS: readonly GkFunction[] = ["GRADE", "SCORE", "EXPLAIN", "TIER", "PERCENTILE_TIER"];

export type GkArg =
  | { kind: "omitted" }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "array"; values: (string | number | boolean)[][] }
  /** A cell or range; `sheet` when the reference names one. */
  | { kind: "range"; sheet?: string; rect: Rect }
  | { kind: "other"; text: string };

export type GkCall =
  /** The whole formula is one GK call with readable arguments. */
  | { kind: "call"; fn: GkFunction; args: GkArg[] }
  /** A GK function used inside a larger formula (or an unknown GK.* name). */
  | { kind: "nested" };

/** `GK.` (the deployed add-in) or `GKDEV.` (a development copy, README "Troubleshooting"). */
const GK = /(^|[^A-Za-z0-9_.])GK(?:DEV)?\.[A-Za-z_]+\s*\(/i;

/** True when a cell's formula calls a GK.* function. */
export function hasGkCall(formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && GK.test(formula);
}

/** Splits `text` at top-level commas (outside quotes, parentheses and braces). */
function splitTop(text: string, sep = ","): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      if (i >= text.length) return null;
    } else if (ch === "'") {
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      if (i >= text.length) return null;
    } else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      if (--depth < 0) return null;
    } else if (ch === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  out.push(text.slice(start));
  return out;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cellOf(text: string): { r: number; c: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const c = columnIndex(m[1].toUpperCase());
  const r = Number(m[2]) - 1;
  return c >= 0 && r >= 0 && r < 1_048_576 ? { r, c } : null;
}

function sheetPrefix(text: string): { sheet?: string; ref: string } | null {
  if (text.startsWith("'")) {
    const end = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    return end ? { sheet: end[1].replace(/''/g, "'"), ref: end[2] } : null;
  }
  const bang = text.indexOf("!");
  if (bang < 0) return { ref: text };
  const sheet = text.slice(0, bang);
  return /^[^\s!'[\]*?/\\:]+$/.test(sheet) ? { sheet, ref: text.slice(bang + 1) } : null;
}

function scalarOf(text: string): string | number | boolean | null {
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^TRUE$/i.test(text)) return true;
  if (/^FALSE$/i.test(text)) return false;
  return null;
}

function argOf(raw: string): GkArg {
  const text = raw.trim();
  if (text === "") return { kind: "omitted" };
  const scalar = scalarOf(text);
  if (typeof scalar === "string") return { kind: "string", value: scalar };
  if (typeof scalar === "number") return { kind: "number", value: scalar };
  if (typeof scalar === "boolean") return { kind: "boolean", value: scalar };
  if (text.startsWith("{") && text.endsWith("}")) {
    const rows = splitTop(text.slice(1, -1), ";");
    const values = rows?.map((row) => splitTop(row)?.map((cell) => scalarOf(cell.trim())));
    if (values && values.every((row) => row && row.length === values[0]!.length && row.every((v) => v !== null))) {
      return { kind: "array", values: values as (string | number | boolean)[][] };
    }
    return { kind: "other", text };
  }
  const ref = sheetPrefix(text);
  if (ref) {
    const [a, b, more] = ref.ref.split(":");
    const p = cellOf(a ?? "");
    const q = b === undefined ? p : cellOf(b);
    if (p && q && more === undefined) {
      const rect = { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
      return ref.sheet === undefined ? { kind: "range", rect } : { kind: "range", sheet: ref.sheet, rect };
    }
  }
  return { kind: "other", text };
}

/** Reads a GK formula: one call with its arguments, or "nested" when it is more than one GK call. */
export function parseGkFormula(formula: string): GkCall {
  const m = /^=\s*GK(?:DEV)?\.([A-Za-z_]+)\s*\((.*)\)\s*$/is.exec(formula);
  if (!m) return { kind: "nested" };
  const fn = m[1].toUpperCase() as GkFunction;
  if (!FUNCTIONS.includes(fn)) return { kind: "nested" };
  const parts = splitTop(m[2]);
  if (!parts) return { kind: "nested" };
  const args = parts.map(argOf);
  if (args.length === 1 && args[0].kind === "omitted") args.length = 0;
  return { kind: "call", fn, args };
}
