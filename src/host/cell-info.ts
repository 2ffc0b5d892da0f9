/** What `host.getCell()` reports about one cell: its contents, its own format and what a person sees. */
import { fullAddress, rectContains } from "../engine/sheet-address/a1";
import { CustomRuleEvaluator, effectiveStyle } from "./model/conditional-rules";
import type { CellFormatData } from "./model/formats";
import { formatValue } from "./model/number-format";
import { apiValue, deepClone, valueTypeOf } from "./model/values";
import type { SheetModel } from "./model/workbook";

export interface CellFont {
  name: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
}

export interface CellInfo {
  /** e.g. "Sheet1!B2" */
  address: string;
  /** value as the API reports it ("" for empty, error codes as strings) */
  value: string | number | boolean;
  /** the formula text, or null if the cell holds a constant */
  formula: string | null;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  numberFormat: string;
  /** displayed text (subset of Excel number formatting) */
  text: string;
  /** the cell's own fill, `#RRGGBB`, or null for no fill */
  fill: string | null;
  font: CellFont;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** fill a person sees: conditional formats applied over the cell's fill */
  effectiveFill: string | null;
  effectiveFontColor: string;
  effectiveFont: CellFont;
  effectiveNumberFormat: string;
  /** conditional formats that matched (priority order) and ones the host could not evaluate */
  conditionalFormats: { matched: string[]; unevaluated: string[] };
  /** data validation rule covering the cell, or null */
  validation: Record<string, unknown> | null;
}

function fontOf(f: CellFormatData): CellFont {
  return {
    name: f.fontName,
    size: f.fontSize,
    color: f.fontColor,
    bold: f.bold,
    italic: f.italic,
    underline: f.underline,
    strikethrough: f.strikethrough,
  };
}

export function cellInfo(s: SheetModel, r: number, c: number, customRuleEvaluator: CustomRuleEvaluator | null): CellInfo {
  const v = s.getValue(r, c);
  const formula = s.getFormula(r, c) ?? null;
  const f = s.formatAt(r, c);
  const eff = effectiveStyle(s, r, c, customRuleEvaluator);
  const dv = s.validations.find((x) => x.rects.some((rr) => rectContains(rr, r, c)));
  return {
    address: fullAddress(s.name, { r0: r, c0: c, r1: r, c1: c }),
    value: apiValue(v),
    formula,
    valueType: valueTypeOf(v, formula !== null),
    numberFormat: f.numberFormat,
    text: formatValue(v, f.numberFormat),
    fill: f.fill,
    font: fontOf(f),
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    wrapText: f.wrapText,
    effectiveFill: eff.fill,
    effectiveFontColor: eff.fontColor,
    effectiveFont: {
      ...fontOf(f),
      color: eff.fontColor,
      bold: eff.bold,
      italic: eff.italic,
      underline: eff.underline,
      strikethrough: eff.strikethrough,
    },
    effectiveNumberFormat: eff.numberFormat,
    conditionalFormats: { matched: eff.matchedConditionalFormats, unevaluated: eff.unevaluatedConditionalFormats },
    validation: dv && Object.keys(dv.rule).length ? deepClone(dv.rule) : null,
  };
}
