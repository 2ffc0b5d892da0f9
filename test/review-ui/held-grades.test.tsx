/** @jest-environment jsdom */
/**
 * The period review's "Held grades" action in the task pane: a workbook template with validity
 * rules (the telecom star sample), periods already saved, the compare tab offers the action and
 * writes the held grades sheet (values worked out by hand in test/review/held-adapter.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { screen } from "@testing-library/react";
import type { Template } from "../../src/engine";
import { createWorkbookActions } from "../../src/excel";
import { renderApp, seedHost } from "../taskpane/harness";

const STAR = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "remember", "telecom-star.json"), "utf8")) as Template;

test("held grades over the saved periods from the review screen", async () => {
  const host = seedHost({}, [["phone", "grade"], ["a", "5star"], ["b", "2star"]]);
  const actions = createWorkbookActions(host.Excel);
  await actions.saveTemplate(STAR, { baseVersion: null });
  await actions.savePeriod({ template: STAR, keyColumn: 0, gradeColumn: 1, period: "Q1", date: "2026-01-01" });
  host.setValues("Customers", "A2", [["a", "3star"], ["b", "4star"]]);
  host.setSelection("Customers", "A1");
  await actions.savePeriod({ template: STAR, keyColumn: 0, gradeColumn: 1, period: "Q2", date: "2026-04-01" });
  host.setSelection("Customers", "A1");

  const h = renderApp({ host });
  await h.user.click(await screen.findByRole("button", { name: "Period review" }));
  await screen.findByRole("heading", { level: 2, name: "Period review" });
  const select = screen.getByRole("combobox", { name: "Template" }) as HTMLSelectElement;
  const option = [...select.options].find((o) => o.text.startsWith("Telecom star level"))!;
  await h.user.selectOptions(select, option.value);
  await h.user.click(screen.getByRole("tab", { name: /Compare periods/ }));
  await h.user.click(await screen.findByRole("button", { name: "Held grades (new sheet)" }));
  await screen.findByText("GradeKit Held Grades: 2 customers over Q1, Q2; valid 1, raise 1.");
  // a: 5 stars from Q1, earned 3 in Q2: kept (valid 2 of 4); b: raised 2 -> 4
  expect(host.getValues("GradeKit Held Grades", "A2:F3")).toEqual([
    ["a", "Q2", "3star", "5star", 2, "valid"],
    ["b", "Q2", "4star", "4star", 1, "raise"],
  ]);
});
