/** @jest-environment jsdom */
/**
 * Issue 20 in the template editor: order lines (the customer key and an aggregate per field) and
 * grades that remember (a hold with a grace period; a validity with a deduction), each saved into
 * the workbook, read back and used by the engine (order lines aggregated, the hold applied).
 */
import { within } from "@testing-library/react";
import { aggregateOrders } from "../../src/engine/input/orders";
import { holdGrades } from "../../src/engine/review";
import { renderApp } from "../taskpane/harness";
import { openBlank, saveAndRead, setText } from "./editor-helpers";

test("order lines: the customer key and the field summed from an order-line column", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.click(within(editor).getByRole("button", { name: "Order lines" }));
  await h.user.click(within(editor).getByRole("checkbox", { name: "The data are order lines (one row per order)" }));
  await setText(h, within(editor).getByRole("textbox", { name: /^Customer key column/ }), "客户, customer");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Aggregate 1: aggregate" }), "sum");
  await setText(h, within(editor).getByRole("textbox", { name: /^Aggregate 1: order-line column/ }), "amount, 金额");
  const saved = await saveAndRead(h, editor);
  expect(saved.orders).toEqual({ key: ["客户", "customer"], measures: [{ field: "value", fn: "sum", from: ["amount", "金额"] }] });
  // the saved section aggregates order lines: customer c1's amounts 10 + 15, c2's 7
  const { totals } = aggregateOrders(saved.orders!, ["金额", "客户"], [[10, "c1"], [7, "c2"], [15, "c1"]]);
  expect(totals.customers.map((c) => [c.key, c.values.value])).toEqual([["c1", 25], ["c2", 7]]);
});

test("grades that remember: a hold of 12 periods with a grace of 2, and a validity of 4 with one level deducted", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.click(within(editor).getByRole("button", { name: "Grades that remember" }));
  await h.user.click(within(editor).getByRole("checkbox", { name: /^Keep a grade for a number of periods/ }));
  await setText(h, within(editor).getByRole("textbox", { name: "Grace: further periods below before lowering" }), "2");
  await h.user.click(within(editor).getByRole("checkbox", { name: "A grade is valid for a number of periods" }));
  await setText(h, within(editor).getByRole("textbox", { name: "Valid for periods" }), "4");
  await setText(h, within(editor).getByRole("textbox", { name: /^Levels deducted at expiry/ }), "1");
  const saved = await saveAndRead(h, editor);
  expect(saved.review).toEqual({ periods: 1, hold: { periods: 12, grace: 2 }, validity: { periods: 4, deduct: 1 } });
  // the hold applies: A reached, then C earned — A is kept while the hold lasts
  const periods = ["p1", "p2", "p3"].map((label, k) => ({ label, rows: [{ key: "c1", grade: k === 0 ? "A" : "C" }] }));
  const held = holdGrades(saved, periods).customers[0].history.map((x) => x.held);
  expect(held).toEqual(["A", "A", "A"]);
});
