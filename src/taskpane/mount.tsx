/**
 * Mounts the task pane UI into any element: the add-in entry (index.tsx) with the Excel adapter, a
 * playground page next to the in-memory host with the same adapter over it.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Lang, Template } from "../engine";
import type { WorkbookActions } from "../excel/contract";
import { App } from "./App";
import type { ThemeName } from "./environment";

export interface MountOptions {
  actions: WorkbookActions;
  /** @default "en" */
  lang?: Lang;
  /** @default "light" */
  theme?: ThemeName;
  templates?: readonly Template[];
  onLangChange?: (lang: Lang) => void;
  /** Hears the workbook's custom templates at start and after every save or delete. */
  onWorkbookTemplates?: (templates: Template[]) => void;
}

export interface MountedTaskpane {
  /** Re-renders with changed options (e.g. the Office theme changed). */
  update(options: Partial<MountOptions>): void;
  unmount(): void;
}

export function mountTaskpane(element: Element, options: MountOptions): MountedTaskpane {
  let current: MountOptions = { ...options };
  element.replaceChildren(); // drop the loading placeholder
  const root = createRoot(element);
  const render = () =>
    root.render(
      <React.StrictMode>
        <App actions={current.actions} lang={current.lang} theme={current.theme} templates={current.templates} onLangChange={current.onLangChange} onWorkbookTemplates={current.onWorkbookTemplates} />
      </React.StrictMode>,
    );
  render();
  return {
    update(patch) {
      current = { ...current, ...patch };
      render();
    },
    unmount() {
      root.unmount();
    },
  };
}
