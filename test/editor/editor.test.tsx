/** @jest-environment jsdom */
/**
 * The template editor, end to end over the real adapter and the in-memory host: create from a
 * built-in, edit (live preview on the selected rows), save with versions and notes, reopen the
 * workbook (a NEW host from the snapshot, a new task pane) and grade with the same results; the
 * checker's messages before save (Save disabled) in English and Chinese; jest-axe on the editor.
 */
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { createWorkbookActions } from "../../src/excel";
import { SHEET, columnValues, isDisabled, previewRows, renderApp, seedHost, type Harness } from "../taskpane/harness";
import { hostFromSnapshot } from "../storage/helpers";

const SPEND = "Annual spend tiers VIP/Platinum/Gold/Silver/Regular";
const COPY = `${SPEND} (copy)`;

async function openNew(h: Harness, from: string | null): Promise<HTMLElement> {
  const lib = await screen.findByTestId("template-library");
  if (from) await h.user.selectOptions(within(lib).getByRole("combobox", { name: "Start from" }), from);
  await h.user.click(within(lib).getByRole("button", { name: "New template" }));
  return screen.findByTestId("template-editor");
}

async function setText(h: Harness, el: HTMLElement, text: string): Promise<void> {
  await h.user.clear(el);
  if (text) await h.user.type(el, text);
}

/** Waits until the preview shows graded rows. */
async function previewReady(): Promise<string[][]> {
  await screen.findByRole("table", { name: /Grades of the first/ });
  return previewRows();
}

const grades = (rows: string[][]) => rows.map((r) => r[1]);

test("create from a built-in, edit with a live preview, save twice, reopen the workbook, grade the same", async () => {
  const h = renderApp();
  const editor = await openNew(h, SPEND);
  expect(within(editor).getByRole("heading", { level: 2, name: `New template: ${COPY}` })).toBeTruthy();
  expect(within(editor).getByText("The checker finds no problems.")).toBeTruthy();
  expect(grades(await previewReady())).toEqual(["VIP", "Platinum", "Error", "Gold", "No data"]);

  // edit: VIP from 700,000 (Acme, 620,000, becomes Platinum), live in the preview
  await setText(h, within(editor).getByRole("textbox", { name: "Band 1: threshold" }), "700000");
  await waitFor(() => expect(grades(previewRows())[0]).toBe("Platinum"));
  // and the Chinese name
  await setText(h, within(editor).getByRole("textbox", { name: "Name (Chinese)" }), "我的年消费分级");

  await h.user.type(within(editor).getByRole("textbox", { name: "Change note" }), "VIP from 700k");
  await h.user.click(within(editor).getByRole("button", { name: "Save as version 1" }));
  expect(await within(editor).findByText("Saved in this workbook as version 1.")).toBeTruthy();
  expect(within(editor).getByRole("heading", { level: 2, name: `Edit template: ${COPY}` })).toBeTruthy();

  // second save: version 2
  await setText(h, within(editor).getByRole("textbox", { name: "Band 2: threshold" }), "150000");
  await h.user.type(within(editor).getByRole("textbox", { name: "Change note" }), "Platinum from 150k");
  await h.user.click(within(editor).getByRole("button", { name: "Save as version 2" }));
  expect(await within(editor).findByText("Saved in this workbook as version 2.")).toBeTruthy();

  // the library lists it with its version and last note
  await h.user.click(within(editor).getByRole("button", { name: "← Templates" }));
  const item = await waitFor(() => {
    const el = document.querySelector('[data-workbook-template="spend-5-custom"]');
    if (!el) throw new Error("not listed yet");
    return el as HTMLElement;
  });
  expect(within(item).getByText("Version 2: Platinum from 150k")).toBeTruthy();

  // the template lives in the workbook model: one custom XML part
  const snap = JSON.parse(JSON.stringify(h.host.snapshot()));
  expect(snap.customXmlParts).toHaveLength(1);

  // grade with it in this session
  await h.user.click(within(item).getByRole("button", { name: `Use ${COPY}` }));
  await h.user.click(await screen.findByRole("button", { name: "Grade 7 rows" }));
  await screen.findByTestId("result-panel");
  const before = columnValues(h.host, "E1:E8");
  expect(before).toEqual(["Grade", "Platinum", "Platinum", "", "Gold", "", "Silver", "Regular"]);
  cleanup();

  // reopen: a NEW host from the snapshot, a new task pane with a fresh adapter
  const reopened = await hostFromSnapshot(snap);
  const h2 = renderApp({ host: reopened });
  const item2 = await screen.findByRole("button", { name: `Use ${COPY}` });
  const listed = item2.closest("[data-workbook-template]") as HTMLElement;
  expect(within(listed).getByText("Version 2: Platinum from 150k")).toBeTruthy();
  await h2.user.click(item2);
  await h2.user.click(await screen.findByRole("button", { name: "Grade 7 rows" }));
  await screen.findByTestId("result-panel");
  expect(columnValues(reopened, "E1:E8")).toEqual(before);

  // and its history survived
  const { templates } = await createWorkbookActions(reopened.Excel).listTemplates();
  expect(templates[0].template.name.zh).toBe("我的年消费分级");
  expect(templates[0].history.map((x) => [x.version, x.note])).toEqual([
    [1, "VIP from 700k"],
    [2, "Platinum from 150k"],
  ]);
});

test("a template with problems shows the checker's messages before save, and Save is disabled", async () => {
  const h = renderApp();
  const editor = await openNew(h, null);
  // rules: two rules, the second with a value that is not a number
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "rules");
  await h.user.click(within(editor).getByRole("button", { name: "Add a rule" }));
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 1 condition: value" }), "100");
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 2 condition: value" }), "50");
  const save = within(editor).getByRole("button", { name: "Save as version 1" });
  await waitFor(() => expect(isDisabled(save)).toBe(false));
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 2 condition: value" }), "lots");

  const messages = within(editor).getByTestId("checker-messages");
  await waitFor(() => expect(within(messages).getByText(/^1 problem to fix before saving/)).toBeTruthy());
  const errorItem = within(messages).getAllByRole("listitem")[0];
  expect(errorItem.textContent).toBe("Rule 2 → condition → value: enter a number");
  expect(isDisabled(save)).toBe(true);
  expect(within(editor).getByText("Fix the problems listed above before saving.")).toBeTruthy();
  expect(within(editor).getByText("Fix the problems above to see the preview.")).toBeTruthy();
  await h.user.click(save);
  expect(h.host.snapshot().customXmlParts).toEqual([]);

  // another kind of problem: a grade id used twice, named by the readable path
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 2 condition: value" }), "50");
  const gradeIds = within(editor).getAllByRole("textbox", { name: "Id (written in the cells)" });
  await setText(h, gradeIds[1], "A");
  await waitFor(() => expect(within(messages).getByText("Grades: grade 'A' appears twice", { exact: false })).toBeTruthy());
  await setText(h, gradeIds[1], "B");
  await waitFor(() => expect(isDisabled(save)).toBe(false));

  // fixed: saves
  await h.user.click(save);
  expect(await within(editor).findByText("Saved in this workbook as version 1.")).toBeTruthy();
  expect(h.host.snapshot().customXmlParts).toHaveLength(1);
});

test("checker messages in Chinese, with Chinese paths", async () => {
  const h = renderApp({ lang: "zh-CN" });
  const lib = await screen.findByTestId("template-library");
  await h.user.click(within(lib).getByRole("button", { name: "新建模板" }));
  const editor = await screen.findByTestId("template-editor");
  await setText(h, within(editor).getByRole("textbox", { name: "分档 2：阈值" }), "abc");
  const messages = within(editor).getByTestId("checker-messages");
  await waitFor(() => expect(within(messages).getByText(/^保存前需修正 1 个问题/)).toBeTruthy());
  expect(within(messages).getAllByRole("listitem")[0].textContent).toBe("分档 2→取值：请输入数字");
  expect(isDisabled(within(editor).getByRole("button", { name: "保存为版本 1" }))).toBe(true);
});

test("a new template cannot take the id of a built-in or of a saved template", async () => {
  const h = renderApp();
  const editor = await openNew(h, null);
  const id = within(editor).getByRole("textbox", { name: "Id" });
  await setText(h, id, "spend-5");
  const messages = within(editor).getByTestId("checker-messages");
  await waitFor(() => expect(within(messages).getByText(/^Id: 'spend-5' is the id of a built-in template/)).toBeTruthy());
  await setText(h, id, "mine");
  await h.user.click(within(editor).getByRole("button", { name: "Save as version 1" }));
  await within(editor).findByText("Saved in this workbook as version 1.");
  // a second new template with the same id
  await h.user.click(within(editor).getByRole("button", { name: "← Templates" }));
  const editor2 = await openNew(h, null);
  await setText(h, within(editor2).getByRole("textbox", { name: "Id" }), "mine");
  await waitFor(() => expect(within(editor2).getByText(/^Id: a template with the id 'mine' is already saved in this workbook/)).toBeTruthy());
});

test("jest-axe: the editor screen has no violations (with a rules condition group open)", async () => {
  const h = renderApp();
  const editor = await openNew(h, null);
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "rules");
  await h.user.click(within(editor).getByRole("button", { name: "Add a condition to Rule 1 condition" }));
  await h.user.click(within(editor).getByRole("button", { name: "Fields (1)" }));
  await h.user.click(within(editor).getByRole("button", { name: "Parameters (0)" }));
  await h.user.click(within(editor).getByRole("button", { name: "Add a parameter" }));
  await screen.findByRole("heading", { name: "Preview" });
  const results = await act(async () => axe(h.view.container));
  expect(results).toHaveNoViolations();
});

test("the library screen with a saved template has no axe violations either", async () => {
  const host = seedHost();
  const actions = createWorkbookActions(host.Excel);
  const blank = (await import("../../src/taskpane/editor/template-draft")).blankTemplate([]);
  await actions.saveTemplate(blank, { note: "mine", baseVersion: null });
  const h = renderApp({ host });
  await screen.findByRole("button", { name: "Edit My template" });
  const results = await act(async () => axe(h.view.container));
  expect(results).toHaveNoViolations();
  expect(SHEET).toBe("Customers");
});
