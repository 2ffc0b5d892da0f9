/**
 * Compiling dates and text patterns: a pattern on a category field compiles (to the categories it
 * matches) and grades as the engine does in HyperFormula and DuckDB; patterns on free text, date
 * fields and `since` are refused by name.
 */
import { compileFormulas, compileSql, gradeTable, isRefusal, type Formulas, type Refusal, type Template } from "../../src/engine";
import { duckdb, hyperformula } from "../interop/evaluate";

const base = {
  version: 1,
  description: { en: "test", zh: "测试" },
  category: "pipeline",
  grades: [
    { id: "A", label: { en: "A", zh: "A" }, color: "#1E8E3E" },
    { id: "B", label: { en: "B", zh: "B" }, color: "#F9AB00" },
    { id: "C", label: { en: "C", zh: "C" }, color: "#9AA0A6" },
  ],
};

const channel: Template = {
  ...base,
  id: "channel-pattern",
  name: { en: "Channel", zh: "渠道" },
  fields: [
    {
      key: "channel",
      label: { en: "Channel", zh: "渠道" },
      type: "category",
      categories: [
        { value: "webinar", label: { en: "Marketing webinar", zh: "市场研讨会" } },
        { value: "trade", label: { en: "Trade show", zh: "展会" } },
        { value: "referral", label: { en: "Partner referral", zh: "伙伴推荐" }, aliases: ["referral"] },
        { value: "cold", label: { en: "Cold call", zh: "陌生电话" } },
      ],
    },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { field: "channel", contains: ["marketing", "推荐"] } },
      { grade: "B", when: { field: "channel", startsWith: ["trade"] } },
    ],
    otherwise: "C",
  },
} as Template;

const rows = [["Marketing webinar"], ["市场研讨会"], ["webinar"], ["Trade show"], ["伙伴推荐"], ["cold"], ["junk"], [null]];
const opts = (row: number) => ({ target: "excel-compat" as const, columns: { channel: "A" }, firstRow: 2, lastRow: 1 + rows.length, row });
const ok = (r: Formulas | Refusal): Formulas => {
  if (isRefusal(r)) throw new Error(r.reason.en);
  return r;
};

describe("a text pattern on a category field", () => {
  const engine = gradeTable(channel, { rows, fields: ["channel"] });
  const expected = rows.map((_, i) => engine.grade(i) ?? (engine.status(i) === "empty" ? "" : "#VALUE!"));

  test("the engine's grades", () => {
    expect(expected).toEqual(["A", "A", "A", "B", "A", "C", "#VALUE!", ""]);
  });

  test("formulas give the engine's grades (HyperFormula)", () => {
    const formulas = rows.map((_, i) => [ok(compileFormulas(channel, opts(2 + i))).grade]);
    const shown = hyperformula({ rows: [["channel"], ...rows], formulas }).map((r) => r[0]);
    expect(shown).toEqual(expected);
  });

  test("SQL gives the engine's grades (DuckDB)", async () => {
    const sql = compileSql(channel, { table: "leads" });
    if (isRefusal(sql)) throw new Error(sql.reason.en);
    const db = await duckdb();
    try {
      await db.load("leads", channel.fields, rows);
      const out = await db.query(sql + ' ORDER BY "row_id"');
      expect(out.map((r) => r.grade ?? "")).toEqual(expected);
    } finally {
      db.close();
    }
  });
});

const titleTpl: Template = {
  ...base,
  id: "title-pattern",
  name: { en: "Title", zh: "职位" },
  fields: [{ key: "title", label: { en: "Title", zh: "职位" }, type: "text" }],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { field: "title", startsWith: ["VP", "CMO"] } },
      { grade: "B", when: { any: [{ field: "title", contains: ["marketing", "市场", "a*b?"] }, { field: "title", endsWith: ["总监"] }, { field: "title", equalsAny: ["ceo"] }] } },
    ],
    otherwise: "C",
  },
} as Template;

describe("a text pattern on a free-text field", () => {
  const titles = [["vp sales"], ["  Senior  Marketing manager "], ["市场专员"], ["销售总监"], ["CEO"], ["CEO office"], ["xa*b?y"], ["axxb"], ["engineer"], [null], ["ＭＡＲＫＥＴＩＮＧ"], ["a\tb marketing"]] as (string | null)[][];
  const engine = gradeTable(titleTpl, { rows: titles, fields: ["title"] });
  const byEngine = titles.map((_, i) => engine.grade(i) ?? (engine.status(i) === "empty" ? "" : "#VALUE!"));

  test("formulas give the engine's grades; cells only the engine folds are #VALUE! there (HyperFormula)", () => {
    expect(byEngine).toEqual(["A", "B", "B", "B", "B", "C", "B", "C", "C", "", "B", "B"]);
    const o = (row: number) => ({ target: "excel-compat" as const, columns: { title: "A" }, firstRow: 2, lastRow: 1 + titles.length, row });
    const formulas = titles.map((_, i) => [ok(compileFormulas(titleTpl, o(2 + i))).grade]);
    expect(formulas[0][0]).not.toMatch(/SEARCH/);
    const shown = hyperformula({ rows: [["title"], ...titles], formulas }).map((r) => r[0]);
    expect(shown.slice(0, 10)).toEqual(byEngine.slice(0, 10));
    expect(shown.slice(10)).toEqual(["#VALUE!", "#VALUE!"]); // full-width letters, a tab: an error, never another grade
  });

  test("SQL is refused by name", () => {
    const r = compileSql(titleTpl);
    expect(isRefusal(r) && r.code).toBe("notExpressible");
    expect(isRefusal(r) && r.reason.en).toMatch(/^the text pattern on the free-text field 'title' is not compiled to SQL/);
  });
});

describe("refused by name", () => {
  const title: Template = {
    ...base,
    id: "title-pattern",
    name: { en: "Title", zh: "职位" },
    fields: [{ key: "title", label: { en: "Title", zh: "职位" }, type: "text" }],
    model: { kind: "rules", rules: [{ grade: "A", when: { field: "title", contains: ["marketing"] } }], otherwise: "C" },
  } as Template;
  const tenure: Template = {
    ...base,
    id: "tenure",
    name: { en: "Tenure", zh: "年限" },
    fields: [{ key: "opened", label: { en: "Opened", zh: "开户日期" }, type: "date" }],
    model: { kind: "rules", rules: [{ grade: "A", when: { expr: { since: "opened", unit: "years" }, op: ">=", value: 3 } }], otherwise: "C" },
  } as Template;

  test.each([
    ["formulas", (tpl: Template) => compileFormulas(tpl, { target: "excel-compat", columns: { title: "A", opened: "A" }, firstRow: 2, lastRow: 3, row: 2 })],
    ["SQL", (tpl: Template) => compileSql(tpl)],
  ])("%s: a date field", (_, compile) => {
    expect(title.id).toBe("title-pattern");
    const b = compile(tenure);
    expect(isRefusal(b) && b.code).toBe("notExpressible");
    expect(isRefusal(b) && b.reason.en).toMatch(/^the date field 'opened' \(years since it\) is not compiled/);
  });
});
