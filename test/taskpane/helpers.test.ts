/** Pure task pane helpers: language/theme detection, template search, mapping checks, column letters. */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { getBuiltinTemplate, BUILTIN_TEMPLATES } from "../../src/templates";
import { detectLang, detectTheme, luminance } from "../../src/taskpane/environment";
import { sourceTitle } from "../../src/taskpane/source-title";
import {
  columnLetters,
  evaluate,
  firstNumericColumn,
  groupByCategory,
  isRequired,
  missingFields,
  parseColumnLetters,
  sampleValues,
  searchTemplates,
} from "../../src/taskpane/grading";

test("language: Office display language first, then the fallback, then English", () => {
  expect(detectLang({ context: { displayLanguage: "zh-CN" } })).toBe("zh-CN");
  expect(detectLang({ context: { displayLanguage: "zh-TW" } })).toBe("zh-CN");
  expect(detectLang({ context: { displayLanguage: "en-US" } }, "zh-CN")).toBe("en");
  expect(detectLang({ context: { displayLanguage: "fr-FR" } })).toBe("en");
  expect(detectLang({ context: {} }, "zh-Hans")).toBe("zh-CN");
  expect(detectLang(undefined)).toBe("en");
  const throwing = {
    get context(): never {
      throw new Error("not ready");
    },
  };
  expect(detectLang(throwing, "zh")).toBe("zh-CN");
});

test("theme: Office theme background decides; else the browser preference; else light", () => {
  expect(detectTheme({ context: { officeTheme: { bodyBackgroundColor: "#262626" } } })).toBe("dark");
  expect(detectTheme({ context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } }, true)).toBe("light");
  expect(detectTheme({ context: { officeTheme: { bodyBackgroundColor: "#333" } } })).toBe("dark");
  expect(detectTheme({ context: {} }, true)).toBe("dark");
  expect(detectTheme(undefined)).toBe("light");
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#FFFFFF")).toBeCloseTo(1);
  expect(luminance("red-ish")).toBeNull();
});

describe("template search", () => {
  const ids = (q: string) => searchTemplates(BUILTIN_TEMPLATES, q).map((t) => t.id);
  test("by English and Chinese names, ids, descriptions and column names", () => {
    expect(ids("annual spend")).toContain("spend-5");
    expect(ids("年消费额")).toContain("spend-5");
    expect(ids("BOCOM")).toEqual(["bocom-tier"]);
    expect(ids("交通银行")).toEqual(["bocom-tier"]);
    expect(ids("risk-3")).toEqual(["risk-3"]);
    expect(ids("卷烟")).toEqual(expect.arrayContaining(["tobacco-retail-code", "tobacco-retail-score"]));
    expect(ids("")).toHaveLength(BUILTIN_TEMPLATES.length);
    expect(ids("no such thing at all")).toEqual([]);
  });
  test("full-width and case do not matter", () => {
    expect(ids("ＶＩＰ")).toEqual(ids("vip"));
    expect(ids("vip").length).toBeGreaterThan(0);
  });
  test("grouped by category in a fixed order", () => {
    const groups = groupByCategory(BUILTIN_TEMPLATES);
    const order = ["pipeline", "value", "scorecard", "credit-risk", "retail", "lifecycle", "custom"];
    const seen = groups.map((g) => g.category);
    expect(seen).toEqual(order.filter((c) => seen.includes(c as never)));
    expect(groups.reduce((n, g) => n + g.templates.length, 0)).toBe(BUILTIN_TEMPLATES.length);
  });
});

describe("mapping checks", () => {
  const spend = getBuiltinTemplate("spend-5")!;
  const pipeline = getBuiltinTemplate("sales-pipeline")!;
  test("missing required fields; at-least-one groups", () => {
    expect(missingFields(spend, {})).toEqual(["annualSpend"]);
    expect(missingFields(spend, { annualSpend: 1 })).toEqual([]);
    expect(missingFields(pipeline, {}).sort()).toEqual(["closeMonths", "monthlyAmount"]);
    expect(missingFields(pipeline, { monthlyAmount: 0 })).toEqual([]);
    expect(isRequired(spend, "annualSpend")).toBe(true);
    expect(isRequired(pipeline, "closeMonths")).toBe(false);
  });
  test("failing rows per field, from the engine", () => {
    const rows = [
      ["Acme", 600000],
      ["Beta", "abc"],
      ["Cado", ""],
      ["Dyn", "12万"],
    ];
    const ev = evaluate(spend, rows, { annualSpend: 1 });
    expect(ev.problem).toBeNull();
    expect(ev.result!.grade(0)).toBe("VIP");
    expect(ev.result!.grade(3)).toBe("Gold");
    expect(ev.fields.annualSpend.failing).toBe(1); // "abc"; the blank row is "no data"
    expect(ev.fields.annualSpend.example?.en).toMatch(/not a number/);
  });
  test("samples, column letters, numeric column guess", () => {
    expect(sampleValues([["a", ""], ["b", 2], ["c", 3], ["d", 4], ["e", 5]], 1)).toEqual(["2", "3", "4"]);
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    expect(parseColumnLetters(" h ")).toBe(7);
    expect(parseColumnLetters("XFD")).toBe(16383);
    expect(parseColumnLetters("XFE")).toBeNull();
    expect(parseColumnLetters("A1")).toBeNull();
    expect(firstNumericColumn(["Name", "Region", "Sales"], [["a", "N", 1], ["b", "S", 2]])).toBe(2);
  });
});

describe("components never call Office.js", () => {
  const root = path.join(__dirname, "..", "..", "src", "taskpane");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

  test("only the entry (index.tsx) uses the Office / Excel globals; nothing imports the in-memory host", () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const rel = path.relative(root, file);
      const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const visit = (n: ts.Node) => {
        if (ts.isIdentifier(n) && ["Office", "Excel", "OfficeExtension"].includes(n.text) && rel !== "index.tsx") offenders.push(`${rel}: ${n.text}`);
        if (ts.isImportDeclaration(n) && /\/host(\/|$)/.test((n.moduleSpecifier as ts.StringLiteral).text)) offenders.push(`${rel}: imports the host`);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(offenders).toEqual([]);
  });
});

describe("sourceTitle: the source's title without seed file names", () => {
  test.each([
    ["Customer grading management system (new edition) (source: ../shared/seeds/000_2fa31295d39722d2.txt)", "Customer grading management system (new edition)"],
    ["客户分级管理制度（来源：../shared/seeds/000_2fa31295d39722d2.txt）", "客户分级管理制度"],
    ["Common eight-segment RFM model; measures from seeds/001_c49d298df30d5d45.txt and seeds/003_121d184207902294.txt", "Common eight-segment RFM model"],
    ["常用 RFM 八分类模型；指标来自 seeds/001_c49d298df30d5d45.txt 和 seeds/003_121d184207902294.txt", "常用 RFM 八分类模型"],
    ["A bank's published rule (2024)", "A bank's published rule (2024)"],
  ])("%s", (input, want) => expect(sourceTitle(input)).toBe(want));
  test("no built-in template's source shows a seed file name", () => {
    for (const t of BUILTIN_TEMPLATES) for (const s of [t.source?.en, t.source?.zh]) if (s) expect(sourceTitle(s)).not.toMatch(/seeds\/|\.txt/);
  });
});
