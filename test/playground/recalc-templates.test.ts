/**
 * The playground's recalculation against the engine: every built-in template that compiles to portable
 * formulas (compatible and Excel 365 with LET), written into a playground workbook beside seeded rows
 * (random, boundary, blank and bad values: test/interop/data.ts), recalculated by the playground's
 * formula engine (fast-formula-parser with Excel's array rules, src/playground/formula-engine.ts). Every
 * grade and score must equal the engine's (`gradeTable`): "" for no data, #VALUE! for bad input, #N/A
 * where the template gives no grade - the same expectations test/interop checks in HyperFormula,
 * LibreOffice and DuckDB.
 */
import { gradeTable, type Template } from "../../src/engine";
import { columnLetters, compileFormulaRows, isRefusal } from "../../src/engine/compile";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { NOT_COMPILED } from "../support/compile-refusals";
import { makeRows, type Cell } from "../interop/data";

jest.setTimeout(120_000);

const SHEET = "Data";
const TEMPLATES: readonly Template[] = BUILTIN_TEMPLATES.filter((t) => !NOT_COMPILED.includes(t.id));

type Shown = string | number | boolean;

/** What the formulas must show for row i: [grade, score] (as test/interop/formulas.test.ts). */
function expected(t: Template, rows: Cell[][]): [Shown, Shown | undefined][] {
  const r = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
  const scores = r.scores !== null;
  return rows.map((_, i) => {
    const st = r.status(i);
    if (st === "empty") return ["", scores ? "" : undefined];
    if (st === "error") {
      const type = r.error(i)?.type ?? "#N/A";
      return [type, scores ? (type === "#VALUE!" ? "#VALUE!" : (r.score(i) ?? "")) : undefined];
    }
    return [r.grade(i)!, scores ? r.score(i)! : undefined];
  });
}

async function recalculated(
  t: Template,
  rows: Cell[][],
  target: "excel" | "excel-compat",
): Promise<{ shown: Shown[][]; formulas: string[] }> {
  const wb = new PlaygroundWorkbook(
    { id: "t", fileName: "t.xlsx", title: { en: "t", zh: "t" }, lang: "en", sheets: [{ name: SHEET, rows: [] }] },
    () => "en",
  );
  const width = t.fields.length;
  wb.host.setValues(
    SHEET,
    "A1",
    [t.fields.map((f) => f.key), ...rows.map((r) => r.map((c) => (c === null ? "" : c)))],
    { raw: true },
  );
  const columns = Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const compiled = compileFormulaRows(t, { target, columns, firstRow: 2, lastRow: rows.length + 1 });
  if (isRefusal(compiled)) throw new Error(`${t.id} ${target}: ${compiled.reason.en}`);
  const formulas = compiled.map((f) => [`=${f.grade}`, ...(f.score !== undefined ? [`=${f.score}`] : [])]);
  await wb.host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(SHEET).getRangeByIndexes(1, width, rows.length, formulas[0].length).formulas =
      formulas;
    await context.sync();
  }); // host.onChange -> recalc() in dependency order
  const out = wb.host.getValues(
    SHEET,
    `${columnLetters(width + 1)}2:${columnLetters(width + formulas[0].length)}${rows.length + 1}`,
  );
  return { shown: out, formulas: formulas.map((f) => f[0]) };
}

const close = (a: Shown | undefined, b: Shown | undefined) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

describe.each(["excel-compat", "excel"] as const)(
  "%s formulas recalculated in the playground equal the engine",
  (target) => {
    test.each(TEMPLATES.map((t, k) => [t.id, t, k] as const))("%s", async (_id, t, k) => {
      const rows = makeRows(t, { seed: 2000 + k * 7919, random: 40 });
      const want = expected(t, rows);
      const { shown, formulas } = await recalculated(t, rows, target);
      const bad: string[] = [];
      want.forEach(([g, s], i) => {
        const got = shown[i];
        if (String(got[0]) !== String(g) || (s !== undefined && !close(got[1], s))) {
          bad.push(
            `row ${i + 2} ${JSON.stringify(rows[i])}: engine ${JSON.stringify([g, s])}, playground ${JSON.stringify(got)}\n  ${formulas[i].slice(0, 300)}`,
          );
        }
      });
      expect(bad.slice(0, 4)).toEqual([]);
      // the rows cover graded, blank and (where the template can have them) bad rows
      expect(
        new Set(want.map(([g]) => (g === "" ? "empty" : g === "#VALUE!" || g === "#N/A" ? "error" : "graded"))).has(
          "graded",
        ),
      ).toBe(true);
    });
  },
);
