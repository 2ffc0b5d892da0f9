/**
 * The summary and supply review workbooks written by the CLI open in LibreOffice and print to
 * PDF on A4 with no column cut off: every page is A4 (landscape), and every page holds the first
 * and the last column's header (the header row repeats and the sheet is fitted to one page wide).
 * Needs LibreOffice and poppler-utils (pdfinfo, pdftotext); fails, never skips, without them.
 */
import { spawnSync } from "child_process";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { writeCsv } from "../../src/engine";
import { libreOfficeConvert } from "../support/libreoffice";
import { tempDir } from "../cli/helpers";
import { monthsOf } from "./supply-cases";

jest.setTimeout(180_000);
const dir = tempDir("reports-pdf");

async function gk(args: string[]): Promise<number> {
  return run([...args, "-q"], { out: () => undefined, err: () => undefined });
}

function pages(pdf: string): { size: string; text: string }[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" }).stdout;
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
  return sizes.map((size, i) => ({
    size,
    text: spawnSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" })
      .stdout,
  }));
}

test("review and summary workbooks print on A4 landscape with every column on every page", async () => {
  // a review of 120 retailers over 3 months (several pages), and a two-period summary
  const spec: Record<string, string[]> = {};
  for (let i = 0; i < 120; i++)
    spec[`R${String(i).padStart(3, "0")}`] = [
      `${(i * 7) % 400} ${"ABCD"[i % 4]} t${(i % 8) + 1}`,
      `${(i * 11) % 400} A`,
      `${(i * 13) % 400} B${i % 5 === 0 ? " A" : ""}`,
    ];
  const months = monthsOf(spec).map((m, k) => {
    const f = path.join(dir, `m${k + 1}.csv`);
    fs.writeFileSync(
      f,
      writeCsv([
        ["id", "purchaseQty", "lawGrade", "tier", "upgradeApproved"],
        ...m.rows.map((r) =>
          [r.key, r.purchaseQty, r.lawGrade, r.tier ?? "", r.upgradeApproved ?? ""].map((v) => String(v)),
        ),
      ]),
    );
    return f;
  });
  const review = path.join(dir, "review.xlsx");
  expect(
    await gk([
      "review",
      "--rules",
      "tobacco-supply",
      "--periods",
      ...months,
      "--key",
      "id",
      "--period-names",
      "1月,2月,3月",
      "--out",
      review,
    ]),
  ).toBe(0);
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      `c${i}`,
      ["惠城区", "博罗县", "惠阳区", "大亚湾区", "惠东县", "龙门县"][i % 6],
      ["制造业", "服务业", "建筑业"][i % 3],
      ["优质", "潜力", "一般"][i % 3 === 0 ? 2 : i % 7 === 0 ? 0 : 1],
    ]);
  const y09 = path.join(dir, "y09.csv");
  const y10 = path.join(dir, "y10.csv");
  fs.writeFileSync(y09, writeCsv([["id", "区域", "行业", "grade"], ...rows(300)]));
  fs.writeFileSync(y10, writeCsv([["id", "区域", "行业", "grade"], ...rows(420)]));
  const summary = path.join(dir, "summary.xlsx");
  expect(
    await gk(["summary", "--in", y09, y10, "--by", "区域,行业", "--period-names", "09年,10年", "--out", summary]),
  ).toBe(0);

  const { outDir } = libreOfficeConvert([review, summary], dir, "pdf");
  const rp = pages(path.join(outDir, "review.pdf"));
  expect(rp.length).toBeGreaterThanOrEqual(2);
  for (const p of rp) {
    expect(p.size).toBe("842x595");
    expect(p.text).toContain("Old tier");
    expect(p.text).toContain("Reason");
    expect(p.text).toContain("Retailers"); // the last column (the counts beside the table)
  }
  expect(rp.map((p) => p.text).join("\n")).toContain("R119");
  const sp = pages(path.join(outDir, "summary.pdf"));
  expect(sp.length).toBeGreaterThanOrEqual(3);
  for (const p of sp) expect(p.size).toBe("842x595");
  const all = sp.map((p) => p.text).join("\n");
  // the last columns of the period sheets and of the Change sheet
  expect(all).toContain("一般 %");
  expect(all.match(/Change/g)!.length).toBeGreaterThanOrEqual(4);
  // the charts are drawn: their titles are in the PDF
  expect(rp.map((p) => p.text).join("\n")).toContain("Retailers by change");
  expect(all.replace(/\s+/g, "")).toContain("gradeper区域×行业:09年"); // pdftotext spaces CJK text
});

test("LibreOffice reads the native charts: re-saved as xlsx, the charts are still there", async () => {
  const sub = path.join(dir, "resave");
  fs.mkdirSync(sub, { recursive: true });
  const { outDir } = libreOfficeConvert([path.join(dir, "review.xlsx"), path.join(dir, "summary.xlsx")], sub, "xlsx");
  for (const [name, n] of [
    ["review.xlsx", 1],
    ["summary.xlsx", 3],
  ] as const) {
    const ours = await JSZip.loadAsync(fs.readFileSync(path.join(dir, name)));
    expect(Object.keys(ours.files).filter((f) => /^xl\/charts\/gkchart\d+\.xml$/.test(f))).toHaveLength(n);
    const theirs = await JSZip.loadAsync(fs.readFileSync(path.join(outDir, name)));
    const charts = Object.keys(theirs.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(n);
    const xml = await theirs.file(charts[0])!.async("string");
    expect(xml).toContain("barChart");
    expect(xml).toMatch(/<c:ser>/);
  }
});

test("the add-in's period comparison sheet (same layout, drawn to xlsx) prints on one A4 page width with its chart", async () => {
  const { periodTables } = await import("../../src/engine");
  const { periodTrendLayout } = await import("../../src/reports/period-trend");
  const { newXlsxWorkbook, drawXlsxSheet } = await import("../../src/cli/xlsx-draw");
  const { withXlsxCharts } = await import("../../src/cli/xlsx-charts");
  const grades = ["A", "B", "C", "D", "E"];
  const periods = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"].map((name, p) => {
    const values = Array.from({ length: 40 + p * 7 }, (_, i) => grades[(i * (p + 2)) % 5]);
    return { name, input: { by: [values.map(() => "")], values } };
  });
  const layout = periodTrendLayout(periodTables(periods, grades), { lang: "zh-CN", templateName: "需求成交", historyRows: 325 });
  const wb = newXlsxWorkbook();
  drawXlsxSheet(wb, layout);
  const file = path.join(dir, "trend.xlsx");
  fs.writeFileSync(file, await withXlsxCharts(new Uint8Array(await wb.xlsx.writeBuffer()), [layout]));
  const sub = path.join(dir, "trend-pdf");
  fs.mkdirSync(sub, { recursive: true });
  const { outDir } = libreOfficeConvert([file], sub, "pdf");
  const tp = pages(path.join(outDir, "trend.pdf"));
  expect(tp).toHaveLength(1);
  expect(tp[0].size).toBe("842x595");
  const text = tp[0].text.replace(/\s+/g, "");
  expect(text).toContain("2026-12");
  expect(text).toContain("2026-11→"); // the last column (its header wraps)
  expect(text).toContain("变化（百分点）"); // the last column of the shares table
  expect(text).toContain("各期间各等级客户数"); // the chart's title
});

test("the period review workbook (gradekit review) prints on A4 one page wide, with its chart of the changes", async () => {
  const grades = ["A", "B", "C", "D", "E"];
  const prev = path.join(dir, "prev.csv");
  const cur = path.join(dir, "cur.csv");
  fs.writeFileSync(prev, writeCsv([["id", "grade"], ...Array.from({ length: 150 }, (_, i) => [`k${i}`, grades[i % 5]])]));
  fs.writeFileSync(cur, writeCsv([["id", "grade"], ...Array.from({ length: 150 }, (_, i) => [`k${i + 10}`, grades[(i * 3) % 5]])]));
  const out = path.join(dir, "compare.xlsx");
  expect(await gk(["review", "--previous", prev, "--current", cur, "--key", "id", "--out", out])).toBe(0);
  const sub = path.join(dir, "compare-pdf");
  fs.mkdirSync(sub, { recursive: true });
  const { outDir } = libreOfficeConvert([out], sub, "pdf");
  const cp = pages(path.join(outDir, "compare.pdf"));
  expect(cp.length).toBeGreaterThanOrEqual(2);
  for (const p of cp) {
    expect(p.size).toBe("842x595");
    expect(p.text).toContain("Current row"); // the list's last column, header repeated on every page
  }
  expect(cp[0].text).toContain("Customers by change"); // the chart's title
});
