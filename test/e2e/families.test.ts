/**
 * End-to-end (Debian Chromium, the built playground), issue 16: the task pane grades one sample per
 * new model family, in English and in Chinese — grouped scorecard (`bank-credit-5`), cumulative
 * shares (`value-share-3`), segments (`rfm-8`) and yes/no rules with modifiers, a staleness
 * parameter and text fields (`defeat-3`).
 *
 * For each: show the sample's sheet, click A1 (the table around it is read), pick the template in
 * the real pane (every field mapped by its header), apply, and read the grade column from the grid.
 * Every grade cell (text and fill) must equal the engine's `gradeTable` on the same rows: the values
 * the playground typed into the sheet, read in Node from the same workbook (`PlaygroundWorkbook`),
 * written as the pane writes grades (`gradeText`: ids in English, labels in Chinese).
 *
 * One build and one browser for the file; one page per language (the families are graded one after
 * the other in it, back to the picker in between). GRADEKIT_E2E_PLAYGROUND=<dir of a built
 * playground> serves that build instead of building again.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { compileTemplate, gradeTable, type Lang } from "../../src/engine";
import { gradeText } from "../../src/excel";
import { WORDS } from "../../src/excel/words";
import { FAMILY_SAMPLES, SAMPLE_CSV_NAMES, sampleWorkbooks, type SampleCsvs, type WorkbookSpec } from "../../src/playground/samples";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { en, zhCN } from "../../src/taskpane/i18n/catalogue";
import { getBuiltinTemplate } from "../../src/templates";
import { NO_FILL, ROOT, buildAndServe, cell, columnCells, launchBrowser, openPlayground, requireChromium, rgb, screenshot, step, type OpenPage, type Served } from "./helpers";

jest.setTimeout(120_000);

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
const letter = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
/** A sheet name in an address, quoted as Excel quotes it (spaces and punctuation). */
const sheetRef = (name: string) => (/^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name}'`);

const CSVS = Object.fromEntries(SAMPLE_CSV_NAMES.map((n) => [n, fs.readFileSync(path.join(ROOT, "samples", `${n}.csv`), "utf8")])) as SampleCsvs;
const BOOKS = sampleWorkbooks(CSVS);
const LANGS: { lang: Lang; book: "en" | "zh" }[] = [
  { lang: "en", book: "en" },
  { lang: "zh-CN", book: "zh" },
];

interface Expected {
  sheet: string;
  width: number;
  /** Sheet rows including the header. */
  last: number;
  grades: string[];
  fills: string[];
}

/** The engine's grades on the values the playground typed into the sample's sheet. */
async function expectedFor(book: WorkbookSpec, lang: Lang, id: string): Promise<Expected> {
  const spec = book.sheets.find((s) => s.templateId === id)!;
  const tpl = getBuiltinTemplate(id)!;
  const wb = await PlaygroundWorkbook.create(book, () => lang);
  const width = spec.rows[0].length;
  const last = spec.rows.length;
  const values = wb.host.getValues(spec.name, `A1:${letter(width - 1)}${last}`);
  const header = values[0].map(String);
  const side = lang === "zh-CN" ? "zh" : "en";
  const columns: Record<string, unknown[]> = {};
  for (const f of tpl.fields) {
    const c = header.indexOf(f.label[side]);
    if (c >= 0) columns[f.key] = values.slice(1).map((r) => r[c]);
  }
  // every field of the template has its column in the sample: the pane maps them all by header
  expect(Object.keys(columns)).toEqual(tpl.fields.map((f) => f.key));
  const result = gradeTable(tpl, { columns });
  const grades = values.slice(1).map((_, i) => gradeText(result, i, lang));
  const info = compileTemplate(tpl).grades;
  const fills = grades.map((g) => {
    if (g === "") return NO_FILL;
    const hit = info.find((x) => (lang === "zh-CN" ? x.label.zh : x.id) === g);
    if (!hit) throw new Error(`${id}: no grade '${g}'`);
    return rgb(hit.color);
  });
  return { sheet: spec.name, width, last, grades, fills };
}

let served: Served;
let browser: Browser;

/** GRADEKIT_E2E_PLAYGROUND=<dir of a built playground> serves that build instead of building again. */
async function buildOrReuse(): Promise<Served> {
  const dir = process.env.GRADEKIT_E2E_PLAYGROUND;
  if (!dir) return buildAndServe();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/playground-server.js is a CommonJS script
  const server = require(path.join(ROOT, "scripts", "playground-server.js")) as { serveStatic(dir: string, opts: { port?: number }): Promise<{ port: number; close(): Promise<unknown> }> };
  const s = await server.serveStatic(dir, { port: 0 });
  return { url: `http://localhost:${s.port}/`, dir, buildSeconds: 0, close: async () => void (await s.close()) };
}

beforeAll(async () => {
  requireChromium();
  served = await buildOrReuse();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe.each(LANGS)("model families of issue 16 in the playground, $lang", ({ lang, book }) => {
  const spec = BOOKS.find((b) => b.id === book)!;
  let open: OpenPage;
  let page: Page;
  const pane = () => page.locator(".gk-pane:not([hidden])");

  beforeAll(async () => {
    open = await openPlayground(browser, served, `?lang=${lang}&workbook=${book}`);
    page = open.page;
  }, 120_000);

  afterAll(async () => {
    const o = open;
    await o?.close();
    expect(o?.external ?? []).toEqual([]); // no request ever leaves localhost
    expect(o?.errors ?? []).toEqual([]);
  });

  test.each(FAMILY_SAMPLES.map((f) => f.id))("%s: graded through the pane as the engine grades it", async (id) => {
    const want = await expectedFor(spec, lang, id);
    const gradeCol = letter(want.width); // the first empty column right of the table
    const p = pane();
    await step(page, `${lang} ${id}: back to the picker`, async () => {
      const back = p.getByRole("button", { name: ui(lang, "grade.back") });
      if (await back.isVisible()) await back.click();
      await p.locator(`li[data-template-id="${id}"]`).waitFor();
    });
    await step(page, `${lang} ${id}: show the sheet, click A1, pick the template`, async () => {
      await page.getByRole("tab", { name: want.sheet }).click();
      await page.locator(`.gk-grid[data-sheet="${want.sheet}"]`).waitFor();
      await cell(page, "A1").click();
      await p.locator(`li[data-template-id="${id}"]`).getByRole("button", { name: uiPattern(lang, "picker.useNamed") }).click();
      await p.locator("[data-field]").first().waitFor();
      const address = `${sheetRef(want.sheet)}!A1:${letter(want.width - 1)}${want.last}`;
      await p.getByText(ui(lang, "table.info", { address, count: want.last - 1 })).waitFor();
    });
    await step(page, `${lang} ${id}: apply, every grade cell as the engine grades it`, async () => {
      await p.getByRole("button", { name: uiPattern(lang, "apply.button") }).click();
      await p.getByTestId("result-panel").getByText(uiPattern(lang, "result.applied")).waitFor();
      const got = await columnCells(page, gradeCol, 1, want.last);
      expect(got[0].text).toBe(WORDS[lang].grade);
      expect(got.slice(1).map((c) => c.text)).toEqual(want.grades);
      expect(got.slice(1).map((c) => c.bg)).toEqual(want.fills);
      // the sample shows several grades and some rows without one (blank row, bad input)
      expect(new Set(want.grades.filter(Boolean)).size).toBeGreaterThan(1);
      expect(want.grades).toContain("");
      await screenshot(page, `families-${lang}-${id}`);
    });
  });
});
