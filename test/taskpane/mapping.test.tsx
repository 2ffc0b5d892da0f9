/** @jest-environment jsdom */
/** Column mapping and live preview, against the real adapter over the in-memory host. */
import { screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { getBuiltinTemplate } from "../../src/templates";
import { SHEET, chooseTemplate, previewRows, isDisabled, renderApp, seedHost } from "./harness";

const USE_SPEND = /^Use Annual spend tiers/;

function fieldBox(key: string): HTMLElement {
  return document.querySelector(`[data-field="${key}"]`) as HTMLElement;
}

test("automatic mapping from the headers: required marked, sample values, rows that will fail", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  expect(screen.getByText("Table Customers!A1:D8: 7 data rows")).toBeTruthy();
  const select = screen.getByRole("combobox", { name: /^Annual spend/ }) as HTMLSelectElement;
  expect(select.value).toBe("2"); // 年消费额 = the field's Chinese label
  expect(select.required).toBe(true);
  expect(select.selectedOptions[0].textContent).toBe("C: 年消费额");
  const box = fieldBox("annualSpend");
  expect(box.textContent).toContain("Sample: 620000 · 250000 · abc");
  expect(box.textContent).toContain("1 row of 7 will fail: Annual spend: 'abc' is not a number");
});

test("preview: first 5 rows with coloured grade chips and reasons; totals", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  const rows = previewRows();
  expect(rows).toHaveLength(5);
  expect(rows.map((r) => r.slice(0, 2))).toEqual([
    ["2", "VIP"],
    ["3", "Platinum"],
    ["4", "Error"],
    ["5", "Gold"],
    ["6", "No data"],
  ]);
  expect(rows[0][2]).toBe("VIP: Annual spend 620,000 > 500,000");
  expect(rows[2][2]).toBe("Annual spend: 'abc' is not a number");
  const chip = within(screen.getByRole("table")).getByText("VIP");
  const vip = getBuiltinTemplate("spend-5")!.grades.find((g) => g.id === "VIP")!;
  expect(chip.getAttribute("data-grade-color")).toBe(vip.color);
  expect((chip as HTMLElement).style.backgroundColor).not.toBe("");
  const totals = screen.getByRole("list", { name: "Rows per grade" });
  expect(totals.textContent).toBe("VIP1Platinum1Gold1Silver1Regular1Error1No data1");
});

test("manual mapping: unmapping blocks apply; another column updates checks and preview", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  const select = screen.getByRole("combobox", { name: /^Annual spend/ });
  expect(isDisabled(screen.getByRole("button", { name: "Grade 7 rows" }))).toBe(false);

  await h.user.selectOptions(select, "");
  expect(fieldBox("annualSpend").textContent).toContain("Required: pick the column that holds it.");
  expect(screen.getByText("Pick a column for: Annual spend")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "Grade 7 rows" }))).toBe(true);
  expect(screen.getByText("Pick the required columns to see the preview.")).toBeTruthy();

  await h.user.selectOptions(select, "3"); // Orders: 12, 8, 3, 5, 2, 1, 0
  expect(fieldBox("annualSpend").textContent).toContain("All 7 rows read.");
  expect(fieldBox("annualSpend").textContent).toContain("Sample: 12 · 8 · 3");
  expect(previewRows().map((r) => r[1])).toEqual(["Regular", "Regular", "Regular", "Regular", "Regular"]);
  expect(previewRows()[0][2]).toBe("Regular: Annual spend 12 is below every higher band");

  await h.user.selectOptions(select, "0"); // Customer names: every non-blank row fails
  expect(fieldBox("annualSpend").textContent).toContain("7 of 7 rows will fail, e.g. Annual spend: 'Acme' is not a number");
});

test("near-miss headers are offered as suggestions, applied with one click", async () => {
  const host = seedHost({}, [
    ["Name", "Annual spends"],
    ["A", 600000],
    ["B", 1000],
  ]);
  const h = renderApp({ host });
  await chooseTemplate(h, USE_SPEND);
  const select = screen.getByRole("combobox", { name: /^Annual spend/ }) as HTMLSelectElement;
  expect(select.value).toBe("");
  await h.user.click(screen.getByRole("button", { name: "Use column “Annual spends” for Annual spend" }));
  expect(select.value).toBe("1");
  expect(previewRows().map((r) => r[1])).toEqual(["VIP", "Regular"]);
});

test("at-least-one groups (sales pipeline) and parameters (lifecycle) update the preview", async () => {
  const host = seedHost({}, [
    ["Customer", "Order count", "Days since last order"],
    ["A", 12, 30],
    ["B", 3, 200],
    ["C", 0, ""],
  ]);
  const h = renderApp({ host });
  await h.user.type(screen.getByRole("searchbox"), "lifecycle");
  await chooseTemplate(h, /^Use Customer lifecycle/);
  expect(previewRows().map((r) => r[1])).toEqual(["loyal", "dormant", "potential"]);
  const dormant = screen.getByRole("textbox", { name: /dormant/i });
  await h.user.clear(dormant);
  await h.user.type(dormant, "365");
  expect(previewRows().map((r) => r[1])).toEqual(["loyal", "mature", "potential"]);
  await h.user.clear(dormant);
  await h.user.type(dormant, "abc");
  expect(screen.getByText("Fix the parameters first.")).toBeTruthy();
  expect(screen.getByText("Enter a number.")).toBeTruthy();

  // sales-pipeline: neither of its two fields is in this table
  await h.user.click(screen.getByRole("button", { name: "← All templates" }));
  await h.user.clear(screen.getByRole("searchbox"));
  await h.user.type(screen.getByRole("searchbox"), "sales-pipeline");
  await chooseTemplate(h, /^Use /);
  expect(screen.getByText(/^At least one of these is needed: /)).toBeTruthy();
  expect(screen.getByText(/^Pick a column for: /)).toBeTruthy();
});

test("accessibility: mapping and preview screen, with options expanded", async () => {
  const h = renderApp();
  await chooseTemplate(h, USE_SPEND);
  await h.user.click(screen.getByRole("radio", { name: "A column I choose" }));
  await h.user.click(screen.getByRole("switch", { name: "Write a summary sheet" }));
  expect(await axe(h.view.container)).toHaveNoViolations();
  await h.user.selectOptions(screen.getByRole("combobox", { name: /^Annual spend/ }), "");
  expect(await axe(h.view.container)).toHaveNoViolations();
  expect(SHEET).toBe("Customers");
});
