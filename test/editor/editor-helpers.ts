/** Steps the template-editor tests share: open a blank template, type into a box, save and read it back. */
import { screen, waitFor, within } from "@testing-library/react";
import type { Template } from "../../src/engine";
import { createWorkbookActions } from "../../src/excel";
import type { Harness } from "../taskpane/harness";

export async function openBlank(h: Harness): Promise<HTMLElement> {
  const lib = await screen.findByTestId("template-library");
  await h.user.click(within(lib).getByRole("button", { name: "New template" }));
  return screen.findByTestId("template-editor");
}

export async function setText(h: Harness, el: HTMLElement, text: string): Promise<void> {
  await h.user.clear(el);
  if (text) await h.user.type(el, text);
}

/** Saves the new template as version 1 (once the checker has nothing to fix) and reads it back from the workbook. */
export async function saveAndRead(h: Harness, editor: HTMLElement): Promise<Template> {
  await waitFor(() => expect(within(editor).queryByText(/problems? to fix before saving/)).toBeNull());
  await h.user.click(within(editor).getByRole("button", { name: "Save as version 1" }));
  await within(editor).findByText("Saved in this workbook as version 1.");
  const { templates } = await createWorkbookActions(h.host.Excel).listTemplates();
  return templates[templates.length - 1].template;
}
