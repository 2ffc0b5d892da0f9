/** @jest-environment jsdom */
/**
 * A summary of a named period keeps its own sheet: grading again with the same period name asks
 * before the earlier summary is replaced (nothing written until the user says so); another period
 * name adds a sheet beside it. The real adapter over the in-memory host.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { SHEET, chooseTemplate, renderApp } from "./harness";

async function confirmReplaceCells(h: ReturnType<typeof renderApp>): Promise<void> {
  const dialog = await screen.findByRole("alertdialog", { name: "Replace existing cells?", hidden: true });
  await waitFor(() => {
    if (dialog.getAttribute("aria-hidden") === "true") {
      const buttons = within(dialog).getAllByRole("button", { hidden: true });
      act(() => (document.activeElement === buttons[0] ? buttons[1] : buttons[0]).focus());
    }
    expect(dialog.getAttribute("aria-hidden")).toBeNull();
  });
  await h.user.click(within(dialog).getByRole("button", { name: "Replace" }));
}

async function period(h: ReturnType<typeof renderApp>, name: string): Promise<void> {
  const box = screen.getByRole("textbox", { name: /^Period \(optional\)/ });
  await h.user.clear(box);
  await h.user.type(box, name);
}

test("summaries of periods: a second period adds a sheet, the same period asks before replacing", async () => {
  const h = renderApp();
  await chooseTemplate(h, /^Use Annual spend tiers/);
  await h.user.click(screen.getByRole("switch", { name: "Write a summary sheet" }));
  await period(h, "2026-11");
  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("Summary written to the sheet “GradeKit Summary 2026-11”.")).toBeTruthy();
  const nov = h.host.getValues("GradeKit Summary 2026-11", "A1:C10");

  // December: another sheet; November's stays as it was
  h.host.setValues(SHEET, "C2", [[1000]]); // Acme: VIP -> Regular
  h.host.setSelection(SHEET, "A1");
  await period(h, "2026-12");
  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  await confirmReplaceCells(h);
  await waitFor(() => expect(screen.getByText("Summary written to the sheet “GradeKit Summary 2026-12”.")).toBeTruthy());
  expect(h.host.sheetNames()).toEqual(expect.arrayContaining(["GradeKit Summary 2026-11", "GradeKit Summary 2026-12"]));
  expect(h.host.getValues("GradeKit Summary 2026-11", "A1:C10")).toEqual(nov);

  // November again: the pane asks; nothing is replaced until the button is pressed
  h.host.setSelection(SHEET, "A1");
  await period(h, "2026-11");
  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  await confirmReplaceCells(h);
  const ask = await screen.findByTestId("summary-replace");
  expect(ask.textContent).toContain("A summary of period 2026-11 exists on the sheet GradeKit Summary 2026-11.");
  expect(h.host.getValues("GradeKit Summary 2026-11", "A1:C10")).toEqual(nov);
  expect(await axe(h.view.container)).toHaveNoViolations();
  await h.user.click(within(ask).getByRole("button", { name: "Replace the summary of 2026-11" }));
  await waitFor(() => expect(screen.queryByTestId("summary-replace")).toBeNull());
  expect(h.host.getValues("GradeKit Summary 2026-11", "A4:C10")).toEqual(h.host.getValues("GradeKit Summary 2026-12", "A4:C10"));
  expect(h.host.getValues("GradeKit Summary 2026-11", "A4:C10")).not.toEqual(nov.slice(3));
});
