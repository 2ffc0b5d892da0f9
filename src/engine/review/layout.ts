/**
 * The review sheet ("GradeKit Review" / "分级变动") as a grid of cells plus its formatting, built
 * once here so the workbook adapter (Office.js) and the CLI (xlsx) write exactly the same sheet.
 *
 * Layout (0-based rows):
 *   0  title, 1 what was compared (template or first-appearance order), 2 blank
 *   3  matrix header: "From \ To", grades best -> worst, "Lost", "Total"
 *   4… one row per previous grade: counts per current grade, lost, row total
 *      "New" row (customers only in the current period), "Total" row
 *   blank, then (with a measure) the same matrix with each cell's share of the measure total
 *   blank, the counts per change (upgraded … lost) and per problem (duplicates …)
 *   blank, the problems one per line (when there are any)
 *   blank, every compared customer: key, change, from, to, levels, rows (measure)
 * Matrix fills: diagonal (unchanged) blue, below-left (upgrade) green, above-right (downgrade)
 * red, "Lost" column grey, "New" row yellow.
 *
 * `reviewSheet` gives the grid and where its parts are; `reviewLayout` turns it into a sheet
 * layout (the engine's sheet model) for the Office.js and xlsx drawers.
 */
import { tr } from "../text/display";
import type { Lang } from "../text/lang";
import type { Text } from "../template/schema";
import { area, SheetBuilder, type SheetLayout } from "../sheet";
import { slotText, type Change, type Comparison, type Movement } from "./compare";

export type SheetCell = string | number;

export interface CellRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ReviewSheet {
  name: string;
  cells: SheetCell[][];
  /** Background fills, `#RRGGBB`. */
  fills: (CellRect & { color: string })[];
  /** Rows shown bold (whole used width). */
  bold: number[];
  /** Cells shown as percentages. */
  percent: CellRect[];
  /** Where the count matrix is: header row / label column at (row, col); `size` = grades + 1. */
  matrix: { row: number; col: number; size: number };
  /** Row of the counts per change header ("Change", "Customers"); the five changes follow. */
  changeRow: number;
  /** Row of the customers list header. */
  listRow: number;
  width: number;
  /** Title of the chart of the counts per change. */
  chartTitle: string;
}

export const REVIEW_COLORS = Object.freeze({
  same: "#DDEBF7",
  up: "#C6EFCE",
  down: "#FFC7CE",
  lost: "#EDEDED",
  added: "#FFF2CC",
});

interface ReviewWords {
  sheet: string;
  title: (prev: string, cur: string) => string;
  template: (name: string, id: string, version: number) => string;
  noTemplate: string;
  corner: string;
  lost: string;
  added: string;
  total: string;
  shareOf: (m: string) => string;
  changeHead: string;
  customers: string;
  change: Record<Change, string>;
  changeCount: Record<Change, string>;
  duplicates: string;
  unknownGrades: string;
  ungraded: string;
  blankKeys: string;
  measureProblems: string;
  problemHead: [string, string, string, string];
  problem: { duplicate: string; unknown: string; ungraded: string; blankKey: string; badMeasure: string };
  listHead: [string, string, string, string, string, string, string];
  measure: string;
  excludedNote: string;
  chart: string;
}

export const REVIEW_WORDS: Readonly<Record<Lang, ReviewWords>> = Object.freeze({
  en: {
    sheet: "GradeKit Review",
    title: (p: string, c: string) => `GradeKit review: ${p} → ${c}`,
    template: (n: string, id: string, v: number) => `Template: ${n} (${id} v${v}); grades best → worst`,
    noTemplate: "No template: grades in order of first appearance",
    corner: "From \\ To",
    lost: "Lost",
    added: "New",
    total: "Total",
    shareOf: (m: string) => `Share of ${m}`,
    changeHead: "Change",
    customers: "Customers",
    change: { up: "up", down: "down", same: "same", new: "new", lost: "lost" },
    changeCount: { up: "Upgraded", down: "Downgraded", same: "Unchanged", new: "New", lost: "Lost" },
    duplicates: "Duplicate keys (left out)",
    unknownGrades: "Unknown grades (left out)",
    ungraded: "Not graded (left out)",
    blankKeys: "Rows without a key (ignored)",
    measureProblems: "Measure not a number (counted 0)",
    problemHead: ["Problem", "Key or grade", "Previous rows", "Current rows"],
    problem: { duplicate: "duplicate key", unknown: "unknown grade", ungraded: "not graded", blankKey: "no key", badMeasure: "measure not a number" },
    listHead: ["Key", "Change", "From", "To", "Levels", "Previous row", "Current row"],
    measure: "Measure",
    excludedNote: "Customers with a duplicate key, an unknown grade or no grade in either period are left out of the matrix and the list.",
    chart: "Customers by change",
  },
  "zh-CN": {
    sheet: "分级变动",
    title: (p: string, c: string) => `GradeKit 分级变动：${p} → ${c}`,
    template: (n: string, id: string, v: number) => `模板：${n}（${id} 第 ${v} 版）；等级从高到低`,
    noTemplate: "未指定模板：等级按首次出现的顺序排列",
    corner: "原等级 \\ 新等级",
    lost: "流失",
    added: "新增",
    total: "合计",
    shareOf: (m: string) => `${m}占比`,
    changeHead: "变动",
    customers: "客户数",
    change: { up: "升级", down: "降级", same: "不变", new: "新增", lost: "流失" },
    changeCount: { up: "升级", down: "降级", same: "不变", new: "新增", lost: "流失" },
    duplicates: "重复的键（未计入）",
    unknownGrades: "未知等级（未计入）",
    ungraded: "未分级（未计入）",
    blankKeys: "缺少键的行（已忽略）",
    measureProblems: "度量不是数字（按 0 计）",
    problemHead: ["问题", "键或等级", "上期行号", "本期行号"],
    problem: { duplicate: "键重复", unknown: "未知等级", ungraded: "未分级", blankKey: "缺少键", badMeasure: "度量不是数字" },
    listHead: ["键", "变动", "原等级", "新等级", "升降级数", "上期行号", "本期行号"],
    measure: "度量",
    excludedNote: "任一期间键重复、等级未知或未分级的客户不计入矩阵和名单。",
    chart: "各变动类型客户数",
  },
});

const CHANGE_ORDER: Change[] = ["up", "down", "new", "lost", "same"];

export interface ReviewSheetOptions {
  lang?: Lang;
  previous: string;
  current: string;
  /** Template name/id/version for the second line (the comparison says whether one was used). */
  template?: { name: Text; id: string; version: number };
  /** Header of the measure (column name). */
  measureName?: string;
}

/** Builds the review sheet of a comparison. */
export function reviewSheet(c: Comparison, opts: ReviewSheetOptions): ReviewSheet {
  const lang = opts.lang ?? "en";
  const w = REVIEW_WORDS[lang];
  const G = c.grades.length;
  const label = (k: number) => slotText(c.grades[k], lang);
  const cells: SheetCell[][] = [];
  const fills: ReviewSheet["fills"] = [];
  const bold: number[] = [];
  const percent: CellRect[] = [];

  cells.push([w.title(opts.previous, opts.current)]);
  bold.push(0);
  cells.push([opts.template && c.templateOrder ? w.template(tr(opts.template.name, lang), opts.template.id, opts.template.version) : w.noTemplate]);
  cells.push([w.excludedNote]);

  const matrixBlock = (values: number[][], asShare: boolean) => {
    const top = cells.length;
    const total = asShare ? c.measureTotal ?? 0 : 1;
    const v = (x: number) => (asShare ? (total ? x / total : 0) : x);
    const rowSum = (f: number) => values[f].reduce((a, b) => a + b, 0);
    const colSum = (t: number) => values.reduce((a, r) => a + r[t], 0);
    cells.push([w.corner, ...c.grades.map((_, k) => label(k)), w.lost, w.total]);
    bold.push(top);
    for (let f = 0; f < G; f++) cells.push([label(f), ...values[f].map(v), v(rowSum(f))]);
    cells.push([w.added, ...values[G].slice(0, G).map(v), "", v(rowSum(G))]);
    const grand = values.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
    cells.push([w.total, ...Array.from({ length: G + 1 }, (_, t) => v(colSum(t))), v(grand)]);
    bold.push(top + G + 2);
    // region fills, one rectangle per run
    for (let f = 0; f < G; f++) {
      const r = top + 1 + f;
      if (f > 0) fills.push({ row: r, col: 1, rows: 1, cols: f, color: REVIEW_COLORS.up });
      fills.push({ row: r, col: 1 + f, rows: 1, cols: 1, color: REVIEW_COLORS.same });
      if (f < G - 1) fills.push({ row: r, col: 2 + f, rows: 1, cols: G - 1 - f, color: REVIEW_COLORS.down });
    }
    if (G > 0) fills.push({ row: top + 1, col: 1 + G, rows: G, cols: 1, color: REVIEW_COLORS.lost });
    if (G > 0) fills.push({ row: top + 1 + G, col: 1, rows: 1, cols: G, color: REVIEW_COLORS.added });
    if (asShare) percent.push({ row: top + 1, col: 1, rows: G + 2, cols: G + 2 });
    return top;
  };
  const matrixTop = matrixBlock(c.counts, false);
  if (c.measure) {
    cells.push([]);
    cells.push([w.shareOf(opts.measureName ?? w.measure)]);
    bold.push(cells.length - 1);
    matrixBlock(c.measure, true);
  }

  cells.push([]);
  const changeRow = cells.length;
  cells.push([w.changeHead, w.customers]);
  bold.push(cells.length - 1);
  const byChange: Record<Change, Movement[]> = { up: c.upgraded, down: c.downgraded, same: c.unchanged, new: c.added, lost: c.lost };
  for (const ch of ["up", "down", "same", "new", "lost"] as Change[]) cells.push([w.changeCount[ch], byChange[ch].length]);
  cells.push([w.duplicates, c.duplicates.length]);
  cells.push([w.unknownGrades, c.unknownGrades.reduce((a, u) => a + u.rows.length, 0)]);
  cells.push([w.ungraded, c.ungraded.length]);
  cells.push([w.blankKeys, c.blankKeys.length]);
  if (c.measure) cells.push([w.measureProblems, c.measureProblems.length]);

  const problems: SheetCell[][] = [];
  const rows = (xs: number[]) => xs.join(", ");
  for (const d of c.duplicates) problems.push([w.problem.duplicate, d.key, rows(d.previousRows), rows(d.currentRows)]);
  for (const u of c.unknownGrades) problems.push([w.problem.unknown, u.grade, u.side === "previous" ? rows(u.rows) : "", u.side === "current" ? rows(u.rows) : ""]);
  for (const u of c.ungraded) problems.push([w.problem.ungraded, u.key, u.side === "previous" ? u.row : "", u.side === "current" ? u.row : ""]);
  for (const b of c.blankKeys) problems.push([w.problem.blankKey, "", b.side === "previous" ? b.row : "", b.side === "current" ? b.row : ""]);
  for (const p of c.measureProblems) problems.push([w.problem.badMeasure, p.text, p.side === "previous" ? p.row : "", p.side === "current" ? p.row : ""]);
  if (problems.length) {
    cells.push([]);
    cells.push([...w.problemHead]);
    bold.push(cells.length - 1);
    cells.push(...problems);
  }

  cells.push([]);
  const listRow = cells.length;
  cells.push([...w.listHead, ...(c.measure ? [opts.measureName ?? w.measure] : [])]);
  bold.push(listRow);
  const gradeText = (id: string | null) => {
    if (id === null) return "";
    const g = c.grades.find((x) => x.id === id);
    return g ? slotText(g, lang) : id;
  };
  for (const ch of CHANGE_ORDER) {
    for (const m of byChange[ch]) {
      const r: SheetCell[] = [m.key, w.change[ch], gradeText(m.from), gradeText(m.to), m.steps, m.previousRow ?? "", m.currentRow ?? ""];
      if (c.measure) r.push(m.measure);
      cells.push(r);
    }
  }
  const width = Math.max(...cells.map((r) => r.length));
  for (const r of cells) while (r.length < width) r.push("");
  return { name: w.sheet, cells, fills, bold, percent, matrix: { row: matrixTop, col: 0, size: G + 1 }, changeRow, listRow, width, chartTitle: w.chart };
}

/** Width of the key column and of the others, in characters, where a drawer cannot fit columns to their contents. */
const KEY_WIDTH = 22;
const COLUMN_WIDTH = 12;
/** Rows and columns the chart of the counts per change covers. */
const CHART_ROWS = 15;
const CHART_COLS = 7;

/**
 * The review sheet as a sheet layout: the grid from A1, the title in 14 pt, the header and total
 * rows bold, the matrix regions filled, the shares as percentages, the columns fitted to the
 * contents from the matrix down (the title and notes above may run over), a column chart of the
 * customers upgraded / downgraded / unchanged / new / lost to the right of the matrix, and A4
 * landscape printing one page wide with the list's header repeated.
 */
export function reviewLayout(sheet: ReviewSheet): SheetLayout {
  const b = new SheetBuilder(sheet.name).block(0, 0, sheet.cells);
  b.style(area(0, 0), { size: 14 });
  for (const r of sheet.bold) b.style(area(r, 0, 1, sheet.width), { bold: true });
  for (const f of sheet.fills) b.style(area(f.row, f.col, f.rows, f.cols), { fill: f.color });
  for (const p of sheet.percent) b.style(area(p.row, p.col, p.rows, p.cols), { numberFormat: "0.0%" });
  b.columns(Array.from({ length: sheet.width }, (_, c) => ({ width: c === 0 ? KEY_WIDTH : COLUMN_WIDTH })));
  b.chart({
    kind: "column",
    source: area(sheet.changeRow, 0, 6, 2),
    seriesBy: "columns",
    title: sheet.chartTitle,
    legend: false,
    at: area(sheet.matrix.row, sheet.width + 1, CHART_ROWS, CHART_COLS),
  });
  b.print({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: sheet.listRow, last: sheet.listRow },
    area: area(0, 0, Math.max(sheet.cells.length, sheet.matrix.row + CHART_ROWS), sheet.width + 1 + CHART_COLS),
    header: { left: "", center: String(sheet.cells[0]?.[0] ?? "").replace(/&/g, "&&"), right: "" },
    footer: { left: "", center: "&P / &N", right: "" },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: true,
  });
  return b.fitColumns(area(sheet.matrix.row, 0, sheet.cells.length - sheet.matrix.row, sheet.width)).done();
}
