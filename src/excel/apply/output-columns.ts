/**
 * What apply writes and where: the output columns (grade / score / reason), the text of a grade,
 * the output area next to the table, the rule that marks bad-input rows. Pure (no Office.js).
 */
import type { GradeResult, Lang } from "../../engine";
import { columnLetters, MAX_COLS, sheetAddress, type Rect } from "../address";
import { formulaString } from "../cell-text";
import type { ApplyOptions, TableInfo } from "../contract";
import { AdapterError } from "../errors";
import { dataTop } from "../table/columns";

/** Style of rows with bad input (Excel's "light red fill with dark red text", italic). */
export const BAD_INPUT_STYLE = Object.freeze({ fill: "#FFC7CE", fontColor: "#9C0006", italic: true });

export type OutputKind = "grade" | "score" | "reason";

/** Which output columns, in order. */
export function outputKinds(options: Pick<ApplyOptions, "outputs">, scores: boolean): OutputKind[] {
  const o = options.outputs ?? {};
  const kinds: OutputKind[] = [];
  if (o.grade ?? true) kinds.push("grade");
  if (o.score ?? scores) kinds.push("score");
  if (o.reason ?? true) kinds.push("reason");
  return kinds;
}

/** The text written in the grade cell: canonical id in English, the Chinese label in zh-CN. */
export function gradeText(result: GradeResult, i: number, lang: Lang): string {
  if (lang === "zh-CN") return result.label(i, "zh-CN");
  return result.grade(i) ?? "";
}

/** Text of a grade (by GradeInfo) as written, for conditional format rules and summaries. */
export function gradeInfoText(g: { id: string; label: { en: string; zh: string } }, lang: Lang): string {
  return lang === "zh-CN" ? g.label.zh || g.label.en || g.id : g.id;
}

/**
 * The Custom formula that marks a bad-input row, relative to the first data row: the grade (or
 * score) cell is empty while the row is not a "no data" row (its reason cell is not empty and not
 * "no data"; without a reason column: at least one input cell is filled). Null when neither a
 * grade nor a score column is written (nothing tells a bad row apart then).
 */
export function badRowFormula(
  kinds: OutputKind[],
  targetColumn: number,
  firstDataRow: number,
  inputColumns: number[],
  noDataText: string,
): string | null {
  const col = (k: OutputKind) => targetColumn + kinds.indexOf(k);
  const ref = (c: number) => `$${columnLetters(c)}${firstDataRow + 1}`;
  const marker = kinds.includes("grade") ? col("grade") : kinds.includes("score") ? col("score") : -1;
  if (marker < 0) return null;
  if (kinds.includes("reason")) {
    const r = ref(col("reason"));
    return `=AND(${ref(marker)}="",${r}<>"",${r}<>${formulaString(noDataText)})`;
  }
  if (inputColumns.length === 0) return null;
  return `=AND(${ref(marker)}="",COUNTA(${inputColumns.map(ref).join(",")})>0)`;
}

/** Where apply writes: the output columns beside the table, header row included. */
export interface OutputArea {
  sheet: string;
  kinds: OutputKind[];
  /** Zero-based sheet column of the first output column. */
  targetCol: number;
  /** Zero-based sheet row of the first data row. */
  top: number;
  /** Zero-based sheet row of the header row (-1: the table has none, no header is written). */
  headerRow: number;
  /** 1 when a header row is written, else 0. */
  hdr: 0 | 1;
  /** Data rows. */
  rows: number;
  /** The whole output area (header row included) and its address. */
  rect: Rect;
  address: string;
}

/** The output area of a table; refuses output columns that do not fit on the sheet. */
export function outputArea(table: TableInfo, kinds: OutputKind[], targetColumn: number | "right" | undefined): OutputArea {
  const k = kinds.length;
  const targetCol = targetColumn === undefined || targetColumn === "right" ? table.columnIndex + table.columnCount : targetColumn;
  if (!Number.isInteger(targetCol) || targetCol < 0 || targetCol + k > MAX_COLS) throw new AdapterError("badTarget", String(targetCol));
  const top = dataTop(table);
  const n = table.rowCount;
  const headerRow = table.hasHeader ? table.rowIndex : -1;
  const rect: Rect = { r0: table.hasHeader ? headerRow : top, c0: targetCol, r1: top + n - 1, c1: targetCol + k - 1 };
  return { sheet: table.sheet, kinds, targetCol, top, headerRow, hdr: table.hasHeader ? 1 : 0, rows: n, rect, address: sheetAddress(table.sheet, rect) };
}

/** Address of the first offending input cell of a bad row (the grade cell when no field is named). */
export function badCellAddress(table: TableInfo, mapping: Record<string, number>, result: GradeResult, i: number, area: OutputArea): string {
  const row = area.top + i;
  const field = result.error(i)?.field;
  const col = field !== undefined && field in mapping ? table.columnIndex + mapping[field] : area.targetCol + Math.max(0, area.kinds.indexOf("grade"));
  return `${sheetAddress(table.sheet, { r0: row, c0: col, r1: row, c1: col })}`;
}
