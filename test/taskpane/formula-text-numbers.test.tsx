/** @jest-environment jsdom */
/**
 * "Write grades as formulas" over number text (`1,200`, `10万`): the pane names the cells before
 * writing anything and offers to write them as numbers first. Accepted, the cells hold the engine's
 * numbers and the formulas (recalculated by HyperFormula) give the engine's grades; Undo restores
 * the text and removes the formulas. Cancel writes nothing. The real adapter over the in-memory host.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { getBuiltinTemplate } from "../../src/templates";
import { differing, recalc } from "../support/formula-recalc";
import { oracle } from "../excel/helpers";
import { SHEET, chooseTemplate, renderApp, seedHost, type Harness } from "./harness";

const PIPELINE: unknown[][] = [
  ["Customer", "Expected months to close", "Expected monthly deal amount"],
  ["甲", 2, 60000],
  ["乙", 8, "'1,200"],
  ["丙", 3, "10万"],
  ["丁", 20, 1000],
  ["戊", 12, ""],
];

async function askFormulas(h: Harness, template: RegExp, rows: number): Promise<HTMLElement> {
  await chooseTemplate(h, template);
  await h.user.click(screen.getByRole("switch", { name: "Write grades as formulas (they recalculate without GradeKit)" }));
  await h.user.click(screen.getByRole("button", { name: `Grade ${rows} rows` }));
  return screen.findByTestId("text-numbers");
}

test("sales-pipeline: the cells are named; written as numbers, then formulas that give the engine's grades; Undo restores the text", async () => {
  const host = seedHost({}, PIPELINE);
  const h = renderApp({ host });
  const before = host.snapshot();
  const rowsRead = host.getValues(SHEET, "A2:C6").map((r) => r.slice(1));
  const engine = oracle(getBuiltinTemplate("sales-pipeline")!, rowsRead, { closeMonths: 0, monthlyAmount: 1 });

  const bar = await askFormulas(h, /^Use Sales pipeline A\/B\/C\/D/, 5);
  expect(bar.textContent).toContain(
    "2 number cell(s) hold text that GradeKit reads as a number but the formulas cannot: Customers!C3 ('1,200' = 1,200), Customers!C4 ('10万' = 100,000).",
  );
  expect(host.snapshot()).toEqual(before); // nothing written yet

  await h.user.click(within(bar).getByRole("button", { name: "Write them as numbers, then formulas" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("Graded 5 rows into Customers!D1:E6.")).toBeTruthy();
  expect(host.getValues(SHEET, "C3:C4")).toEqual([[1200], [100000]]);
  expect(host.getFormulas(SHEET, "D2:D6").every(([f]) => String(f).startsWith("="))).toBe(true);
  expect(differing(engine, recalc(host, SHEET, 3, 1, 5), false)).toEqual([]);

  const undo = screen.getByRole("button", { name: "Undo last apply" }) as HTMLButtonElement;
  await waitFor(() => expect(undo.disabled).toBe(false));
  await h.user.click(undo);
  expect(await screen.findByText("Restored Customers!D1:E6 as it was before the last apply.")).toBeTruthy();
  expect(host.snapshot()).toEqual(before);
  expect(host.getValues(SHEET, "C3:C4")).toEqual([["1,200"], ["10万"]]);
});

test("Cancel writes nothing and clears the message", async () => {
  const host = seedHost({}, PIPELINE);
  const h = renderApp({ host });
  const before = host.snapshot();
  const bar = await askFormulas(h, /^Use Sales pipeline A\/B\/C\/D/, 5);
  await h.user.click(within(bar).getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(screen.queryByTestId("text-numbers")).toBeNull());
  expect(host.snapshot()).toEqual(before);
});

test("more than five cells: five named, the rest counted (Chinese)", async () => {
  const data: unknown[][] = [PIPELINE[0], ...Array.from({ length: 7 }, (_, i) => [`c${i}`, 3, `${i + 1}万`])];
  const h = renderApp({ host: seedHost({}, data), lang: "zh-CN" });
  await chooseTemplate(h, /^使用 销售客户等级划分标准/);
  await h.user.click(screen.getByRole("switch", { name: "以公式写入等级（无需 GradeKit 即可重新计算）" }));
  await h.user.click(screen.getByRole("button", { name: "为 7 行分级" }));
  const bar = await screen.findByTestId("text-numbers");
  expect(bar.textContent).toContain("7 个数字单元格为文本");
  expect(bar.textContent).toContain("Customers!C6（“5万” = 50,000） 等另外 2 个。");
  expect(bar.textContent).not.toContain("Customers!C7");
  expect(within(bar).getByRole("button", { name: "先改写为数字，再写入公式" })).toBeTruthy();
});

const SCORE: unknown[][] = [
  ["Quantity bought", "Average price bought", "Number of brands/specs", "Cooperation", "Growth", "Law grade"],
  [1000, 20, 50, 15, 10, "A"],
  [500, 10, 25, 10, 5, "B"],
  ["'1,200", 16, 40, 12, 8, "A"],
  [800, 16, 40, 12, 8, "C"],
  [100, 10, 10, 0, 0, "B"],
];

test("tobacco-retail-score (population): one text number named; accepted, every row matches the engine", async () => {
  const host = seedHost({}, SCORE);
  const h = renderApp({ host });
  const t = getBuiltinTemplate("tobacco-retail-score")!;
  const engine = oracle(t, host.getValues(SHEET, "A2:F6"), { purchaseQty: 0, avgPrice: 1, specCount: 2, cooperation: 3, growth: 4, lawGrade: 5 });
  const bar = await askFormulas(h, /^Use Cigarette retailer evaluation/, 5);
  expect(bar.textContent).toContain("1 number cell(s) hold text that GradeKit reads as a number but the formulas cannot: Customers!A4 ('1,200' = 1,200).");
  await h.user.click(within(bar).getByRole("button", { name: "Write them as numbers, then formulas" }));
  await screen.findByTestId("result-panel");
  const shown = recalc(host, SHEET, 6, 2, 5);
  expect(shown.every(([g]) => !String(g).startsWith("#"))).toBe(true);
  expect(differing(engine, shown, true)).toEqual([]);
});
