/**
 * `gradekit review --rules TEMPLATE period files` in-process: the telecom star sample (a level
 * valid for a year, quarterly periods) against the sequence worked out by hand, xlsx output, a
 * grade column instead of grading, raise/lower rules, and the bad inputs (a period file missing a
 * customer, a bad cell, a row without a key, a file without the key column, a template without
 * review rules).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { parseCsv } from "../../src/engine/input/csv";
import { EXIT_CODE_OF } from "../../src/cli/exit";

const DIR = path.join(__dirname, "..", "..", "samples", "remember");
const TEMPLATE = path.join(DIR, "telecom-star.json");
const PERIODS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"].map((p) => path.join(DIR, `${p}.csv`));

async function gk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
const records = (text: string) => parseCsv(text.replace(/^\uFEFF/, "")).filter((r) => r.some((c) => c !== ""));

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-remember-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("telecom star levels valid for a year (samples/remember)", () => {
  test("the last quarter per customer, worked out by hand", async () => {
    const r = await gk(["review", "--rules", TEMPLATE, ...PERIODS, "--key", "phone"]);
    expect(r.code).toBe(0);
    // Spend per quarter 2025-Q1 … 2026-Q2 -> earned stars; valid 4 quarters from reached/renewed:
    // 138001 520 480 210 150 90 95: 5 held Q1-Q4, expires 2026-Q1 -> re-rated 1 star; Q2 kept (2nd period)
    // 138002 120 230 260 90 80 310: 2, raised 3 in Q2 (period 1), kept while valid, raised 4 in 2026-Q2
    // 138003 60 55 70 65 52 58: 1 star throughout, renewed at 2026-Q1, 2nd period in 2026-Q2
    // 138004 330 - 320 40 45 停机: 4, no row in Q2, expires 2026-Q1 -> not rated; 2026-Q2 bad cell, carried
    // 138005 from 2025-Q3: 210 500 300 320: 3, raised 5 in Q4, kept (valid period 3 of 4) in 2026-Q2
    expect(records(r.out)).toEqual([
      ["key", "period", "earned", "held", "periodsHeld", "rule", "reason"],
      ["138001", "2026-Q2", "1star", "1star", "2", "keep", "kept One star: earned One star"],
      ["138002", "2026-Q2", "4star", "4star", "1", "raise", "raised Three stars → Four stars: earned Four stars"],
      ["138003", "2026-Q2", "1star", "1star", "2", "keep", "kept One star: earned One star"],
      ["138004", "2026-Q2", "", "unrated", "2", "error", "bad input in 2026-Q2: Not rated carried (Average monthly spend: '停机' is not a number)"],
      ["138005", "2026-Q2", "4star", "5star", "3", "valid", "kept Five stars: earned Four stars, valid period 3 of 4"],
    ]);
    expect(r.err).toContain("5 customer(s) over 6 period(s), 2025-Q1 … 2026-Q2; rules of 'telecom-star'");
    expect(r.err).toContain("2025-Q2: 1 customer(s) seen before have no row, grade carried: 138004");
    expect(r.err).toContain("2026-Q2: 1 row(s) without a key, ignored");
    expect(r.err).not.toContain("warning");
  });

  test("--all: every period; the expiries", async () => {
    const r = await gk(["review", "--rules", TEMPLATE, ...PERIODS, "--key", "phone", "--all", "-q"]);
    const rows = records(r.out).slice(1);
    const of = (k: string) => rows.filter((x) => x[0] === k).map((x) => `${x[3]}/${x[4]} ${x[5]}`);
    expect(of("138001")).toEqual(["5star/1 start", "5star/2 valid", "5star/3 valid", "5star/4 valid", "1star/1 expire", "1star/2 keep"]);
    expect(of("138004")).toEqual(["4star/1 start", "4star/2 missing", "4star/3 keep", "4star/4 valid", "unrated/1 expire", "unrated/2 error"]);
    expect(of("138003")[4]).toBe("1star/1 renew");
    expect(r.err).toBe("");
  });

  test("Chinese reasons and xlsx output", async () => {
    const out = path.join(tmp, "held.xlsx");
    const r = await gk(["review", "--rules", TEMPLATE, ...PERIODS, "--key", "phone", "--out", out, "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("保级结果已写入");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("保级结果")!;
    expect(ws.getCell("D6").value).toBe("5star");
    expect(ws.getCell("E6").value).toBe(3);
    expect(ws.getCell("G6").value).toBe("保持 五星：本期为 四星，有效期第 3/4 期");
  });

  test("--grade-column: earned grades read from a column (e.g. gradekit grade output)", async () => {
    const a = path.join(tmp, "m1.csv");
    const b = path.join(tmp, "m2.csv");
    fs.writeFileSync(a, "phone,grade\n1,五星\n2,2star\n");
    fs.writeFileSync(b, "phone,grade\n1,3star\n2,4star\n");
    const r = await gk(["review", "--rules", TEMPLATE, a, b, "--key", "phone", "--grade-column", "grade", "-q"]);
    expect(records(r.out).slice(1).map((x) => [x[0], x[3], x[5]])).toEqual([["1", "5star", "valid"], ["2", "4star", "raise"]]);
  });
});

describe("raise/lower rules of a template over period files", () => {
  test("a two-period raise rule, carried forward", async () => {
    const tpl = path.join(tmp, "steps.json");
    const base = JSON.parse(fs.readFileSync(TEMPLATE, "utf8"));
    base.id = "steps";
    base.review = { periods: 2, raise: [{ when: { field: "avgMonthlySpend", op: ">=", value: 1000 } }] };
    fs.writeFileSync(tpl, JSON.stringify(base));
    const files = [1, 2, 3].map((k) => path.join(tmp, `s${k}.csv`));
    // customer 9: earned 3 stars (250) in period 1; spend >= 1000 in periods 2 and 3 -> raised one level at period 3
    fs.writeFileSync(files[0], "phone,avgMonthlySpend\n9,250\n");
    fs.writeFileSync(files[1], "phone,avgMonthlySpend\n9,1000\n");
    fs.writeFileSync(files[2], "phone,avgMonthlySpend\n9,1200\n");
    const r = await gk(["review", "--rules", tpl, ...files, "--key", "phone", "--all", "-q"]);
    expect(r.code).toBe(0);
    expect(records(r.out).slice(1).map((x) => [x[1], x[3], x[4], x[5]])).toEqual([
      ["s1", "3star", "1", "keep"],
      ["s2", "3star", "2", "keep"],
      ["s3", "4star", "1", "raise"],
    ]);
  });
});

describe("bad inputs", () => {
  test("a period file without the key column names the file and its headers", async () => {
    const f = path.join(tmp, "nokey.csv");
    fs.writeFileSync(f, "mobile,avgMonthlySpend\n1,100\n");
    const r = await gk(["review", "--rules", TEMPLATE, PERIODS[0], f, "--key", "phone"]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.err).toContain(`${f}: no column 'phone' (headers: mobile, avgMonthlySpend)`);
  });

  test("a period file without the template's fields (and no --grade-column)", async () => {
    const f = path.join(tmp, "nofield.csv");
    fs.writeFileSync(f, "phone,spend\n1,100\n");
    const r = await gk(["review", "--rules", TEMPLATE, f, "--key", "phone"]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.err).toContain("no column for field(s) avgMonthlySpend of 'telecom-star' (or give --grade-column)");
  });

  test("a template without review rules; no period files", async () => {
    const r = await gk(["review", "--rules", "spend-5", PERIODS[0], "--key", "phone"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("template 'spend-5' has no review rules");
    const r2 = await gk(["review", "--rules", TEMPLATE, "--key", "phone"]);
    expect(r2.err).toContain("give the period files after --rules TEMPLATE");
  });
});
