/**
 * End-to-end: the playground (webpack.playground.js) in a real browser (Debian Chromium through
 * playwright-core), as a person uses it: select a table in the grid with the mouse or the keyboard,
 * pick a template in the real task pane, map a field, apply, see the grades and their colours in the
 * grid, undo, confirm a re-apply, switch the language, type GK.* formulas into the formula bar.
 * Finally `npm start` itself (scripts/start.js without GRADEKIT_START) must serve the playground.
 *
 * The playground is built once (beforeAll) and served on a free localhost port; one browser is shared,
 * each test gets a fresh page. Every request is routed: any request to a host other than localhost
 * fails the test. Screenshots: test-artifacts/e2e/ (a failing step's message names its screenshot).
 *
 * Expected grades come from the GK.* functions' pure core (src/functions/core.ts) run in Node on the
 * same sample rows, colours from the compiled templates.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { compileTemplate, type Lang, type Template } from "../../src/engine";
import { WORDS } from "../../src/excel/words";
import { gradeCells, percentileTierCells, tierCells, type Cell } from "../../src/functions/core";
import { FnError } from "../../src/functions/errors";
import { SAMPLE_CSV_NAMES, sampleWorkbooks, type SampleCsvs, type SheetSpec } from "../../src/playground/samples";
import { DEFAULT_BAND_ROWS, buildFromRows } from "../../src/taskpane/adhoc";
import { en, zhCN } from "../../src/taskpane/i18n/catalogue";
import { getBuiltinTemplate } from "../../src/templates";
import {
  ARTIFACTS,
  NO_FILL,
  ROOT,
  buildAndServe,
  cell,
  columnCells,
  drag,
  eventually,
  launchBrowser,
  openPlayground,
  requireChromium,
  rgb,
  screenshot,
  selection,
  step,
  type OpenPage,
  type Served,
} from "./helpers";

jest.setTimeout(60_000);

const CATALOGUE = { en, "zh-CN": zhCN } as const;
type Key = keyof typeof en;
/** A task pane string, as the UI shows it. */
function ui(lang: Lang, key: Key, args: Record<string, string | number> = {}): string {
  const s: string = CATALOGUE[lang][key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "Grade {count} rows" -> /^Grade \d+ rows$/ */
function uiPattern(lang: Lang, key: Key): RegExp {
  const s: string = CATALOGUE[lang][key];
  return new RegExp(`^${escapeRe(s).replace(/\\\{\w+\\\}/g, ".+")}$`);
}

// ---------------------------------------------------------------------------------------------
// Sample data and the expected results (computed in Node, independently of the browser)

const CSVS = Object.fromEntries(SAMPLE_CSV_NAMES.map((n) => [n, fs.readFileSync(path.join(ROOT, "samples", `${n}.csv`), "utf8")])) as SampleCsvs;
const BOOKS = sampleWorkbooks(CSVS);
function sheetSpec(book: "en" | "zh", index: number): SheetSpec {
  return BOOKS.find((b) => b.id === book)!.sheets[index];
}
const letter = (c: number) => String.fromCharCode(65 + c);

/** The inputs of each data row in the template's field order (columns matched by header = field label). */
function fieldRows(tpl: Template, rows: string[][]): string[][] {
  const header = rows[0];
  const cols = tpl.fields.map((f) => header.findIndex((h) => h === f.label.en || h === f.label.zh || h === f.key));
  return rows.slice(1).map((r) => cols.map((c) => (c < 0 ? "" : r[c])));
}

/** Grade per data row as the task pane writes it: "" for no data and for bad input. */
function expectedGrades(tpl: Template, rows: string[][], lang: Lang): string[] {
  const out = gradeCells("grade", tpl.id, fieldRows(tpl, rows), "en").map((r) => r[0]);
  const grades = compileTemplate(tpl).grades;
  return out.map((g) => {
    if (g instanceof FnError || g === "") return "";
    const info = grades.find((x) => x.id === g)!;
    return lang === "zh-CN" ? info.label.zh : String(g);
  });
}

/** The fill a grade cell must show. */
function colourOf(tpl: Template, grade: string, lang: Lang): string {
  if (grade === "") return NO_FILL;
  const grades = compileTemplate(tpl).grades;
  const info = grades.find((g) => (lang === "zh-CN" ? g.label.zh : g.id) === grade);
  if (!info) throw new Error(`no grade ${grade} in ${tpl.id}`);
  return rgb(info.color);
}

const template = (id: string) => getBuiltinTemplate(id)!;
const text = (c: Cell) => (c instanceof FnError ? c.code : String(c));

// ---------------------------------------------------------------------------------------------
// Page actions

async function chooseTemplate(page: Page, id: string): Promise<void> {
  await page.locator(`li[data-template-id="${id}"]`).getByRole("button").first().click();
  await page.locator("[data-field]").first().waitFor();
}

async function apply(page: Page, lang: Lang = "en"): Promise<void> {
  await page.getByRole("button", { name: uiPattern(lang, "apply.button") }).click();
}

async function applied(page: Page, lang: Lang = "en"): Promise<string> {
  const panel = page.getByTestId("result-panel");
  await panel.waitFor();
  const msg = panel.getByText(uiPattern(lang, "result.applied"));
  await msg.waitFor();
  return (await msg.textContent()) ?? "";
}

/** Checks the grade column against the expectation: texts and computed background colours. */
async function expectGradeColumn(page: Page, col: string, tpl: Template, rows: string[][], lang: Lang): Promise<void> {
  const want = expectedGrades(tpl, rows, lang);
  const got = await columnCells(page, col, 1, rows.length);
  expect(got[0].text).toBe(WORDS[lang].grade);
  expect(got.slice(1).map((c) => c.text)).toEqual(want);
  expect(got.slice(1).map((c) => c.bg)).toEqual(want.map((g) => colourOf(tpl, g, lang)));
  // at least two different grades are coloured, or the check would prove little
  expect(new Set(want.filter(Boolean)).size).toBeGreaterThan(1);
}

async function typeFormula(page: Page, address: string, formula: string): Promise<void> {
  const box = page.getByRole("textbox", { name: "Name box" });
  await box.fill(address);
  await box.press("Enter");
  const bar = page.getByRole("textbox", { name: "Formula bar" });
  await bar.fill(formula);
  await bar.press("Enter");
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.locator(`.gk-grid[data-sheet="${name}"]`).waitFor();
}

// ---------------------------------------------------------------------------------------------

let served: Served;
let browser: Browser;
let open: OpenPage | null = null;
const timings: string[] = [];
const t0 = () => Date.now();
const took = (name: string, start: number) => timings.push(`${name} ${((Date.now() - start) / 1000).toFixed(1)} s`);

describe("in the browser", () => {
  beforeAll(async () => {
    requireChromium(); // fails every browser test, never skips, when /usr/bin/chromium is missing
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of fs.readdirSync(ARTIFACTS)) if (f.startsWith("FAILED-")) fs.rmSync(path.join(ARTIFACTS, f)); // from an earlier run
    served = await buildAndServe();
    timings.push(`build ${served.buildSeconds.toFixed(1)} s`);
    const t = Date.now();
    browser = await launchBrowser();
    timings.push(`browser ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function newPage(query?: string): Promise<Page> {
    open = await openPlayground(browser, served, query);
    return open.page;
  }

  afterEach(async () => {
    const o = open;
    open = null;
    if (!o) return;
    const { external, errors } = o;
    await o.close();
    expect(external).toEqual([]); // no request ever leaves localhost
    expect(errors).toEqual([]);
  });

  test("the page loads from localhost only: two sample workbooks, sheets as tabs, formats and values", async () => {
    const start = t0();
    const page = await newPage();
    await step(page, "workbook switcher and tabs", async () => {
      const options = await page.locator(".gk-switcher select").first().locator("option").allTextContents();
      expect(options).toHaveLength(2);
      expect(options.join(" ")).toContain("GradeKit samples.xlsx");
      expect(options.join(" ")).toContain("客户分级示例.xlsx");
      const tabs = await page.getByRole("tab").allTextContents();
      expect(tabs).toEqual(BOOKS[0].sheets.map((s) => s.name));
    });
    await step(page, "values as typed into Excel", async () => {
      expect(await cell(page, "A2").textContent()).toBe("深圳市华强电子有限公司");
      expect(await cell(page, "C1").textContent()).toBe("Expected months to close");
      expect(await cell(page, "D4").textContent()).toBe("10万"); // text stays text
      expect(await cell(page, "D3").textContent()).toBe("1,200"); // a number with the format Excel gives "1,200"
    });
    await step(page, "tobacco retailers: text licence numbers, number format, styled header", async () => {
      await showSheet(page, "Tobacco retailers");
      expect(await cell(page, "B2").textContent()).toBe("440103100001");
      const header = await columnCells(page, "A", 1, 1);
      expect(header[0].bg).toBe(rgb("#1F4E78"));
      expect(await cell(page, "A1").evaluate((td) => getComputedStyle(td).color)).toBe(rgb("#FFFFFF"));
      expect(await cell(page, "D12").textContent()).toBe("1,200");
      await screenshot(page, "01-tobacco-sheet");
    });
    await step(page, "the GK functions sheet: formulas spilled on load", async () => {
      await showSheet(page, "GK functions");
      const spec = sheetSpec("en", 4);
      const spend = spec.rows.slice(1, 9).map((r) => [r[1]]);
      const tiers = tierCells(spend, [[500000, 200000, 50000]], [["A", "B", "C", "D"]], undefined, "en").map((r) => text(r[0]));
      expect((await columnCells(page, "C", 2, 9)).map((c) => c.text)).toEqual(tiers);
      const pct = percentileTierCells(spend, undefined, undefined, undefined, undefined, undefined, "en").map((r) => text(r[0]));
      expect((await columnCells(page, "D", 2, 9)).map((c) => c.text)).toEqual(pct);
      const grades = gradeCells("grade", "sales-pipeline", spec.rows.slice(13, 18).map((r) => [r[1], r[2]]), "en").map((r) => text(r[0]));
      expect((await columnCells(page, "D", 14, 18)).map((c) => c.text)).toEqual(grades);
      await cell(page, "C2").click();
      expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toBe(spec.formulas![0].formula);
      await screenshot(page, "02-gk-functions-sheet");
    });
    took("load", start);
  });

  test("the request guard notices a request that leaves localhost (and blocks it)", async () => {
    await newPage();
    const o = open!;
    await o.page.evaluate(() => fetch("http://example.invalid/x").catch(() => undefined));
    expect(o.external).toEqual(["GET http://example.invalid/x"]);
    o.external.length = 0; // this one was on purpose,
    o.errors.length = 0; // and so is Chromium's "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT"
  });

  test("sales pipeline: drag to select the table, apply, grade colours in the grid, undo, re-apply asks to confirm", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 0);
    const tpl = template("sales-pipeline");
    const gradeCol = letter(spec.rows[0].length); // first empty column right of the table
    const last = spec.rows.length;
    await step(page, "drag A1 -> E16", async () => {
      await drag(page, "A1", `${letter(spec.rows[0].length - 1)}${last}`);
      expect(await selection(page)).toBe(`A1:E${last}`);
      expect(await page.getByRole("textbox", { name: "Name box" }).inputValue()).toBe(`A1:E${last}`);
    });
    await step(page, "choose the template: the table read is the selection", async () => {
      await chooseTemplate(page, "sales-pipeline");
      await page.getByText(ui("en", "table.info", { address: `'Sales pipeline'!A1:E${last}`, count: last - 1 })).waitFor();
    });
    await step(page, "apply: grades and colours", async () => {
      await apply(page);
      expect(await applied(page)).toBe(ui("en", "result.applied", { count: last - 1, address: `'Sales pipeline'!${gradeCol}1:${letter(spec.rows[0].length + 1)}${last}` }));
      await expectGradeColumn(page, gradeCol, tpl, spec.rows, "en");
      await screenshot(page, "03-sales-pipeline-graded");
    });
    await step(page, "undo: the cells are empty again, without fills", async () => {
      await page.getByRole("button", { name: ui("en", "undo.button") }).click();
      await page.getByText(ui("en", "undo.done", { address: `'Sales pipeline'!${gradeCol}1:${letter(spec.rows[0].length + 1)}${last}` })).waitFor();
      const cells = await columnCells(page, gradeCol, 1, last);
      expect(cells.map((c) => c.text)).toEqual(new Array(last).fill(""));
      expect(cells.map((c) => c.bg)).toEqual(new Array(last).fill(NO_FILL));
    });
    await step(page, "apply again (cells empty: no question), then once more: the confirmation dialog", async () => {
      await apply(page);
      await applied(page);
      await expectGradeColumn(page, gradeCol, tpl, spec.rows, "en");
      await apply(page);
      const dialog = page.getByRole("alertdialog", { name: ui("en", "confirm.title") });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(`'Sales pipeline'!${gradeCol}1:${letter(spec.rows[0].length + 1)}${last}`);
      await screenshot(page, "04-confirm-replace");
      await dialog.getByRole("button", { name: ui("en", "confirm.replace") }).click();
      await dialog.waitFor({ state: "detached" });
      await applied(page);
      await expectGradeColumn(page, gradeCol, tpl, spec.rows, "en");
    });
    took("sales-pipeline", start);
  });

  test("MF/Q 102/A: click + Shift+click selection, a field mapped by hand in its dropdown", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 1);
    const tpl = template("mfq-102a");
    const width = spec.rows[0].length;
    const last = spec.rows.length;
    const volumeCol = spec.rows[0].indexOf("Cumulative order quantity");
    await showSheet(page, spec.name);
    await step(page, "click A1, Shift+click the last cell", async () => {
      await cell(page, "A1").click();
      await cell(page, `${letter(width - 1)}${last}`).click({ modifiers: ["Shift"] });
      expect(await selection(page)).toBe(`A1:${letter(width - 1)}${last}`);
    });
    await chooseTemplate(page, "mfq-102a");
    const volume = page.locator('[data-field="orderVolume"] select');
    await step(page, "unmap a field: apply is blocked", async () => {
      expect(await volume.inputValue()).toBe(String(volumeCol));
      await volume.selectOption("");
      await page.getByText(ui("en", "apply.blocked.missing", { fields: "Cumulative order quantity" })).waitFor();
    });
    await step(page, "map it again by hand and apply", async () => {
      await volume.selectOption(String(volumeCol));
      await apply(page);
      await applied(page);
      await expectGradeColumn(page, letter(width), tpl, spec.rows, "en");
      await screenshot(page, "05-mfq-102a-graded");
    });
    took("mfq-102a", start);
  });

  test("pharma scorecard: keyboard selection (Shift+arrows), grades, scores and reasons", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 2);
    const tpl = template("pharma-score");
    const width = spec.rows[0].length;
    const last = spec.rows.length;
    await showSheet(page, spec.name);
    await step(page, "arrows move, Shift+arrows extend", async () => {
      await cell(page, "B2").click();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowLeft");
      expect(await selection(page)).toBe("A1");
      for (let i = 1; i < width; i++) await page.keyboard.press("Shift+ArrowRight");
      for (let i = 1; i < last; i++) await page.keyboard.press("Shift+ArrowDown");
      expect(await selection(page)).toBe(`A1:${letter(width - 1)}${last}`);
    });
    await chooseTemplate(page, "pharma-score");
    await step(page, "apply: grade, score and reason columns", async () => {
      await apply(page);
      await applied(page);
      await expectGradeColumn(page, letter(width), tpl, spec.rows, "en");
      const scores = gradeCells("score", "pharma-score", fieldRows(tpl, spec.rows), "en").map((r) => r[0]);
      const got = await columnCells(page, letter(width + 1), 1, last);
      expect(got[0].text).toBe(WORDS.en.score);
      got.slice(1).forEach((c, i) => {
        const s = scores[i];
        // the score cell shows two decimals (format 0.00); the cell keeps full precision
        if (typeof s === "number") expect(Math.abs(Number(c.text) - s)).toBeLessThanOrEqual(0.005 + 1e-9);
        else expect(c.text).toBe("");
      });
      expect((await columnCells(page, letter(width + 2), 1, 1))[0].text).toBe(WORDS.en.reason);
    });
    took("pharma-score", start);
  });

  test("tobacco retailers: whole columns selected (header click, Shift+click); 84-type codes coloured by scale", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 3);
    const tpl = template("tobacco-retail-code");
    await showSheet(page, spec.name);
    await step(page, "click column header A, Shift+click column header H", async () => {
      await page.getByRole("columnheader", { name: "A", exact: true }).click();
      await page.getByRole("columnheader", { name: "H", exact: true }).click({ modifiers: ["Shift"] });
      expect(await selection(page)).toBe("A:H");
    });
    await chooseTemplate(page, "tobacco-retail-code");
    await step(page, "apply and check the codes", async () => {
      await page.getByText(ui("en", "table.info", { address: `'Tobacco retailers'!A1:H${spec.rows.length}`, count: spec.rows.length - 1 })).waitFor();
      await apply(page);
      await applied(page);
      await expectGradeColumn(page, letter(spec.rows[0].length), tpl, spec.rows, "en");
      await screenshot(page, "06-tobacco-retail-code-graded");
    });
    took("tobacco", start);
  });

  test("ad-hoc bands on a number column: default thresholds, grades and colours", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 4);
    await showSheet(page, spec.name);
    await cell(page, "A3").click(); // one cell: the table around it
    await step(page, "choose Ad-hoc bands", async () => {
      await page.getByRole("button", { name: ui("en", "picker.useNamed", { name: ui("en", "adhoc.bands.name") }) }).click();
      await page.getByText(ui("en", "table.info", { address: "'GK functions'!A1:D9", count: 8 })).waitFor();
    });
    await step(page, "apply", async () => {
      await apply(page);
      await applied(page);
      const built = buildFromRows("bands", DEFAULT_BAND_ROWS, { direction: "higher", valueLabel: "Annual spend" });
      if (!built.ok) throw new Error("default bands do not build");
      const thresholds = DEFAULT_BAND_ROWS.filter((r) => r.value !== "").map((r) => Number(r.value));
      const labels = DEFAULT_BAND_ROWS.map((r) => r.label);
      const want = tierCells(spec.rows.slice(1, 9).map((r) => [r[1]]), [thresholds], [labels], true, "en").map((r) => text(r[0]));
      const got = await columnCells(page, "E", 2, 9);
      expect(got.map((c) => c.text)).toEqual(want);
      const grades = compileTemplate(built.template).grades;
      expect(got.map((c) => c.bg)).toEqual(want.map((g) => rgb(grades.find((x) => x.id === g)!.color)));
      await screenshot(page, "07-adhoc-bands-graded");
    });
    took("adhoc", start);
  });

  test("insert form: the MF/Q 102/A form becomes a new sheet with the source's headers and form number", async () => {
    const page = await newPage();
    await step(page, "open Insert form", async () => {
      await page.getByRole("button", { name: ui("en", "form.open") }).click();
      await page.getByRole("combobox", { name: ui("en", "form.template") }).selectOption("mfq-102a");
    });
    await step(page, "insert", async () => {
      await page.getByRole("button", { name: ui("en", "form.insert") }).click();
      await page.getByText(/Inserted the sheet/).waitFor();
    });
    await step(page, "the form sheet", async () => {
      const tabs = await page.getByRole("tab").allTextContents();
      const formTab = tabs.find((x) => /MF|102|客户分类|form/i.test(x));
      expect(formTab).toBeDefined();
      const texts = (await page.locator(".gk-grid").allTextContents()).join(" ");
      for (const word of ["客户分类/等级划分表", "MF/Q 102/A", "客户名称", "交易过程分类", "累计订单次数", "累计订单量", "等级", "记录", "审核", "日期"]) {
        expect(texts).toContain(word);
      }
      await screenshot(page, "11-insert-form");
    });
  });

  test("formula bar: =GK.GRADE gives the grade; arrays spill; bad formulas are refused or explain their error", async () => {
    const start = t0();
    const page = await newPage();
    const spec = sheetSpec("en", 0);
    const bar = page.getByRole("textbox", { name: "Formula bar" });
    await step(page, "GK.GRADE on one row", async () => {
      await typeFormula(page, "H2", '=GK.GRADE("sales-pipeline", C2:D2)');
      const want = text(gradeCells("grade", "sales-pipeline", [[spec.rows[1][2], spec.rows[1][3]]], "en")[0][0]);
      expect(want).toBe("A");
      await expect(cell(page, "H2").textContent()).resolves.toBe(want);
      expect(await selection(page)).toBe("H3"); // Enter moves down, like Excel
      await cell(page, "H2").click();
      expect(await bar.inputValue()).toBe('=GK.GRADE("sales-pipeline", C2:D2)');
    });
    await step(page, "GK.GRADE over a block spills one grade per row", async () => {
      await typeFormula(page, "I2", '=GK.GRADE("sales-pipeline",C2:D16)');
      const want = gradeCells("grade", "sales-pipeline", spec.rows.slice(1).map((r) => [r[2], r[3]]), "en").map((r) => text(r[0]));
      expect((await columnCells(page, "I", 2, 16)).map((c) => c.text)).toEqual(want);
      await cell(page, "I5").click();
      expect(await page.locator("#gk-formula-note").textContent()).toContain("I2");
    });
    await step(page, "GK.SCORE, GK.EXPLAIN, GK.PERCENTILE_TIER with an array constant, GK.TIER typed into a cell", async () => {
      await typeFormula(page, "J2", '=GK.EXPLAIN("sales-pipeline",C2:D2)');
      expect(await cell(page, "J2").textContent()).toBe(text(gradeCells("reason", "sales-pipeline", [[spec.rows[1][2], spec.rows[1][3]]], "en")[0][0]));
      await typeFormula(page, "K2", "=GK.PERCENTILE_TIER(D2:D9,{0.25,0.75},{\"top\",\"mid\",\"low\"})");
      const want = percentileTierCells(spec.rows.slice(1, 9).map((r) => [r[3]]), [[0.25, 0.75]], [["top", "mid", "low"]], undefined, undefined, undefined, "en").map((r) => text(r[0]));
      expect((await columnCells(page, "K", 2, 9)).map((c) => c.text)).toEqual(want);
      // typing into the grid starts editing in the formula bar, like Excel
      await cell(page, "L2").click();
      await page.keyboard.type("=");
      await eventually(() => bar.inputValue(), "=", "the formula bar after typing = into a cell");
      await eventually(() => bar.evaluate((el) => el === document.activeElement), true, "focus in the formula bar");
      await bar.pressSequentially('GK.TIER(D2,{100000,30000},{"A","B","C"})');
      await bar.press("Enter");
      await expect(cell(page, "L2").textContent()).resolves.toBe("B");
    });
    await step(page, "an unknown template gives #N/A with the reason", async () => {
      await typeFormula(page, "H4", '=GK.GRADE("no-such-template", C4:D4)');
      expect(await cell(page, "H4").textContent()).toBe("#N/A");
      await cell(page, "H4").click();
      expect(await page.locator("#gk-formula-note").textContent()).toMatch(/unknown template 'no-such-template'/);
    });
    await step(page, "a formula that cannot be read is refused and nothing is written", async () => {
      await typeFormula(page, "H6", '=GK.GRADE("sales-pipeline", C6:D6');
      await page.getByRole("alert").getByText(/There's a problem with this formula/).waitFor();
      expect(await cell(page, "H6").textContent()).toBe("");
      await bar.press("Escape");
      await screenshot(page, "08-formulas");
    });
    took("formulas", start);
  });

  test("language: switching the task pane to 中文 switches the page; the Chinese workbook is graded with Chinese labels", async () => {
    const start = t0();
    const page = await newPage();
    await step(page, "switch to 中文 in the task pane", async () => {
      await page.getByRole("combobox", { name: ui("en", "app.language") }).selectOption("zh-CN");
      await page.getByRole("heading", { name: ui("zh-CN", "picker.title") }).waitFor();
      await page.getByText(ui("zh-CN", "app.title"), { exact: true }).waitFor();
      await page.getByRole("heading", { name: "GradeKit 演示环境" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    });
    const spec = sheetSpec("zh", 0);
    const tpl = template("sales-pipeline");
    const last = spec.rows.length;
    await step(page, "open the Chinese workbook: its task pane is in Chinese too", async () => {
      await page.locator(".gk-switcher select").first().selectOption("zh");
      await page.locator(`.gk-grid[data-sheet="${spec.name}"]`).waitFor();
      await page.locator('.gk-pane[data-workbook="zh"]').getByRole("heading", { name: ui("zh-CN", "picker.title") }).waitFor();
      expect(await cell(page, "C1").textContent()).toBe("预计成交月数");
    });
    await step(page, "select, choose 销售客户等级划分标准, apply", async () => {
      await drag(page, "A1", `E${last}`);
      const pane = page.locator('.gk-pane[data-workbook="zh"]');
      await pane.locator('li[data-template-id="sales-pipeline"]').getByRole("button").first().click();
      await pane.getByText(ui("zh-CN", "table.info", { address: `销售客户!A1:E${last}`, count: last - 1 })).waitFor();
      await pane.getByRole("button", { name: uiPattern("zh-CN", "apply.button") }).click();
      await pane.getByTestId("result-panel").getByText(uiPattern("zh-CN", "result.applied")).waitFor();
      await expectGradeColumn(page, "F", tpl, spec.rows, "zh-CN");
      expect((await columnCells(page, "G", 1, 1))[0].text).toBe(WORDS["zh-CN"].reason);
      await screenshot(page, "09-zh-sales-pipeline-graded");
    });
    await step(page, "formulas explain themselves in Chinese", async () => {
      await showSheet(page, "GK 函数");
      const zhSpec = sheetSpec("zh", 4);
      const reasons = gradeCells("reason", "sales-pipeline", zhSpec.rows.slice(13, 18).map((r) => [r[1], r[2]]), "zh-CN").map((r) => text(r[0]));
      expect((await columnCells(page, "E", 14, 18)).map((c) => c.text)).toEqual(reasons);
      await screenshot(page, "10-zh-gk-functions");
    });
    took("zh", start);
  });

});

afterAll(() => {
  if (timings.length) console.log(`e2e timings: ${timings.join(", ")}`);
});

// ---------------------------------------------------------------------------------------------
// npm start

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

/** A connection to host:port is refused (nothing listens there). */
function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port, timeout: 2000 });
    sock.once("connect", () => {
      sock.destroy();
      resolve(false);
    });
    sock.once("error", () => resolve(true));
    sock.once("timeout", () => {
      sock.destroy();
      resolve(true);
    });
  });
}

test("npm start on Linux (no Excel) serves the playground on localhost only", async () => {
  const start = t0();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, GRADEKIT_PLAYGROUND_PORT: String(port) };
  delete env.GRADEKIT_START;
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  try {
    const url = `http://localhost:${port}/`;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not print ${url} within 120 s:\n${out}`)), 120_000);
      const check = () => {
        if (out.includes(url)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before serving:\n${out}`));
      });
      check();
    });
    expect(out).toMatch(/Excel desktop is not available on linux; starting the playground/);
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<div id="root">/);
    const scripts = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["playground.js"]); // no office.js, nothing from a CDN
    const script = scripts[0];
    const bundle = await get(new URL(script!, url).href);
    expect(bundle.status).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
    // listening on the loopback interface only: not reachable on the machine's network addresses
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === "IPv4");
    if (lan) expect(await refused(lan.address, port)).toBe(true);
  } finally {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM"); // the process group: start.js and the server it started
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    took("npm start", start);
  }
}, 150_000);
