/** @jest-environment jsdom */
/** Ad-hoc ABC analysis in the task pane (issue 16): defaults from value-share-3, live preview, refused shares, group column, apply; en and zh. */
import { screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { SHEET, chooseTemplate, columnValues, isDisabled, previewRows, renderApp, seedHost } from "./harness";

const EXAMPLE: unknown[][] = [
  ["Customer", "Region", "Amount"],
  ["c1", "North", 50],
  ["c2", "South", 30],
  ["c3", "North", 10],
  ["c4", "South", 5],
  ["c5", "North", 5],
];

test("ABC analysis: the worked example 50, 30, 10, 5, 5; labels renamed; bad shares block apply; apply writes the grades", async () => {
  const host = seedHost({}, EXAMPLE);
  const h = renderApp({ host });
  await chooseTemplate(h, "Use ABC analysis");
  expect(screen.getByRole("heading", { level: 2, name: "ABC analysis" })).toBeTruthy();
  expect((screen.getByRole("combobox", { name: /^Amount/ }) as HTMLSelectElement).value).toBe("2");
  // value-share-3's labels and shares
  expect(previewRows().map((r) => r[1])).toEqual(["VIP", "VIP", "Important", "Regular", "Regular"]);
  expect((screen.getByRole("textbox", { name: "VIP: larger amounts under" }) as HTMLInputElement).value).toBe("70");

  for (const [from, to] of [
    ["VIP", "A"],
    ["Important", "B"],
    ["Regular", "C"],
  ]) {
    const box = screen.getByDisplayValue(from);
    await h.user.clear(box);
    await h.user.type(box, to);
  }
  expect(previewRows().map((r) => r[1])).toEqual(["A", "A", "B", "C", "C"]);

  const b = screen.getByRole("textbox", { name: "B: larger amounts under" });
  await h.user.clear(b);
  await h.user.type(b, "60");
  expect(screen.getByText("“B” cumulative share 60% is not above “A” (70%): shares must increase from the best grade down.")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "Grade 5 rows" }))).toBe(true);
  await h.user.clear(b);
  await h.user.type(b, "100");
  expect(screen.getByText("“B” cumulative share: “100” must be a percentage above 0 and below 100.")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "Grade 5 rows" }))).toBe(true);
  await h.user.clear(b);
  await h.user.type(b, "95");
  // the two 5s: larger amounts hold 90% < 95%, both B (ties share a grade)
  expect(previewRows().map((r) => r[1])).toEqual(["A", "A", "B", "B", "B"]);
  expect(await axe(h.view.container)).toHaveNoViolations();

  await h.user.click(screen.getByRole("button", { name: "Grade 5 rows" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText(/^Graded 5 rows into Customers!D1:/)).toBeTruthy();
  expect(columnValues(host, "D1:D6")).toEqual(["Grade", "A", "A", "B", "B", "B"]);
});

test("ABC analysis with a group column: shares within each region", async () => {
  const host = seedHost({}, EXAMPLE);
  const h = renderApp({ host });
  await chooseTemplate(h, "Use ABC analysis");
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Shares within groups of" }), "1");
  // North 50, 10, 5 (total 65): before 0, 50/65=76.9%, 60/65=92.3%; South 30, 5: before 0, 30/35=85.7%
  expect(previewRows().map((r) => r[1])).toEqual(["VIP", "VIP", "Important", "Important", "Regular"]);
  expect(previewRows()[2][3]).toMatch(/ in North;/);
  const group = screen.getByRole("combobox", { name: /^Region/ }) as HTMLSelectElement;
  expect(group.value).toBe("1");
  await h.user.click(screen.getByRole("button", { name: "Grade 5 rows" }));
  await screen.findByTestId("result-panel");
  expect(columnValues(host, "D1:D6")).toEqual(["Grade", "VIP", "VIP", "Important", "Important", "Regular"]);
});

test("ABC analysis in Chinese: value-share-3's Chinese labels, Chinese sentences", async () => {
  const host = seedHost({}, EXAMPLE);
  const h = renderApp({ host, lang: "zh-CN" });
  await chooseTemplate(h, "使用 ABC 分析");
  expect(previewRows().map((r) => r[1])).toEqual(["贵宾客户", "贵宾客户", "重要客户", "普通客户", "普通客户"]);
  const first = screen.getByRole("textbox", { name: "贵宾客户：更大金额合计低于" });
  await h.user.clear(first);
  await h.user.type(first, "0");
  expect(screen.getByText("“贵宾客户”的累计占比：“0”须为大于 0、小于 100 的百分比。")).toBeTruthy();
  await h.user.clear(first);
  await h.user.type(first, "70");
  expect(await axe(h.view.container)).toHaveNoViolations();
  await h.user.click(screen.getByRole("button", { name: /^为 5 行/ }));
  await screen.findByTestId("result-panel");
  expect(columnValues(host, "D2:D6")).toEqual(["贵宾客户", "贵宾客户", "重要客户", "普通客户", "普通客户"]);
  expect(host.getValues(SHEET, "D1")[0][0]).toBeTruthy();
});
