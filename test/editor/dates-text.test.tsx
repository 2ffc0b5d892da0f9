/** @jest-environment jsdom */
/** The template editor builds a date field, a "time since" condition and a text-pattern condition. */
import { screen, within } from "@testing-library/react";
import type { Template } from "../../src/engine";
import { checkTemplate } from "../../src/engine";
import { createWorkbookActions } from "../../src/excel";
import { renderApp, type Harness } from "../taskpane/harness";

async function openBlank(h: Harness): Promise<HTMLElement> {
  const lib = await screen.findByTestId("template-library");
  await h.user.click(within(lib).getByRole("button", { name: "New template" }));
  return screen.findByTestId("template-editor");
}

async function setText(h: Harness, el: HTMLElement, text: string): Promise<void> {
  await h.user.clear(el);
  if (text) await h.user.type(el, text);
}

async function saveAndRead(h: Harness, editor: HTMLElement): Promise<Template> {
  await h.user.click(within(editor).getByRole("button", { name: "Save as version 1" }));
  await within(editor).findByText("Saved in this workbook as version 1.");
  const { templates } = await createWorkbookActions(h.host.Excel).listTemplates();
  return templates[templates.length - 1].template;
}

async function addField(h: Harness, editor: HTMLElement, type: string): Promise<void> {
  await h.user.click(within(editor).getByRole("button", { name: "Fields (1)" }));
  await h.user.click(within(editor).getByRole("button", { name: "Add a field" }));
  const types = within(editor).getAllByRole("combobox", { name: "Type" });
  await h.user.selectOptions(types[1], type);
}

test("a date field and 'months since' it in a rule", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await addField(h, editor, "date");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "rules");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: field" }), "field2");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: unit" }), "months");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: test" }), "<");
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 1 condition: value" }), "12");
  const saved = await saveAndRead(h, editor);
  expect(saved.fields[1]).toMatchObject({ key: "field2", type: "date" });
  expect((saved.model as { rules: { when: unknown }[] }).rules[0].when).toEqual({ expr: { since: "field2", unit: "months" }, op: "<", value: 12 });
  expect(checkTemplate(saved).ok).toBe(true);
});

test("a text field and 'contains any of' a word list", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await addField(h, editor, "text");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "rules");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: field" }), "field2");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: test" }), "contains");
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 1 condition: words" }), "marketing, 市场");
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Rule 1 condition: test" }), "startsWith");
  const saved = await saveAndRead(h, editor);
  expect((saved.model as { rules: { when: unknown }[] }).rules[0].when).toEqual({ field: "field2", startsWith: ["marketing", "市场"] });
  expect(checkTemplate(saved).ok).toBe(true);
});
