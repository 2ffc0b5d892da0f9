/**
 * `gradekit summary`: the seed 004 惠州 region table (09年 and 10年) from CSV files made from the
 * seed's counts, through the CLI: the long-form CSV (counts, shares, totals), the xlsx workbook
 * (one sheet per period and a Change sheet, frozen headers, A4 one page wide, grade colours);
 * grading with a template (bad input counted apart); reason × series shares; usage errors.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { compileTemplate, parseCsv, writeCsv } from "../../src/engine";
import { excel } from "../../src/cli/io";
import { getBuiltinTemplate } from "../../src/templates";
import { tempDir } from "../cli/helpers";

const dir = tempDir("summary");
const REGIONS = ["惠城区", "博罗县", "惠阳区", "大亚湾区", "惠东县"];
const Y09 = { 优质: [16, 4, 3, 0, 7], 潜力: [29, 4, 8, 3, 9], 一般: [221, 111, 65, 26, 47] };
const Y10 = { 优质: [17, 6, 2, 1, 4], 潜力: [53, 15, 12, 2, 16], 一般: [331, 158, 73, 14, 58] };

function file(name: string, counts: Record<string, number[]>, extra: string[][] = []): string {
  const rows: string[][] = [["id", "区域", "grade"]];
  let id = 0;
  for (const [g, per] of Object.entries(counts))
    per.forEach((n, r) => {
      for (let i = 0; i < n; i++) rows.push([`c${++id}`, REGIONS[r], g]);
    });
  const f = path.join(dir, name);
  fs.writeFileSync(f, writeCsv([...rows, ...extra]));
  return f;
}

async function gk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const f09 = file("y09.csv", Y09, [["x1", "惠城区", ""]]);
const f10 = file("y10.csv", Y10);

describe("gradekit summary: seed 004 惠州 region × grade, 09年 vs 10年", () => {
  it("long-form CSV: every count and share, totals with empty shares, blanks apart", async () => {
    const r = await gk(["summary", "--in", f09, f10, "--by", "区域", "--period-names", "09年,10年"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[0]).toEqual(["period", "区域", "grade", "count", "share"]);
    const get = (p: string, g: string, v: string) => rows.find((x) => x[0] === p && x[1] === g && x[2] === v);
    for (const [p, t] of [
      ["09年", Y09],
      ["10年", Y10],
    ] as const)
      for (const [v, per] of Object.entries(t))
        REGIONS.forEach((g, i) => expect(get(p, g, v)![3]).toBe(String(per[i])));
    expect(get("09年", "惠城区", "优质")![4]).toBe(String(Math.round((16 / 266) * 1e6) / 1e4));
    expect(get("09年", "惠城区", "Total")!.slice(3)).toEqual(["266", ""]);
    expect(get("10年", "惠城区", "Total")!.slice(3)).toEqual(["401", ""]);
    expect(get("09年", "惠城区", "Blank")!.slice(3)).toEqual(["1", ""]);
    expect(get("10年", "Total", "Total")!.slice(3)).toEqual(["762", ""]);
    expect(rows.filter((x) => x[0] === "09年")).toHaveLength(5 * 6 + 4);
    expect(r.err).toContain("09年: 553 row(s) counted, 0 with bad input and 1 blank left out");
  });

  it("xlsx: one sheet per period and Change; frozen header, A4 fit to width, repeated header", async () => {
    const out = path.join(dir, "report.xlsx");
    expect(
      (await gk(["summary", "--in", f09, f10, "--by", "区域", "--period-names", "09年,10年", "--out", out, "-q"])).code,
    ).toBe(0);
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["09年", "10年", "Change"]);
    const s09 = wb.getWorksheet("09年")!;
    expect(s09.getRow(4).values).toEqual([
      undefined,
      "区域",
      "优质",
      "潜力",
      "一般",
      "Total",
      "Bad input",
      "Blank",
      "优质 %",
      "潜力 %",
      "一般 %",
    ]);
    const r5 = s09.getRow(5).values as unknown[];
    expect(r5.slice(0, 8)).toEqual([undefined, "惠城区", 16, 29, 221, 266, 0, 1]);
    [16, 29, 221].forEach((n, k) => expect(r5[8 + k]).toBeCloseTo(n / 266, 12));
    expect(s09.getCell("H5").numFmt).toBe("0.0%");
    expect(s09.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 1 });
    expect(s09.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "4:4",
    });
    const ch = wb.getWorksheet("Change")!;
    // merged block headers read back as the master's value in every cell
    expect(ch.getRow(3).values).toEqual([
      undefined,
      undefined,
      ...["优质", "潜力", "一般", "Total"].flatMap((v) => [v, v, v]),
    ]);
    expect(ch.getRow(4).values).toEqual([
      undefined,
      "区域",
      "09年",
      "10年",
      "Change",
      "09年",
      "10年",
      "Change",
      "09年",
      "10年",
      "Change",
      "09年",
      "10年",
      "Change",
    ]);
    expect(ch.getRow(5).values).toEqual([undefined, "惠城区", 16, 17, 1, 29, 53, 24, 221, 331, 110, 266, 401, 135]);
    // below the table: each region · grade with one column per period, the chart's source (one series per period)
    let top = 6;
    while (ch.getRow(top).getCell(1).value !== "区域 · grade") top++;
    expect(ch.getRow(top).values).toEqual([undefined, "区域 · grade", "09年", "10年"]);
    expect(ch.getRow(top + 1).values).toEqual([undefined, "惠城区 · 优质", 16, 17]);
    expect(ch.getRow(top + 3).values).toEqual([undefined, "惠城区 · 一般", 221, 331]);
  });

  it("reason × series: shares within each series", async () => {
    const rows: string[][] = [["series", "reason"]];
    const add = (s: string, r: string, n: number) => {
      for (let i = 0; i < n; i++) rows.push([s, r]);
    };
    add("轻卡系列", "价格高", 222);
    add("轻卡系列", "品牌不认可", 141);
    add("轻卡系列", "其他", 637);
    add("全顺系列", "价格高", 403);
    add("全顺系列", "其他", 597);
    const f = path.join(dir, "defeat.csv");
    fs.writeFileSync(f, writeCsv(rows));
    const out = parseCsv((await gk(["summary", "--in", f, "--by", "series", "--grade-column", "reason", "-q"])).out);
    expect(out.find((x) => x[1] === "轻卡系列" && x[2] === "价格高")![4]).toBe("22.2");
    expect(out.find((x) => x[1] === "轻卡系列" && x[2] === "品牌不认可")![4]).toBe("14.1");
    expect(out.find((x) => x[1] === "全顺系列" && x[2] === "价格高")![4]).toBe("40.3");
  });

  it("--template grades the rows: template order and colours, bad input apart", async () => {
    const t = getBuiltinTemplate("auto-base-3")!;
    const keys = t.fields.map((f) => f.key);
    const rows = [
      ["区域", ...keys],
      ["A", 2, 3, 2, 3, 2, 1, 2, 1, 2, 2],
      ["A", 1, 2, 1, 2, 1, 1, 1, 0, 1, 1],
      ["B", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["B", "x", 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ].map((r) => r.map(String));
    const f = path.join(dir, "auto.csv");
    fs.writeFileSync(f, writeCsv(rows));
    const labels = compileTemplate(t).grades.map((g) => g.label.en || g.id);
    const r = await gk(["summary", "--in", f, "--by", "区域", "--template", "auto-base-3"]);
    expect(r.code).toBe(0);
    const out = parseCsv(r.out);
    expect(out.filter((x) => x[1] === "A" && labels.includes(x[2])).map((x) => [x[2], x[3]])).toEqual([
      [labels[0], "1"],
      [labels[1], "1"],
      [labels[2], "0"],
    ]);
    expect(out.find((x) => x[1] === "B" && x[2] === "Bad input")![3]).toBe("1");
    expect(r.err).toContain("3 row(s) counted, 1 with bad input");
    const xlsx = path.join(dir, "auto.xlsx");
    await gk(["summary", "--in", f, "--by", "区域", "--template", "auto-base-3", "--out", xlsx, "-q"]);
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile(xlsx);
    const fill = wb.worksheets[0].getCell("B4").fill as { fgColor?: { argb?: string } };
    expect(fill.fgColor?.argb?.slice(-6)).toBe(compileTemplate(t).grades[0].color.slice(1).toUpperCase());
  });

  it("usage and input errors are named", async () => {
    expect((await gk(["summary", "--in", f09, "--by", "区"])).err).toContain("no column '区'");
    expect((await gk(["summary", "--in", f09])).err).toContain("--by needs");
    expect((await gk(["summary", "--in", f09, f10, "--by", "区域", "--period-names", "a"])).err).toContain(
      "1 name(s) for 2 file(s)",
    );
    expect(
      (await gk(["summary", "--in", f09, "--by", "区域", "--template", "auto-base-3", "--grade-column", "g"])).code,
    ).toBe(2);
  });
});
