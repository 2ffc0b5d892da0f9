/** @jest-environment jsdom */
/** Ad-hoc bands and percentile tiers in the task pane: inline editing, live preview, apply. */
import { screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { SHEET, chooseTemplate, columnValues, isDisabled, previewRows, renderApp, seedHost } from "./harness";

test("ad-hoc bands: the value column is guessed, thresholds edit the preview, bad input blocks apply", async () => {
  const h = renderApp();
  await chooseTemplate(h, "Use Ad-hoc bands");
  expect(screen.getByRole("heading", { level: 2, name: "Ad-hoc bands" })).toBeTruthy();
  // the first mostly-numeric column, and its header names the field
  const value = screen.getByRole("combobox", { name: /^年消费额/ }) as HTMLSelectElement;
  expect(value.value).toBe("2");
  expect(previewRows().map((r) => r[1])).toEqual(["A", "A", "Error", "A", "No data"]);
  expect(previewRows()[0][2]).toBe("A: 年消费额 620,000 ≥ 100,000");

  const a = screen.getByRole("textbox", { name: "A from (≥)" });
  await h.user.clear(a);
  await h.user.type(a, "50万");
  expect(previewRows().map((r) => r[1])).toEqual(["A", "B", "Error", "B", "No data"]);

  await h.user.clear(a);
  await h.user.type(a, "lots");
  expect(screen.getByText("Grade 1: “lots” is not a number.")).toBeTruthy();
  expect(screen.getByText("Fix the thresholds and labels above to see the preview.")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "Grade 7 rows" }))).toBe(true);
  await h.user.clear(a);
  await h.user.type(a, "600000");

  // rename a grade, switch direction, add a grade
  const label = screen.getByRole("textbox", { name: "Grade 1" });
  await h.user.clear(label);
  await h.user.type(label, "Top");
  expect(previewRows()[0][1]).toBe("Top");
  await h.user.click(screen.getByRole("radio", { name: "Lower is better (≤)" }));
  expect(screen.getByRole("textbox", { name: "Top up to (≤)" })).toBeTruthy();
  await h.user.click(screen.getByRole("radio", { name: "Higher is better (≥)" }));
  await h.user.click(screen.getByRole("button", { name: "Add a grade" }));
  expect(screen.getByRole("textbox", { name: "Grade 5" })).toBeTruthy();
  await h.user.type(screen.getByRole("textbox", { name: "D from (≥)" }), "10000");
  expect(previewRows().map((r) => r[1])).toEqual(["Top", "B", "Error", "B", "No data"]);
  expect(await axe(h.view.container)).toHaveNoViolations();

  await h.user.click(screen.getByRole("button", { name: "Grade 7 rows" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("Graded 7 rows into Customers!E1:F8.")).toBeTruthy();
  expect(columnValues(h.host, "E1:E8")).toEqual(["Grade", "Top", "B", "", "B", "", "B", "D"]);
});

test("percentile tiers with a group column: tiers within each region", async () => {
  const host = seedHost({}, [
    ["Store", "Region", "Sales"],
    ["s1", "North", 10],
    ["s2", "North", 20],
    ["s3", "South", 1000],
    ["s4", "South", 2000],
  ]);
  const h = renderApp({ host });
  await chooseTemplate(h, "Use Percentile tiers");
  // two tiers: top 50% / rest
  await h.user.click(screen.getByRole("button", { name: "Remove 2" }));
  expect(screen.getByRole("textbox", { name: "1: within the top" })).toBeTruthy();
  await h.user.clear(screen.getByRole("textbox", { name: "1: within the top" }));
  await h.user.type(screen.getByRole("textbox", { name: "1: within the top" }), "50");
  expect(previewRows().map((r) => r[1])).toEqual(["3", "3", "1", "1"]);

  await h.user.selectOptions(screen.getByRole("combobox", { name: "Rank within groups of" }), "1");
  expect(previewRows().map((r) => r[1])).toEqual(["3", "1", "3", "1"]);
  expect(previewRows()[1][2]).toMatch(/in North/);
  // the group field appears in the mapping, required
  const group = screen.getByRole("combobox", { name: /^Region/ }) as HTMLSelectElement;
  expect(group.value).toBe("1");
  expect(await axe(h.view.container)).toHaveNoViolations();

  await h.user.click(screen.getByRole("button", { name: "Grade 4 rows" }));
  await screen.findByTestId("result-panel");
  expect(columnValues(host, "D1:D5")).toEqual(["Grade", "3", "1", "3", "1"]);
  expect(host.getValues(SHEET, "E3")[0][0]).toMatch(/North/);
});
