/**
 * Every built-in template's form printed by LibreOffice (A4) at 10, 18, 20 and 40 rows: the page
 * count is the layout's (its page breaks + 1), every page holds data rows (never only the repeated
 * header and the footer), the legend with its notes and the signature lines is on one page, every
 * page has the page footer, scorecard forms show their cut-offs, and every form says which numbers
 * are the source's and which are example defaults. Chinese forms show Chinese grade labels.
 *
 * One headless LibreOffice run converts all the workbooks (start-up dominates its cost). Each data
 * row carries a row number in its first column (R001, R002, ...) so the rows on a page can be
 * counted from `pdftotext`. Needs LibreOffice and poppler-utils (`bash scripts/install-deps.sh`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { describeTemplate, kindOf, tr, type Lang } from "../../src/engine";
import { drawXlsxSheet, newXlsxWorkbook } from "../../src/cli/xlsx-draw";
import { formLayout, isFormRefusal, type FormLayout } from "../../src/forms";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { tempDir } from "../cli/helpers";
import { libreOffice, tools } from "./helpers";

jest.setTimeout(300_000);

const ROWS = [10, 18, 20, 40];
const rowMark = (i: number) => `R${String(i + 1).padStart(3, "0")}`;
/** Text without white space (pdftotext spaces CJK text and wraps cells). */
const squeeze = (s: string) => s.replace(/\s+/g, "");

interface Case {
  id: string;
  rows: number;
  lang: Lang;
  layout: FormLayout;
  file: string;
}

const templates = BUILTIN_TEMPLATES.filter((t) => !isFormRefusal(formLayout(t, { rows: 1 })));
let dir: string;
let cases: Case[] = [];
let pages = new Map<Case, string[]>();

beforeAll(async () => {
  dir = tempDir("forms-print");
  const src = path.join(dir, "in");
  fs.mkdirSync(src);
  // Both languages: every other template in Chinese (the MF/Q form is Chinese anyway).
  templates.forEach((t, k) => {
    for (const rows of ROWS) {
      const lang: Lang = k % 2 ? "zh-CN" : "en";
      const layout = formLayout(t, { rows, lang });
      if (isFormRefusal(layout)) throw new Error(layout.reason.en);
      cases.push({ id: t.id, rows, lang: layout.lang, layout, file: path.join(src, `${t.id}-${rows}.xlsx`) });
    }
  });
  for (const c of cases) {
    const wb = newXlsxWorkbook();
    const { worksheet } = drawXlsxSheet(wb, c.layout);
    for (let i = 0; i < c.rows; i++) worksheet.getCell(c.layout.dataRows.first + i + 1, 1).value = rowMark(i);
    await wb.xlsx.writeFile(c.file);
  }
  tools();
  const { seconds, outputs } = libreOffice("pdf", cases.map((c) => c.file), dir);
  console.log(`LibreOffice printed ${cases.length} forms in ${seconds.toFixed(1)} s`);
  cases.forEach((c, k) => {
    const text = spawnSync("pdftotext", ["-layout", outputs[k], "-"], { encoding: "utf8" }).stdout;
    const split = text.split("\f");
    if (split[split.length - 1].trim() === "") split.pop();
    pages.set(c, split);
  });
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  cases = [];
  pages = new Map();
});

test("every form-able built-in template is printed at 10, 18, 20 and 40 rows", () => {
  expect(templates.length).toBeGreaterThanOrEqual(20);
  expect(cases).toHaveLength(templates.length * ROWS.length);
  expect(cases.some((c) => c.lang === "zh-CN") && cases.some((c) => c.lang === "en")).toBe(true);
});

test("page count is the layout's; every page holds data rows and the page footer, never only the headers", () => {
  for (const c of cases) {
    const p = pages.get(c)!;
    const name = `${c.id} ${c.rows} rows`;
    expect([name, p.length]).toEqual([name, (c.layout.print.rowBreaks ?? []).length + 1]);
    const marks = p.map((page) => page.match(/R\d{3}/g) ?? []);
    // every row printed once, in order, and every page has some
    expect([name, marks.flat()]).toEqual([name, Array.from({ length: c.rows }, (_, i) => rowMark(i))]);
    marks.forEach((m, k) => expect([name, k + 1, m.length > 0]).toEqual([name, k + 1, true]));
    // the header row is repeated on every page, and the page footer is there
    const header = squeeze(c.layout.columns[0].header);
    p.forEach((page, k) => {
      expect([name, k + 1, squeeze(page).includes(header)]).toEqual([name, k + 1, true]);
      const footer = c.lang === "zh-CN" ? `第${k + 1}页，共${p.length}页` : `Page${k + 1}of${p.length}`;
      expect([name, k + 1, squeeze(page).includes(footer)]).toEqual([name, k + 1, true]);
    });
  }
  // the pages that broke before: the MF/Q form at 18-20 rows, and forms of several pages
  const pageCounts = cases.map((c) => pages.get(c)!.length);
  expect(Math.max(...pageCounts)).toBeGreaterThanOrEqual(3);
  expect(pages.get(cases.find((c) => c.id === "mfq-102a" && c.rows === 20)!)!.length).toBe(2);
});

test("the legend, its notes and the signature lines are on one page (the last)", () => {
  for (const c of cases) {
    const p = pages.get(c)!.map(squeeze);
    const name = `${c.id} ${c.rows} rows`;
    const after = c.layout.cells.filter((x) => x.row > c.layout.dataRows.last && x.col < c.layout.width && "value" in x && String(x.value).trim() !== "");
    expect(after.length).toBeGreaterThanOrEqual(4);
    for (const x of after) {
      // the first characters of each text (a long one wraps within its cell)
      const start = squeeze(String("value" in x ? x.value : "")).slice(0, 12);
      const on = p.map((page, k) => (page.includes(start) ? k : -1)).filter((k) => k >= 0);
      expect([name, start, on.includes(p.length - 1)]).toEqual([name, start, true]);
    }
  }
});

test("scorecard forms print their cut-offs; every form says which numbers are the source's and which are example defaults", () => {
  let scorecards = 0;
  for (const c of cases) {
    const t = templates.find((x) => x.id === c.id)!;
    const text = squeeze(pages.get(c)!.join("\n"));
    const name = `${c.id} ${c.rows} rows`;
    const d = describeTemplate(t, c.lang);
    expect([name, text.includes(squeeze(d.numbersNote).slice(0, 24))]).toEqual([name, true]);
    if (d.exampleDefaults.length) expect([name, text.includes(c.lang === "zh-CN" ? "示例默认值" : "Exampledefaults")]).toEqual([name, true]);
    if (kindOf(t.model).scores && t.id !== "mfq-102a") {
      scorecards++;
      expect(d.grades.length).toBe(t.grades.length);
      // a long rule wraps within its cell (pdftotext interleaves the lines of neighbouring cells): its start
      for (const g of d.grades) {
        const when = squeeze(g.when);
        expect([name, g.when, text.includes(when.length > 40 ? when.slice(0, 30) : when)]).toEqual([name, g.when, true]);
      }
    }
  }
  expect(scorecards).toBeGreaterThanOrEqual(5 * ROWS.length);
});

test("Chinese forms show Chinese grade labels, not the English grade ids", () => {
  let checked = 0;
  for (const c of cases.filter((x) => x.lang === "zh-CN" && x.id !== "mfq-102a")) {
    const t = templates.find((x) => x.id === c.id)!;
    const text = pages.get(c)!.join("\n");
    for (const g of t.grades) {
      const label = tr(g.label, "zh-CN");
      if (label.includes(g.id)) continue;
      checked++;
      expect([c.id, g.id, text.includes(label)]).toEqual([c.id, g.id, true]);
      expect([c.id, g.id, new RegExp(`(^|[^A-Za-z-])${g.id}([^A-Za-z-]|$)`).test(text)]).toEqual([c.id, g.id, false]);
    }
  }
  expect(checked).toBeGreaterThanOrEqual(10);
});
