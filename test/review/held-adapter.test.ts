/**
 * Grades that remember over the saved periods (adapter `heldGradesSheet`, WorkbookActions
 * `heldGrades`) on the in-memory host: periods saved to the history table with the telecom star
 * sample template (valid 4 quarters), then the held grades sheet, worked out by hand; a missing
 * customer is carried and listed; an unknown period and a template without hold/validity refused.
 */
import * as fs from "fs";
import * as path from "path";
import { createWorkbookActions } from "../../src/excel";
import type { Template } from "../../src/engine";
import { createExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";

const STAR = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "remember", "telecom-star.json"), "utf8")) as Template;

async function saved(quarters: [string, unknown[][]][]) {
  const host = createExcelHost({ sheets: ["Data"] });
  const actions = createWorkbookActions(host.Excel);
  for (const [period, rows] of quarters) {
    host.setValues("Data", "A1", Array.from({ length: 10 }, () => ["", ""]));
    host.setValues("Data", "A1", [["phone", "grade"], ...rows]);
    host.setSelection("Data", "A1");
    await actions.savePeriod({ template: STAR, keyColumn: 0, gradeColumn: 1, period, date: "2026-01-01" });
  }
  return { host, actions };
}

test("held grades over four saved quarters, by hand", async () => {
  const { host, actions } = await saved([
    ["Q1", [["a", "5star"], ["b", "2star"], ["c", "1star"]]],
    ["Q2", [["a", "3star"], ["b", "4star"]]], // c missing
    ["Q3", [["a", "1star"], ["b", "2star"], ["c", "1star"]]],
    ["Q4", [["a", "1star"], ["b", "2star"], ["c", "2star"]]],
  ]);
  const r = await actions.heldGrades({ template: STAR });
  // a: 5 from Q1, valid 4 quarters: Q2 valid 2/4, Q3 3/4, Q4 4/4 (expiry after the 4th) -> still 5star
  // b: 2, raised to 4 in Q2 (period 1), Q3 valid 2/4, Q4 valid 3/4
  // c: 1, no row in Q2 (carried, 2nd period), Q3 keep (3), Q4 raised to 2 (period 1)
  expect(r).toEqual({ sheet: "GradeKit Held Grades", periods: ["Q1", "Q2", "Q3", "Q4"], customers: 3, rules: { valid: 2, raise: 1 }, missing: [{ period: "Q2", keys: ["c"] }] });
  expect(host.getValues("GradeKit Held Grades", "A1:G4")).toEqual([
    ["key", "period", "earned", "held", "periodsHeld", "rule", "reason"],
    ["a", "Q4", "1star", "5star", 4, "valid", "kept Five stars: earned One star, valid period 4 of 4"],
    ["b", "Q4", "2star", "4star", 3, "valid", "kept Four stars: earned Two stars, valid period 3 of 4"],
    ["c", "Q4", "2star", "2star", 1, "raise", "raised One star → Two stars: earned Two stars"],
  ]);
  // chosen periods only, in the order given
  host.setSelection("Data", "A1");
  const two = await actions.heldGrades({ template: STAR, periods: ["Q3", "Q4"], lang: "zh-CN" });
  expect(two.sheet).toBe("保级结果");
  expect(host.getValues("保级结果", "D2:F2")).toEqual([["1star", 2, "keep"]]);
});

test("an unknown period and a template without hold or validity are refused", async () => {
  const { actions } = await saved([["Q1", [["a", "5star"]]]]);
  await expect(actions.heldGrades({ template: STAR, periods: ["Q9"] })).rejects.toThrow("No saved period 'Q9'.");
  await expect(actions.heldGrades({ template: getBuiltinTemplate("need-close-5")! })).rejects.toThrow(/no hold or validity rules/);
});
