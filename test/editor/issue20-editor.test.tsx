/** @jest-environment jsdom */
/**
 * Issue 20 in the template editor: a deduction (a criterion's lowest points below 0, and what a
 * negative total does), a computed measure (built, then banded), and a population threshold (a
 * band at the mean of a field), each saved into the workbook and read back.
 */
import { within } from "@testing-library/react";
import { gradeTable, type Template } from "../../src/engine";
import { renderApp } from "../taskpane/harness";
import { openBlank, saveAndRead, setText } from "./editor-helpers";

test("negative points: a criterion's lowest points below 0, and a negative total kept", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "scorecard");
  expect(within(editor).queryByRole("combobox", { name: "A total below 0" })).toBeNull();
  await setText(h, within(editor).getByRole("textbox", { name: "Lowest points (a deduction: below 0)" }), "-5");
  const total = await within(editor).findByRole("combobox", { name: "A total below 0" });
  await h.user.selectOptions(total, "allow");
  const saved = await saveAndRead(h, editor);
  const m = saved.model as Extract<Template["model"], { kind: "scorecard" }>;
  expect(m.criteria[0].min).toBe(-5);
  expect(m.negativeTotal).toBe("allow");
});

test("a computed measure: value × 2, then banded", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.click(within(editor).getByRole("button", { name: "Measures (0)" }));
  await h.user.click(within(editor).getByRole("button", { name: "Add a measure" }));
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Computed as" }), "*");
  await setText(h, within(editor).getByRole("textbox", { name: "measure1: b" }), "2");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Number field" }), "measure1");
  const saved = await saveAndRead(h, editor);
  expect(saved.measures).toEqual([{ key: "measure1", label: { en: "measure1", zh: "measure1" }, expr: { op: "*", args: [{ field: "value" }, 2] } }]);
  expect(saved.model).toMatchObject({ kind: "bands", field: "measure1" });
  // value 60 → measure 120 ≥ 100: A
  expect(gradeTable(saved, { columns: { value: [60, 30, 10] } }).grade(0)).toBe("A");
});

test("a population threshold: band A at the mean of the value over the graded rows", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Band 1: threshold: number or parameter" }), "#mean:value");
  const saved = await saveAndRead(h, editor);
  expect((saved.model as Extract<Template["model"], { kind: "bands" }>).bands[0].value).toEqual({ stat: "mean", field: "value" });
  // mean of 10, 60, 110 is 60: 60 and 110 are A, 10 is C (below 50)
  const r = gradeTable(saved, { columns: { value: [10, 60, 110] } });
  expect([r.grade(0), r.grade(1), r.grade(2)]).toEqual(["C", "A", "A"]);
});
