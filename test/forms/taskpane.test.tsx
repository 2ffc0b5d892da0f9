/** @jest-environment jsdom */
/**
 * "Insert form" in the task pane: the header button, the template and rows, the real adapter over
 * the in-memory host inserting the form (English and Chinese), refusals shown as messages, and
 * accessibility.
 */
import { screen, waitFor } from "@testing-library/react";
import { axe } from "jest-axe";
import { renderApp } from "../taskpane/harness";

jest.setTimeout(30_000);

test("Insert form: MF/Q 102/A by default, any template, rows; the form lands in a new sheet", async () => {
  const h = renderApp();
  await h.user.click(screen.getByRole("button", { name: "Insert form" }));
  expect(screen.getByRole("heading", { level: 2, name: "Insert a grading form" })).toBeTruthy();
  const select = screen.getByRole("combobox", { name: "Template" }) as HTMLSelectElement;
  expect(select.value).toBe("mfq-102a");
  expect(screen.getByText(/MF\/Q 102\/A \(客户分类\/等级划分表\)/)).toBeTruthy();
  expect(await axe(h.view.container)).toHaveNoViolations();

  const rows = screen.getByRole("spinbutton", { name: /Rows to fill in/ });
  await h.user.clear(rows);
  await h.user.type(rows, "0");
  expect(screen.getByText("Give a whole number from 1 to 1,000.")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Insert the form" }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("button", { name: "Insert form" }) as HTMLButtonElement).disabled).toBe(true); // the header's entry, on this screen
  await h.user.clear(rows);
  await h.user.type(rows, "12");
  await h.user.click(screen.getByRole("button", { name: "Insert the form" }));
  await screen.findByText(/Inserted the sheet “客户分类等级划分表”: 12 rows to fill in/);
  expect(h.host.sheetNames()).toContain("客户分类等级划分表");
  expect(h.host.getValues("客户分类等级划分表", "A5:I5")[0]).toEqual(["客户名称", "地址", "法人代表", "联系电话", "主要产品", "交易过程分类", "累计订单次数", "累计订单量", "等级"]);
  expect(h.host.getCell("客户分类等级划分表", "I17").formula).toMatch(/^=IF\(/);

  // another template, in the pane's language
  await h.user.selectOptions(select, "risk-3");
  expect(screen.getByText(/One column per field/)).toBeTruthy();
  await h.user.click(screen.getByRole("button", { name: "Insert the form" }));
  await screen.findByText(/Inserted the sheet “risk-3 form”: 12 rows to fill in/); // the name is too long for a sheet
  const sheet = "risk-3 form";
  const snap = h.host.snapshot().sheets.find((s) => s.name === sheet)!;
  expect(snap.dataValidations.map((v) => v.rule)).toContainEqual({ list: { inCellDropDown: true, source: "yes,no" } });

  await h.user.click(screen.getByRole("button", { name: "← Back" }));
  expect(screen.getByRole("heading", { level: 2, name: "Choose a template" })).toBeTruthy();
});

test("in Chinese: form texts and messages in Chinese; a failure is shown, not thrown", async () => {
  const h = renderApp({
    lang: "zh-CN",
    actions: (a) => ({ ...a, insertForm: async (o) => (o.template.id === "spend-5" ? Promise.reject(new Error("boom")) : a.insertForm(o)) }),
  });
  await h.user.click(screen.getByRole("button", { name: "插入表单" }));
  const select = screen.getByRole("combobox", { name: "模板" }) as HTMLSelectElement;
  await h.user.selectOptions(select, "need-close-5");
  await h.user.click(screen.getByRole("button", { name: "插入此表单" }));
  await screen.findByText(/已插入工作表“客户等级划分 A–E（需求与成交时间）”：可填写 15 行/);
  const snap = h.host.snapshot().sheets.find((s) => s.name.startsWith("客户等级划分"))!;
  expect(snap.dataValidations.map((v) => v.rule)).toContainEqual({ list: { inCellDropDown: true, source: "明显,潜在,无" } });
  await h.user.selectOptions(select, "spend-5");
  await h.user.click(screen.getByRole("button", { name: "插入此表单" }));
  await waitFor(() => expect(screen.getByText("无法插入表单：boom")).toBeTruthy());
});
