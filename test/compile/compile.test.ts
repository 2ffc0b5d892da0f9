/**
 * The template compilers (src/engine/compile): formula and SQL text, escaping, refusals, limits.
 * Evaluation against the engine on many rows is test/interop; here LibreOffice and DuckDB run a
 * few hostile cases (quotes, `=`, `"),HYPERLINK(`, SQL quotes) and HyperFormula a few edge cases.
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { gradeTable, normalizeWord, type Template } from "../../src/engine";
import {
  columnLetters,
  columnNumber,
  compileFormulaRows,
  compileFormulas,
  compileSql,
  EXCEL_LIMITS,
  fileFormula,
  isRefusal,
  nestingDepth,
  type FormulaOptions,
  type Formulas,
  type Refusal,
} from "../../src/engine/compile";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";
import { NOT_COMPILED } from "../support/compile-refusals";
import { tempDir, which } from "../cli/helpers";
import { duckdb, libreOfficeCsv, writeWorkbook } from "../interop/evaluate";
import { hostile, longWords, manyRules, NASTY, t } from "./fixtures";

const SOFFICE = which("soffice") ?? which("libreoffice");

const cols = (tpl: Template) => Object.fromEntries(tpl.fields.map((f, i) => [f.key, columnLetters(i + 1)]));
const opts = (tpl: Template, extra: Partial<FormulaOptions> = {}): FormulaOptions => ({
  target: "excel-compat",
  columns: cols(tpl),
  firstRow: 2,
  lastRow: 11,
  row: 2,
  ...extra,
});

function ok(r: Formulas | Refusal): Formulas {
  if (isRefusal(r)) throw new Error(`refused: ${r.reason.en}`);
  return r;
}

function okSql(r: string | Refusal): string {
  if (isRefusal(r)) throw new Error(`refused: ${r.reason.en}`);
  return r;
}

/** A formula split into code (outside string literals) and its string literals. */
function split(formula: string): { code: string; strings: string[] } {
  const strings: string[] = [];
  let code = "";
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] !== '"') {
      code += formula[i];
      continue;
    }
    let s = "";
    for (i++; i < formula.length; i++) {
      if (formula[i] === '"') {
        if (formula[i + 1] === '"') {
          s += '"';
          i++;
        } else break;
      } else s += formula[i];
    }
    if (i >= formula.length) throw new Error(`unterminated string in ${formula}`);
    strings.push(s);
    code += '""';
  }
  return { code, strings };
}

const functionsOf = (formula: string) => new Set([...split(formula).code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]));

describe("formulas", () => {
  test("addresses the row's cells and absolute population ranges", () => {
    const sp = getBuiltinTemplate("sales-pipeline")!;
    const f = ok(compileFormulas(sp, opts(sp, { columns: { closeMonths: "C", monthlyAmount: "AA" }, row: 7, firstRow: 3, lastRow: 40 })));
    expect(f.grade).toMatch(/\bC7\b/);
    expect(f.grade).toMatch(/\bAA7\b/);
    expect(f.grade).not.toMatch(/\b[AB]7\b/);
    expect(f.score).toBeUndefined();
    const pharma = getBuiltinTemplate("pharma-score")!;
    const p = ok(compileFormulas(pharma, opts(pharma, { row: 5, firstRow: 3, lastRow: 40 })));
    expect(p.grade).toContain("$A$3:$A$40");
    expect(p.score).toContain("$A$3:$A$40");
    expect(p.score).toMatch(/\bA5\b/);
  });

  test("compatible formulas use only Excel 2007 functions; the 365 target adds LET only", () => {
    const compat = new Set(["IF", "AND", "OR", "NOT", "ISNUMBER", "TRIM", "ROUND", "FLOOR", "MIN", "MAX", "ABS", "CHOOSE", "MATCH", "MMULT", "SUMPRODUCT", "EXACT", "NA", "TRUE", "FALSE", "SUBSTITUTE", "ISTEXT", "SUM", "COUNT"]);
    for (const tpl of BUILTIN_TEMPLATES.filter((x) => !NOT_COMPILED.includes(x.id))) {
      for (const target of ["excel-compat", "excel"] as const) {
        const f = ok(compileFormulas(tpl, opts(tpl, { target, lastRow: 500 })));
        for (const formula of [f.grade, f.score ?? ""]) {
          for (const fn of functionsOf(formula)) expect(target === "excel" && fn === "LET" ? true : compat.has(fn) ? true : `${tpl.id}: ${fn}`).toBe(true);
          expect(formula.length).toBeLessThan(EXCEL_LIMITS.chars);
          expect(nestingDepth(formula)).toBeLessThanOrEqual(EXCEL_LIMITS.nesting);
        }
      }
    }
  });

  test("no built-in template is refused; a refused one is named with the reason", () => {
    expect(NOT_COMPILED).toEqual([]);
  });

  test("bank-credit-5 with group weights not adding up to 100 is refused for every target, naming the sum", () => {
    const tpl = getBuiltinTemplate("bank-credit-5")!;
    const params = { wOperations: 50 };
    for (const r of [compileFormulas(tpl, opts(tpl, { params })), compileFormulas(tpl, opts(tpl, { target: "excel", params })), compileSql(tpl, { params })]) {
      if (!isRefusal(r)) throw new Error("compiled");
      expect(r.code).toBe("badOptions");
      expect(r.reason.en).toMatch(/add up to 120, not 100/);
      expect(r.reason.zh).toContain("120");
    }
  });

  test("the 365 target names values used more than once with LET and is shorter", () => {
    const wv = getBuiltinTemplate("weighted-value")!;
    const compat = ok(compileFormulas(wv, opts(wv)));
    const x365 = ok(compileFormulas(wv, opts(wv, { target: "excel" })));
    expect(x365.grade).toMatch(/^LET\(gk_valid_rows,/);
    expect(x365.grade).toContain("gk_max1");
    expect(x365.grade.length).toBeLessThan(compat.grade.length);
    // A template with nothing to share gets no LET.
    const spend = getBuiltinTemplate("spend-5")!;
    expect(ok(compileFormulas(spend, opts(spend, { target: "excel" }))).grade).toBe(ok(compileFormulas(spend, opts(spend))).grade);
  });

  test("display form vs xlsx file form (_xlfn./_xlpm. prefixes), strings untouched", () => {
    const wv = getBuiltinTemplate("weighted-value")!;
    const display = ok(compileFormulas(wv, opts(wv, { target: "excel" }))).grade;
    const file = ok(compileFormulas(wv, opts(wv, { target: "excel", form: "file" }))).grade;
    expect(file).toBe(fileFormula(display));
    expect(file.startsWith("_xlfn.LET(_xlpm.gk_valid_rows,")).toBe(true);
    expect(file).not.toMatch(/[^.]gk_/);
    expect(fileFormula('IF(A1="LET(gk_x,1)",IFS(A1>1,"x"),PERCENTRANK.INC(B:B,1))')).toBe('IF(A1="LET(gk_x,1)",_xlfn.IFS(A1>1,"x"),_xlfn.PERCENTRANK.INC(B:B,1))');
    const compat = ok(compileFormulas(wv, opts(wv))).grade;
    expect(fileFormula(compat)).toBe(compat);
  });

  test("hostile labels and grade ids stay inside string literals (quotes doubled)", () => {
    const f = ok(compileFormulas(hostile, opts(hostile))).grade;
    const { code, strings } = split(f);
    expect(code).not.toMatch(/HYPERLINK/);
    expect(code).not.toMatch(/evil/);
    // Category words are compared as the engine's normalised keys (lower case, no spaces, - or _).
    expect(strings).toEqual(expect.arrayContaining([...[NASTY.quote, NASTY.formula, NASTY.hyperlink].map(normalizeWord), 'A"),HYPERLINK("x', "=2+2"]));
    expect(f).toContain('"hesaid""hi"""');
    expect(f).toContain('"A""),HYPERLINK(""x"');
  });

  test("small numbers and negative thresholds print as Excel, LibreOffice and HyperFormula read them", () => {
    const tpl: Template = {
      ...hostile,
      id: "numbers",
      fields: [{ key: "x", label: t("X"), type: "number", min: -5 }],
      grades: ["A", "B", "C"].map((id) => ({ id, label: t(id), color: "#FFFFFF" })),
      model: { kind: "bands", field: "x", bands: [{ grade: "A", op: ">=", value: 1e-7 }, { grade: "B", op: ">", value: -2.5 }], otherwise: "C" },
    };
    const f = ok(compileFormulas(tpl, opts(tpl))).grade;
    expect(f).toContain(">=1e-7");
    expect(f).toContain(">-2.5");
  });

  test("a row with text in a number cell shows #VALUE!; text in a relative-to-max column makes those scores #VALUE! (never a wrong grade)", () => {
    const spend = getBuiltinTemplate("spend-5")!;
    const wv = getBuiltinTemplate("weighted-value")!;
    const run = (tpl: Template, rows: unknown[][]) => {
      const fs2 = rows.map((_, i) => ok(compileFormulas(tpl, opts(tpl, { row: 2 + i, lastRow: 1 + rows.length }))));
      const data = [tpl.fields.map((f) => f.key), ...rows.map((r, i) => [...r.map((c) => (typeof c === "string" ? `'${c}` : c)), `=${fs2[i].grade}`])];
      const hf = HyperFormula.buildFromArray(data as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
      const out = rows.map((_, i) => hf.getCellValue({ sheet: 0, row: 1 + i, col: tpl.fields.length }));
      hf.destroy();
      return out.map((v) => (v && typeof v === "object" ? (v as { value: string }).value : v));
    };
    expect(run(spend, [[600000], ["10万"], [""]])).toEqual(["VIP", "#VALUE!", ""]);
    const engine = gradeTable(spend, { columns: { annualSpend: [600000, "abc"] } });
    expect(engine.status(1)).toBe("error");
    expect(run(wv, [[50, 100, 10], [60, "n/a", 20], [70, 300, 30]])).toEqual(["#VALUE!", "#VALUE!", "#VALUE!"]);
  });

  test("formulas for a range of rows, the template lowered once", () => {
    const sp = getBuiltinTemplate("sales-pipeline")!;
    const rows = compileFormulaRows(sp, { target: "excel-compat", columns: cols(sp), firstRow: 5, lastRow: 8 });
    if (isRefusal(rows)) throw new Error(rows.reason.en);
    expect(rows).toHaveLength(4);
    rows.forEach((f, i) => expect(f.grade).toContain(`A${5 + i}`));
  });

  test("column letters", () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
    expect(["A", "XFD", "XFE", "a", "A1", ""].map(columnNumber)).toEqual([1, 16384, 0, 0, 0, 0]);
  });
});

describe("refusals are values with a reason, never a wrong formula", () => {
  const reason = (r: unknown): Refusal => {
    expect(isRefusal(r)).toBe(true);
    const x = r as Refusal;
    expect(x.reason.en.length).toBeGreaterThan(10);
    expect(x.reason.zh.length).toBeGreaterThan(4);
    return x;
  };

  test("a template with checker errors", () => {
    const bad = { ...hostile, model: { kind: "rules", rules: [{ grade: "nope", when: { field: "kind", is: "q" } }] } } as Template;
    const r = reason(compileFormulas(bad, opts(bad)));
    expect(r.code).toBe("invalidTemplate");
    expect(r.reason.en).toMatch(/unknown grade 'nope'/);
    expect(reason(compileSql(bad)).code).toBe("invalidTemplate");
  });

  test("options: target, columns, rows, parameters", () => {
    const sp = getBuiltinTemplate("sales-pipeline")!;
    expect(reason(compileFormulas(sp, opts(sp, { target: "lotus" as never }))).code).toBe("badOptions");
    expect(reason(compileFormulas(sp, opts(sp, { columns: { closeMonths: "A" } }))).reason.en).toMatch(/monthlyAmount/);
    expect(reason(compileFormulas(sp, opts(sp, { columns: { closeMonths: "A", monthlyAmount: "B1" } }))).reason.en).toMatch(/B1/);
    expect(reason(compileFormulas(sp, opts(sp, { row: 12 }))).reason.en).toMatch(/outside/);
    expect(reason(compileFormulas(sp, opts(sp, { firstRow: 5, lastRow: 4 }))).code).toBe("badOptions");
    const lc = getBuiltinTemplate("lifecycle-5")!;
    expect(reason(compileFormulas(lc, opts(lc, { params: { nope: 1 } }))).reason.en).toMatch(/no parameter 'nope'/);
    expect(reason(compileSql(lc, { params: { dormantDays: 0 } })).reason.en).toMatch(/dormantDays/);
    expect(ok(compileFormulas(lc, opts(lc, { params: { dormantDays: 365 } }))).grade).toContain(">365");
    expect(reason(compileSql(sp, { quote: "single" as never })).code).toBe("badOptions");
  });

  test("formulas longer than Excel's 8192 characters", () => {
    const r = reason(compileFormulas(longWords(), opts(longWords())));
    expect(r.code).toBe("tooLong");
    expect(r.reason.en).toMatch(/8192/);
    // SQL has no such limit.
    expect(okSql(compileSql(longWords()))).toContain("categorynumber59");
  });

  test("functions nested deeper than Excel's 64 levels", () => {
    expect(ok(compileFormulas(manyRules(50), opts(manyRules(50)))).grade).toContain('"G49"');
    const r = reason(compileFormulas(manyRules(80), opts(manyRules(80))));
    expect(r.code).toBe("tooDeep");
    expect(okSql(compileSql(manyRules(80)))).toContain("'G79'");
  });

  test("text with control characters in a formula", () => {
    const tabbed = { ...hostile, grades: hostile.grades.map((g, k) => (k === 3 ? { ...g, id: "D\tE" } : g)), model: { ...hostile.model, otherwise: "D\tE" } } as Template;
    expect(reason(compileFormulas(tabbed, opts(tabbed))).code).toBe("notExpressible");
    expect(okSql(compileSql(tabbed))).toContain("'D\tE'");
  });

  test("post adjustments on a code template; a flag depending on a category part with an exception", () => {
    const code = getBuiltinTemplate("tobacco-retail-code")!;
    const withPost = { ...code, post: [{ floor: "Z111", when: { field: "chain", is: "yes" } }] } as Template;
    expect(reason(compileFormulas(withPost, opts(withPost))).reason.en).toMatch(/post adjustments/);
    const m = code.model as Extract<Template["model"], { kind: "code" }>;
    const parts = m.parts.map((p, k) => (k === 0 && p.kind === "category" ? { ...p, except: { when: { field: "isNew", is: "yes" }, code: "N", label: t("new") } } : p));
    const withExcept = { ...code, model: { ...m, parts } } as Template;
    expect(reason(compileSql(withExcept)).reason.en).toMatch(/flag 'L'/);
  });

  test("SQL: a field named like an output column", () => {
    const tpl = { ...getBuiltinTemplate("spend-5")!, fields: [{ key: "score", label: t("Score"), type: "number" as const }], model: { kind: "bands" as const, field: "score", bands: [{ grade: "VIP", op: ">" as const, value: 5 }], otherwise: "Regular" } };
    expect(reason(compileSql(tpl)).reason.en).toMatch(/score/);
  });
});

describe("SQL", () => {
  test("quoting: identifiers, table names, string literals (CHR for ' and \\)", () => {
    const sql = okSql(compileSql(hostile, { table: 'sales."2025"' }));
    expect(sql).toContain('FROM "sales"."""2025""" AS "t"');
    // The word as the engine's normalised key (no spaces, - or _): `o'brien\');droptablex;`.
    expect(sql).toContain("('o' || CHR(39) || 'brien' || CHR(92) || CHR(39) || ');droptablex;')");
    expect(sql).not.toMatch(/O''Brien|\\'/i);
    const bt = okSql(compileSql(hostile, { quote: "backtick", table: "db.t`x" }));
    expect(bt).toContain("FROM `db`.`t``x` AS `t`");
    expect(bt).toContain("`t`.`kind`");
    expect(okSql(compileSql(hostile))).toContain('FROM "input" AS "t"');
  });

  test("hostile words grade correctly in DuckDB", async () => {
    const db = await duckdb();
    try {
      const rows = [[NASTY.quote], [NASTY.formula.toUpperCase()], [`  ${NASTY.hyperlink} `], [NASTY.sql], ["zzz"], [null], ["q"]];
      await db.load("hostile", hostile.fields, rows);
      const out = await db.query(okSql(compileSql(hostile, { table: "hostile" })) + ' ORDER BY "row_id"');
      const engine = gradeTable(hostile, { rows, fields: ["kind"] });
      expect(out.map((r) => r.grade)).toEqual(rows.map((_, i) => engine.grade(i) ?? (engine.status(i) === "empty" ? null : "#VALUE!")));
      expect(out.map((r) => r.grade)).toEqual(['A"),HYPERLINK("x', "=2+2", "C'--", "D", "#VALUE!", null, 'A"),HYPERLINK("x']);
    } finally {
      db.close();
    }
  });
});

describe("LibreOffice evaluates the hostile formulas", () => {
  test("each word gets its grade, nothing escapes (run `bash scripts/install-deps.sh` if LibreOffice is missing)", async () => {
    if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh`");
    const dir = tempDir("compile-lo");
    try {
      const rows = [[NASTY.quote], [NASTY.formula], [` ${NASTY.hyperlink}`], [NASTY.sql], ["zzz"], [null], ["链接"]];
      const formulas = rows.map((_, i) => [ok(compileFormulas(hostile, opts(hostile, { row: 2 + i, lastRow: 1 + rows.length }))).grade]);
      const file = path.join(dir, "hostile.xlsx");
      await writeWorkbook(file, { rows: [["kind"], ...rows], formulas }, fileFormula);
      const { records } = libreOfficeCsv(SOFFICE, [file], dir);
      const shown = records.get(file)!.slice(1, 1 + rows.length).map((r) => r[1]);
      expect(shown).toEqual(['A"),HYPERLINK("x', "=2+2", "C'--", "D", "#VALUE!", "", "C'--"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
