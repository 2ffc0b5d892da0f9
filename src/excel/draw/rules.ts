/**
 * Data validation and conditional formats of a layout through Office.js: one validation per
 * area, one conditional format per rule and area (a grade's colour covers the whole grade
 * column), added so that the layout's first rule ends on top.
 */
import { areaA1, cellA1, type ConditionalFormat, type SheetLayout, type ValidationRule } from "../../engine";
import { formulaString } from "../cell-text";
import { rangeOf } from "./batches";

function ruleOf(rule: ValidationRule): Excel.DataValidationRule {
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: rule.source ? `=${areaA1(rule.source, true)}` : rule.items.join(",") } };
  const { min, max } = rule;
  return {
    decimal:
      min !== undefined && max !== undefined
        ? { operator: "Between", formula1: min, formula2: max }
        : min !== undefined
          ? { operator: "GreaterThanOrEqualTo", formula1: min }
          : max !== undefined
            ? { operator: "LessThanOrEqualTo", formula1: max }
            : { operator: "Between", formula1: -1e307, formula2: 1e307 },
  };
}

export function drawValidations(ws: Excel.Worksheet, layout: SheetLayout): void {
  for (const v of layout.validations) {
    const dv = rangeOf(ws, v.area).dataValidation;
    dv.rule = ruleOf(v.rule);
    dv.ignoreBlanks = true;
    dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
}

function addRule(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const range = rangeOf(ws, cf.area);
  if (cf.kind === "equals") {
    const f = range.conditionalFormats.add("CellValue");
    f.cellValue.format.fill.color = cf.fill;
    if (cf.fontColor !== undefined) f.cellValue.format.font.color = cf.fontColor;
    f.cellValue.rule = { formula1: `=${formulaString(cf.text)}`, operator: "EqualTo" };
    f.priority = 0;
  } else {
    const f = range.conditionalFormats.add("Custom");
    f.custom.rule.formula = `=ISERROR(${cellA1(cf.area.row, cf.area.col)})`;
    f.custom.format.fill.color = cf.fill;
    f.custom.format.font.color = cf.fontColor;
    f.priority = 0;
  }
}

/** Excel puts a new rule on top: the last is added first, so the layout's first rule ends on top. */
export function drawConditionalFormats(ws: Excel.Worksheet, layout: SheetLayout): void {
  for (const cf of [...layout.conditionalFormats].reverse()) addRule(ws, cf);
}
