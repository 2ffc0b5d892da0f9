/** @jest-environment jsdom */
/**
 * Apply -> result panel, bad-input list (click -> the workbook selects the cell), the overwrite
 * confirmation, Undo, output options, progress and Cancel: the real adapter over the in-memory host.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { ExcelApi } from "../../src/excel";
import type { WorkbookActions } from "../../src/excel/contract";
import { createWorkbookActions } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { SHEET, chooseTemplate, columnValues, isDisabled, renderApp, seedHost } from "./harness";

const USE_SPEND = /^Use Annual spend tiers/;

/**
 * The confirmation dialog. Under act() React runs the dialog's focus effect before the focus manager
 * (tabster) has seen the dialog's attributes (a MutationObserver microtask; in a browser the effect
 * runs later), so tabster may not activate the dialog and leaves it aria-hidden. Focusing an element
 * inside, as a keyboard user's first Tab would, activates it; then the dialog must be accessible.
 */
async function findDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { name: "Replace existing cells?", hidden: true });
  await waitFor(() => {
    if (dialog.getAttribute("aria-hidden") === "true") {
      const buttons = within(dialog).getAllByRole("button", { hidden: true });
      // move focus between two controls inside, so a focus event happens even if one was focused
      const next = document.activeElement === buttons[0] ? buttons[1] : buttons[0];
      act(() => next.focus());
    }
    expect(dialog.getAttribute("aria-hidden")).toBeNull();
  });
  return dialog;
}

async function applyAndWait(h: { user: { click: (e: Element) => Promise<void> } }, name = "Grade 7 rows"): Promise<HTMLElement> {
  await h.user.click(screen.getByRole("button", { name }));
  return screen.findByTestId("result-panel");
}

test("apply writes grades and reasons, shows counts per grade and the rows with bad input", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  const panel = await applyAndWait(h);
  expect(within(panel).getByText("Graded 7 rows into Customers!E1:F8.")).toBeTruthy();
  expect(columnValues(h.host, "E1:E8")).toEqual(["Grade", "VIP", "Platinum", "", "Gold", "", "Silver", "Regular"]);
  expect(h.host.getValues(SHEET, "F2")[0][0]).toBe("VIP: Annual spend 620,000 > 500,000");
  // colours: one conditional format per grade on the written cells
  const color = (id: string) => getBuiltinTemplate("spend-5")!.grades.find((g) => g.id === id)!.color;
  expect(h.host.getCell(SHEET, "E2").effectiveFill).toBe(color("VIP"));
  expect(h.host.getCell(SHEET, "E3").effectiveFill).toBe(color("Platinum"));

  const counts = within(panel).getByRole("list", { name: "Rows per grade" });
  expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "VIP1",
    "Platinum1",
    "Gold1",
    "Silver1",
    "Regular1",
    "Error1",
    "No data1",
  ]);
  expect(within(panel).getByRole("heading", { name: "Rows with bad input: 1" })).toBeTruthy();
  // focus moves to the result for keyboard and screen reader users
  expect(document.activeElement).toBe(within(panel).getByRole("heading", { name: "Result" }));
});

test("clicking a bad row selects its cell in the workbook", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  const panel = await applyAndWait(h);
  expect(h.host.snapshot().selection).toEqual({ sheet: SHEET, address: "B3" });
  await h.user.click(within(panel).getByRole("button", { name: "Customers!C4: Annual spend: 'abc' is not a number" }));
  await waitFor(() => expect(h.host.snapshot().selection).toEqual({ sheet: SHEET, address: "C4" }));
});

test("overwrite confirmation: Cancel writes nothing; Replace writes; Undo restores", async () => {
  const host = seedHost();
  host.setValues(SHEET, "H3", [["keep me"]]); // not adjacent: the table stays A1:D8
  const h = renderApp({ host });
  await chooseTemplate(h, USE_SPEND);
  await h.user.click(screen.getByRole("radio", { name: "A column I choose" }));
  await h.user.type(screen.getByRole("textbox", { name: "Column letter" }), "H");

  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  const dialog = await findDialog();
  expect(dialog.textContent).toContain("1 cell in Customers!H1:I8 is not empty and would be replaced.");
  // jsdom's focus manager may hide the dialog again for a moment after findDialog: query with hidden
  await h.user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(screen.getByText(/^Nothing was written\./)).toBeTruthy();
  expect(columnValues(host, "H1:H3")).toEqual(["", "", "keep me"]);
  expect((screen.getByRole("button", { name: "Undo last apply" }) as HTMLButtonElement).disabled).toBe(true);

  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  await h.user.click(within(await findDialog()).getByRole("button", { name: "Replace", hidden: true }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("Graded 7 rows into Customers!H1:I8.")).toBeTruthy();
  expect(columnValues(host, "H1:H3")).toEqual(["Grade", "VIP", "Platinum"]);

  const undo = screen.getByRole("button", { name: "Undo last apply" }) as HTMLButtonElement;
  await waitFor(() => expect(undo.disabled).toBe(false));
  await h.user.click(undo);
  expect(await screen.findByText("Restored Customers!H1:I8 as it was before the last apply.")).toBeTruthy();
  expect(columnValues(host, "H1:H3")).toEqual(["", "", "keep me"]);
  expect(host.getCell(SHEET, "H2").effectiveFill).toBeNull();
  expect(screen.queryByTestId("result-panel")).toBeNull();
  await waitFor(() => expect(undo.disabled).toBe(true));
});

test("options: chosen column, no reason column, no colours, summary sheet with a measure and a group", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  await h.user.click(screen.getByRole("radio", { name: "A column I choose" }));
  const letter = screen.getByRole("textbox", { name: "Column letter" });
  await h.user.type(letter, "1");
  expect(screen.getByText("Enter a column letter from A to XFD.")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "Grade 7 rows" }))).toBe(true);
  await h.user.clear(letter);
  await h.user.type(letter, "h");
  await h.user.click(screen.getByRole("checkbox", { name: "Add a reason column" }));
  await h.user.click(screen.getByRole("switch", { name: "Colour the grades" }));
  await h.user.click(screen.getByRole("switch", { name: "Write a summary sheet" }));
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Measure to total per grade" }), "3");
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Group column for the cross-tab" }), "1");
  const panel = await applyAndWait(h);
  expect(within(panel).getByText("Graded 7 rows into Customers!H1:H8.")).toBeTruthy();
  expect(columnValues(h.host, "H1:H3")).toEqual(["Grade", "VIP", "Platinum"]);
  expect(columnValues(h.host, "I1:I3")).toEqual(["", "", ""]);
  expect(h.host.getCell(SHEET, "H2").effectiveFill).toBeNull();
  const summary = within(panel).getByText(/^Summary written to the sheet “(.+)”\.$/);
  const sheet = /“(.+)”/.exec(summary.textContent ?? "")![1];
  expect(h.host.sheetNames()).toContain(sheet);
  expect(await axe(h.view.container)).toHaveNoViolations();
});

test("large table: progress bar while writing, Cancel stops between blocks, what was written can be undone", async () => {
  const n = 45000;
  const data: unknown[][] = [["Customer", "年消费额"]];
  for (let i = 0; i < n; i++) data.push([`C${i}`, (i * 7919) % 700000]);
  const host = seedHost({ selection: { sheet: SHEET, address: "A1" } }, data);

  // Hold the workbook after the first block is written, so the test can press Cancel mid-way.
  let release: () => void = () => undefined;
  let hold: Promise<void> | null = null;
  const held: ExcelApi = {
    run: ((batch: (ctx: Excel.RequestContext) => Promise<unknown>) =>
      host.Excel.run(async (ctx: Excel.RequestContext) => {
        const sync = ctx.sync.bind(ctx);
        ctx.sync = (async (v?: unknown) => {
          if (hold) await hold;
          return sync(v);
        }) as typeof ctx.sync;
        return batch(ctx);
      })) as unknown as ExcelApi["run"],
  };
  const real = createWorkbookActions(held);
  const actions: WorkbookActions = {
    ...real,
    apply: (o) =>
      real.apply({
        ...o,
        onProgress: (done, total) => {
          o.onProgress?.(done, total);
          if (!hold) hold = new Promise((r) => (release = r));
        },
      }),
  };
  const h = renderApp({ host, actions: () => actions });
  await chooseTemplate(h, USE_SPEND);
  await h.user.click(screen.getByRole("button", { name: "Grade 45,000 rows" }));
  const bar = await screen.findByRole("progressbar");
  await screen.findByText("20,000 of 45,000 rows written");
  expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(20000 / 45000, 3);
  expect(isDisabled(screen.getByRole("button", { name: "Undo last apply" }))).toBe(true); // not while applying
  expect(isDisabled(screen.getByRole("button", { name: "Grade 45,000 rows" }))).toBe(true);
  await h.user.click(screen.getByRole("button", { name: "Cancel" }));
  await act(async () => release());
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText(/^Cancelled after (20,000|40,000) rows \(Customers!C1:D\d+\)\. What was written can be undone\.$/)).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(host.getValues(SHEET, "C45001")[0][0]).toBe("");
  const undo = screen.getByRole("button", { name: "Undo last apply" }) as HTMLButtonElement;
  await waitFor(() => expect(undo.disabled).toBe(false));
  await h.user.click(undo);
  await screen.findByText(/^Restored Customers!C1:D/);
  expect(host.getValues(SHEET, "C2")[0][0]).toBe("");
}, 30000);

test("accessibility: the confirmation dialog and the result panel", async () => {
  const host = seedHost();
  host.setValues(SHEET, "E2", [["old"]]);
  host.setValues(SHEET, "E1", [["Grade"]]);
  const h = renderApp({ host });
  await chooseTemplate(h, USE_SPEND);
  // E is part of the table now (adjacent, with a header): grade into it explicitly
  await h.user.click(screen.getByRole("radio", { name: "A column I choose" }));
  await h.user.type(screen.getByRole("textbox", { name: "Column letter" }), "E");
  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  const dialog = await findDialog();
  expect(dialog.textContent).toMatch(/^Replace existing cells\?2 cells in Customers!E1:F8/);
  // (axe runs last: it moves focus, after which Fluent's focus trap hides the dialog from queries)
  const results = await axe(document.body);
  expect(results).toHaveNoViolations();
});

test("accessibility: result panel with bad rows", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  await applyAndWait(h);
  expect(await axe(h.view.container)).toHaveNoViolations();
});
