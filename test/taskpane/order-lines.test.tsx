/** @jest-environment jsdom */
/**
 * The grade screen's "My selection holds order lines" (rfm-8 declares its order lines): ticking it
 * and grading writes one row per customer on a new sheet and reports the keyless line and the bad
 * line by sheet row; a template without order lines does not offer it.
 */
import * as fs from "fs";
import * as path from "path";
import { screen } from "@testing-library/react";
import { parseCsv } from "../../src/engine";
import { chooseTemplate, renderApp, seedHost } from "./harness";

const SAMPLE = parseCsv(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "orders", "rfm-8-orders.csv"), "utf8")).filter((r) => r.some((c) => c !== ""));

test("rfm-8 over order lines: customers graded on a new sheet", async () => {
  const h = renderApp({ host: seedHost({}, SAMPLE) });
  await chooseTemplate(h, "Use RFM eight customer segments");
  await h.user.click(await screen.findByRole("checkbox", { name: "My selection holds order lines" }));
  await h.user.click(screen.getByRole("button", { name: "Grade the customers (new sheet)" }));
  const done = await screen.findByText(/^GradeKit Customers: 18 order lines, 7 customers, 6 graded, 1 with errors, 1 lines without a key\./);
  expect(done.textContent).toMatch(/Days counted to \d{4}-\d{2}-\d{2}\./);
  expect(screen.getByText("line 14: no customer key in 'customerId': not counted")).toBeTruthy();
  expect(screen.getByText("A07: line 18: 'amount' is '面议', not a number")).toBeTruthy();
  const sheet = h.host.getValues("GradeKit Customers", "A1:C3");
  expect(sheet[0]).toEqual(["customerId", "daysSinceLastOrder", "orderCount"]);
  expect(sheet[1][0]).toBe("A01");
  expect(sheet[1][2]).toBe(3);
});

test("a template without order lines does not offer the option", async () => {
  const h = renderApp({ host: seedHost({}, SAMPLE) });
  await chooseTemplate(h, /^Use Annual spend tiers/);
  await screen.findByRole("button", { name: /^Grade \d+ rows$/ });
  expect(screen.queryByRole("checkbox", { name: "My selection holds order lines" })).toBeNull();
});
