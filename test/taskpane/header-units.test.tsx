/** @jest-environment jsdom */
/**
 * A unit in a column's header (`年消费额（万元）`) in the task pane: the mapping shows it, the
 * preview and the grades written scale plain cells, finance forms are read, near misses fail by name.
 */
import { screen, within } from "@testing-library/react";
import { SHEET, chooseTemplate, columnValues, previewRows, renderApp, seedHost } from "./harness";

const USE_SPEND = /^Use Annual spend tiers/;

const DATA: unknown[][] = [
  ["Customer", "年消费额（万元）"],
  ["Acme", 60],
  ["Birch", "¥25"],
  ["Cobalt", "50万"],
  ["Delta", "（1）"],
  ["Echo", "1,2,3元"],
  ["Fjord", "30元"],
];

test("the unit is shown with the mapping; preview and apply scale the column", async () => {
  const h = renderApp({ host: seedHost({}, DATA) });
  await chooseTemplate(h, USE_SPEND);
  const select = screen.getByRole("combobox", { name: /^Annual spend/ }) as HTMLSelectElement;
  expect(select.value).toBe("1");
  const box = document.querySelector('[data-field="annualSpend"]') as HTMLElement;
  expect(box.textContent).toContain("Unit from the header: 万元 (a plain number is multiplied by 10,000");
  expect(box.textContent).toContain("1 row of 6 will fail: Annual spend: '1,2,3元' is not a number");
  expect(previewRows().map((r) => r[1])).toEqual(["VIP", "Platinum", "Platinum", "Regular", "Error"]);
  expect(previewRows()[0][2]).toBe("VIP: Annual spend 600,000 > 500,000");

  await h.user.click(screen.getByRole("button", { name: "Grade 6 rows" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("Graded 6 rows into Customers!C1:D7.")).toBeTruthy();
  expect(columnValues(h.host, "C1:C7")).toEqual(["Grade", "VIP", "Platinum", "Platinum", "Regular", "", "Regular"]);
  expect(h.host.getValues(SHEET, "D2")[0][0]).toBe("VIP: Annual spend 600,000 > 500,000");
});

test("a header without a unit shows none and reads cells as written", async () => {
  const h = renderApp({ host: seedHost({}, [["Customer", "年消费额"], ["Acme", "¥600,000"], ["Birch", "(1,200)"]]) });
  await chooseTemplate(h, USE_SPEND);
  const box = document.querySelector('[data-field="annualSpend"]') as HTMLElement;
  expect(box.textContent).not.toContain("Unit from the header");
  expect(previewRows().map((r) => r[1])).toEqual(["VIP", "Regular"]);
});
