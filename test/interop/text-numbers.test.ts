/**
 * Text numbers and finance formats in number cells (`1,200`, `10万`, `¥1,200`, `(1,200)`, `1200` as
 * text): the engine reads them, the portable formulas do not. The formulas must then show an error
 * value, never another grade or score, and never change the other rows' results
 * (HyperFormula and LibreOffice, compatible formulas).
 */
import * as path from "path";
import * as fs from "fs";
import { gradeTable, type Template } from "../../src/engine";
import { columnLetters, compileFormulas, fileFormula, isRefusal } from "../../src/engine/compile";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";
import { NOT_COMPILED } from "../support/compile-refusals";
import { tempDir, which } from "../cli/helpers";
import { makeRows, prng, type Cell } from "./data";
import { fromCsv, hyperformula, libreOfficeCsv, writeWorkbook, type Shown } from "./evaluate";

jest.setTimeout(120_000);
const SOFFICE = which("soffice") ?? which("libreoffice");
const TEXT_NUMBERS = ["1,200", "10万", "¥1,200", "(1,200)", "1200", "1.2万元", " 300 "];

function sheet(t: Template, rows: Cell[][]) {
  const columns = Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const formulas = rows.map((_, i) => {
    const r = compileFormulas(t, { target: "excel-compat", columns, firstRow: 2, lastRow: rows.length + 1, row: i + 2 });
    if (isRefusal(r)) throw new Error(r.reason.en);
    return [r.grade, ...(r.score !== undefined ? [r.score] : [])];
  });
  return { rows: [t.fields.map((f) => f.key) as Cell[], ...rows], formulas };
}

/** Rows where the formulas show a grade or score different from the engine's (an error value is allowed). */
function wrong(t: Template, rows: Cell[][], shown: Shown[][]): string[] {
  const r = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
  const out: string[] = [];
  rows.forEach((row, i) => {
    const [g, s] = shown[i];
    if (typeof g === "string" && g.startsWith("#")) return; // an error value: allowed
    const want = r.status(i) === "empty" ? "" : r.grade(i);
    if (want === "" && g === "" && (s === undefined || s === "")) return; // no data on both sides
    const scoreOk = r.scores === null || s === undefined || (typeof s === "string" && s.startsWith("#")) || Math.abs(Number(s) - (r.score(i) ?? NaN)) <= 1e-9;
    if (String(g) !== String(want ?? "") || !scoreOk) out.push(`row ${i + 2} ${JSON.stringify(row)}: engine ${want}/${r.score(i)}, formulas ${g}/${s}`);
  });
  return out;
}

const scoreRows = (text: Cell): Cell[][] => [
  [1000, 20, 50, 15, 10, "A"],
  [500, 10, 25, 10, 5, "B"],
  [text, 16, 40, 12, 8, "A"],
  [800, 16, 40, 12, 8, "A"],
  [100, 10, 10, 0, 0, "B"],
];
const codeRows = (text: Cell): Cell[][] => [
  ["Z", 100, "urban", "lawful", "", ""],
  ["Z", text, "urban", "lawful", "", ""],
  ["Z", 50, "rural", "lawful", "", ""],
  ["Z", 10, "urban", "violating", "", ""],
  ["C", 300, "urban", "lawful", "", "yes"],
  ["C", 200, "urban", "lawful", "", "yes"],
];

const CASES: [string, Cell[][]][] = TEXT_NUMBERS.flatMap((x) => [
  ["tobacco-retail-score", scoreRows(x)],
  ["tobacco-retail-code", codeRows(x)],
  ["weighted-value", [[80, 100, 50], [60, x, 40], [70, 300, 90], [90, 200, 20]]],
  ["spend-5", [[600000], [x], [120000]]],
] as [string, Cell[][]][]);

test.each(CASES)("HyperFormula: %s with a text number never shows another grade or score", (id, rows) => {
  const t = getBuiltinTemplate(id)!;
  expect(wrong(t, rows, hyperformula(sheet(t, rows)))).toEqual([]);
});

test("LibreOffice: the same cases never show another grade or score", async () => {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed");
  const dir = tempDir("textnum");
  try {
    const files: string[] = [];
    for (const [k, [id, rows]] of CASES.entries()) {
      const file = path.join(dir, `case${k}.xlsx`);
      await writeWorkbook(file, sheet(getBuiltinTemplate(id)!, rows), fileFormula);
      files.push(file);
    }
    const { records } = libreOfficeCsv(SOFFICE, files, dir);
    const bad: string[] = [];
    CASES.forEach(([id, rows], k) => {
      const t = getBuiltinTemplate(id)!;
      const recs = records.get(files[k])!;
      const shown = rows.map((_, i) => (recs[i + 1] ?? []).slice(t.fields.length, t.fields.length + 2).map(fromCsv));
      bad.push(...wrong(t, rows, shown).map((w) => `${id}: ${w}`));
    });
    expect(bad).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A number written as finance text the engine reads as the same number. */
function financeText(v: number, r: number): string {
  const abs = Math.abs(v);
  const grouped = abs.toLocaleString("en-US", { maximumFractionDigits: 6 });
  if (v < 0) return r < 0.5 ? `(${grouped})` : `-¥${grouped}`;
  if (r < 0.25) return `¥${grouped}`;
  if (r < 0.5) return `${grouped}元`;
  if (r < 0.75 && abs >= 100) return `${abs / 1e4}万`;
  return grouped;
}

describe("every built-in template, random rows with finance text in number cells (HyperFormula)", () => {
  const tally = { same: 0, error: 0, rows: 0 };
  afterAll(() => console.log(`finance text in number cells, HyperFormula: ${tally.rows} rows, ${tally.same} same grade and score as the engine, ${tally.error} error values, 0 different`));
  // The templates the targets refuse by name are checked in test/compile (refusals); the rest here.
  test.each(BUILTIN_TEMPLATES.filter((t) => !NOT_COMPILED.includes(t.id)).map((t, k) => [t.id, t, k] as const))("%s", (_id, t, k) => {
    const rnd = prng(4242 + k);
    const rows = makeRows(t, { seed: 9000 + k * 31, random: 40 }).map((row) =>
      row.map((c, j) => (t.fields[j].type === "number" && typeof c === "number" && rnd() < 0.1 ? financeText(c, rnd()) : c)),
    );
    // The engine reads every such text as the number it replaced.
    const shown = hyperformula(sheet(t, rows));
    expect(wrong(t, rows, shown)).toEqual([]);
    tally.rows += rows.length;
    for (const r of shown) if (typeof r[0] === "string" && r[0].startsWith("#")) tally.error++;
    else tally.same++;
  });
});
