/**
 * `gradekit compile`: output format of the three targets, --rows, --map, --table, --quote,
 * refusals and usage errors (exit 2 with the reason).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { columnLetters, compileFormulas, compileSql, isRefusal, type Formulas } from "../../src/engine/compile";
import { getBuiltinTemplate } from "../../src/templates";
import type { ErrorClass } from "../../src/engine";
import { cli, ROOT, tempDir } from "../cli/helpers";
import { hostile, longWords } from "./fixtures";
import { EXIT_CODE_OF } from "../../src/cli/exit";

async function gk(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const formulas = (id: string, row: number, first: number, last: number, columns?: Record<string, string>, target: "excel" | "excel-compat" = "excel-compat") => {
  const t = getBuiltinTemplate(id)!;
  const c = columns ?? Object.fromEntries(t.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
  const r = compileFormulas(t, { target, columns: c, firstRow: first, lastRow: last, row });
  if (isRefusal(r)) throw new Error(r.reason.en);
  return r as Formulas;
};

let dir: string;
beforeAll(() => {
  dir = tempDir("compile-cli");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("excel targets", () => {
  test("default: row 2, fields from column A, one line with the grade formula", async () => {
    const r = await gk("compile", "--template", "sales-pipeline", "--target", "excel-compat");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toBe(`=${formulas("sales-pipeline", 2, 2, 2).grade}\n`);
  });

  test("--rows FIRST:LAST prints one line per row; scoring templates print grade<TAB>score", async () => {
    const r = await gk("compile", "-t", "weighted-value", "--target", "excel-compat", "--rows", "3:6");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      const f = formulas("weighted-value", 3 + i, 3, 6);
      expect(line).toBe(`=${f.grade}\t=${f.score}`);
      expect(line).toContain("$B$3:$B$6");
      expect(line.split("\t")).toHaveLength(2);
    });
  });

  test("--rows with one number; --map moves fields, the others fill A, B, ... skipping mapped letters", async () => {
    const r = await gk("compile", "-t", "need-close-5", "--target", "excel", "--rows", "9", "--map", "need=A");
    expect(r.out).toBe(`=${formulas("need-close-5", 9, 9, 9, { need: "A", closeMonths: "B" }, "excel").grade}\n`);
    const m = await gk("compile", "-t", "need-close-5", "--target", "excel-compat", "--map", "closeMonths=a");
    expect(m.out).toBe(`=${formulas("need-close-5", 2, 2, 2, { closeMonths: "A", need: "B" }).grade}\n`);
    const both = await gk("compile", "-t", "sales-pipeline", "--target", "excel-compat", "--map", "closeMonths=D,monthlyAmount=AB", "--rows", "2:3");
    expect(both.out).toContain("D3");
    expect(both.out).toContain("AB3");
    expect(both.out.split("\n")[0]).toBe(`=${formulas("sales-pipeline", 2, 2, 3, { closeMonths: "D", monthlyAmount: "AB" }).grade}`);
  });

  test("the 365 target: LET", async () => {
    const r = await gk("compile", "-t", "tobacco-retail-score", "--target", "excel", "--rows", "2:101");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(100);
    expect(lines[0]).toMatch(/^=LET\(gk_valid_rows,/);
  });

  test("a template file, and --param", async () => {
    const file = path.join(dir, "hostile.json");
    fs.writeFileSync(file, JSON.stringify(hostile));
    const r = await gk("compile", "-t", file, "--target", "excel-compat");
    expect(r.code).toBe(0);
    expect(r.out).toContain('"hesaid""hi"""'); // category words as the engine's normalised keys
    const p = await gk("compile", "-t", "lifecycle-5", "--target", "excel-compat", "--param", "dormantDays=365");
    expect(p.out).toContain(">365");
  });
});

describe("sql target", () => {
  test("one query over `input` by default; --table and --quote", async () => {
    const r = await gk("compile", "-t", "bocom-tier", "--target", "sql");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${compileSql(getBuiltinTemplate("bocom-tier")!)}\n`);
    expect(r.out).toMatch(/^SELECT "t"\.\*,/);
    expect(r.out).toContain('FROM "input" AS "t"');
    expect(r.out).toContain('AS "grade"');
    expect(r.out).not.toContain('AS "score"');
    const t = await gk("compile", "-t", "pharma-score", "--target", "sql", "--table", "crm.customers");
    expect(t.out).toContain('FROM "crm"."customers" AS "t"');
    expect(t.out).toContain('AS "score"');
    const b = await gk("compile", "-t", "pharma-score", "--target", "sql", "--table", "customers", "--quote", "backtick");
    expect(b.out).toContain("FROM `customers` AS `t`");
  });
});

describe("refusals (unsupported) and usage errors exit with their class's code and the reason", () => {
  test("a template the target cannot express", async () => {
    const file = path.join(dir, "long.json");
    fs.writeFileSync(file, JSON.stringify(longWords()));
    const r = await gk("compile", "-t", file, "--target", "excel-compat");
    expect(r.code).toBe(EXIT_CODE_OF.unsupported);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/cannot compile 'long-words' for excel-compat: the grade formula would have \d+ characters; Excel allows 8192/);
    const zh = await gk("compile", "-t", file, "--target", "excel-compat", "--lang", "zh-CN");
    expect(zh.err).toMatch(/无法将“long-words”编译为 excel-compat：等级公式将有 \d+ 个字符/);
    // The same template compiles to SQL.
    expect((await gk("compile", "-t", file, "--target", "sql")).code).toBe(0);
  });

  test.each([
    [["compile", "--target", "sql"], /--template is required/],
    [["compile", "-t", "spend-5"], /--target is required/],
    [["compile", "-t", "spend-5", "--target", "lotus"], /--target must be excel, excel-compat or sql, not 'lotus'/],
    [["compile", "-t", "nope", "--target", "sql"], /unknown template 'nope'/, "notFound"],
    [["compile", "-t", "spend-5", "--target", "excel", "--rows", "5:2"], /--rows '5:2'/],
    [["compile", "-t", "spend-5", "--target", "excel", "--rows", "0:2"], /--rows '0:2'/],
    [["compile", "-t", "spend-5", "--target", "excel", "--map", "spend=B"], /'spend' is not a field of 'spend-5'/],
    [["compile", "-t", "spend-5", "--target", "excel", "--map", "annualSpend=B2"], /'B2' is not a column letter/],
    [["compile", "-t", "sales-pipeline", "--target", "excel", "--map", "closeMonths=B,monthlyAmount=B"], /both in column B/],
    [["compile", "-t", "spend-5", "--target", "excel", "--table", "x"], /--table applies to --target sql only/],
    [["compile", "-t", "spend-5", "--target", "sql", "--rows", "2:3"], /--rows applies to the Excel targets only/],
    [["compile", "-t", "spend-5", "--target", "sql", "--quote", "single"], /--quote must be double or backtick/],
    [["compile", "-t", "lifecycle-5", "--target", "sql", "--param", "dormantDays=0"], /dormantDays=0: must be between 1 and/],
  ])("%j", async (argv, pattern, errorClass = "usage") => {
    const r = await gk(...(argv as string[]));
    expect(r.code).toBe(EXIT_CODE_OF[errorClass as ErrorClass]);
    expect(r.out).toBe("");
    expect(r.err).toMatch(pattern);
  });

  test("help compile documents the output format (en, zh)", async () => {
    const en = await gk("help", "compile");
    expect(en.out).toMatch(/one line per row FIRST\.\.LAST: the grade formula, then, for templates that score, a\ntab and the score formula/);
    expect(en.out).toMatch(/#VALUE! for a bad row/);
    const zh = await gk("help", "compile", "--lang", "zh-CN");
    expect(zh.out).toMatch(/每行一行/);
    expect((await gk("help")).out).toContain("gradekit compile --template");
  });
});

test("the installed command (bin/gradekit.js) prints the same", () => {
  // Build lib/ when it predates this command (the npm test script builds it first).
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "commands", "compile.js"))) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  }
  const r = cli(["compile", "-t", "spend-5", "--target", "excel-compat", "--rows", "2:3", "--map", "annualSpend=C"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`=${formulas("spend-5", 2, 2, 3, { annualSpend: "C" }).grade}\n=${formulas("spend-5", 3, 2, 3, { annualSpend: "C" }).grade}\n`);
  const bad = cli(["compile", "-t", "spend-5", "--target", "sql", "--map", "annualSpend=C"]);
  expect(bad.code).toBe(EXIT_CODE_OF.usage);
  expect(bad.stderr).toMatch(/--map applies to the Excel targets only/);
}, 120_000);
