/** @jest-environment jsdom */
/**
 * Dates in the task pane mapping: the as-of date and day/month order are shown for templates that
 * read dates; an elapsed-day field reads a column of dates (found from date text, or ticked for
 * date cells, which Excel gives as serial numbers); preview, apply and reasons use the as-of date.
 */
import { screen, within } from "@testing-library/react";
import { SHEET, chooseTemplate, columnValues, previewRows, renderApp, seedHost } from "./harness";

const USE_STATUS = /^Use Customer status/;

async function setAsOf(h: ReturnType<typeof renderApp>, value: string): Promise<void> {
  const input = within(screen.getByTestId("dates-panel")).getByRole("textbox", { name: /^As of/ });
  await h.user.clear(input);
  await h.user.type(input, value);
}

test("a column of date text is read as days since each date, as of the date shown", async () => {
  const data = [
    ["Customer", "Lifetime orders", "Days since last order"],
    ["Acme", 3, "2026-10-19"],
    ["Birch", 5, "2025/11/01"],
    ["Cobalt", 2, "2026-02-30"],
    ["Delta", 2, "03/04/2026"],
  ];
  const h = renderApp({ host: seedHost({}, data) });
  await chooseTemplate(h, USE_STATUS);
  await setAsOf(h, "2026-12-03");
  const box = screen.getByRole("checkbox", { name: "Days since last order: the column holds dates" }) as HTMLInputElement;
  expect(box.checked).toBe(true);
  expect(previewRows().map((r) => r[1])).toEqual(["Actual", "Lost", "Error", "Error"]);
  expect(previewRows()[0][2]).toBe("Actual: Lifetime orders 3 ≥ 1; as of 2026-12-03");
  const field = document.querySelector('[data-field="daysSinceLastOrder"]') as HTMLElement;
  expect(field.textContent).toContain("2 of 4 rows will fail, e.g. Days since last order: '2026-02-30' is not a day of the calendar");

  // The day/month order reads 03/04/2026 (3 April: 244 days).
  await h.user.selectOptions(within(screen.getByTestId("dates-panel")).getByRole("combobox", { name: /^Dates like/ }), "dmy");
  expect(previewRows().map((r) => r[1])).toEqual(["Actual", "Lost", "Error", "Actual"]);

  await h.user.click(screen.getByRole("button", { name: "Grade 4 rows" }));
  await screen.findByTestId("result-panel");
  expect(columnValues(h.host, "D1:D5")).toEqual(["Grade", "actual", "lost", "", "actual"]);
  expect(h.host.getValues(SHEET, "E2")[0][0]).toBe("Actual: Lifetime orders 3 ≥ 1; as of 2026-12-03");
});

test("date cells arrive as serial numbers: day counts until the box is ticked; a bad as-of date blocks grading", async () => {
  const data = [
    ["Customer", "Lifetime orders", "Days since last order"],
    ["Acme", 3, 46314], // 2026-10-19
  ];
  const h = renderApp({ host: seedHost({}, data) });
  await chooseTemplate(h, USE_STATUS);
  await setAsOf(h, "2026-12-03");
  expect(previewRows()[0][1]).toBe("Lost");
  const box = screen.getByRole("checkbox", { name: "Days since last order: the column holds dates" });
  await h.user.click(box);
  expect(previewRows()[0][1]).toBe("Actual");

  await setAsOf(h, "2026-13-01");
  expect(screen.getByText("Write the date as 2026-12-03.")).toBeTruthy();
  expect(screen.getByText("Fix the as-of date first.")).toBeTruthy();
});

test("templates without dates show no as-of date", async () => {
  const h = renderApp();
  await chooseTemplate(h, /^Use Annual spend tiers/);
  expect(screen.queryByTestId("dates-panel")).toBeNull();
});
