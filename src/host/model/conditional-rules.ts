/**
 * Conditional format evaluation: what colour a person would see (the records are in records.ts).
 *
 * Evaluated: CellValue (all operators; formula1/formula2 may be numbers, quoted strings, TRUE/FALSE
 * or single-cell references), ContainsText (Contains/NotContains/BeginsWith/EndsWith),
 * PresetCriteria Blanks/NonBlanks/Errors/NonErrors, Custom (only with a host customRuleEvaluator).
 * Everything else is stored but reported as "not evaluated".
 *
 * Resolution follows Excel: rules are visited in priority order (0 first); each matching rule
 * contributes the attributes it sets that no higher-priority matching rule has set already;
 * a matching rule with stopIfTrue ends the visit.
 */
import { parseAddress, rectContains } from "../../engine/sheet-address/a1";
import { ConditionalFormatRecord, emptyStyle } from "./records";
import { CellError, NUMBER_RE, StoredValue } from "./values";
import type { SheetModel } from "./workbook";

export type RuleResult = boolean | "unsupported";

export type CustomRuleEvaluator = (
  formula: string,
  where: { sheet: string; row: number; column: number; anchorRow: number; anchorColumn: number },
) => boolean;

export interface EffectiveStyle {
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: string;
  numberFormat: string;
  /** ids of conditional formats whose rule matched and contributed (priority order) */
  matchedConditionalFormats: string[];
  /** ids of conditional formats covering the cell that the host could not evaluate */
  unevaluatedConditionalFormats: string[];
}

type Operand = { kind: "value"; value: StoredValue } | { kind: "unsupported" };

/** Parses a conditional-format operand: "=80", "80", "=\"A\"", "\"A\"", "=TRUE", "=$B$1", "A". */
export function parseOperand(
  raw: unknown,
  sheet: SheetModel,
  anchor: { r: number; c: number },
  at: { r: number; c: number },
): Operand {
  if (typeof raw === "number") return { kind: "value", value: raw };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") return { kind: "unsupported" };
  const hadEquals = raw.startsWith("=");
  const s = (hadEquals ? raw.slice(1) : raw).trim();
  if (NUMBER_RE.test(s)) return { kind: "value", value: Number(s) };
  const q = /^"((?:[^"]|"")*)"$/.exec(s);
  if (q) return { kind: "value", value: q[1].replace(/""/g, '"') };
  const up = s.toUpperCase();
  if (up === "TRUE" || up === "TRUE()") return { kind: "value", value: true };
  if (up === "FALSE" || up === "FALSE()") return { kind: "value", value: false };
  if (hadEquals) {
    const ref = /^((?:'[^']*(?:''[^']*)*'|[^!]+)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(s);
    if (ref) {
      const parsed = parseAddress(s.replace(/\$/g, ""));
      if (!parsed) return { kind: "unsupported" };
      const target = parsed.sheet !== undefined ? sheet.wb.findSheet(parsed.sheet) : sheet;
      if (!target) return { kind: "unsupported" };
      let r = parsed.rect.r0;
      let c = parsed.rect.c0;
      if (!ref[4]) r += at.r - anchor.r; // relative row
      if (!ref[2]) c += at.c - anchor.c; // relative column
      if (r < 0 || c < 0) return { kind: "unsupported" };
      return { kind: "value", value: target.getValue(r, c) };
    }
    return { kind: "unsupported" };
  }
  return { kind: "value", value: s === "" ? undefined : s };
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/** Excel comparison: numbers < text < logicals; text compares case-insensitively; blank adapts to the other side. */
export function excelCompare(a: StoredValue, b: StoredValue): number | null {
  if (a instanceof CellError || b instanceof CellError) return null;
  let x: number | string | boolean | undefined = a;
  let y: number | string | boolean | undefined = b;
  if (x === undefined && y === undefined) return 0;
  if (x === undefined) x = typeof y === "number" ? 0 : typeof y === "boolean" ? false : "";
  if (y === undefined) y = typeof x === "number" ? 0 : typeof x === "boolean" ? false : "";
  const ra = typeRank(x);
  const rb = typeRank(y);
  if (ra !== rb) return ra - rb;
  if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  if (typeof x === "boolean") return Number(x) - Number(y as boolean);
  return (x as number) - (y as number);
}

function anchorOf(cf: ConditionalFormatRecord): { r: number; c: number } {
  let r = Infinity;
  let c = Infinity;
  for (const rect of cf.rects) {
    r = Math.min(r, rect.r0);
    c = Math.min(c, rect.c0);
  }
  return { r, c };
}

function textOf(v: StoredValue): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  if (v instanceof CellError) return v.code;
  return v;
}

export function evaluateRule(
  sheet: SheetModel,
  cf: ConditionalFormatRecord,
  r: number,
  c: number,
  customRuleEvaluator?: CustomRuleEvaluator | null,
): RuleResult {
  const value = sheet.getValue(r, c);
  const rule = cf.rule;
  if (!rule) return "unsupported";
  const anchor = anchorOf(cf);
  switch (cf.type) {
    case "CellValue": {
      const op = String(rule.operator ?? "");
      const f1 = parseOperand(rule.formula1, sheet, anchor, { r, c });
      if (f1.kind === "unsupported") return "unsupported";
      const cmp1 = excelCompare(value, f1.value);
      if (op === "Between" || op === "NotBetween") {
        const f2 = parseOperand(rule.formula2, sheet, anchor, { r, c });
        if (f2.kind === "unsupported") return "unsupported";
        const lowFirst = (excelCompare(f1.value, f2.value) ?? 0) <= 0;
        const lo = lowFirst ? f1.value : f2.value;
        const hi = lowFirst ? f2.value : f1.value;
        const a = excelCompare(value, lo);
        const b = excelCompare(value, hi);
        if (a === null || b === null) return false;
        const inside = a >= 0 && b <= 0;
        return op === "Between" ? inside : !inside;
      }
      if (cmp1 === null) return false;
      switch (op) {
        case "EqualTo":
          return cmp1 === 0;
        case "NotEqualTo":
          return cmp1 !== 0;
        case "GreaterThan":
          return cmp1 > 0;
        case "GreaterThanOrEqual":
          return cmp1 >= 0;
        case "LessThan":
          return cmp1 < 0;
        case "LessThanOrEqual":
          return cmp1 <= 0;
        default:
          return "unsupported";
      }
    }
    case "ContainsText": {
      const op = String(rule.operator ?? "");
      const needle = String(rule.text ?? "").toLowerCase();
      if (value instanceof CellError) return op === "NotContains";
      const hay = textOf(value).toLowerCase();
      switch (op) {
        case "Contains":
          return hay.includes(needle);
        case "NotContains":
          return !hay.includes(needle);
        case "BeginsWith":
          return hay.startsWith(needle);
        case "EndsWith":
          return hay.endsWith(needle);
        default:
          return "unsupported";
      }
    }
    case "PresetCriteria": {
      const criterion = String(rule.criterion ?? "");
      const blank = sheet.isEmpty(r, c) || value === "";
      switch (criterion) {
        case "Blanks":
          return blank;
        case "NonBlanks":
          return !blank;
        case "Errors":
          return value instanceof CellError;
        case "NonErrors":
          return !(value instanceof CellError);
        default:
          return "unsupported";
      }
    }
    case "Custom": {
      if (!customRuleEvaluator) return "unsupported";
      return !!customRuleEvaluator(String(rule.formula ?? ""), {
        sheet: sheet.name,
        row: r,
        column: c,
        anchorRow: anchor.r,
        anchorColumn: anchor.c,
      });
    }
    default:
      return "unsupported";
  }
}

export function effectiveStyle(
  sheet: SheetModel,
  r: number,
  c: number,
  customRuleEvaluator?: CustomRuleEvaluator | null,
): EffectiveStyle {
  const base = sheet.formatAt(r, c);
  const acc = emptyStyle();
  const matched: string[] = [];
  const unevaluated: string[] = [];
  for (const cf of sheet.conditionalFormats) {
    if (!cf.rects.some((rect) => rectContains(rect, r, c))) continue;
    const res = evaluateRule(sheet, cf, r, c, customRuleEvaluator);
    if (res === "unsupported") {
      unevaluated.push(cf.id);
      continue;
    }
    if (!res) continue;
    matched.push(cf.id);
    const f = cf.format;
    if (acc.fill === null && f.fill !== null) acc.fill = f.fill;
    if (acc.fontColor === null && f.fontColor !== null) acc.fontColor = f.fontColor;
    if (acc.bold === null && f.bold !== null) acc.bold = f.bold;
    if (acc.italic === null && f.italic !== null) acc.italic = f.italic;
    if (acc.strikethrough === null && f.strikethrough !== null) acc.strikethrough = f.strikethrough;
    if (acc.underline === null && f.underline !== null) acc.underline = f.underline;
    if (acc.numberFormat === null && f.numberFormat !== null) acc.numberFormat = f.numberFormat;
    if (cf.stopIfTrue) break;
  }
  return {
    fill: acc.fill ?? base.fill,
    fontColor: acc.fontColor ?? base.fontColor,
    bold: acc.bold ?? base.bold,
    italic: acc.italic ?? base.italic,
    strikethrough: acc.strikethrough ?? base.strikethrough,
    underline: acc.underline ?? base.underline,
    numberFormat: acc.numberFormat ?? base.numberFormat,
    matchedConditionalFormats: matched,
    unevaluatedConditionalFormats: unevaluated,
  };
}
