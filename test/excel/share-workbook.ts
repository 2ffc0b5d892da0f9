/**
 * The workbook of the "Prepare to share" tests: GK.GRADE / GK.SCORE / GK.TIER / GK.PERCENTILE_TIER
 * blocks (spilled) and scalars over built-in templates and one template stored in the workbook,
 * plus cells that cannot be converted. The host evaluates GK formulas with the playground's formula
 * engine (the GK functions' own code), so each cell shows what GradeKit shows; the host does not
 * spill, so only a block's first cell holds its value (its other cells are empty, as Excel reports
 * spill cells' formulas as plain values anyway).
 */
import type { Template } from "../../src/engine";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { saveWorkbookTemplate } from "../../src/excel";
import { setWorkbookTemplates } from "../../src/functions/templates";
import { FormulaEngine, type CellReader } from "../../src/playground/formula-engine";

/** A template only this workbook has (stored as a custom XML part). */
export const STORED: Template = {
  id: "team-spend",
  version: 1,
  category: "custom",
  name: { en: "Team spend", zh: "团队消费" },
  description: { en: "Spend bands", zh: "消费分档" },
  fields: [{ key: "spend", label: { en: "Spend", zh: "消费" }, type: "number", min: 0 }],
  grades: [
    { id: "Gold", label: { en: "Gold", zh: "金" }, color: "#FFD966" },
    { id: "Silver", label: { en: "Silver", zh: "银" }, color: "#D9D9D9" },
    { id: "Bronze", label: { en: "Bronze", zh: "铜" }, color: "#F4B183" },
  ],
  model: {
    kind: "bands",
    field: "spend",
    bands: [
      { grade: "Gold", op: ">=", value: 5000 },
      { grade: "Silver", op: ">=", value: 1000 },
    ],
    otherwise: "Bronze",
  },
};

/** Data sheet: A:B sales-pipeline inputs, F:H weighted-value inputs (rows 2..11). */
export const DATA: (string | number | null)[][] = [
  ["Close months", "Monthly amount", "Grade block", "Grade row", null, "Credit score", "Order amount", "Profit", "Score", "Grade", "Tier", "Band", "Other", "Tier of one"],
  [1, 60000, null, null, null, 80, 12000, 3000],
  [2, 30000, null, null, null, 65, 8000, 1500],
  [4, 12000, null, null, null, 90, 20000, 6000],
  [null, null, null, null, null, null, null, null],
  [7, 5000, null, null, null, 50, 3000, 200],
  ["abc", 9000, null, null, null, 70, 9500, 2500],
  [3, 45000, null, null, null, 85, 15000, 4000],
  [12, 800, null, null, null, 40, 1000, -100],
  [0, 100000, null, null, null, 75, 11000, 2800],
  [5, 20000, null, null, null, 60, 6000, 900],
];

/** The GK formulas, by sheet and cell. */
export const FORMULAS: { sheet: string; cell: string; formula: string }[] = [
  { sheet: "Data", cell: "C2", formula: '=GK.GRADE("sales-pipeline",A2:B11)' },
  ...Array.from({ length: 10 }, (_, i) => ({ sheet: "Data", cell: `D${i + 2}`, formula: `=GK.GRADE("Sales pipeline",$A${i + 2}:$B${i + 2})` })),
  { sheet: "Data", cell: "I2", formula: '=GK.SCORE("weighted-value",F2:H11)' },
  { sheet: "Data", cell: "J2", formula: '=GK.GRADE("weighted-value",F2:H11)' },
  { sheet: "Data", cell: "K2", formula: "=GK.PERCENTILE_TIER(G2:G11)" },
  ...Array.from({ length: 10 }, (_, i) => ({ sheet: "Data", cell: `L${i + 2}`, formula: `=GK.TIER(G${i + 2},{10000,5000},{"A","B","C"})` })),
  ...Array.from({ length: 10 }, (_, i) => ({ sheet: "Data", cell: `N${i + 2}`, formula: `=GK.PERCENTILE_TIER(G${i + 2},$G$2:$G$11,{0.3,0.7},{"top","mid","low"})` })),
  // cannot be converted
  { sheet: "Data", cell: "M2", formula: '=GK.EXPLAIN("sales-pipeline",A2:B2)' },
  { sheet: "Data", cell: "M3", formula: '=GK.GRADE("no-such-template",A3:B3)' },
  { sheet: "Data", cell: "M4", formula: '=IF(A4="","",GK.GRADE("sales-pipeline",A4:B4))' },
  // the stored template, a block and scalars, on another sheet
  { sheet: "Team", cell: "B2", formula: '=GK.GRADE("team-spend",A2:A7)' },
  ...Array.from({ length: 6 }, (_, i) => ({ sheet: "Team", cell: `C${i + 2}`, formula: `=GK.GRADE("Team spend",A${i + 2})` })),
];

export const TEAM: (string | number | null)[][] = [["Spend", "Grade block", "Grade row"], [6000], [1000], [999.5], [null], [-5], [42000]];

/** Cells (sheet!A1) of the formulas that cannot become portable formulas. */
export const UNCONVERTIBLE = ["Data!M2", "Data!M3", "Data!M4"];

function readerOf(get: () => ExcelHost): CellReader {
  const norm = (v: unknown) => (v === "" || v === undefined ? null : (v as string | number | boolean));
  return {
    cell: (sheet, r, c) => norm(get().getValues(sheet, cellA1(r, c))[0][0]),
    range: (sheet, r0, c0, r1, c1) => get().getValues(sheet, `${cellA1(r0, c0)}:${cellA1(r1, c1)}`).map((row) => row.map(norm)),
  };
}

function cellA1(r: number, c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** What a formula shows in GradeKit (the whole spilled array), evaluated by the playground's engine. */
export type Shown = string | number | boolean;

export function evaluatorFor(get: () => ExcelHost): { evaluate(formula: string, sheet: string, r: number, c: number): Shown[][] } {
  const engine = new FormulaEngine(readerOf(get), () => "en");
  return {
    evaluate(formula, sheet, r, c) {
      const res = engine.evaluate(formula, sheet, r, c);
      if ("syntaxError" in res) return [["#SYNTAX"]];
      return res.cells.map((row) => row.map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? String(v) : v)));
    },
  };
}

/** The seeded host (GK formulas evaluated; the stored template saved in the workbook and known to GK.*). */
export async function shareWorkbook(): Promise<ExcelHost> {
  // eslint-disable-next-line prefer-const -- the evaluator refers to the host created with it
  let host: ExcelHost;
  const ev = evaluatorFor(() => host);
  host = createExcelHost({
    sheets: ["Data", "Team"],
    formulaEvaluator: (formula, at) => ev.evaluate(formula, at.sheet, at.row, at.column)[0][0],
  });
  const rect = (rows: (string | number | null)[][]) => rows.map((r) => Array.from({ length: rows[0].length }, (_, j) => r[j] ?? ""));
  host.setValues("Data", "A1", rect(DATA));
  host.setValues("Team", "A1", rect(TEAM));
  await saveWorkbookTemplate(host.Excel, STORED);
  setWorkbookTemplates([STORED]);
  await host.Excel.run(async (context) => {
    for (const f of FORMULAS) context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).formulas = [[f.formula]];
    await context.sync();
  });
  return host;
}
