/**
 * Issue 20's constructs compiled to formulas and SQL, checked against the engine row by row:
 * deductions (negative points, a total clamped at 0 or allowed below it), computed measures (with
 * rounding and a division by zero) and population thresholds (mean, median, percentile; within
 * groups). HyperFormula evaluates the compatible and the 365 formulas (LET expanded), DuckDB the
 * SQL. What a target cannot express is refused by name (checked at the end).
 */
import { compileFormulas, compileSql, gradeTable, isRefusal, type GradeResult, type Template } from "../../src/engine";
import { deductions, measures, stats, statsByGroup } from "../fixtures/issue20";
import { duckdb, expandLet, hyperformula, type Shown } from "./evaluate";
import { prng, type Cell } from "./data";

const FIRST = 2;
const letters = (t: Template) => Object.fromEntries(t.fields.map((f, k) => [f.key, String.fromCharCode(65 + k)]));

const allowNegative: Template = { ...deductions, id: "deductions-allow", model: { ...deductions.model, negativeTotal: "allow" } as Template["model"] };
const meanBands: Template = {
  ...stats,
  id: "stats-mean",
  model: { kind: "bands", field: "amount", bands: [{ grade: "High", op: ">", value: { stat: "mean", field: "amount" } }, { grade: "Mid", op: ">=", value: 20 }], otherwise: "Low" },
};
const measureStats: Template = {
  ...measures,
  id: "measure-mean",
  model: { kind: "rules", rules: [{ grade: "Gold", when: { field: "avgOrder", op: ">=", value: { stat: "mean", field: "avgOrder" } } }], otherwise: "Basic" },
};

function rowsFor(t: Template, seed: number): Cell[][] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const rows: Cell[][] = [];
  for (let i = 0; i < 60; i++) {
    rows.push(
      t.fields.map((f) => {
        if (f.type === "yesno") return pick(["yes", "no", "yes", null]);
        if (f.type === "text") return pick(["N", "S", "E", null]);
        if (f.key === "latePayments") return pick([0, 0, 1, 2, 3, 7, null]);
        if (f.key === "orders") return pick([0, 1, 2, 3, 6, null]);
        if (f.key === "reviews") return pick([0, 1, 5, null]);
        return pick([0, 10, 20, 30, 40, 55.5, 100, 1000, 1.005, null]);
      }),
    );
  }
  rows.push(t.fields.map(() => null)); // no data
  return rows;
}

function expected(r: GradeResult, i: number, scores: boolean): [Shown, Shown | undefined] {
  const st = r.status(i);
  if (st === "empty") return ["", scores ? "" : undefined];
  if (st === "error") {
    const type = r.error(i)?.type ?? "#N/A";
    return [type, scores ? (type === "#VALUE!" ? "#VALUE!" : r.score(i) ?? "") : undefined];
  }
  return [r.grade(i)!, scores ? r.score(i)! : undefined];
}
const close = (a: Shown | undefined, b: Shown | undefined) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

function formulaRows(t: Template, rows: Cell[][], target: "excel" | "excel-compat"): string[][] {
  return rows.map((_, i) => {
    const f = compileFormulas(t, { target, columns: letters(t), firstRow: FIRST, lastRow: FIRST + rows.length - 1, row: FIRST + i });
    if (isRefusal(f)) throw new Error(`${t.id} ${target}: ${f.reason.en}`);
    return [f.grade, ...(f.score !== undefined ? [f.score] : [])].map((x) => (target === "excel" ? expandLet(x) : x));
  });
}

function mismatches(t: Template, rows: Cell[][], shown: Shown[][]): string[] {
  const r = gradeTable(t, { columns: Object.fromEntries(t.fields.map((f, k) => [f.key, rows.map((row) => row[k] ?? "")])) });
  const scores = r.scores !== null;
  const bad: string[] = [];
  rows.forEach((row, i) => {
    const [g, s] = expected(r, i, scores);
    const got = shown[i];
    if (!(String(got[0]) === String(g) && (!scores || close(got[1], s)))) bad.push(`row ${i} ${JSON.stringify(row)}: engine ${JSON.stringify([g, s])} (${r.reason(i)}), got ${JSON.stringify(got)}`);
  });
  return bad.slice(0, 5);
}

const BOTH = [deductions, allowNegative, measures, meanBands, statsByGroup];
const ONLY_365 = [stats, measureStats];

describe("HyperFormula agrees with the engine", () => {
  test.each(BOTH.map((t, k) => [t.id, t, k] as const))("%s: compatible formulas", (_id, t, k) => {
    const rows = rowsFor(t, 20 + k);
    const shown = hyperformula({ rows: [t.fields.map((f) => f.key), ...rows], formulas: formulaRows(t, rows, "excel-compat") });
    expect(mismatches(t, rows, shown)).toEqual([]);
  });
  test.each([...BOTH, ...ONLY_365].map((t, k) => [t.id, t, k] as const))("%s: Excel 365 formulas", (_id, t, k) => {
    const rows = rowsFor(t, 40 + k);
    const shown = hyperformula({ rows: [t.fields.map((f) => f.key), ...rows], formulas: formulaRows(t, rows, "excel") });
    expect(mismatches(t, rows, shown)).toEqual([]);
  });
});

describe("DuckDB agrees with the engine", () => {
  let db: Awaited<ReturnType<typeof duckdb>>;
  beforeAll(async () => {
    db = await duckdb();
  });
  afterAll(() => db?.close());
  test.each([...BOTH, ...ONLY_365].map((t, k) => [t.id, t, k] as const))("%s: SQL", async (_id, t, k) => {
    const rows = rowsFor(t, 60 + k);
    const sql = compileSql(t, { table: t.id });
    if (isRefusal(sql)) throw new Error(sql.reason.en);
    await db.load(t.id, t.fields, rows);
    const out = await db.query(sql);
    const byId = new Map(out.map((r) => [Number(r.row_id), r]));
    const shown: Shown[][] = rows.map((_, i) => {
      const r = byId.get(i)!;
      const score = r.score === null ? "" : r.score === undefined ? undefined : Number(r.score);
      return [r.grade === null ? "" : String(r.grade), ...(score !== undefined ? [score] : [])];
    });
    // SQL shows no score for a bad row (NULL) where the formulas show #VALUE!.
    const r = gradeTable(t, { columns: Object.fromEntries(t.fields.map((f, j) => [f.key, rows.map((row) => row[j] ?? "")])) });
    shown.forEach((s, i) => {
      if (r.scores && r.status(i) === "error" && s[1] === "") s[1] = "#VALUE!";
    });
    expect(mismatches(t, rows, shown)).toEqual([]);
  });
});

describe("refused by name where a target cannot express it", () => {
  test("a median or percentile threshold in the compatible formulas (needs 365's array evaluation)", () => {
    const f = compileFormulas(stats, { target: "excel-compat", columns: letters(stats), firstRow: 2, lastRow: 10, row: 2 });
    expect(isRefusal(f) && f.reason.en).toMatch(/median or percentile threshold needs Excel 365/);
    expect(isRefusal(f) && f.reason.zh).toMatch(/中位数或百分位阈值需要 Excel 365/);
  });
  test("a mean of a measure that may divide by zero in the compatible formulas", () => {
    const f = compileFormulas(measureStats, { target: "excel-compat", columns: letters(measureStats), firstRow: 2, lastRow: 10, row: 2 });
    expect(isRefusal(f) && f.reason.en).toMatch(/mean of a measure that may divide by zero needs Excel 365/);
  });
  test("a median within groups in SQL", () => {
    const t: Template = JSON.parse(JSON.stringify(statsByGroup));
    (t.model as { rules: { when: { value: object } }[] }).rules[0].when.value = { stat: "median", field: "amount", groupBy: "region" };
    const sql = compileSql(t);
    expect(isRefusal(sql) && sql.reason.en).toMatch(/median or percentile within groups cannot be compiled to SQL/);
  });
  test("the 365 formula of a percentile band names PERCENTILE over the graded rows", () => {
    const f = compileFormulas(stats, { target: "excel", columns: letters(stats), firstRow: 2, lastRow: 10, row: 2 });
    expect(!isRefusal(f) && f.grade).toMatch(/PERCENTILE\(IF\(/);
  });
});
