/** @jest-environment jsdom */
/** Template details in the picker: rules, criteria and cut-offs in words, and which numbers are example defaults (en and zh). */
import { screen, within } from "@testing-library/react";
import { renderApp } from "./harness";

async function openDetails(user: ReturnType<typeof renderApp>["user"], name: RegExp): Promise<HTMLElement> {
  const toggle = screen.getByRole("button", { name });
  await user.click(toggle);
  return toggle.closest("li")!;
}

test("bands: each grade's chip with its threshold in words; the numbers are the source's", async () => {
  const { user } = renderApp();
  const item = await openDetails(user, /^Details of Annual spend tiers/);
  const rules = within(item).getByRole("list", { name: "Grades" });
  expect(within(rules).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "VIPAnnual spend > 500,000",
    "PlatinumAnnual spend ≥ 200,000",
    "GoldAnnual spend ≥ 100,000",
    "SilverAnnual spend ≥ 50,000",
    "Regularotherwise",
  ]);
  expect(within(item).getByText("Grades and their rules")).toBeTruthy();
  expect(item.textContent).toContain("Numbers: The thresholds and points are the source's.");
});

test("scorecards: criteria with their points, the cut-offs; example defaults named (Chinese)", async () => {
  const { user } = renderApp({ lang: "zh-CN" });
  const item = await openDetails(user, /^汽车基盘客户分级.* 的详情$/);
  expect(within(item).getByText("计分方法")).toBeTruthy();
  expect(item.textContent).toContain("满意程度：人工填写（对车的满意程度）（0–2 分）");
  expect(item.textContent).toContain("得分 = 各项指标得分之和。");
  const rules = within(item).getByRole("list", { name: "等级" });
  expect(within(rules).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["优质得分 ≥ 16", "潜力得分 ≥ 10", "一般其余"]);
  expect(item.textContent).toContain("数字来源： 部分为示例默认值");
  expect(item.textContent).toContain("优质 ≥ 16、潜力 ≥ 10 为示例默认值");
});

test("adjustments after grading are listed", async () => {
  const { user } = renderApp();
  const item = await openDetails(user, /^Details of Bank customer tiers/);
  expect(within(item).getByText("After grading")).toBeTruthy();
  expect(item.textContent).toMatch(/raised to at least VIP when .+ is yes/);
});
