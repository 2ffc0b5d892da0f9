/** @jest-environment jsdom */
/** Language: from Office's display language, complete in Chinese, switchable at any time. */
import { screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { detectLang } from "../../src/taskpane/environment";
import { SHEET, chooseTemplate, columnValues, previewRows, renderApp, seedHost } from "./harness";

test("Chinese from Office.context.displayLanguage: picker, mapping, preview, apply, result", async () => {
  const host = seedHost({ displayLanguage: "zh-CN" });
  const lang = detectLang(host.Office);
  expect(lang).toBe("zh-CN");
  const h = renderApp({ host, lang });
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("GradeKit 客户分级");
  expect(screen.getByRole("heading", { level: 3, name: "快速分级" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 3, name: "客户价值" })).toBeTruthy();
  await chooseTemplate(h, "使用 年消费额分级 VIP/白金/金卡/银卡/普通");

  expect(screen.getByText("表格 Customers!A1:D8：7 行数据")).toBeTruthy();
  const field = document.querySelector('[data-field="annualSpend"]')!;
  expect(within(field as HTMLElement).getByRole("combobox", { name: /^年消费额/ })).toBeTruthy();
  expect(field.textContent).toContain("7 行中有 1 行将无法读取：年消费额：“abc”不是数字");
  expect(field.textContent).toContain("示例：620000 · 250000 · abc");
  expect(previewRows()[0]).toEqual(["2", "VIP", "VIP：年消费额 620,000 > 500,000"]);
  expect(previewRows()[2].slice(1)).toEqual(["错误", "年消费额：“abc”不是数字"]);
  expect(screen.getByRole("radio", { name: "表格右侧的列（E；替换内容前会先询问）" })).toBeTruthy();
  expect(await axe(h.view.container)).toHaveNoViolations();

  await h.user.click(screen.getByRole("button", { name: "为 7 行分级" }));
  const panel = await screen.findByTestId("result-panel");
  expect(within(panel).getByText("已为 7 行分级，写入 Customers!E1:F8。")).toBeTruthy();
  expect(within(panel).getByRole("heading", { name: "输入有误的行：1" })).toBeTruthy();
  expect(within(panel).getByRole("button", { name: "Customers!C4：年消费额：“abc”不是数字" })).toBeTruthy();
  // the workbook gets Chinese grade labels and reasons
  expect(columnValues(host, "E2:E3")).toEqual(["VIP", "白金"]);
  expect(host.getValues(SHEET, "F3")[0][0]).toBe("白金：年消费额 250,000 ≥ 200,000");
  expect(await axe(h.view.container)).toHaveNoViolations();
});

test("manual switch: everything on screen follows, including template texts and reasons", async () => {
  const h = renderApp({ lang: "en" });
  await chooseTemplate(h, /^Use Annual spend tiers/);
  expect(previewRows()[1][2]).toBe("Platinum: Annual spend 250,000 ≥ 200,000");
  const language = screen.getByRole("combobox", { name: "Language" });

  await h.user.selectOptions(language, "zh-CN");
  expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("年消费额分级 VIP/白金/金卡/银卡/普通");
  expect(screen.getByRole("heading", { level: 3, name: "列对应" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 3, name: "预览" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 3, name: "输出" })).toBeTruthy();
  expect(previewRows()[1]).toEqual(["3", "白金", "白金：年消费额 250,000 ≥ 200,000"]);
  expect(screen.getByRole("button", { name: "为 7 行分级" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "撤销上次写入" })).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "语言" })).toBe(language);
  // nothing English left in the visible text, apart from data, codes and grade ids
  const visible = (h.view.container.textContent ?? "")
    .replace(/Customers!?[A-Z0-9:]*/g, "")
    .replace(/GradeKit|VIP|English|Acme|Birch|Cobalt|Delta|Echo|Fjord|Gale|Customer|Region|Orders|abc/g, "");
  expect(visible).not.toMatch(/[A-Za-z]{3,}/);

  await h.user.selectOptions(screen.getByRole("combobox", { name: "语言" }), "en");
  expect(screen.getByRole("heading", { level: 3, name: "Columns" })).toBeTruthy();
  expect(previewRows()[1][1]).toBe("Platinum");
});

test("the picker in Chinese shows every template's Chinese name and description", async () => {
  const h = renderApp({ lang: "zh-CN" });
  const { BUILTIN_TEMPLATES } = await import("../../src/templates");
  for (const t of BUILTIN_TEMPLATES) {
    const item = document.querySelector(`[data-template-id="${t.id}"]`) as HTMLElement;
    expect(within(item).getByRole("heading", { level: 4 }).textContent).toBe(t.name.zh);
    expect(item.textContent).toContain(t.description.zh);
  }
  expect(h.view.container.textContent).not.toMatch(/Choose a template/);
});

test("workbook errors are shown in the current language, and follow a switch", async () => {
  const host = seedHost({ selection: { sheet: SHEET, address: "K20" } }); // an empty cell far from the table
  const h = renderApp({ host });
  await h.user.click(screen.getByRole("button", { name: /^Use Annual spend tiers/ }));
  expect(await screen.findByText(/^Could not read a table at the selection\. Select a cell inside a table/)).toBeTruthy();
  expect(screen.getByText("Select a table in the sheet, then read the selection again.")).toBeTruthy();
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
  expect(screen.getByText(/^无法在所选位置读取表格。请选择表格中的单元格/)).toBeTruthy();

  // select the table and read again
  host.setSelection(SHEET, "A1");
  await h.user.click(screen.getByRole("button", { name: "重新读取所选区域" }));
  expect(await screen.findByText("表格 Customers!A1:D8：7 行数据")).toBeTruthy();
  expect(screen.queryByText(/^无法在所选位置读取表格/)).toBeNull();
});
