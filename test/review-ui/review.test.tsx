/** @jest-environment jsdom */
/**
 * Period review in the task pane (components/ReviewPanel + review/*): save a period from a graded
 * table, replace it after the confirmation, compare two saved periods (review sheet + counts, checked
 * against the engine's comparePeriods), the follow-up schedule on a need-close-5 table, errors in
 * both languages, the language switch, keyboard and jest-axe. The real adapter over the in-memory
 * host (`createWorkbookActions(host.Excel)` over `createExcelHost()`), no mocks.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { computeAccessibleName } from "dom-accessibility-api";
import { axe } from "jest-axe";
import { comparePeriods, isoOf, reviewSheet, toSerial } from "../../src/engine/review";
import { columnLetters } from "../../src/taskpane/grading";
import { getBuiltinTemplate } from "../../src/templates";
import { SHEET, chooseTemplate, renderApp, seedHost, type Harness } from "../taskpane/harness";

const HISTORY = "GradeKit History";
const spend5 = getBuiltinTemplate("spend-5")!;

/**
 * A Fluent alert dialog, made accessible the way a keyboard user's first Tab would (see
 * test/taskpane/apply.test.tsx). In jsdom the focus manager may hide it again for a moment
 * afterwards, so its buttons are then queried with `hidden: true`.
 */
async function findDialog(name: string | RegExp): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { name, hidden: true }, { timeout: 3000 });
  await waitFor(() => {
    if (dialog.getAttribute("aria-hidden") === "true") {
      const buttons = within(dialog).getAllByRole("button", { hidden: true });
      const next = document.activeElement === buttons[0] ? buttons[1] : buttons[0];
      act(() => next.focus());
    }
    expect(dialog.getAttribute("aria-hidden")).toBeNull();
  });
  return dialog;
}

/** Grades the seeded customer table with Annual spend tiers through the grading screen (Grade + Reason into E:F). */
async function gradeSpend(h: Harness): Promise<void> {
  await chooseTemplate(h, /^Use Annual spend tiers/);
  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  await screen.findByTestId("result-panel");
}

async function openReview(h: Harness, table: RegExp = /^Table Customers!A1:F8: 7 data rows$/): Promise<HTMLElement> {
  await h.user.click(screen.getByRole("button", { name: "Period review" }));
  const heading = await screen.findByRole("heading", { level: 2, name: "Period review" });
  await screen.findByText(table);
  return heading.closest("section")!;
}

async function fill(h: Harness, name: RegExp, value: string): Promise<void> {
  const box = screen.getByRole("textbox", { name });
  await h.user.clear(box);
  await h.user.type(box, value);
}

/** The tabs' accessible names (Fluent renders each label twice: the text and a hidden bold copy reserving its width). */
function tabNames(): string[] {
  return screen.getAllByRole("tab").map((tab) => computeAccessibleName(tab));
}

/** Selects a review tab, then lets Fluent's selection indicator finish its animation frame (inside act). */
async function selectTab(h: Harness, name: string): Promise<void> {
  await h.user.click(screen.getByRole("tab", { name }));
  await nextFrame();
}

async function nextFrame(): Promise<void> {
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

function history(h: Harness, rows: number): unknown[][] {
  return h.host.getValues(HISTORY, `A1:I${rows + 1}`);
}

test("save a period from the graded table, then the same label again: confirmation, replace", async () => {
  const h = renderApp();
  await gradeSpend(h);
  const panel = await openReview(h);
  // focus moves to the new screen; the template of the grading screen is preselected
  expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2, name: "Period review" }));
  expect((screen.getByRole("combobox", { name: /^Template/ }) as HTMLSelectElement).selectedOptions[0].textContent).toMatch(/^Annual spend tiers/);
  // defaults: the customer column as key, the Grade column the apply wrote
  expect((screen.getByRole("combobox", { name: /^Customer key column/ }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("A: Customer");
  expect((screen.getByRole("combobox", { name: /^Grade column/ }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("E: Grade");
  expect((screen.getByRole("textbox", { name: /^Period label/ }) as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}$/);

  await fill(h, /^Period label/, "2026-10");
  await fill(h, /^Date of the period/, "2026-10-31");
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-10" }));
  const saved = await screen.findByTestId("save-result");
  expect(saved.textContent).toContain("Saved 7 rows as period 2026-10 in 'GradeKit History'!A2:I8.");
  expect(saved.textContent).toContain("2 rows were saved without a grade.");
  const rows = history(h, 7);
  expect(rows[0]).toEqual(["Period", "Date", "Key", "Grade", "Score", "Template", "Version", "Measure", "Status"]);
  expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
    ["2026-10", "Acme", "VIP", "spend-5"],
    ["2026-10", "Birch", "Platinum", "spend-5"],
    ["2026-10", "Cobalt", "", "spend-5"],
    ["2026-10", "Delta", "Gold", "spend-5"],
    ["2026-10", "Gale", "", "spend-5"],
    ["2026-10", "Echo", "Silver", "spend-5"],
    ["2026-10", "Fjord", "Regular", "spend-5"],
  ]);
  expect(rows[1][1]).toBe((toSerial("2026-10-31") as { serial: number }).serial);

  // the same label again: the pane asks, Cancel keeps the history as it is
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-10" }));
  let dialog = await findDialog("Replace period 2026-10?");
  expect(dialog.textContent).toContain("Period 2026-10 already has 7 rows. Replace it?");
  await h.user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
  expect(screen.getByText("Nothing was saved: period 2026-10 is kept as it was.")).toBeTruthy();
  expect(h.host.getValues(HISTORY, "A9")[0][0]).toBe("");

  // ... and Replace appends the new rows and marks the earlier ones superseded
  await h.user.click(await screen.findByRole("button", { name: "Save period 2026-10" }));
  dialog = await findDialog("Replace period 2026-10?");
  expect(await axe(dialog)).toHaveNoViolations();
  await h.user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
  await waitFor(() => expect(screen.getByTestId("save-result").textContent).toContain("in 'GradeKit History'!A9:I15."));
  expect(screen.getByTestId("save-result").textContent).toContain("The period's 7 earlier rows are marked superseded.");
  const after = history(h, 14);
  expect(after.slice(1, 8).map((r) => r[8])).toEqual(new Array(7).fill("superseded"));
  expect(after.slice(8).map((r) => [r[0], r[2], r[8]])).toEqual(rows.slice(1).map((r) => [r[0], r[2], ""]));
  expect(await axe(panel)).toHaveNoViolations();
});

test("compare two saved periods: the review sheet is written and the pane shows the engine's counts", async () => {
  const h = renderApp();
  await gradeSpend(h);
  await openReview(h);
  // period 1: the grades the apply wrote
  await fill(h, /^Period label/, "2026-10");
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-10" }));
  await screen.findByText(/^Saved 7 rows as period 2026-10/);
  const before = h.host.getValues(SHEET, "A2:E8");

  // period 2: grades changed in the sheet; Fjord's row now says Acme (a duplicate key), Gale gets a grade
  h.host.setValues(SHEET, "A8", [["Acme"]]);
  h.host.setValues(SHEET, "E2:E8", [["Platinum"], ["VIP"], [""], ["Silver"], ["Gold"], ["Silver"], ["Regular"]]);
  const after = h.host.getValues(SHEET, "A2:E8");
  await fill(h, /^Period label/, "2026-11");
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-11" }));
  await screen.findByText(/^Saved 7 rows as period 2026-11/);
  expect(screen.getByTestId("save-result").textContent).toContain("Keys found more than once (the review reports them): Acme");

  await selectTab(h, "Compare periods");
  const earlier = (await screen.findByRole("combobox", { name: /^Earlier period/ })) as HTMLSelectElement;
  const later = screen.getByRole("combobox", { name: /^Later period/ }) as HTMLSelectElement;
  expect(Array.from(earlier.options).map((o) => o.textContent)).toEqual([expect.stringMatching(/^2026-10 \(7 rows, \d{4}-\d{2}-\d{2}\)$/), expect.stringMatching(/^2026-11 \(7 rows, /)]);
  expect(earlier.value).toBe("2026-10");
  expect(later.value).toBe("2026-11");
  await h.user.click(screen.getByRole("button", { name: "Compare and write the review sheet" }));
  const result = await screen.findByTestId("compare-result");
  expect(within(result).getByText("Wrote the review sheet “GradeKit Review”: 2026-10 → 2026-11.")).toBeTruthy();
  expect(h.host.sheetNames()).toContain("GradeKit Review");
  expect(h.host.getValues("GradeKit Review", "A1")[0][0]).not.toBe("");

  // the same comparison by the engine, on the same data
  const side = (rows: unknown[][]) => ({ keys: rows.map((r) => r[0]), grades: rows.map((r) => r[4]) });
  const engine = comparePeriods(side(before), side(after), { template: spend5 });
  const shown = within(within(result).getByRole("list", { name: "Customers per change" }))
    .getAllByRole("listitem")
    .map((li) => [li.firstChild!.textContent, li.lastChild!.textContent]);
  expect(shown).toEqual([
    ["Upgraded", String(engine.upgraded.length)],
    ["Downgraded", String(engine.downgraded.length)],
    ["Unchanged", String(engine.unchanged.length)],
    ["New", String(engine.added.length)],
    ["Lost", String(engine.lost.length)],
  ]);
  // Birch Platinum -> VIP up, Delta Gold -> Silver down, Echo Silver same, Fjord lost; Acme (twice now) and
  // Cobalt/Gale (no grade before) left out
  expect(engine.upgraded.map((m) => m.key)).toEqual(["Birch"]);
  expect(engine.lost.map((m) => m.key)).toEqual(["Fjord"]);
  expect(engine.duplicates.map((d) => d.key)).toEqual(["Acme"]);
  expect(within(result).getByText("Keys found more than once, left out: 1 (Acme)")).toBeTruthy();
  // the sheet's title and migration matrix are the engine's layout of that comparison
  const layout = reviewSheet(engine, { lang: "en", previous: "2026-10", current: "2026-11", template: spend5 });
  const last = layout.matrix.row + layout.matrix.size + 1; // header, grades, new, total
  const sheet = h.host.getValues("GradeKit Review", `A1:${columnLetters(layout.width - 1)}${last + 1}`);
  expect(sheet).toEqual(layout.cells.slice(0, last + 1));
  expect(sheet[layout.matrix.row + 2][1]).toBe(engine.counts[1][0]); // Platinum -> VIP
  expect(await axe(h.view.container)).toHaveNoViolations();
});

test("grades by period: every saved period side by side on the trend sheet, counts as saved", async () => {
  const h = renderApp();
  await gradeSpend(h);
  await openReview(h);
  const saved: unknown[][][] = [];
  for (const [period, grades] of [
    ["2026-10", undefined],
    ["2026-11", [["Platinum"], ["VIP"], ["Gold"], ["Silver"], ["Gold"], ["Silver"], ["Regular"]]],
    ["2026-12", [["VIP"], ["VIP"], ["Gold"], ["Gold"], ["Gold"], ["Regular"], ["Regular"]]],
  ] as const) {
    if (grades) h.host.setValues(SHEET, "E2:E8", grades as unknown as unknown[][]);
    saved.push(h.host.getValues(SHEET, "E2:E8"));
    await fill(h, /^Period label/, period);
    await h.user.click(screen.getByRole("button", { name: `Save period ${period}` }));
    await screen.findByText(new RegExp(`^Saved \\d+ rows as period ${period}`));
  }
  await selectTab(h, "Compare periods");
  await screen.findByRole("combobox", { name: /^Earlier period/ });
  await h.user.click(screen.getByRole("button", { name: "Grades by period: all 3 saved periods" }));
  const done = await screen.findByTestId("trend-result");
  expect(done.textContent).toContain("Wrote the sheet GradeKit Trend: 3 periods from 2026-10 to 2026-12 side by side, with a chart.");
  // counts per grade and period, as saved (blank grades are not counted)
  const ids = spend5.grades.map((g) => g.id);
  const table = h.host.getValues("GradeKit Trend", `A5:D${4 + ids.length}`);
  ids.forEach((id, k) => {
    const byHand = saved.map((col) => col.filter((r) => r[0] === id).length);
    expect(table[k]).toEqual([spend5.grades[k].label.en, ...byHand]);
  });
  expect(await axe(h.view.container)).toHaveNoViolations();
});

/** A need-close-5 table with last contact dates (Excel date serials). */
function pipelineHost() {
  const d = (iso: string) => (toSerial(iso) as { serial: number }).serial;
  return seedHost({}, [
    ["Customer", "Need", "Expected months to close", "Last contact"],
    ["Ann", "explicit", 1, d("2026-11-10")],
    ["Bob", "explicit", 2, d("2026-11-10")],
    ["Cy", "explicit", 5, d("2026-10-01")],
    ["Di", "potential", 2, d("2026-11-01")],
    ["Ed", "none", "", d("2026-01-01")],
  ]);
}

test("follow-up schedule on a need-close-5 table: next contact dates, overdue count, confirmation first", async () => {
  const host = pipelineHost();
  const h = renderApp({ host });
  await chooseTemplate(h, /^Use Customer levels A–E/);
  await h.user.click(screen.getByRole("button", { name: "Grade 5 rows" }));
  await screen.findByTestId("result-panel");
  expect(host.getValues(SHEET, "E1:E6").map((r) => r[0])).toEqual(["Grade", "A", "B", "C", "D", "E"]);
  host.setValues(SHEET, "H4", [["note"]]); // inside the follow-up columns (G:I), not part of the table

  await openReview(h, /^Table Customers!A1:F6: 5 data rows$/);
  await selectTab(h, "Follow-up schedule");
  expect(screen.getByText(/^Next contact = last contact \+ the grade's cadence: A every day, B every 7 days, C every 15 days, D every 30 days\.$/)).toBeTruthy();
  expect((screen.getByRole("combobox", { name: /^Grade column/, hidden: false }) as HTMLSelectElement).value).toBe("4");
  expect((screen.getByRole("combobox", { name: /^Last contact date column/ }) as HTMLSelectElement).value).toBe("3");
  await fill(h, /^Today/, "2026-11-15");
  await h.user.click(screen.getByRole("button", { name: "Write the follow-up schedule" }));
  const dialog = await findDialog("Replace existing cells?");
  expect(dialog.textContent).toContain("1 cell in Customers!G1:I6 is not empty and would be replaced by the follow-up schedule.");
  await h.user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));

  const result = await screen.findByTestId("follow-up-result");
  expect(result.textContent).toContain("Scheduled 4 customers in Customers!G1:I6.");
  expect(result.textContent).toContain("Overdue on 2026-11-15: 2");
  expect(result.textContent).toContain("1 row has a grade without a cadence (no follow-up).");
  const out = host.getValues(SHEET, "G1:H6");
  expect(out[0]).toEqual(["Next contact", "Overdue"]);
  expect(out.slice(1).map((r) => [typeof r[0] === "number" ? isoOf(r[0]) : r[0], r[1]])).toEqual([
    ["2026-11-11", true],
    ["2026-11-17", false],
    ["2026-10-16", true],
    ["2026-12-01", false],
    ["", ""],
  ]);
  expect(await axe(h.view.container)).toHaveNoViolations();
});

test("the follow-up schedule is only offered for templates with cadences", async () => {
  const h = renderApp();
  await gradeSpend(h);
  await openReview(h);
  expect(tabNames()).toEqual(["Save period", "Compare periods"]);
  expect(screen.getByText(/^Follow-up schedules need a template whose grades have a follow-up cadence/)).toBeTruthy();
  await h.user.selectOptions(screen.getByRole("combobox", { name: /^Template/ }), "Customer levels A–E by need and time to close");
  await waitFor(() => expect(tabNames()).toEqual(["Save period", "Compare periods", "Follow-up schedule"]));
});

test("a table without a Grade column: the rows are graded now with the template and saved", async () => {
  const h = renderApp();
  await openReview(h, /^Table Customers!A1:D8: 7 data rows$/);
  await h.user.selectOptions(screen.getByRole("combobox", { name: /^Template/ }), "Annual spend tiers VIP/Platinum/Gold/Silver/Regular");
  const grade = screen.getByRole("combobox", { name: /^Grade column/ }) as HTMLSelectElement;
  await waitFor(() => expect(grade.selectedOptions[0].textContent).toBe("No grade column: grade the rows now"));
  expect(screen.queryByRole("combobox", { name: /^Score column/ })).toBeNull();
  await fill(h, /^Period label/, "2026-08");
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-08" }));
  await screen.findByText(/^Saved 7 rows as period 2026-08/);
  expect(history(h, 7).slice(1).map((r) => r[3])).toEqual(["VIP", "Platinum", "", "Gold", "", "Silver", "Regular"]);
  expect(h.host.getValues(SHEET, "E1")[0][0]).toBe(""); // nothing written next to the table
});

test("compare needs two periods; errors come in the current language", async () => {
  const host = seedHost({ sheets: [SHEET, HISTORY] }); // a sheet already named like the history sheet, without its table
  const h = renderApp({ host });
  await gradeSpend(h);
  await openReview(h);
  await selectTab(h, "Compare periods");
  expect(await screen.findByText("Save at least two periods to compare them.")).toBeTruthy();

  await selectTab(h, "Save period");
  await fill(h, /^Period label/, "2026-10");
  await h.user.click(screen.getByRole("button", { name: "Save period 2026-10" }));
  expect(
    await screen.findByText(
      "Could not save the period: A sheet named 'GradeKit History' already exists and holds no GradeKit history table: rename or delete that sheet.",
    ),
  ).toBeTruthy();
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
  expect(await screen.findByText("无法保存期间：已有名为“GradeKit History”的工作表，但其中没有 GradeKit 历史表：请重命名或删除该工作表。")).toBeTruthy();

  // a bad date is refused in the pane, before the workbook is asked
  await fill(h, /^期间日期/, "31/13/2026");
  expect(screen.getByText("请按 yyyy-mm-dd 格式输入日期。")).toBeTruthy();
});

test("language switch: the review panel in Chinese, and jest-axe in both languages", async () => {
  const h = renderApp();
  await gradeSpend(h);
  const panel = await openReview(h);
  expect(await axe(panel)).toHaveNoViolations();
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
  expect(screen.getByRole("heading", { level: 2, name: "期间复核" })).toBeTruthy();
  expect(tabNames()).toEqual(["保存期间", "比较期间"]);
  expect(screen.getByRole("textbox", { name: /^期间名称/ })).toBeTruthy();
  expect(screen.getByRole("combobox", { name: /^客户键列/ })).toBeTruthy();
  expect((screen.getByRole("combobox", { name: /^等级列/ }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("E：Grade");
  expect(screen.getByRole("button", { name: /^保存期间 \d{4}-\d{2}$/ })).toBeTruthy();
  expect(screen.getByRole("button", { name: "← 返回" })).toBeTruthy();
  await selectTab(h, "比较期间");
  expect(await screen.findByText("请至少保存两个期间再进行比较。")).toBeTruthy();
  expect(await axe(h.view.container)).toHaveNoViolations();
});

/** Focuses a control (as Tab or the arrow keys would: jsdom has no layout for Fluent's focus manager) and presses keys on it. */
async function keys(h: Harness, el: HTMLElement, text: string): Promise<void> {
  act(() => el.focus());
  expect(document.activeElement).toBe(el);
  await h.user.keyboard(text);
}

test("keyboard: tabs, save with Enter in the period field, back to the templates; every control focusable", async () => {
  const h = renderApp();
  await gradeSpend(h);
  const panel = await openReview(h);
  for (const c of Array.from(panel.querySelectorAll<HTMLElement>("button, input, select"))) expect([c.outerHTML.slice(0, 80), c.tabIndex]).toEqual([c.outerHTML.slice(0, 80), 0]);
  const save = screen.getByRole("tab", { name: "Save period" });
  const compare = screen.getByRole("tab", { name: "Compare periods" });
  await keys(h, compare, "{Enter}");
  await nextFrame();
  expect(compare.getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tabpanel", { name: "Compare periods" })).toBeTruthy();
  await keys(h, save, " ");
  await nextFrame();
  expect(save.getAttribute("aria-selected")).toBe("true");

  const label = screen.getByRole("textbox", { name: /^Period label/ }) as HTMLInputElement;
  act(() => label.setSelectionRange(0, label.value.length));
  await keys(h, label, "2026-09{Enter}");
  expect(await screen.findByText(/^Saved 7 rows as period 2026-09/)).toBeTruthy();
  expect(h.host.getValues(HISTORY, "A2")[0][0]).toBe("2026-09");

  await keys(h, screen.getByRole("button", { name: "← Back" }), "{Enter}");
  expect(await screen.findByRole("heading", { name: "Choose a template" })).toBeTruthy();
});
