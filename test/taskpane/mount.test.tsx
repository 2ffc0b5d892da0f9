/** @jest-environment jsdom */
/** mountTaskpane() (playground / entry) and the add-in entry src/taskpane/index.tsx on the host's Office shim. */
import "./setup";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createWorkbookActions } from "../../src/excel";
import { mountTaskpane } from "../../src/taskpane/mount";
import { SHEET, seedHost } from "./harness";

afterEach(() => {
  document.body.innerHTML = "";
});

test("mountTaskpane renders into any element; update switches language and theme; unmount empties it", async () => {
  const host = seedHost();
  const el = document.createElement("div");
  el.innerHTML = "<p>loading…</p>";
  document.body.appendChild(el);
  let mounted!: ReturnType<typeof mountTaskpane>;
  await act(async () => {
    mounted = mountTaskpane(el, { actions: createWorkbookActions(host.Excel), lang: "zh-CN", theme: "dark" });
  });
  expect(el.textContent).not.toContain("loading…");
  expect(within(el).getByRole("heading", { level: 2 }).textContent).toBe("选择模板");
  const provider = el.querySelector(".fui-FluentProvider") as HTMLElement;
  expect(provider.getAttribute("data-theme")).toBe("dark");
  expect(provider.getAttribute("lang")).toBe("zh-CN");

  await act(async () => mounted.update({ lang: "en", theme: "light" }));
  expect(within(el).getByRole("heading", { level: 2 }).textContent).toBe("Choose a template");
  expect((el.querySelector(".fui-FluentProvider") as HTMLElement).getAttribute("data-theme")).toBe("light");

  await act(async () => mounted.unmount());
  expect(el.innerHTML).toBe("");
});

test("the entry: Office.onReady -> the real adapter on the global Excel, Office's language and theme", async () => {
  const host = seedHost({ displayLanguage: "zh-CN" });
  (host.Office.context as unknown as { officeTheme: unknown }).officeTheme = { bodyBackgroundColor: "#262626" };
  const uninstall = host.install();
  document.body.innerHTML = '<div id="root"><div class="gk-boot">Loading GradeKit…</div></div>';
  try {
    await act(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry must run after the host is installed, inside act()
      require("../../src/taskpane/index"); // runs Office.onReady(start) once, like office.js loading the bundle
      await new Promise((r) => setTimeout(r, 0));
    });
    const heading = await screen.findByRole("heading", { level: 2, name: "选择模板" });
    expect(heading).toBeTruthy();
    expect(document.body.textContent).not.toContain("Loading GradeKit");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(document.querySelector(".fui-FluentProvider")!.getAttribute("data-theme")).toBe("dark");

    // the global Excel (the host) is what the UI reads
    await userEvent.setup().click(screen.getByRole("button", { name: "使用 年消费额分级 VIP/白金/金卡/银卡/普通" }));
    await screen.findByText("表格 Customers!A1:D8：7 行数据");
    expect(host.sheetNames()).toEqual([SHEET]);
  } finally {
    uninstall();
  }
});
