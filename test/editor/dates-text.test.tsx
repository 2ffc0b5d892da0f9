/** @jest-environment jsdom */
/** The template editor builds a date field, a "time since" condition and a text-pattern condition. */
import { within } from "@testing-library/react";
import { checkTemplate } from "../../src/engine";
import { renderApp, type Harness } from "../taskpane/harness";
import { openBlank, saveAndRead, setText } from "./editor-helpers";

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
