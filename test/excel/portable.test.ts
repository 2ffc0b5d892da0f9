/**
 * "Write grades as formulas": apply writes the compiled native formulas (excel-compat) into the
 * grade and score columns, keeps reasons as values, and undo restores the sheet. HyperFormula
 * recalculates the sheet: the formulas give the engine's grades.
 */
import { HyperFormula } from "hyperformula";
import { compileFormulaRows, gradeTable, isRefusal } from "../../src/engine";
import { createWorkbookActions } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { seededHost } from "./helpers";

const table = [
  ["Customer", "Expected months to close", "Expected monthly deal amount"],
  ["甲", 2, ""],
  ["乙", 8, 60000],
  ["丙", "", 150000],
  ["丁", 20, 1000],
  ["戊", "abc", 5],
  ["己", 12, 0],
];

test("sales-pipeline as formulas: the formulas are the compiler's, they give the engine's grades, undo restores", async () => {
  const template = getBuiltinTemplate("sales-pipeline")!;
  const host = seededHost(table);
  host.setSelection("Data", "A1");
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(template);
  const before = host.snapshot();
  const res = await actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true });
  expect(res.status).toBe("applied");

  const expected = compileFormulaRows(template, { target: "excel-compat", columns: { closeMonths: "B", monthlyAmount: "C" }, firstRow: 2, lastRow: 7 });
  if (isRefusal(expected)) throw new Error("refused");
  const formulas = host.getFormulas("Data", "D2:D7").map((r) => r[0]);
  expect(formulas).toEqual(expected.map((f) => `=${f.grade}`));
  // Reasons stay values.
  expect(host.getFormulas("Data", "E2:E2")[0][0]).toMatch(/^A: /);

  // Recalculate the written sheet in an independent engine.
  const sheet = [table[0].concat(["Grade"]), ...table.slice(1).map((r, i) => [...r, formulas[i]])];
  const hf = HyperFormula.buildFromArray(sheet as (string | number)[][], { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const engine = gradeTable(template, { rows: table.slice(1).map((r) => r.slice(1)), fields: ["closeMonths", "monthlyAmount"] });
  for (let i = 0; i < 6; i++) {
    const v = hf.getCellValue({ sheet: 0, row: i + 1, col: 3 });
    const shown = typeof v === "object" && v !== null ? (v as { value: string }).value : v;
    expect(shown).toBe(engine.grade(i) ?? (engine.status(i) === "empty" ? "" : "#VALUE!"));
  }

  await actions.undoLastApply();
  expect(host.snapshot()).toEqual(before);
});
