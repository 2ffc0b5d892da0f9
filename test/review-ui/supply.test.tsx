/** @jest-environment jsdom */
/**
 * The month-end supply review in the task pane (review/SupplyReview): offered with the tobacco
 * templates, month sheets ticked in tab order, settings over the example defaults (a holiday share
 * above 30% refused before anything runs), the review sheet written and the counts shown equal to
 * the engine's review of the same months. The real adapter over the in-memory host.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { computeAccessibleName } from "dom-accessibility-api";
import { axe } from "jest-axe";
import { reviewSupply, supplyParams } from "../../src/engine/analysis";
import { monthsOf } from "../analysis/supply-cases";
import { SHEET, renderApp, seedHost } from "../taskpane/harness";

const HEAD = ["id", "购进量", "守法等级", "供量档位", "受到行政处罚", "升档申请"];
const SPEC = {
  r1: ["99 B t4", "100 A", "99 B"], // raised 4 -> 5
  r2: ["50 A t5", "60 A", "100 A"], // lowered to 4
  r3: ["30 A", "30 A", "30 A"], // same
};

test("month-end supply review: tobacco template → tab, months ticked, review sheet and the engine's counts", async () => {
  const months = monthsOf(SPEC);
  const host = seedHost({ sheets: [SHEET, "Oct", "Nov", "Dec"] });
  months.forEach((m, i) => {
    const rows = m.rows.map((r) => [r.key, r.purchaseQty, r.lawGrade, r.tier, r.penalized, r.upgradeApproved].map((v) => (v === undefined || v === null ? "" : v)));
    host.setValues(["Oct", "Nov", "Dec"][i], "A1", [HEAD, ...rows]);
  });
  const h = renderApp({ host });
  await h.user.click(screen.getByRole("button", { name: "Period review" }));
  await screen.findByRole("heading", { level: 2, name: "Period review" });
  await h.user.selectOptions(screen.getByRole("combobox", { name: /^Template/ }), "Cigarette retailer evaluation and supply tier (1–8)");
  await waitFor(() => expect(screen.getAllByRole("tab").map((x) => computeAccessibleName(x))).toContain("Month-end supply"));
  await h.user.click(screen.getByRole("tab", { name: "Month-end supply" }));
  const group = await screen.findByRole("group", { name: "Month sheets (oldest first)" });
  // ticked out of order: read in tab order
  for (const n of ["Dec", "Oct", "Nov"]) await h.user.click(await within(group).findByRole("checkbox", { name: n }));
  const holiday = screen.getByRole("textbox", { name: /^Holiday share/ });
  await h.user.clear(holiday);
  await h.user.type(holiday, "0.35");
  expect(screen.getByText("At most 0.3: the source caps the holiday share at 30%.")).toBeTruthy();
  await h.user.clear(holiday);
  await h.user.type(holiday, "0.3");
  await h.user.type(screen.getByRole("textbox", { name: /^Month names/ }), "2026-10, 2026-11, 2026-12");
  await h.user.click(screen.getByRole("button", { name: "Review 3 months and write the review sheet" }));
  const result = await screen.findByTestId("supply-result");
  expect(result.textContent).toContain("Wrote the review sheet Supply review: 3 retailers reviewed for 2026-12.");
  const engine = reviewSupply(months, supplyParams({}));
  const by = (d: number) => engine.last.filter((r) => r.status === "reviewed" && Math.sign(r.change!) === d).length;
  const shown = within(within(result).getByRole("list", { name: "Retailers by change" }))
    .getAllByRole("listitem")
    .map((li) => [li.firstChild!.textContent, li.lastChild!.textContent]);
  expect(shown).toEqual([
    ["Raised", String(by(1))],
    ["Lowered", String(by(-1))],
    ["Same", String(by(0))],
    ["New (under 3 months)", "0"],
    ["No row this month", "0"],
    ["Bad input", "0"],
  ]);
  expect([by(1), by(-1), by(0)]).toEqual([1, 1, 1]);
  expect(host.sheetNames()).toContain("Supply review");
  expect(host.getValues("Supply review", "A1")[0][0]).toBe("Month-end supply review: 2026-12");
  expect(await axe(h.view.container)).toHaveNoViolations();
});

test("the tab is only offered with the tobacco templates", async () => {
  const h = renderApp();
  await h.user.click(screen.getByRole("button", { name: "Period review" }));
  await screen.findByRole("heading", { level: 2, name: "Period review" });
  await h.user.selectOptions(screen.getByRole("combobox", { name: /^Template/ }), "Annual spend tiers VIP/Platinum/Gold/Silver/Regular");
  await waitFor(() => expect(screen.getAllByRole("tab").map((x) => computeAccessibleName(x))).toEqual(["Save period", "Compare periods"]));
});
