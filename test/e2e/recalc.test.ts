/**
 * End-to-end (Debian Chromium through playwright-core): the playground recalculates what GradeKit writes
 * into a workbook with its formula engine (src/playground/formula-engine.ts) and shows number formats as
 * Excel does (numfmt). Each flow compares the grid with the engine's grades for the same rows, computed
 * here in Node with the GK.* functions' pure core (`gradeCells`: the grade id, "" for no data, the error
 * type where the engine gives none), and checks that no grade cell shows #NAME? or #N/A:
 *
 * 1. the task pane's "Write grades as formulas" on the tobacco retailers sheet;
 * 2. an inserted MF/Q 102/A form, filled in cell by cell through the formula bar;
 * 3. `=GK.GRADE("my-pipeline", ...)` typed into cells, for a template saved in the workbook (saved with
 *    the adapter the task pane's "Save to workbook" calls);
 * 4. a date, decimals and a percentage written with number formats through Excel.run.
 *
 * Screenshots: test-artifacts/e2e/recalc-*.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { columnLetters } from "../../src/engine/compile";
import type { Template } from "../../src/engine";
import { formLayout } from "../../src/forms";
import { gradeCells, type Cell } from "../../src/functions/core";
import { FnError } from "../../src/functions/errors";
import { registerTemplateSource } from "../../src/functions/templates";
import { SAMPLE_CSV_NAMES, sampleWorkbooks, type SampleCsvs } from "../../src/playground/samples";
import { en } from "../../src/taskpane/i18n/catalogue";
import { getBuiltinTemplate } from "../../src/templates";
import {
  ARTIFACTS,
  ROOT,
  buildAndServe,
  cell,
  columnCells,
  drag,
  launchBrowser,
  openPlayground,
  requireChromium,
  screenshot,
  step,
  type OpenPage,
  type Served,
} from "./helpers";

jest.setTimeout(240_000); // a loaded 2-core machine: page loads alone can take 15 s

const CSVS = Object.fromEntries(
  SAMPLE_CSV_NAMES.map((n) => [n, fs.readFileSync(path.join(ROOT, "samples", `${n}.csv`), "utf8")]),
) as SampleCsvs;
const BOOK = sampleWorkbooks(CSVS).find((b) => b.id === "en")!;
const sheet = (templateId: string) => BOOK.sheets.find((s) => s.templateId === templateId)!;
const text = (c: Cell) => (c instanceof FnError ? c.code : String(c));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const uiPattern = (s: string) => new RegExp(`^${escapeRe(s).replace(/\\\{\w+\\\}/g, ".+")}$`);

/** The inputs of each data row in the template's field order (columns matched by header = field label). */
function fieldRows(tpl: Template, rows: string[][]): string[][] {
  const header = rows[0];
  const cols = tpl.fields.map((f) => header.findIndex((h) => h === f.label.en || h === f.label.zh || h === f.key));
  return rows.slice(1).map((r) => cols.map((c) => (c < 0 ? "" : r[c])));
}

/** The engine's grade per row, as formulas show it (`tpl`: a template that is not built in, found by its id). */
function engineGrades(templateId: string, rows: unknown[][], tpl?: Template): string[] {
  const remove = registerTemplateSource((name) => (tpl && name === tpl.id ? tpl : undefined));
  try {
    return gradeCells("grade", templateId, rows, "en").map((r) => text(r[0]));
  } finally {
    remove();
  }
}

async function typeInto(page: Page, address: string, value: string): Promise<void> {
  const box = page.getByRole("textbox", { name: "Name box" });
  await box.fill(address);
  await box.press("Enter");
  const bar = page.getByRole("textbox", { name: "Formula bar" });
  await bar.fill(value);
  await bar.press("Enter");
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.locator(`.gk-grid[data-sheet="${name}"]`).waitFor();
}

function noFormulaErrors(shown: string[]): void {
  expect(shown.filter((s) => s === "#NAME?" || s === "#N/A")).toEqual([]);
}

let served: Served;
let browser: Browser;
let open: OpenPage | null = null;

describe("the playground recalculates what GradeKit writes", () => {
  beforeAll(async () => {
    requireChromium();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    served = await buildAndServe();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function newPage(): Promise<Page> {
    open = await openPlayground(browser, served);
    open.page.setDefaultTimeout(30_000); // applying recalculates every formula: seconds on a loaded 2-core machine
    return open.page;
  }

  afterEach(async () => {
    const o = open;
    open = null;
    if (!o) return;
    await o.close();
    expect(o.external).toEqual([]);
    expect(o.errors).toEqual([]);
  });

  test("write grades as formulas: the grade cells hold formulas and show the engine's grades", async () => {
    const page = await newPage();
    const spec = sheet("tobacco-retail-code");
    const tpl = getBuiltinTemplate("tobacco-retail-code")!;
    const width = spec.rows[0].length;
    const gradeCol = columnLetters(width + 1);
    await showSheet(page, spec.name);
    await step(page, "select the table, choose the template, switch on formulas", async () => {
      await drag(page, "A1", `${columnLetters(width)}${spec.rows.length}`);
      await page.locator(`li[data-template-id="${tpl.id}"]`).getByRole("button").first().click();
      await page.locator("[data-field]").first().waitFor();
      await page.getByRole("switch", { name: en["options.portable"] }).check();
    });
    await step(page, "apply: formulas in the grade column, the engine's grades shown", async () => {
      await page.getByRole("button", { name: uiPattern(en["apply.button"]) }).click();
      await page.getByTestId("result-panel").getByText(uiPattern(en["result.applied"])).waitFor();
      const want = engineGrades(tpl.id, fieldRows(tpl, spec.rows));
      const got = (await columnCells(page, gradeCol, 2, spec.rows.length)).map((c) => c.text);
      expect(got).toEqual(want);
      expect(new Set(want.filter((g) => /^[A-Z]/.test(g))).size).toBeGreaterThan(5);
      noFormulaErrors(got);
      await cell(page, `${gradeCol}2`).click();
      expect(await page.getByRole("textbox", { name: "Formula bar" }).inputValue()).toMatch(/^=IF\(/);
      await screenshot(page, "recalc-01-formulas");
    });
  });

  test("an inserted MF/Q 102/A form, filled in, grades each row as the engine does", async () => {
    const page = await newPage();
    const tpl = getBuiltinTemplate("mfq-102a")!;
    const ROWS = 8;
    const layout = formLayout(tpl, { rows: ROWS, lang: "en" });
    if (!("fieldColumns" in layout)) throw new Error(`no form: ${layout.reason.en}`);
    // rows of the MF/Q sample whose numbers are plain numbers (a form's number cells take numbers)
    const filled = fieldRows(tpl, sheet("mfq-102a").rows)
      .filter((r) => r.some((v) => v !== "") && tpl.fields.every((f, i) => f.type !== "number" || /^\d*$/.test(r[i])))
      .slice(0, 5);
    expect(filled.length).toBeGreaterThanOrEqual(3);
    await step(page, "insert the form with 8 rows", async () => {
      await page.getByRole("button", { name: en["form.open"] }).click();
      await page.getByRole("combobox", { name: en["form.template"] }).selectOption(tpl.id);
      await page.getByRole("spinbutton", { name: en["form.rows"] }).fill(String(ROWS));
      await page.getByRole("button", { name: en["form.insert"] }).click();
      await page.getByText(/Inserted the sheet/).waitFor();
      await page.locator(`.gk-grid[data-sheet="${layout.sheetName}"]`).waitFor();
    });
    const gradeCol = columnLetters(layout.gradeColumn + 1);
    const first = layout.dataRows.first + 1;
    await step(page, "empty form: no grade shows an error", async () => {
      const shown = (await columnCells(page, gradeCol, first, first + ROWS - 1)).map((c) => c.text);
      expect(shown).toEqual(new Array(ROWS).fill(""));
    });
    await step(page, "fill in rows through the formula bar: the engine's grades", async () => {
      for (const [i, row] of filled.entries()) {
        for (const [k, f] of tpl.fields.entries()) {
          if (row[k] !== "")
            await typeInto(page, `${columnLetters(layout.fieldColumns[f.key] + 1)}${first + i}`, row[k]);
        }
      }
      const want = [...engineGrades(tpl.id, filled), ...new Array(ROWS - filled.length).fill("")];
      const got = (await columnCells(page, gradeCol, first, first + ROWS - 1)).map((c) => c.text);
      expect(got).toEqual(want);
      expect(want.filter((g) => g !== "").length).toBe(filled.length);
      expect(new Set(want.filter((g) => g !== "")).size).toBeGreaterThan(1);
      noFormulaErrors(got);
      await screenshot(page, "recalc-02-form-filled");
    });
  });

  test("GK.GRADE on a template saved in the workbook gives the engine's grades", async () => {
    const page = await newPage();
    const spec = sheet("sales-pipeline");
    const base = getBuiltinTemplate("sales-pipeline")!;
    const mine: Template = { ...base, id: "my-pipeline", name: { en: "My pipeline", zh: "我的管道" } };
    await step(page, "save the template in the workbook (the adapter the task pane's Save calls)", async () => {
      await page.evaluate(
        async (t) => {
          const pg = (
            window as unknown as {
              gradekitPlayground: {
                workbooks: { spec: { id: string }; actions: { saveTemplate(t: unknown): Promise<unknown> } }[];
              };
            }
          ).gradekitPlayground;
          await pg.workbooks.find((w) => w.spec.id === "en")!.actions.saveTemplate(t);
        },
        mine as unknown as Record<string, unknown>,
      );
    });
    const header = spec.rows[0];
    const cols = mine.fields.map((f) => header.indexOf(f.label.en));
    expect(cols.every((c) => c >= 0)).toBe(true);
    const range = (r: number) => `${columnLetters(cols[0] + 1)}${r}:${columnLetters(cols[cols.length - 1] + 1)}${r}`;
    const rows = [2, 3, 5, 6, 7, 8];
    await step(page, 'type =GK.GRADE("my-pipeline", ...) into cells', async () => {
      for (const r of rows) await typeInto(page, `J${r}`, `=GK.GRADE("my-pipeline",${range(r)})`);
      await typeInto(page, "K2", `=GK.GRADE("My pipeline",${range(2)})`);
      const want = engineGrades(
        mine.id,
        rows.map((r) => cols.map((c) => spec.rows[r - 1][c])),
        mine,
      );
      const got = await Promise.all(rows.map(async (r) => (await cell(page, `J${r}`).textContent()) ?? ""));
      expect(got).toEqual(want);
      expect(new Set(want).size).toBeGreaterThan(1);
      noFormulaErrors(got);
      expect(await cell(page, "K2").textContent()).toBe(want[0]);
      await screenshot(page, "recalc-03-workbook-template");
    });
  });

  test("number formats: a date shows as a date, decimals and a percentage as formatted", async () => {
    const page = await newPage();
    await step(page, "write values with number formats through Excel.run", async () => {
      await page.evaluate(async () => {
        const pg = (
          window as unknown as {
            gradekitPlayground: { workbooks: { spec: { id: string }; host: { Excel: typeof Excel } }[] };
          }
        ).gradekitPlayground;
        const wb = pg.workbooks.find((w) => w.spec.id === "en")!;
        await wb.host.Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          const r = ws.getRange("J2:J5");
          r.values = [[46000], [1234.5], [0.1234], [46000.75]];
          r.numberFormat = [["yyyy-mm-dd"], ["#,##0.00"], ["0.0%"], ["yyyy-mm-dd hh:mm"]];
          await context.sync();
        });
      });
      expect((await columnCells(page, "J", 2, 5)).map((c) => c.text)).toEqual([
        "2025-12-09",
        "1,234.50",
        "12.3%",
        "2025-12-09 18:00",
      ]);
      await typeInto(page, "J6", "=J2+1"); // a formula reading a date, in a General cell: the serial number, as in Excel
      expect(await cell(page, "J6").textContent()).toBe("46001");
      await screenshot(page, "recalc-04-number-formats");
    });
  });
});
