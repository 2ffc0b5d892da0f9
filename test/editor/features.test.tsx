/** @jest-environment jsdom */
/**
 * Editor features over the real adapter + in-memory host: structured AND/OR conditions, renames
 * that follow references, scorecard weights, the JSON view, import (file input -> text -> checks)
 * and export from the task pane.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type { Template } from "../../src/engine";
import { createWorkbookActions } from "../../src/excel";
import { templateJson } from "../../src/excel/storage";
import { setDownloader } from "../../src/taskpane/editor/io";
import { renderApp, seedHost, type Harness } from "../taskpane/harness";
import { tiers } from "../storage/helpers";

async function openBlank(h: Harness): Promise<HTMLElement> {
  const lib = await screen.findByTestId("template-library");
  await h.user.click(within(lib).getByRole("button", { name: "New template" }));
  return screen.findByTestId("template-editor");
}

async function setText(h: Harness, el: HTMLElement, text: string): Promise<void> {
  await h.user.clear(el);
  if (text) await h.user.type(el, text);
}

async function saveAndRead(h: Harness, editor: HTMLElement, version = 1): Promise<Template> {
  await h.user.click(within(editor).getByRole("button", { name: `Save as version ${version}` }));
  await within(editor).findByText(`Saved in this workbook as version ${version}.`);
  const { templates } = await createWorkbookActions(h.host.Excel).listTemplates();
  return templates[templates.length - 1].template;
}

function fileOf(name: string, text: string): File {
  return new File([text], name, { type: "application/json" });
}

test("rules: a structured OR group over a number and a category field ('is one of')", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  // a category field
  await h.user.click(within(editor).getByRole("button", { name: "Fields (1)" }));
  await h.user.click(within(editor).getByRole("button", { name: "Add a field" }));
  const types = within(editor).getAllByRole("combobox", { name: "Type" });
  await h.user.selectOptions(types[1], "category");
  const values = within(editor).getAllByRole("textbox", { name: "Value" });
  await setText(h, values[values.length - 1], "north");
  await h.user.click(within(editor).getByRole("button", { name: "Add a value to field2" }));

  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "rules");
  await setText(h, within(editor).getByRole("textbox", { name: "Rule 1 condition: value" }), "100");
  await h.user.click(within(editor).getByRole("button", { name: "Add a condition to Rule 1 condition" }));
  const group = within(editor).getByRole("group", { name: "Rule 1 condition" });
  await h.user.selectOptions(within(group).getByRole("combobox", { name: "Rule 1 condition: combine" }), "any");
  await h.user.selectOptions(within(group).getByRole("combobox", { name: "Rule 1 condition › 2: field" }), "field2");
  await h.user.selectOptions(within(group).getByRole("combobox", { name: "Rule 1 condition › 2: test" }), "in");
  const choices = within(group).getByRole("group", { name: "Rule 1 condition › 2: values" });
  await h.user.click(within(choices).getByRole("checkbox", { name: "value2" }));
  // NOT on the first part
  await h.user.click(within(group).getByRole("checkbox", { name: "Rule 1 condition › 1: not" }));

  const saved = await saveAndRead(h, editor);
  expect(saved.model).toEqual({
    kind: "rules",
    rules: [{ grade: "A", when: { any: [{ not: { field: "value", op: ">=", value: 100 } }, { field: "field2", in: ["north", "value2"] }] } }],
    otherwise: "C",
  });
});

test("renaming a field key or a grade id renames their references (on leaving the input)", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.click(within(editor).getByRole("button", { name: "Fields (1)" }));
  await setText(h, within(editor).getByRole("textbox", { name: "Key" }), "amount");
  await h.user.tab();
  const gradeIds = within(editor).getAllByRole("textbox", { name: "Id (written in the cells)" });
  await setText(h, gradeIds[0], "VIP");
  await h.user.tab();
  await waitFor(() => expect(within(editor).getByText("The checker finds no problems.")).toBeTruthy());
  const saved = await saveAndRead(h, editor);
  expect(saved.fields[0].key).toBe("amount");
  expect(saved.model).toMatchObject({ kind: "bands", field: "amount", bands: [{ grade: "VIP" }, { grade: "B" }] });
});

test("scorecard: criteria, weights in percent, score bands", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.selectOptions(within(editor).getByRole("combobox", { name: "Method" }), "scorecard");
  await setText(h, within(editor).getByRole("textbox", { name: "Weight" }), "100");
  expect(await within(editor).findByText("Weights add up to 100%.")).toBeTruthy();
  await setText(h, within(editor).getByRole("textbox", { name: "Maximum points" }), "10");
  await setText(h, within(editor).getByRole("textbox", { name: "Score band 1: threshold" }), "8");
  await setText(h, within(editor).getByRole("textbox", { name: "Score band 2: threshold" }), "4");
  await waitFor(() => expect(within(editor).queryByText(/problems? to fix before saving/)).toBeNull());
  const saved = await saveAndRead(h, editor);
  expect(saved.model).toEqual({
    kind: "scorecard",
    criteria: [{ key: "c1", label: { en: "Criterion 1", zh: "指标 1" }, points: 10, weight: 1, scoring: { kind: "relativeToMax", field: "value" } }],
    grading: { kind: "bands", bands: [{ grade: "A", op: ">=", value: 8 }, { grade: "B", op: ">=", value: 4 }], otherwise: "C" },
  });
});

test("JSON view: valid JSON replaces the draft; hostile JSON is refused with its path", async () => {
  const h = renderApp();
  const editor = await openBlank(h);
  await h.user.click(within(editor).getByRole("button", { name: "JSON (advanced)" }));
  const box = within(editor).getByRole("textbox", { name: "The template as JSON" }) as HTMLTextAreaElement;
  const draft = JSON.parse(box.value) as Template;
  expect(draft.model.kind).toBe("bands");

  const hostile = JSON.stringify({ ...draft, __proto__: null }).replace('{"id"', '{"__proto__":{"x":1},"id"');
  await h.user.clear(box);
  await h.user.click(box);
  await h.user.paste(hostile);
  await h.user.click(within(editor).getByRole("button", { name: "Apply JSON" }));
  expect(await within(editor).findByText("The JSON was not applied:")).toBeTruthy();
  expect(within(editor).getByText("__proto__: the key '__proto__' is not allowed")).toBeTruthy();

  await h.user.clear(box);
  await h.user.click(box);
  await h.user.paste(JSON.stringify({ ...draft, name: { en: "From JSON", zh: "来自 JSON" } }));
  await h.user.click(within(editor).getByRole("button", { name: "Apply JSON" }));
  expect(await within(editor).findByRole("heading", { level: 2, name: "New template: From JSON" })).toBeTruthy();
});

describe("import and export", () => {
  test("an imported file opens in the editor (checked, not yet saved); saving keeps its version", async () => {
    const h = renderApp();
    await screen.findByTestId("template-library");
    await h.user.upload(screen.getByTestId("template-import-input"), fileOf("tiers.json", templateJson(tiers({ version: 3 }))));
    const editor = await screen.findByTestId("template-editor");
    expect(within(editor).getByText("Imported from “tiers.json”. Check the messages and the preview, then save it in this workbook.")).toBeTruthy();
    expect((within(editor).getByRole("textbox", { name: "Change note" }) as HTMLTextAreaElement).value).toBe("Imported from tiers.json");
    expect(h.host.snapshot().customXmlParts).toEqual([]);
    const saved = await saveAndRead(h, editor, 3);
    expect(saved).toEqual({ ...tiers({ version: 3 }), changeNote: "Imported from tiers.json" });
  });

  test("importing a file with the id of a saved template replaces it on save (version + 1)", async () => {
    const host = seedHost();
    await createWorkbookActions(host.Excel).saveTemplate(tiers(), { note: "mine", baseVersion: null });
    const h = renderApp({ host });
    await screen.findByRole("button", { name: "Edit My tiers" });
    const theirs = tiers({ version: 9, name: { en: "Their tiers", zh: "他们的分档" } });
    await h.user.upload(screen.getByTestId("template-import-input"), fileOf("theirs.json", templateJson(theirs)));
    const editor = await screen.findByTestId("template-editor");
    expect(within(editor).getByText(/saving replaces the saved template of the same id \(now version 1\)/)).toBeTruthy();
    const saved = await saveAndRead(h, editor, 2);
    expect(saved.name.en).toBe("Their tiers");
    expect(h.host.snapshot().customXmlParts).toHaveLength(1);
  });

  test.each([
    ["prototype key", '{"__proto__":{"polluted":true}}', "__proto__: the key '__proto__' is not allowed"],
    ["10,000 levels", "[".repeat(10_000) + "]".repeat(10_000), "File: the template is nested too deeply"],
    ["not JSON", "{ nope", /^File: not valid JSON: /],
    ["wrong shape", JSON.stringify({ ...tiers(), grades: "A,B,C" }), /^Grades: /],
  ])("a refused file (%s) stays out of the editor, with readable reasons", async (_, text, message) => {
    const h = renderApp();
    await screen.findByTestId("template-library");
    await h.user.upload(screen.getByTestId("template-import-input"), fileOf("bad.json", text));
    expect(await screen.findByText("“bad.json” was not imported:")).toBeTruthy();
    expect(screen.getAllByRole("listitem").some((li) => (typeof message === "string" ? li.textContent === message : message.test(li.textContent ?? "")))).toBe(true);
    expect(screen.queryByTestId("template-editor")).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a 10 MB file is refused unread", async () => {
    const h = renderApp({ lang: "zh-CN" });
    await screen.findByTestId("template-library");
    await h.user.upload(screen.getByTestId("template-import-input"), fileOf("big.json", "x".repeat(10 * 1024 * 1024)));
    expect(await screen.findByText("未导入“big.json”：")).toBeTruthy();
    expect(screen.getByText(/^文件→?：?文件大小为 10,485,760 字节/)).toBeTruthy();
  });

  test("export from the library and from the editor gives the template's JSON", async () => {
    const files: [string, string][] = [];
    setDownloader((name, text) => files.push([name, text]));
    try {
      const host = seedHost();
      await createWorkbookActions(host.Excel).saveTemplate(tiers(), { note: "n", baseVersion: null });
      const h = renderApp({ host });
      await h.user.click(await screen.findByRole("button", { name: "Export My tiers as a .json file" }));
      expect(files[0][0]).toBe("my-tiers-v1.json");
      expect(JSON.parse(files[0][1])).toEqual({ ...tiers(), changeNote: "n" });
      await h.user.click(screen.getByRole("button", { name: "Edit My tiers" }));
      const editor = await screen.findByTestId("template-editor");
      await h.user.click(within(editor).getByRole("button", { name: "Export .json" }));
      expect(files[1][0]).toBe("my-tiers-v1.json");
    } finally {
      setDownloader();
    }
  });

  test("delete asks first, then removes the template from the workbook", async () => {
    const host = seedHost();
    await createWorkbookActions(host.Excel).saveTemplate(tiers(), { baseVersion: null });
    const h = renderApp({ host });
    await h.user.click(await screen.findByRole("button", { name: "Delete My tiers" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete this template?", hidden: true });
    await h.user.click(within(dialog).getByRole("button", { name: "Delete", hidden: true }));
    await waitFor(() => expect(host.snapshot().customXmlParts).toEqual([]));
    expect(await screen.findByText("No custom templates are saved in this workbook yet.")).toBeTruthy();
  });
});
