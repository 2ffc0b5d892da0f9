/**
 * The grouped scorecard, cumulative-share (ABC) and segment (RFM) kinds compiled: the spec's
 * worked example, ties, blank groups, a table where no row has a group, values exactly at the
 * mean and a group with no assessed indicator, in DuckDB (SQL) and HyperFormula (compatible and
 * 365 formulas), each row compared with the engine. The many-row differential test over every
 * engine is test/interop/formulas.test.ts.
 */
import { gradeTable, type Template } from "../../src/engine";
import { columnLetters, compileFormulaRows, compileSql, isRefusal } from "../../src/engine/compile";
import { getBuiltinTemplate } from "../../src/templates";
import { duckdb, expandLet, hyperformula, type Shown } from "../interop/evaluate";
import type { Cell } from "../interop/data";

const valueShare = getBuiltinTemplate("value-share-3")!;
const rfm = getBuiltinTemplate("rfm-8")!;
const bank = getBuiltinTemplate("bank-credit-5")!;

/** What every target must show per row: [grade, score] (`""` no data, error values as text). */
function engineRows(t: Template, rows: Cell[][]): [Shown, Shown | undefined][] {
  const r = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
  return rows.map((_, i) => {
    const st = r.status(i);
    const scores = r.scores !== null;
    if (st === "empty") return ["", scores ? "" : undefined];
    if (st === "error") {
      const type = r.error(i)?.type ?? "#N/A";
      return [type, scores ? (type === "#VALUE!" ? "#VALUE!" : (r.score(i) ?? "")) : undefined];
    }
    return [r.grade(i)!, scores ? r.score(i)! : undefined];
  });
}

const near = (a: Shown | undefined, b: Shown | undefined) => (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b);

function formulasShown(t: Template, rows: Cell[][], target: "excel" | "excel-compat"): [Shown, Shown | undefined][] {
  const columns = Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const fs = compileFormulaRows(t, { target, columns, firstRow: 2, lastRow: rows.length + 1 });
  if (isRefusal(fs)) throw new Error(fs.reason.en);
  const formulas = fs.map((f) => [f.grade, ...(f.score !== undefined ? [f.score] : [])].map(expandLet));
  const shown = hyperformula({ rows: [t.fields.map((f) => f.key), ...rows], formulas });
  return shown.map((r) => [r[0], r[1]]);
}

async function sqlShown(t: Template, rows: Cell[][]): Promise<[Shown, Shown | undefined][]> {
  const sql = compileSql(t, { table: "x" });
  if (isRefusal(sql)) throw new Error(sql.reason.en);
  const db = await duckdb();
  try {
    await db.load("x", t.fields, rows);
    const out = await db.query(`${sql} ORDER BY "row_id"`);
    const scores = t.model.kind !== "segments";
    return out.map((r) => [r.grade === null ? "" : String(r.grade), scores ? (r.score === null ? "" : Number(r.score)) : undefined]);
  } finally {
    db.close();
  }
}

/** Every target shows the engine's grade and score on every row (SQL: NULL score for a bad row). */
async function expectAgreement(t: Template, rows: Cell[][]): Promise<[Shown, Shown | undefined][]> {
  const want = engineRows(t, rows);
  const targets: Record<string, [Shown, Shown | undefined][]> = {
    "excel-compat": formulasShown(t, rows, "excel-compat"),
    excel: formulasShown(t, rows, "excel"),
    sql: await sqlShown(t, rows),
  };
  for (const [target, got] of Object.entries(targets)) {
    const bad = want
      .map((w, i) => {
        const s = target === "sql" && w[1] === "#VALUE!" ? "" : w[1];
        return String(got[i][0]) === String(w[0]) && near(got[i][1], s) ? "" : `${target} row ${i} ${JSON.stringify(rows[i])}: engine ${JSON.stringify(w)}, got ${JSON.stringify(got[i])}`;
      })
      .filter(Boolean);
    expect(bad).toEqual([]);
  }
  return want;
}

describe("value-share-3 (ABC)", () => {
  test("the spec's worked example: 50, 30, 10, 5, 5 -> VIP, VIP, Important, Regular, Regular", async () => {
    const want = await expectAgreement(valueShare, [[50, null], [30, null], [10, null], [5, null], [5, null]]);
    expect(want.map((w) => w[0])).toEqual(["VIP", "VIP", "Important", "Regular", "Regular"]);
    expect(want.map((w) => w[1])).toEqual([50, 30, 10, 5, 5]);
  });

  test("ties share a grade; amounts of 0 and below are Regular with score 0; no data; no row has a group", async () => {
    const want = await expectAgreement(valueShare, [[40, null], [40, null], [10, null], [10, null], [0, null], [-3, null], [null, null], [null, "  "]]);
    expect(want.map((w) => w[0])).toEqual(["VIP", "VIP", "Important", "Important", "Regular", "Regular", "", ""]);
    expect(want.map((w) => w[1])).toEqual([40, 40, 10, 10, 0, 0, "", ""]);
  });

  test("groups: shares within each group (trimmed, case-sensitive), a blank group gets no grade when some row has one", async () => {
    const want = await expectAgreement(valueShare, [
      [70, "North"],
      [30, "North"],
      [5, " South "],
      [5, "South"],
      [90, "south"],
      [10, "south"],
      [100, null],
      [100, "  "],
    ]);
    expect(want.map((w) => w[0])).toEqual(["VIP", "Important", "VIP", "VIP", "VIP", "Regular", "#N/A", "#N/A"]);
    expect(want[6][1]).toBe("");
  });
});

describe("rfm-8 (segments against the mean)", () => {
  test("values exactly at the mean are high (lower-better recency: at or below the mean)", async () => {
    // Means: R 20, F 4, M 300 (bad and empty rows are outside the population).
    const want = await expectAgreement(rfm, [
      [20, 4, 300],
      [10, 2, 600],
      [30, 6, 0],
      [20, 4, 300],
      [-1, 4, 300],
      [null, null, null],
      [20.0000000001, 3.9999999999, 300],
    ]);
    expect(want.map((w) => w[0])).toEqual(["important-value", "important-develop", "general-keep", "important-value", "#VALUE!", "", "important-value"]);
  });
});

describe("bank-credit-5 (grouped scorecard)", () => {
  const keys = bank.fields.map((f) => f.key);
  const groups = bank.model.kind === "groups" ? bank.model.groups : [];
  const row = (values: Record<string, number | null>, fill: number | null): Cell[] => keys.map((k) => (k in values ? values[k] : fill));

  test("a group's score is the mean of its assessed indicators; a group with none assessed is a bad row", async () => {
    const firstOf = Object.fromEntries(groups.map((g) => [g.fields[0], 80]));
    const noneInLast = Object.fromEntries(groups[groups.length - 1].fields.map((f) => [f, null]));
    const want = await expectAgreement(bank, [
      row({}, 90),
      row(firstOf, null),
      row({ [groups[0].fields[0]]: 100, [groups[0].fields[1]]: 50 }, 70),
      row(noneInLast, 95),
      row({}, null),
      row({ [keys[0]]: 101 }, 90),
    ]);
    expect(want.map((w) => w[0])).toEqual(["AAA", "AA", "A", "#VALUE!", "", "#VALUE!"]);
  });
});
