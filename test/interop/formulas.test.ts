/**
 * Interop: every built-in template, compiled to portable formulas and to SQL, grades seeded random
 * and boundary rows exactly like the engine (`gradeTable`):
 *   (a) the engine,
 *   (b) the compatible formulas recalculated by LibreOffice headless (xlsx written without cached
 *       results, converted to CSV in one LibreOffice run for all templates),
 *   (c) the same formulas in HyperFormula (and the Excel 365 formulas with LET expanded),
 *   (d) the SQL query in DuckDB.
 * Grades must be equal and scores within 1e-9, on every row. Rows with no data give "" (SQL NULL);
 * bad rows give #VALUE! (SQL '#VALUE!', score NULL); rows the model cannot grade give #N/A.
 *
 * Needs LibreOffice (`soffice`), installed by `bash scripts/install-deps.sh`; without it the
 * LibreOffice part fails on purpose.
 */
import * as fs from "fs";
import * as path from "path";
import { checkTemplate, gradeTable, type GradeResult, type Template } from "../../src/engine";
import { columnLetters, compileFormulas, compileSql, fileFormula, isRefusal, type Formulas } from "../../src/engine/compile";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { tempDir, which } from "../cli/helpers";
import { CUSTOM_TEMPLATES } from "./custom";
import { NOT_COMPILED } from "../support/compile-refusals";
import { makeRows, type Cell } from "./data";
import { duckdb, expandLet, fromCsv, hyperformula, libreOfficeCsv, writeWorkbook, type Shown } from "./evaluate";
import { gradeCells } from "../../src/functions/core";
import { onPath, sqliteQuery, startPostgres, type Postgres } from "./sql-engines";

jest.setTimeout(120_000);

const SOFFICE = which("soffice") ?? which("libreoffice");
const FIRST = 2;

interface Case {
  t: Template;
  rows: Cell[][];
  result: GradeResult;
  scores: boolean;
  compat: Formulas[];
  excel: Formulas[];
  sql: string;
}

const timings: Record<string, number> = {};
function timed<T>(what: string, f: () => T): T {
  const t0 = Date.now();
  try {
    return f();
  } finally {
    timings[what] = (timings[what] ?? 0) + (Date.now() - t0) / 1000;
  }
}

/** Fixed seeds; GK_INTEROP_SEED=<n> explores others (the failure message shows the rows). */
const SEED = Number(process.env.GK_INTEROP_SEED ?? 1000);

function build(t: Template, k: number): Case {
  const rows = makeRows(t, { seed: SEED + k * 7919, random: 90 });
  const result = gradeTable(t, { rows, fields: t.fields.map((f) => f.key) });
  const columns = Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const last = FIRST + rows.length - 1;
  const compile = (target: "excel" | "excel-compat") =>
    rows.map((_, i) => {
      const r = compileFormulas(t, { target, columns, firstRow: FIRST, lastRow: last, row: FIRST + i });
      if (isRefusal(r)) throw new Error(`${t.id} ${target} refused: ${r.reason.en}`);
      return r;
    });
  const sql = compileSql(t, { table: t.id });
  if (isRefusal(sql)) throw new Error(`${t.id} sql refused: ${sql.reason.en}`);
  return { t, rows, result, scores: result.scores !== null, compat: compile("excel-compat"), excel: compile("excel"), sql };
}

const TEMPLATES: readonly Template[] = [...BUILTIN_TEMPLATES.filter((t) => !NOT_COMPILED.includes(t.id)), ...CUSTOM_TEMPLATES];
const CASES: Case[] = timed("compile", () => TEMPLATES.map((t, k) => build(t, k)));

/** What the formulas must show for row i: [grade, score]. */
function expected(c: Case, i: number): [Shown, Shown | undefined] {
  const r = c.result;
  const st = r.status(i);
  if (st === "empty") return ["", c.scores ? "" : undefined];
  if (st === "error") {
    const type = r.error(i)?.type ?? "#N/A";
    const score = type === "#VALUE!" ? "#VALUE!" : (r.score(i) ?? "");
    return [type, c.scores ? score : undefined];
  }
  return [r.grade(i)!, c.scores ? r.score(i)! : undefined];
}

const close = (a: Shown | undefined, b: Shown | undefined) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

/** Rows where shown values differ from the engine, described for the failure message. */
function mismatches(c: Case, shown: Shown[][], which: "compat" | "excel", target: string): string[] {
  const out: string[] = [];
  c.rows.forEach((row, i) => {
    const [g, s] = expected(c, i);
    const got = shown[i];
    // A grade id that looks like a number ("1".."8") comes back from CSV as a number.
    const same = String(got[0]) === String(g) && (!c.scores || close(got[1], s));
    if (same) count(`${target}`, g === "#VALUE!" || g === "#N/A" ? "error" : g === "" ? "empty" : "same");
    if (!same) {
      if (out.length < 5) {
        out.push(
          `row ${FIRST + i} ${JSON.stringify(row)}: engine ${JSON.stringify([g, s])} (${c.result.reason(i)}), formulas ${JSON.stringify(got)}\n  ${
            c[which][i].grade.slice(0, 400)
          }`,
        );
      } else out.push("...");
    }
  });
  return out;
}

function sheetOf(c: Case, which: "compat" | "excel", expand: boolean) {
  const header: Cell[] = c.t.fields.map((f) => f.key);
  const formulas = c[which].map((f) => [f.grade, ...(f.score !== undefined ? [f.score] : [])].map((x) => (expand ? expandLet(x) : x)));
  return { rows: [header, ...c.rows], formulas };
}

/** Rows that agreed, per target and outcome (same grade and score, both an error value, both no data). */
const counts: Record<string, Record<string, number>> = {};
function count(target: string, outcome: string): void {
  const c = (counts[target] ??= {});
  c[outcome] = (c[outcome] ?? 0) + 1;
}

afterAll(() => {
  console.log(`interop timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
  console.log(
    `interop rows agreeing with the engine, per target:\n${Object.entries(counts)
      .map(([t, c]) => `  ${t.padEnd(22)} ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ")}`)
      .join("\n")}`,
  );
});

test("every built-in (and custom test) template compiles for every target (none refused)", () => {
  expect(CASES.map((c) => c.t.id)).toEqual(TEMPLATES.map((t) => t.id));
  for (const t of CUSTOM_TEMPLATES) expect(checkTemplate(t).issues.filter((i) => i.severity === "error")).toEqual([]);
  for (const c of CASES) {
    // The data covers every outcome the engine gives for it.
    const st = new Set(c.rows.map((_, i) => c.result.status(i)));
    // A single unbounded number field (spend-5) has no bad numbers, and blank is "no data".
    const canErr = c.t.fields.length > 1 || c.t.fields.some((f) => f.type !== "number" || f.min !== undefined || f.max !== undefined);
    const want = canErr ? ["empty", "error", "graded"] : ["empty", "graded"];
    expect({ id: c.t.id, statuses: [...st].sort() }).toEqual({ id: c.t.id, statuses: want });
  }
});

test("compatible formulas need no _xlfn prefix; the 365 formulas get it for LET", () => {
  for (const c of CASES) {
    for (const f of c.compat) expect(fileFormula(f.grade)).toBe(f.grade);
  }
  const withLet = CASES.flatMap((c) => c.excel.map((f) => f.grade)).filter((g) => g.startsWith("LET("));
  expect(withLet.length).toBeGreaterThan(0);
  for (const g of withLet.slice(0, 3)) expect(fileFormula(g)).toMatch(/^_xlfn\.LET\(_xlpm\.gk_/);
});

describe("GK.GRADE / GK.SCORE (the custom functions' core)", () => {
  const builtins = CASES.filter((c) => BUILTIN_TEMPLATES.includes(c.t));
  test.each(builtins.map((c) => [c.t.id, c] as const))("%s: the custom functions agree with the engine", (_id, c) => {
    const cells = c.rows.map((r) => r.map((x) => (x === null ? "" : x)));
    const shownOf = (x: unknown) => (x && typeof x === "object" && "code" in x ? String((x as { code: string }).code) : (x as Shown));
    const grades = gradeCells("grade", c.t.id, cells, "en").map((r) => shownOf(r[0]));
    const scores = c.scores ? gradeCells("score", c.t.id, cells, "en").map((r) => shownOf(r[0])) : [];
    const bad: string[] = [];
    c.rows.forEach((row, i) => {
      const [g, s] = expected(c, i);
      const graded = c.result.status(i) === "graded";
      const same = String(grades[i]) === String(g) && (!c.scores || !graded || close(scores[i], s));
      if (same) count("gk-functions", g === "#VALUE!" || g === "#N/A" ? "error" : g === "" ? "empty" : "same");
      else bad.push(`row ${i} ${JSON.stringify(row)}: engine ${JSON.stringify([g, s])}, GK ${JSON.stringify([grades[i], scores[i]])}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe("HyperFormula", () => {
  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: compatible formulas agree with the engine", (_id, c) => {
    const shown = timed("hyperformula", () => hyperformula(sheetOf(c, "compat", false)));
    expect(mismatches(c, shown, "compat", "hyperformula-compat")).toEqual([]);
  });

  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: Excel 365 formulas (LET expanded) agree with the engine", (_id, c) => {
    const shown = timed("hyperformula", () => hyperformula(sheetOf(c, "excel", true)));
    expect(mismatches(c, shown, "excel", "hyperformula-365")).toEqual([]);
  });
});

describe("DuckDB", () => {
  let db: Awaited<ReturnType<typeof duckdb>>;
  beforeAll(async () => {
    db = await duckdb();
  });
  afterAll(() => db?.close());

  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: SQL agrees with the engine", async (_id, c) => {
    const t0 = Date.now();
    await db.load(c.t.id, c.t.fields, c.rows);
    const out = await db.query(c.sql);
    timings.duckdb = (timings.duckdb ?? 0) + (Date.now() - t0) / 1000;
    expect(sqlMismatches(c, out, "duckdb")).toEqual([]);
  });
});

/** Rows where a database's grade or score differs from the engine; counts the rows compared per target. */
function sqlMismatches(c: Case, out: Record<string, unknown>[], target: string): string[] {
  expect(out.length).toBe(c.rows.length);
  const byId = new Map(out.map((r) => [Number(r.row_id), r]));
  const bad: string[] = [];
  c.rows.forEach((row, i) => {
    const r = byId.get(i)!;
    const [g, s] = expected(c, i);
    const grade = r.grade === null ? "" : String(r.grade);
    const wantScore = s === "" || s === "#VALUE!" ? null : s;
    const score = r.score === null || r.score === undefined ? null : Number(r.score);
    const scoreOk = !c.scores || (wantScore === null ? score === null : close(score ?? NaN, wantScore));
    if (grade !== g || !scoreOk) bad.push(`row ${i} ${JSON.stringify(row)}: engine ${JSON.stringify([g, s])}, ${target} ${JSON.stringify([r.grade, r.score])}`);
    else count(target, grade === "#VALUE!" || grade === "#N/A" ? "error" : grade === "" ? "empty" : "same");
    // Every input column comes back unchanged.
    c.t.fields.forEach((f) => expect(f.key in r).toBe(true));
  });
  return bad.slice(0, 5);
}

describe("SQLite (Debian sqlite3 3.40: no GREATEST/LEAST)", () => {
  const SQLITE = onPath("sqlite3");
  test("sqlite3 is installed (apt-get install -y sqlite3)", () => {
    expect(SQLITE).toBeDefined();
  });
  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: the same SQL agrees with the engine", (_id, c) => {
    if (!SQLITE) throw new Error("sqlite3 is not installed");
    const out = timed("sqlite", () => sqliteQuery(c.t.id, c.t.fields, c.rows, c.sql));
    expect(sqlMismatches(c, out, "sqlite")).toEqual([]);
  });
});

describe("PostgreSQL (a throw-away cluster on 127.0.0.1)", () => {
  let pg: Postgres | undefined;
  beforeAll(() => {
    pg = timed("postgres", () => startPostgres());
  });
  afterAll(() => pg?.stop());
  test("PostgreSQL is installed (apt-get install -y postgresql)", () => {
    expect(pg).toBeDefined();
  });
  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: the same SQL agrees with the engine", (_id, c) => {
    if (!pg) throw new Error("PostgreSQL is not installed");
    const out = timed("postgres", () => pg!.query(c.t.id, c.t.fields, c.rows, c.sql));
    expect(sqlMismatches(c, out, "postgres")).toEqual([]);
  });
});

describe("LibreOffice", () => {
  let dir: string;
  let shown: Map<string, Shown[][]>;

  beforeAll(async () => {
    if (!SOFFICE) return;
    dir = tempDir("interop");
    const files: string[] = [];
    for (const c of CASES) {
      const file = path.join(dir, `${c.t.id}.xlsx`);
      await writeWorkbook(file, sheetOf(c, "compat", false), fileFormula);
      files.push(file);
    }
    const { records, seconds } = libreOfficeCsv(SOFFICE, files, dir);
    timings.libreoffice = seconds;
    shown = new Map();
    CASES.forEach((c, k) => {
      const recs = records.get(files[k])!;
      const width = c.t.fields.length;
      shown.set(
        c.t.id,
        c.rows.map((_, i) => (recs[i + 1] ?? []).slice(width, width + (c.scores ? 2 : 1)).map(fromCsv)),
      );
    });
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("LibreOffice is installed (run `bash scripts/install-deps.sh` if this fails)", () => {
    if (!SOFFICE) {
      throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh` (it installs libreoffice-calc), then re-run the tests");
    }
  });

  test.each(CASES.map((c) => [c.t.id, c] as const))("%s: compatible formulas recalculated by LibreOffice agree with the engine", (_id, c) => {
    if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh`");
    expect(mismatches(c, shown.get(c.t.id)!, "compat", "libreoffice-compat")).toEqual([]);
  });
});
