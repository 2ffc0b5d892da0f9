/** @jest-environment jsdom */
/** Template picker: categories, search in English and Chinese, details, quick options, accessibility. */
import { screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { renderApp } from "./harness";

const SPEND_EN = "Annual spend tiers VIP/Platinum/Gold/Silver/Regular";
const SPEND_ZH = "年消费额分级 VIP/白金/金卡/银卡/普通";

function templateIds(): string[] {
  return Array.from(document.querySelectorAll("[data-template-id]")).map((e) => e.getAttribute("data-template-id") ?? "");
}

function templateNames(): string[] {
  return screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent ?? "");
}

test("templates grouped by category, with quick options", async () => {
  renderApp();
  expect(screen.getByRole("heading", { level: 2, name: "Choose a template" })).toBeTruthy();
  const categories = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
  expect(categories[0]).toBe("Quick options");
  expect(categories).toEqual(expect.arrayContaining(["Sales pipeline", "Customer value", "Scorecards", "Retail", "Lifecycle"]));
  expect(templateNames()).toEqual(expect.arrayContaining(["Ad-hoc bands", "Percentile tiers", "ABC analysis", SPEND_EN]));
  // 23 built-in templates + 3 quick options (bands, percentile tiers, ABC analysis)
  expect(templateNames()).toHaveLength(26);
});

test("search by English name, Chinese name, id and column name (English UI)", async () => {
  const { user } = renderApp();
  const search = screen.getByRole("searchbox", { name: "Search templates" });
  await user.type(search, "annual spend");
  expect(templateNames()).toContain(SPEND_EN);
  expect(templateNames()).not.toContain("Customer risk level");
  expect(screen.getByRole("status").textContent).toMatch(/\d+ match/);

  await user.clear(search);
  await user.type(search, "年消费额");
  expect(templateNames()).toContain(SPEND_EN); // found by its Chinese field label, shown in English

  await user.clear(search);
  await user.type(search, "bocom-tier");
  expect(templateIds()).toEqual(["bocom-tier"]);
  expect(templateNames()).toEqual(["Bank customer tiers by assets (Diamond/VIP/Wealth/Ordinary)"]);

  await user.clear(search);
  await user.type(search, "zzzz nothing");
  expect(screen.getByText(/No template matches “zzzz nothing”/)).toBeTruthy();
});

test("search in Chinese with the Chinese UI; quick options found by Chinese words", async () => {
  const { user } = renderApp({ lang: "zh-CN" });
  expect(screen.getByRole("heading", { level: 2, name: "选择模板" })).toBeTruthy();
  const search = screen.getByRole("searchbox", { name: "搜索模板" });
  await user.type(search, "交通银行");
  expect(templateIds()).toEqual(["bocom-tier"]);
  expect(templateNames()[0]).toMatch(/交通银行|钻石/);
  await user.clear(search);
  await user.type(search, "spend");
  expect(templateNames()).toContain(SPEND_ZH); // English words find templates in the Chinese UI too
  await user.clear(search);
  await user.type(search, "百分位");
  expect(templateNames()).toContain("百分位分档");
});

test("details show the source, the columns and the readings; keyboard operable", async () => {
  const { user } = renderApp();
  const toggle = screen.getByRole("button", { name: `Details of ${SPEND_EN}` });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  toggle.focus();
  await user.keyboard("{Enter}");
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  const item = toggle.closest("li")!;
  expect(item.textContent).toContain("Source: Customer grading management system (new edition)");
  expect(item.textContent).not.toMatch(/seeds\/|\.txt/); // the seed file names are not shown
  expect(within(item).getByText("How the source is read")).toBeTruthy();
  expect(item.textContent).toMatch(/VIP is strictly above 500,000/);
  expect(within(item).getByText("Columns:").parentElement!.textContent).toMatch(/Annual spend/);
  await user.click(screen.getByRole("button", { name: `Hide details of ${SPEND_EN}` }));
  expect(item.textContent).not.toMatch(/VIP is strictly above/);
});

test("accessibility: picker (English, details open) and Chinese", async () => {
  const { user, view } = renderApp();
  await user.click(screen.getByRole("button", { name: `Details of ${SPEND_EN}` }));
  expect(await axe(view.container)).toHaveNoViolations();
  view.unmount();
  const zh = renderApp({ lang: "zh-CN" });
  expect(await axe(zh.view.container)).toHaveNoViolations();
});
