/**
 * The conditional formats apply adds after the values: one `CellValue` rule per grade over the
 * written grade cells (`="A"`, quotes doubled, fill = the grade's colour) and one `Custom` rule for
 * rows with bad input (light red fill, dark red italic text). A constant number of operations
 * whatever the row count. Rules identical to ours already on exactly our cells (a re-apply) are
 * kept, not added again.
 */
import { msg, type CompiledTemplate, type Lang } from "../../engine";
import { sheetAddress } from "../address";
import { formulaString } from "../cell-text";
import type { TableInfo } from "../contract";
import { BAD_INPUT_STYLE, badRowFormula, gradeInfoText, type OutputArea } from "./output-columns";

/** The rules this apply wants, decided before anything is read. */
export interface RulePlan {
  /** One per grade, in grade order (empty: no grade column, or `colour: false`). */
  gradeRules: { formula1: string; color: string }[];
  /** Index of the grade column among the outputs (-1: none). */
  gradeCol: number;
  /** The bad-input rule's formula (null: none) and the output column it goes on. */
  styleFormula: string | null;
  styleCol: number;
  gradeAddress: string;
  styleAddress: string;
}

export function planRules(
  compiled: CompiledTemplate,
  table: TableInfo,
  area: OutputArea,
  options: { colour?: boolean; mapping: Record<string, number>; lang: Lang },
): RulePlan {
  const { kinds, targetCol, top, rows: n } = area;
  const gi = kinds.indexOf("grade");
  const gradeRules =
    gi >= 0 && options.colour !== false ? compiled.grades.map((g) => ({ formula1: `=${formulaString(gradeInfoText(g, options.lang))}`, color: g.color })) : [];
  const inputCols = [...new Set(Object.values(options.mapping))].sort((a, b) => a - b).map((c) => table.columnIndex + c);
  const styleFormula = badRowFormula(kinds, targetCol, top, inputCols, msg("noData", options.lang));
  const styleCol = kinds.includes("reason") ? kinds.indexOf("reason") : gi >= 0 ? gi : kinds.indexOf("score");
  const gradeAddress = gi >= 0 ? sheetAddress(table.sheet, { r0: top, c0: targetCol + gi, r1: top + n - 1, c1: targetCol + gi }) : "";
  const styleAddress = sheetAddress(table.sheet, { r0: top, c0: targetCol + styleCol, r1: top + n - 1, c1: targetCol + styleCol });
  return { gradeRules, gradeCol: gi, styleFormula, styleCol, gradeAddress, styleAddress };
}

/** The conditional formats already on the output cells (loads queued in the first read block). */
export interface ExistingRules {
  grade: Excel.ConditionalFormatCollection | null;
  style: Excel.ConditionalFormatCollection | null;
}

export function loadExistingRules(ws: Excel.Worksheet, area: OutputArea, plan: RulePlan): ExistingRules {
  let grade: Excel.ConditionalFormatCollection | null = null;
  let style: Excel.ConditionalFormatCollection | null = null;
  if (plan.gradeRules.length) {
    grade = ws.getRangeByIndexes(area.top, area.targetCol + plan.gradeCol, area.rows, 1).conditionalFormats;
    grade.load("items/id,items/type,items/cellValueOrNullObject/rule,items/cellValueOrNullObject/format/fill/color");
  }
  if (plan.styleFormula) {
    style = ws.getRangeByIndexes(area.top, area.targetCol + plan.styleCol, area.rows, 1).conditionalFormats;
    style.load("items/id,items/type,items/customOrNullObject/rule/formula");
  }
  return { grade, style };
}

function sameColor(a: string, b: string | null | undefined): boolean {
  return typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/**
 * Existing rules identical to ours (same rule, same colour). Their ranges are checked in the
 * first write batch (`queueRangeChecks`, no extra sync); the ones on exactly our cells are kept.
 */
export class IdenticalRules {
  private readonly grade: Excel.ConditionalFormat[];
  private readonly style: Excel.ConditionalFormat[];
  private readonly ranges = new Map<Excel.ConditionalFormat, Excel.Range>();

  constructor(
    existing: ExistingRules | null,
    private readonly plan: RulePlan,
  ) {
    this.grade = (existing?.grade?.items ?? []).filter(
      (cf) =>
        cf.type === "CellValue" &&
        !cf.cellValueOrNullObject.isNullObject &&
        cf.cellValueOrNullObject.rule.operator === "EqualTo" &&
        plan.gradeRules.some((r) => r.formula1 === cf.cellValueOrNullObject.rule.formula1 && sameColor(r.color, cf.cellValueOrNullObject.format.fill.color)),
    );
    this.style = (existing?.style?.items ?? []).filter(
      (cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula === plan.styleFormula,
    );
  }

  /** Queues loading where each identical rule applies (in a batch that syncs anyway). */
  queueRangeChecks(): void {
    for (const cf of [...this.grade, ...this.style]) {
      const r = cf.getRangeOrNullObject();
      r.load("address");
      this.ranges.set(cf, r);
    }
  }

  private onOurCells(cf: Excel.ConditionalFormat, address: string): boolean {
    const r = this.ranges.get(cf);
    return !!r && !r.isNullObject && r.address === address;
  }

  /** Formulas of the grade rules already in place on our grade cells. */
  keptGrades(): Set<string> {
    return new Set(this.grade.filter((cf) => this.onOurCells(cf, this.plan.gradeAddress)).map((cf) => cf.cellValueOrNullObject.rule.formula1));
  }

  /** True when the bad-input rule is already in place on our cells. */
  keptStyle(): boolean {
    return this.style.some((cf) => this.onOurCells(cf, this.plan.styleAddress));
  }
}

/**
 * Queues the rules that are not in place yet; returns them (their ids load with the batch's sync).
 * Excel adds a new format at the top priority; setting priority 0 explicitly, best grade last,
 * leaves the rules in grade order above any older rule on these cells.
 */
export function queueRules(ws: Excel.Worksheet, area: OutputArea, plan: RulePlan, identical: IdenticalRules): Excel.ConditionalFormat[] {
  const keptGrades = identical.keptGrades();
  const keptStyle = identical.keptStyle();
  const added: Excel.ConditionalFormat[] = [];
  if (plan.gradeRules.length) {
    const gradeCells = ws.getRangeByIndexes(area.top, area.targetCol + plan.gradeCol, area.rows, 1);
    for (const rule of [...plan.gradeRules].reverse()) {
      if (keptGrades.has(rule.formula1)) continue;
      const cf = gradeCells.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = rule.color;
      cf.cellValue.rule = { formula1: rule.formula1, operator: "EqualTo" };
      cf.priority = 0;
      cf.load("id");
      added.push(cf);
    }
  }
  if (plan.styleFormula && !keptStyle) {
    const cf = ws.getRangeByIndexes(area.top, area.targetCol + plan.styleCol, area.rows, 1).conditionalFormats.add("Custom");
    cf.custom.rule.formula = plan.styleFormula;
    cf.custom.format.fill.color = BAD_INPUT_STYLE.fill;
    cf.custom.format.font.color = BAD_INPUT_STYLE.fontColor;
    cf.custom.format.font.italic = BAD_INPUT_STYLE.italic;
    cf.priority = 0;
    cf.load("id");
    added.push(cf);
  }
  return added;
}
