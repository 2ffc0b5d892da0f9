/**
 * End-to-end (Debian Chromium, the built playground): the task pane at Office's default width and a
 * little wider — 320, 350 and 400 px — in English and Chinese (issue 18). The main flows (template
 * picker and details, grading screen and result, ad-hoc bands, percentile tiers and ABC analysis, the template
 * editor, period review with its three tabs, insert form) are walked, and on every screen every
 * interactive element of the pane must be inside the pane and not covered (`pane-layout.ts`:
 * bounding boxes and `document.elementFromPoint` at the element's centre). Screenshots:
 * test-artifacts/e2e/pane-<lang>-<width>/<screen>.png.
 *
 * Also: the review tabs switch (a hidden tab's form is not on screen), ad-hoc thresholds out of
 * order are refused with a sentence, undo goes back several applies and names a cell edited since,
 * and focus returns to the control that opened a dialog (Escape) and stays in the pane after undo.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { Lang } from "../../src/engine";
import { en, zhCN } from "../../src/taskpane/i18n/catalogue";
import { getBuiltinTemplate } from "../../src/templates";
import { ARTIFACTS, ROOT, buildAndServe, cell, columnCells, launchBrowser, openPlayground, requireChromium, step, type OpenPage, type Served } from "./helpers";
import { checkPane, type LayoutProblem } from "./pane-layout";

jest.setTimeout(180_000);

const CATALOGUE = { en, "zh-CN": zhCN } as const;
type Key = keyof typeof en;
function ui(lang: Lang, key: Key, args: Record<string, string | number> = {}): string {
  const s: string = CATALOGUE[lang][key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function uiPattern(lang: Lang, key: Key): RegExp {
  return new RegExp(`^${escapeRe(CATALOGUE[lang][key]).replace(/\\\{\w+\\\}/g, ".+")}$`);
}

let served: Served;
let browser: Browser;
const pages: OpenPage[] = [];

beforeAll(async () => {
  requireChromium();
  served = await buildOrReuse();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
  await served?.close();
});

/** GRADEKIT_E2E_PLAYGROUND=<dir of a built playground> serves that build instead of building again (for repeated runs). */
async function buildOrReuse(): Promise<Served> {
  const dir = process.env.GRADEKIT_E2E_PLAYGROUND;
  if (!dir) return buildAndServe();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/playground-server.js is a CommonJS script
  const server = require(path.join(ROOT, "scripts", "playground-server.js")) as { serveStatic(dir: string, opts: { port?: number }): Promise<{ port: number; close(): Promise<unknown> }> };
  const s = await server.serveStatic(dir, { port: 0 });
  return { url: `http://localhost:${s.port}/`, dir, buildSeconds: 0, close: async () => void (await s.close()) };
}

async function open(lang: Lang, width: number): Promise<OpenPage> {
  const p = await openPlayground(browser, served, `?lang=${lang}&workbook=${lang === "zh-CN" ? "zh" : "en"}&pane=${width}`);
  pages.push(p);
  await p.page.setViewportSize({ width: 1280, height: 800 });
  expect(await p.page.locator(".gk-side").getAttribute("data-pane-width")).toBe(String(width));
  return p;
}

function pane(page: Page) {
  return page.locator(".gk-pane:not([hidden])");
}

/** Checks the pane, saves a screenshot, and adds the problems found (named by screen). */
async function look(page: Page, folder: string, screen: string, all: string[]): Promise<void> {
  await page.waitForTimeout(150); // Fluent's transitions
  const report = await checkPane(page);
  expect(report.checked).toBeGreaterThan(0);
  fs.mkdirSync(path.join(ARTIFACTS, folder), { recursive: true });
  await page.locator(".gk-side").screenshot({ path: path.join(ARTIFACTS, folder, `${screen}.png`) });
  await page.locator(".gk-side").evaluate((el) => (el.scrollTop = 0));
  all.push(...report.problems.map((p: LayoutProblem) => `${screen}: ${p.what}: ${p.problem}`));
}

/** The period review's template: need-close-5 (its grades have follow-up cadences: three tabs). */
async function chooseReviewTemplate(page: Page, lang: Lang): Promise<void> {
  const name = getBuiltinTemplate("need-close-5")!.name;
  await pane(page)
    .getByRole("combobox", { name: new RegExp(`^${escapeRe(ui(lang, "review.template"))}`) })
    .selectOption({ label: lang === "zh-CN" ? name.zh : name.en });
  await pane(page).getByRole("tab", { name: ui(lang, "review.tab.followUp") }).waitFor();
}

const WIDTHS = [320, 350, 400];
const LANGS: Lang[] = ["en", "zh-CN"];
const CASES = WIDTHS.flatMap((width) => LANGS.map((lang) => ({ width, lang })));

describe.each(CASES)("task pane at $width px, $lang", ({ width, lang }) => {
  test("main flows: every control inside the pane and not covered", async () => {
    const { page, errors, external } = await open(lang, width);
    const folder = `pane-${lang}-${width}`;
    const p = pane(page);
    const problems: string[] = [];
    const back = async (key: Key) => {
      await p.getByRole("button", { name: ui(lang, key) }).click();
      await p.locator("li[data-template-id]").first().waitFor();
    };

    await step(page, "picker", () => look(page, folder, "01-picker", problems));
    await step(page, "template details", async () => {
      await p.locator('li[data-template-id="sales-pipeline"]').getByRole("button", { name: uiPattern(lang, "picker.detailsNamed") }).click();
      await look(page, folder, "02-details", problems);
    });
    await step(page, "grading screen", async () => {
      await cell(page, "A1").click();
      await p.locator('li[data-template-id="sales-pipeline"]').getByRole("button", { name: uiPattern(lang, "picker.useNamed") }).click();
      await p.locator("[data-field]").first().waitFor();
      await look(page, folder, "03-grade", problems);
    });
    await step(page, "apply and the result", async () => {
      await p.getByRole("button", { name: uiPattern(lang, "apply.button") }).click();
      await p.getByTestId("result-panel").waitFor();
      await look(page, folder, "04-result", problems);
    });
    await step(page, "period review, three tabs", async () => {
      await p.getByRole("button", { name: ui(lang, "review.open") }).click();
      await p.getByRole("tab", { name: ui(lang, "review.tab.save") }).waitFor();
      await chooseReviewTemplate(page, lang);
      await look(page, folder, "05-review-save", problems);
      await p.getByRole("tab", { name: ui(lang, "review.tab.compare") }).click();
      await look(page, folder, "06-review-compare", problems);
      await p.getByRole("tab", { name: ui(lang, "review.tab.followUp") }).click();
      await look(page, folder, "07-review-follow-up", problems);
      await back("review.back");
    });
    await step(page, "ad-hoc bands", async () => {
      await p.getByRole("button", { name: ui(lang, "picker.useNamed", { name: ui(lang, "adhoc.bands.name") }) }).click();
      await p.getByRole("button", { name: ui(lang, "adhoc.addGrade") }).waitFor();
      await look(page, folder, "08-adhoc-bands", problems);
      await back("grade.back");
    });
    await step(page, "percentile tiers", async () => {
      await p.getByRole("button", { name: ui(lang, "picker.useNamed", { name: ui(lang, "adhoc.percentile.name") }) }).click();
      await p.getByRole("button", { name: ui(lang, "adhoc.addTier") }).waitFor();
      await look(page, folder, "09-adhoc-percentile", problems);
      await back("grade.back");
    });
    await step(page, "ABC analysis", async () => {
      await p.getByRole("button", { name: ui(lang, "picker.useNamed", { name: ui(lang, "adhoc.share.name") }) }).click();
      await p.getByRole("combobox", { name: ui(lang, "adhoc.groupShare") }).waitFor();
      await look(page, folder, "09b-adhoc-share", problems);
      await back("grade.back");
    });
    await step(page, "template editor", async () => {
      await p.getByRole("button", { name: ui(lang, "library.new") }).click();
      await p.getByRole("button", { name: ui(lang, "editor.back") }).waitFor();
      // open every section of the editor (fields, grades, the model): their inputs are checked too
      for (let i = 0; i < 12; i++) {
        const closed = p.locator('button[aria-expanded="false"]');
        if ((await closed.count()) === 0) break;
        await closed.first().click();
      }
      await look(page, folder, "10-editor", problems);
      await back("editor.back");
    });
    await step(page, "insert form", async () => {
      await p.getByRole("button", { name: ui(lang, "form.open") }).click();
      await p.getByRole("combobox", { name: ui(lang, "form.template") }).waitFor();
      await look(page, folder, "11-form", problems);
    });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});

describe("at 320 px", () => {
  test("period review tabs switch: only the chosen tab's form is on screen", async () => {
    const { page } = await open("en", 320);
    const p = pane(page);
    await cell(page, "A1").click();
    await p.locator('li[data-template-id="sales-pipeline"]').getByRole("button", { name: uiPattern("en", "picker.useNamed") }).click();
    await p.getByRole("button", { name: ui("en", "review.open") }).click();
    await chooseReviewTemplate(page, "en");
    const panels = p.getByRole("tabpanel");
    await p.getByRole("tab", { name: ui("en", "review.tab.save") }).waitFor();
    const visible = async () => (await panels.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute("aria-labelledby")))).length;
    const shownLabel = async () =>
      p.evaluate((root) => {
        const shown = Array.from(root.querySelectorAll<HTMLElement>('[role="tabpanel"]')).filter((e) => e.offsetParent !== null);
        return shown.map((e) => document.getElementById(e.getAttribute("aria-labelledby") ?? "")?.textContent ?? "");
      });
    expect(await shownLabel()).toEqual([ui("en", "review.tab.save")]);
    for (const key of ["review.tab.compare", "review.tab.followUp", "review.tab.save"] as const) {
      await p.getByRole("tab", { name: ui("en", key) }).click();
      expect(await shownLabel()).toEqual([ui("en", key)]);
      expect(await visible()).toBe(1);
    }
    // the save form's button is not reachable from another tab
    await p.getByRole("tab", { name: ui("en", "review.tab.compare") }).click();
    expect(await p.getByRole("button", { name: uiPattern("en", "review.save.button") }).isVisible()).toBe(false);
  });

  test("ad-hoc bands out of order: refused with a sentence (en, then zh-CN), apply blocked; in order it grades", async () => {
    const { page } = await open("en", 320);
    const p = pane(page);
    await page.getByRole("tab", { name: "GK functions" }).click();
    await cell(page, "A3").click();
    await p.getByRole("button", { name: ui("en", "picker.useNamed", { name: ui("en", "adhoc.bands.name") }) }).click();
    const b = p.getByRole("textbox", { name: ui("en", "adhoc.atLeastFor", { label: "B" }) });
    await b.fill("200000");
    const sentence = ui("en", "adhoc.problem.thresholdOrderHigher", { label: "B", text: "200000", prevLabel: "A", prevText: "100000" });
    await p.getByText(sentence).waitFor();
    const applyButton = p.getByRole("button", { name: uiPattern("en", "apply.button") });
    expect(await applyButton.getAttribute("aria-disabled")).toBe("true");
    await p.getByRole("combobox", { name: ui("en", "app.language") }).selectOption("zh-CN");
    await p.getByText(ui("zh-CN", "adhoc.problem.thresholdOrderHigher", { label: "B", text: "200000", prevLabel: "A", prevText: "100000" })).waitFor();
    await p.getByRole("combobox", { name: ui("zh-CN", "app.language") }).selectOption("en");
    await b.fill("50000");
    await p.getByText(sentence).waitFor({ state: "detached" });
    await applyButton.click();
    await p.getByTestId("result-panel").waitFor();
  });

  test("undo: two applies undone newest first; a cell edited since is named and kept unless confirmed", async () => {
    const { page } = await open("en", 320);
    const p = pane(page);
    await cell(page, "A1").click();
    await p.locator('li[data-template-id="sales-pipeline"]').getByRole("button", { name: uiPattern("en", "picker.useNamed") }).click();
    await p.locator("[data-field]").first().waitFor();
    const applyButton = p.getByRole("button", { name: uiPattern("en", "apply.button") });
    await applyButton.click();
    await p.getByTestId("result-panel").waitFor();
    const grade1 = (await columnCells(page, "F", 1, 4)).map((c) => c.text);
    expect(grade1[0]).toBe("Grade");
    // a second apply into the next free columns (choose the target column by hand)
    await p.getByRole("radio", { name: ui("en", "options.targetColumn") }).check();
    await p.getByRole("textbox", { name: ui("en", "options.columnLetter") }).fill("I");
    await applyButton.click();
    await p.getByTestId("result-panel").waitFor();
    expect((await columnCells(page, "I", 1, 1))[0].text).toBe("Grade");
    // edit a cell the second apply wrote
    await cell(page, "I3").click();
    const bar = page.getByRole("textbox", { name: "Formula bar" });
    await bar.fill("hand-made");
    await bar.press("Enter");
    expect((await columnCells(page, "I", 3, 3))[0].text).toBe("hand-made");

    const undoButton = p.getByRole("button", { name: ui("en", "undo.button") });
    await undoButton.click();
    const dialog = page.getByRole("alertdialog", { name: ui("en", "undo.edited.title") });
    await dialog.waitFor();
    expect(await dialog.getByTestId("undo-edited").textContent()).toContain(ui("en", "undo.edited.cell", { address: "'Sales pipeline'!I3", now: "hand-made" }));
    await dialog.getByRole("button", { name: ui("en", "undo.edited.keep") }).click();
    await dialog.waitFor({ state: "detached" });
    expect((await columnCells(page, "I", 3, 3))[0].text).toBe("hand-made");
    // focus is back on the control that opened the dialog
    expect(await undoButton.evaluate((el) => el === document.activeElement)).toBe(true);

    await undoButton.click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: ui("en", "undo.edited.confirm") }).click();
    await p.getByText(new RegExp(escapeRe(ui("en", "undo.remaining.one")))).waitFor();
    expect((await columnCells(page, "I", 1, 3)).map((c) => c.text)).toEqual(["", "", ""]);
    expect((await columnCells(page, "F", 1, 4)).map((c) => c.text)).toEqual(grade1);

    await undoButton.click();
    await expectEventually(async () => (await columnCells(page, "F", 1, 4)).map((c) => c.text), ["", "", "", ""]);
    // nothing left: the button is disabled and focus stays in the pane
    expect(await undoButton.isDisabled()).toBe(true);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest(".gk-pane")))).toBe(true);
  });

  test("focus return: Escape closes the replace dialog and focus is back on Apply; Enter on a button keeps focus in the pane", async () => {
    const { page } = await open("en", 320);
    const p = pane(page);
    await cell(page, "A1").click();
    await p.locator('li[data-template-id="sales-pipeline"]').getByRole("button", { name: uiPattern("en", "picker.useNamed") }).click();
    await p.locator("[data-field]").first().waitFor();
    const applyButton = p.getByRole("button", { name: uiPattern("en", "apply.button") });
    await applyButton.focus();
    await page.keyboard.press("Enter");
    await p.getByTestId("result-panel").waitFor();
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest(".gk-pane")))).toBe(true);
    await applyButton.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: ui("en", "confirm.title") });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expectEventually(() => applyButton.evaluate((el) => el === document.activeElement), true);
  });
});

async function expectEventually<T>(read: () => Promise<T>, want: T, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    if (Date.now() > end) expect(got).toEqual(want);
    await new Promise((r) => setTimeout(r, 50));
  }
}
