/**
 * Forms written by the CLI (`gradekit form`), filled in like a person would (exceljs), then opened
 * by another spreadsheet program: LibreOffice headless recalculates them (CSV) and the grades equal
 * the engine's (`gradeTable`) on the same rows; the MF/Q 102/A form printed to PDF holds the form
 * number, every header and the footer labels, and the page rendered to PNG shows the grade fills
 * where the grade cells are.
 *
 * Needs LibreOffice, poppler-utils (pdftotext, pdftoppm) and a CJK font: `bash scripts/install-deps.sh`.
 * A missing tool fails these tests on purpose (nothing else checks the printed form).
 *
 * `GRADEKIT_UPDATE_DOCS=1 npx jest test/forms/libreoffice` also re-renders docs/form-mfq-102a.png
 * (the README's picture) from the filled form.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { compileTemplate, type Template } from "../../src/engine";
import { formLayout, gradeShown, isFormRefusal, type FormLayout } from "../../src/forms";
import { getBuiltinTemplate } from "../../src/templates";
import { cli, ROOT, tempDir } from "../cli/helpers";
import { engineShows, fillForm, hasCjkFont, INSTALL_HINT, libreOffice, pdfWords, readCsvFile, tools, type Value } from "./helpers";
import { near, readPng } from "./png";
import { EXIT_CODE_OF } from "../../src/cli/exit";

jest.setTimeout(120_000);

const DOCS_PICTURE = path.join(ROOT, "docs", "form-mfq-102a.png");

type Row = { fields: Record<string, Value>; other?: Record<number, Value> };

/** The MF/Q 102/A form, filled in: A, B (boundaries, the 500K reading), C, a blank row, bad rows. */
const MFQ_ROWS: Row[] = [
  { fields: { orderCount: 8, orderVolume: 250000 }, other: { 0: "深圳华锂电子有限公司", 1: "深圳市宝安区西乡街道", 2: "张伟", 3: "0755-2345678", 4: "聚合物电芯", 5: "正在进行交易" } },
  { fields: { orderCount: 4, orderVolume: 500000 }, other: { 0: "东莞新能电池厂", 1: "东莞市长安镇", 2: "李娜", 3: "0769-8765432", 4: "手机电池", 5: "曾经有过交易" } },
  { fields: { orderCount: 1, orderVolume: 3000 }, other: { 0: "惠州力源科技", 1: "惠州市仲恺高新区", 2: "王强", 3: "0752-1234567", 4: "电池组", 5: "即将进行交易" } },
  { fields: { orderCount: 6, orderVolume: 100000 }, other: { 0: "广州天弘通讯", 1: "广州市天河区", 2: "陈静", 3: "020-66668888", 4: "手机配件", 5: "正在进行交易" } },
  { fields: { orderCount: 12, orderVolume: 1200000 }, other: { 0: "珠海海利电源", 1: "珠海市香洲区", 2: "赵磊", 3: "0756-3335555", 4: "电芯", 5: "正在进行交易" } },
  { fields: { orderCount: 5, orderVolume: 100001 }, other: { 0: "佛山佳能电器", 1: "佛山市顺德区", 2: "周敏", 3: "0757-2226666", 4: "移动电源", 5: "曾经有过交易" } },
  { fields: { orderCount: 3, orderVolume: 50000 }, other: { 0: "中山华美电子", 1: "中山市火炬区", 2: "吴刚", 3: "0760-8889999", 4: "数码电池", 5: "即将进行交易" } },
  { fields: {} },
  { fields: { orderCount: -1, orderVolume: 5000 }, other: { 0: "江门宏达实业", 5: "曾经有过交易" } },
  { fields: { orderCount: 6, orderVolume: null }, other: { 0: "汕头金科电池" } },
];

/** Other templates through the same path: rules with requireOneOf, bands, yes/no, categories, a population scorecard. */
const GENERIC: { id: string; lang: "en" | "zh-CN"; rows: number; data: Row[] }[] = [
  {
    id: "sales-pipeline",
    lang: "en",
    rows: 10,
    data: [
      { fields: { closeMonths: 2, monthlyAmount: null } },
      { fields: { closeMonths: null, monthlyAmount: 60000 } },
      { fields: { closeMonths: 10, monthlyAmount: 5000 } },
      { fields: { closeMonths: 24, monthlyAmount: 1000 } },
      { fields: {} },
      { fields: { closeMonths: -1, monthlyAmount: 5 } },
      { fields: { closeMonths: 7, monthlyAmount: 100000 } },
    ],
  },
  {
    id: "spend-5",
    lang: "zh-CN",
    rows: 8,
    data: [
      { fields: { annualSpend: 600000 } },
      { fields: { annualSpend: 500000 } },
      { fields: { annualSpend: 150000 } },
      { fields: { annualSpend: 60000 } },
      { fields: { annualSpend: 100 } },
      { fields: {} },
      { fields: { annualSpend: "abc" } },
    ],
  },
  {
    id: "risk-3",
    lang: "zh-CN",
    rows: 8,
    data: [
      { fields: { overdue: "否", suspicious: "否", violation: "否", verified: "是" } },
      { fields: { overdue: "是", suspicious: "否", violation: "否", verified: "是" } },
      { fields: { overdue: "否", suspicious: "否", violation: "否", verified: "否" } },
      { fields: { overdue: "否", suspicious: null, violation: "否", verified: "是" } },
      { fields: {} },
      { fields: { overdue: "yes", suspicious: "no", violation: "no", verified: "no" } },
    ],
  },
  {
    id: "need-close-5",
    lang: "zh-CN",
    rows: 8,
    data: [
      { fields: { need: "明显", closeMonths: 0.5 } },
      { fields: { need: "明显", closeMonths: 2 } },
      { fields: { need: "潜在", closeMonths: 3 } },
      { fields: { need: "无", closeMonths: null } },
      { fields: { need: "明显", closeMonths: null } },
      { fields: { need: "目标客户", closeMonths: 5 } },
    ],
  },
  {
    id: "weighted-value",
    lang: "en",
    rows: 12,
    data: [
      { fields: { creditScore: 90, orderAmount: 500000, profit: 80000 } },
      { fields: { creditScore: 70, orderAmount: 200000, profit: 30000 } },
      { fields: { creditScore: 40, orderAmount: 90000, profit: 5000 } },
      { fields: { creditScore: 100, orderAmount: 800000, profit: 120000 } },
      { fields: {} },
      { fields: { creditScore: 150, orderAmount: 1, profit: 1 } },
      { fields: { creditScore: 60, orderAmount: 300000, profit: 20000 } },
      { fields: { creditScore: 85, orderAmount: 100000, profit: 60000 } },
      { fields: { creditScore: 20, orderAmount: 10000, profit: 1000 } },
      { fields: { creditScore: 55, orderAmount: 250000, profit: 45000 } },
    ],
  },
];

let dir: string;
let tool: ReturnType<typeof tools> | undefined;
let toolProblem = "";
const layouts = new Map<string, FormLayout>();
const filled = new Map<string, string>();

function layoutFor(id: string, lang: "en" | "zh-CN", rows: number): FormLayout {
  const l = formLayout(getBuiltinTemplate(id)!, { lang, rows });
  if (isFormRefusal(l)) throw new Error(l.reason.en);
  return l;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "commands", "form.js"))) {
    spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  }
  dir = tempDir("forms-lo");
  try {
    tool = tools();
  } catch (e) {
    toolProblem = (e as Error).message;
  }
  // Write every form with the CLI and fill it in.
  for (const c of [{ id: "mfq-102a", lang: "en" as const, rows: 15, data: MFQ_ROWS }, ...GENERIC]) {
    const file = path.join(dir, `${c.id}.form.xlsx`);
    const r = cli(["form", c.id, "--out", file, "--rows", String(c.rows), "--lang", c.lang, "-q"]);
    if (r.code !== 0) throw new Error(`gradekit form ${c.id} failed: ${r.stderr}`);
    const layout = layoutFor(c.id, c.lang, c.rows);
    layouts.set(c.id, layout);
    const out = path.join(dir, `${c.id}.xlsx`);
    await fillForm(file, out, layout, c.data);
    filled.set(c.id, out);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("LibreOffice, pdftotext, pdftoppm and a CJK font are installed (run `bash scripts/install-deps.sh` if this fails)", () => {
  if (toolProblem) throw new Error(toolProblem);
  if (!hasCjkFont()) throw new Error(`no CJK font for LibreOffice's PDF (Chinese would print as boxes): ${INSTALL_HINT}`);
});

test("the CLI refuses bad options and says why", () => {
  const out = path.join(dir, "x.xlsx");
  expect(cli(["form", "mfq-102a", "--out", out, "--rows", "0"]).stderr).toMatch(/--rows '0': give a whole number from 1 to 1000/);
  expect(cli(["form", "mfq-102a", "--out", path.join(dir, "x.csv")]).stderr).toMatch(/must be an \.xlsx file/);
  expect(cli(["form", "--out", out]).stderr).toMatch(/give a template/);
  expect(cli(["form", "no-such-template", "--out", out]).code).toBe(EXIT_CODE_OF.notFound);
  const custom = path.join(dir, "capped-code.json");
  fs.writeFileSync(custom, JSON.stringify({ ...getBuiltinTemplate("tobacco-retail-code"), id: "capped-code", post: [{ cap: "Z111", when: { field: "chain", is: "yes" } }] }));
  const refused = cli(["form", custom, "--out", out, "--lang", "zh-CN"]);
  expect(refused.code).toBe(EXIT_CODE_OF.unsupported);
  expect(refused.stderr).toMatch(/无法为“capped-code”生成表单：组合编码模板的后置调整无法编译/);
  expect(fs.existsSync(out)).toBe(false);
  expect(cli(["help", "form"]).stdout).toMatch(/MF\/Q 102\/A/);
});

test("LibreOffice recalculates the filled forms: grades (and scores) equal the engine's on the same rows", () => {
  if (!tool) throw new Error(toolProblem);
  const cases = [{ id: "mfq-102a", data: MFQ_ROWS }, ...GENERIC];
  const files = cases.map((c) => filled.get(c.id)!);
  const { seconds, outputs } = libreOffice("csv", files, dir);
  console.log(`LibreOffice recalculated ${files.length} forms in ${seconds.toFixed(1)} s`);
  cases.forEach((c, k) => {
    const layout = layouts.get(c.id)!;
    const t: Template = getBuiltinTemplate(c.id)!;
    const records = readCsvFile(outputs[k]);
    const rows = layout.dataRows.last - layout.dataRows.first + 1;
    const shown = Array.from({ length: rows }, (_, i) => records[layout.dataRows.first + i]?.[layout.gradeColumn] ?? "");
    const want = engineShows(t, c.data, rows);
    // a Chinese form shows a grade's Chinese label where the label does not hold the id (白金, not Platinum)
    const lang = "lang" in c ? c.lang : "en";
    const byId = new Map(compileTemplate(t).grades.map((g) => [g.id, gradeShown(g, lang)]));
    expect([c.id, shown]).toEqual([c.id, want.grades.map((g) => byId.get(g) ?? g)]);
    // every kind of outcome is exercised: grades, no data, bad input
    expect(want.grades.filter((g) => compileTemplate(t).gradeIndex.has(g)).length).toBeGreaterThanOrEqual(3);
    expect(want.grades).toContain("#VALUE!");
    expect(want.grades).toContain("");
    if (layout.scoreColumn !== undefined) {
      want.scores.forEach((s, i) => {
        if (want.grades[i] === "" || want.grades[i] === "#VALUE!") return;
        const got = Number(records[layout.dataRows.first + i][layout.scoreColumn!]);
        expect([c.id, i, Math.abs(got - s!) <= 1e-9 * Math.max(1, Math.abs(s!))]).toEqual([c.id, i, true]);
      });
    }
  });
  // the MF/Q grades are what the source says
  const mfq = readCsvFile(outputs[0]);
  const l = layouts.get("mfq-102a")!;
  expect(MFQ_ROWS.map((_, i) => mfq[l.dataRows.first + i][l.gradeColumn])).toEqual(["A", "B", "C", "B", "A", "B", "C", "", "#VALUE!", "#VALUE!"]);
});

test("the MF/Q 102/A form prints: PDF text has the form number, headers and footer; the PNG shows the grade fills on the grade cells", () => {
  if (!tool) throw new Error(toolProblem);
  const { seconds, outputs } = libreOffice("pdf", [filled.get("mfq-102a")!], dir);
  console.log(`LibreOffice printed the MF/Q 102/A form to PDF in ${seconds.toFixed(1)} s`);
  const pdf = outputs[0];
  const text = spawnSync(tool.pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  for (const s of ["MF/Q 102/A", "客户分类/等级划分表", "Customer classification / grading form", "聚合物移动电池和电芯客户", "客户名称", "地址", "法人代表", "联系电话", "主要产品", "交易过程分类", "累计订单次数", "累计订单量", "等级", "记录", "审核", "日期"]) {
    expect([s, text.includes(s)]).toEqual([s, true]);
  }
  expect(text.split("MF/Q 102/A").length - 1).toBeGreaterThanOrEqual(3); // page header, sheet, page footer
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  if (info) {
    expect(info).toMatch(/Pages:\s+1\b/); // 15 rows, legend and footer fit one page
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/); // A4 landscape
  }

  // Where the grade cells are: the words on the page (PDF points), then pixels at 80 dpi.
  const DPI = 80;
  const png = path.join(dir, "page");
  const r = spawnSync(tool.pdftoppm, ["-png", "-r", String(DPI), "-f", "1", "-l", "1", "-singlefile", pdf, png], { encoding: "utf8" });
  expect(r.status).toBe(0);
  const image = readPng(fs.readFileSync(`${png}.png`));
  const words = pdfWords(tool.pdftotext, pdf).filter((w) => w.page === 1);
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const header = words.find((w) => w.text === "等级" && w.y0 < 200)!;
  const volumeHeader = words.find((w) => w.text === "累计订单量")!;
  expect(header).toBeDefined();
  const t = getBuiltinTemplate("mfq-102a")!;
  const colour = new Map(compileTemplate(t).grades.map((g) => [g.id, g.color]));
  const want = engineShows(t, MFQ_ROWS, 15).grades;
  let checked = 0;
  MFQ_ROWS.forEach((row, i) => {
    const name = row.other?.[0];
    if (typeof name !== "string") return;
    const nameWord = words.find((w) => w.text === name)!;
    const cy = (nameWord.y0 + nameWord.y1) / 2;
    const glyph = words.find((w) => Math.abs((w.y0 + w.y1) / 2 - cy) < 4 && w.x0 > header.x0 - 25 && w.x1 < header.x1 + 25)!;
    expect([name, glyph?.text]).toEqual([name, want[i]]);
    const fill = want[i] === "#VALUE!" ? "#FFC7CE" : colour.get(want[i])!;
    // the pixels of the grade text's box (glyph strokes aside, the cell's fill shows between them)
    const share = (hex: string, x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      let hit = 0;
      for (let y = px(y0); y <= px(y1); y++) for (let x = px(x0); x <= px(x1); x++, n++) if (near(hex, image.rgb(x, y))) hit++;
      return Math.round((hit / n) * 100) / 100;
    };
    const inFill = share(fill, glyph.x0 - 1, glyph.x1 + 1, glyph.y0 + 1, glyph.y1 - 1);
    expect([name, want[i], fill, inFill >= 0.4]).toEqual([name, want[i], fill, true]);
    // the volume cell of the same row is not filled (left of its right-aligned number)
    expect([name, share("#FFFFFF", volumeHeader.x0 - 6, volumeHeader.x0 - 1, glyph.y0 + 1, glyph.y1 - 1)]).toEqual([name, 1]);
    checked++;
  });
  expect(checked).toBe(9);

  if (process.env.GRADEKIT_UPDATE_DOCS === "1") {
    fs.mkdirSync(path.dirname(DOCS_PICTURE), { recursive: true });
    const out = spawnSync(tool.pdftoppm, ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, DOCS_PICTURE.replace(/\.png$/, "")]);
    expect(out.status).toBe(0);
  }
});

test("the README's picture of the form is there and shows the grade colours", () => {
  expect(fs.existsSync(DOCS_PICTURE)).toBe(true);
  const image = readPng(fs.readFileSync(DOCS_PICTURE));
  expect(image.width).toBeGreaterThan(image.height); // landscape
  const wanted = compileTemplate(getBuiltinTemplate("mfq-102a")!).grades.map((g) => g.color);
  const counts = new Map<string, number>(wanted.map((c) => [c, 0]));
  for (let y = 0; y < image.height; y += 2) {
    for (let x = 0; x < image.width; x += 2) {
      const h = image.hex(x, y);
      if (counts.has(h)) counts.set(h, counts.get(h)! + 1);
    }
  }
  for (const [c, n] of counts) expect([c, n > 100]).toEqual([c, true]);
  expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain("docs/form-mfq-102a.png");
});
