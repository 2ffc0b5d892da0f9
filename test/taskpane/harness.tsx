/**
 * Task pane test harness: the in-memory Excel host (src/host) seeded with a customer table, the real
 * workbook adapter over it (`createWorkbookActions(host.Excel)` from src/excel), and the App rendered
 * with Testing Library. No mocks of the adapter.
 */
import "./setup";
import * as React from "react";
import { render, screen, within, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "../../src/host";
import { createWorkbookActions } from "../../src/excel";
import type { Lang } from "../../src/engine";
import type { WorkbookActions } from "../../src/excel/contract";
import { App } from "../../src/taskpane/App";
import type { ThemeName } from "../../src/taskpane/environment";

export const SHEET = "Customers";

/**
 * A customer list: 年消费额 matches spend-5's Chinese field label; sheet row 4 (Cobalt) has bad input,
 * sheet row 6 (Gale) has no spend ("no data" for spend-5).
 */
export const CUSTOMERS: unknown[][] = [
  ["Customer", "Region", "年消费额", "Orders"],
  ["Acme", "North", 620000, 12],
  ["Birch", "South", 250000, 8],
  ["Cobalt", "North", "abc", 3],
  ["Delta", "East", 120000, 5],
  ["Gale", "West", "", 2],
  ["Echo", "South", 60000, 1],
  ["Fjord", "East", 15000, 0],
];

export interface Harness {
  host: ExcelHost;
  actions: WorkbookActions;
  user: ReturnType<typeof userEvent.setup>;
  view: RenderResult;
}

export function seedHost(options: ExcelHostOptions = {}, data: unknown[][] = CUSTOMERS): ExcelHost {
  const host = createExcelHost({ sheets: [SHEET], selection: { sheet: SHEET, address: "B3" }, ...options });
  host.setValues(SHEET, "A1", data);
  return host;
}

export function renderApp(opts: { lang?: Lang; theme?: ThemeName; host?: ExcelHost; actions?: (a: WorkbookActions) => WorkbookActions } = {}): Harness {
  const host = opts.host ?? seedHost();
  const real = createWorkbookActions(host.Excel);
  const actions = opts.actions ? opts.actions(real) : real;
  const user = userEvent.setup();
  const view = render(<App actions={actions} lang={opts.lang} theme={opts.theme} />);
  return { host, actions, user, view };
}

/** Picks a template in the picker by its (current-language) name and waits for the table to be read. */
export async function chooseTemplate(h: Harness, useLabel: RegExp | string): Promise<void> {
  await h.user.click(screen.getByRole("button", { name: useLabel }));
  await screen.findByRole("heading", { level: 3, name: /^(Columns|列对应)$/ });
}

/** The preview table's rows: [row, grade, (score,) reason] texts. */
export function previewRows(): string[][] {
  const table = screen.getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent ?? ""));
}

/** Values of a column range of the seeded sheet, flattened. */
export function columnValues(host: ExcelHost, address: string): unknown[] {
  return host.getValues(SHEET, address).map((r) => r[0]);
}

/** Disabled, natively or as Fluent's `disabledFocusable` (aria-disabled, still focusable). */
export function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled || el.getAttribute("aria-disabled") === "true";
}
