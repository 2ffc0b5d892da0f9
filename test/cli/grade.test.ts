/** `gradekit grade` behaviour: neutralisation, CSV round trip, languages, mapping, errors, exit codes. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { gradeTable, type ErrorClass } from "../../src/engine";
import { EXIT_CODE_OF } from "../../src/cli/exit";
import { getBuiltinTemplate } from "../../src/templates";
import { parseCsv } from "../../src/engine/input/csv";
import { cli, csvObjects, ensureBuilt, readCsv, SAMPLES, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("grade");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file in the temp folder and returns its path. */
function put(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe("formula neutralisation (CSV output)", () => {
  test("text that a spreadsheet would run gets a ' prefix; real numbers stay numbers", () => {
    const input = put(
      "inject.csv",
      [
        "客户名称,年消费额,备注",
        '"=HYPERLINK(""http://evil.example"",""点我"")",600000,ok',
        "+cmd|' /C calc'!A0,52万,-5",
        "@SUM(1+1),\"1,200\",-1.5e3",
        '"\tTabbed",-5,"-2+3"',
        '"\rCR",10万,=1+1',
      ].join("\r\n"),
    );
    const out = path.join(dir, "inject.out.csv");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    expect(rows.map((x) => x["客户名称"])).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`,
      "'+cmd|' /C calc'!A0",
      "'@SUM(1+1)",
      "'\tTabbed",
      "'\rCR",
    ]);
    expect(rows.map((x) => x["备注"])).toEqual(["ok", "-5", "-1.5e3", "'-2+3", "'=1+1"]);
    // -5 in a number field is a real number: kept as -5 and graded (spend-5 has no minimum).
    expect(rows[3]["年消费额"]).toBe("-5");
    expect(rows[3].grade).toBe("Regular");
    expect(rows.map((x) => x.grade)).toEqual(["VIP", "VIP", "Regular", "Regular", "Gold"]);
  });

  test("grade labels and reasons from a custom template are neutralised too", () => {
    const tpl = {
      id: "inject-test",
      version: 1,
      name: { en: "Injection test", zh: "注入测试" },
      description: { en: "grades that look like formulas", zh: "像公式的等级" },
      category: "custom",
      fields: [{ key: "amount", label: { en: "Amount", zh: "金额" }, type: "number" }],
      grades: [
        { id: "=HIGH", label: { en: "=HIGH", zh: "=高" }, color: "#B7E1CD" },
        { id: "@low", label: { en: "@low", zh: "@低" }, color: "#F4C7C3" },
      ],
      model: { kind: "bands", field: "amount", bands: [{ grade: "=HIGH", op: ">=", value: 10 }], otherwise: "@low" },
    };
    const tplFile = put("inject-template.json", JSON.stringify(tpl, null, 2));
    const input = put("inject2.csv", "amount\n12\n3\n");
    const out = path.join(dir, "inject2.out.csv");
    const r = cli(["grade", "-t", tplFile, "--in", input, "--out", out]);
    expect(r.stderr).toMatch(/2 rows: 2 graded/);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    expect(rows.map((x) => x.grade)).toEqual(["'=HIGH", "'@low"]);
    expect(rows[0].reason.startsWith("'=HIGH")).toBe(true);
  });
});

describe("CSV reading and writing", () => {
  test("quoted fields with Chinese text, commas, quotes and line breaks round-trip unchanged", () => {
    const cells = [
      ["客户名称", "地址", "备注", "年消费额"],
      ["广州“好运”贸易有限公司", "广州市天河区体育西路1号, 3楼", 'He said "OK", then left', "52万"],
      ["深圳市,南山区", "第一行\n第二行", "多行\r\nCRLF 换行", "1,200"],
      ["  前后空格  ", "", '""', "12.5万"],
      ["北京", "x", "trailing,", "8000"],
    ];
    const text = "\uFEFF" + cells.map((r) => r.map((c) => '"' + c.replace(/"/g, '""') + '"').join(",")).join("\r\n") + "\r\n";
    const input = put("roundtrip.csv", text);
    const out = path.join(dir, "roundtrip.out.csv");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const raw = fs.readFileSync(out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    expect(raw.toString("utf8")).toContain("\r\n");
    const back = readCsv(out);
    expect(back.map((row) => row.slice(0, 4))).toEqual(cells);
    expect(back[0].slice(4)).toEqual(["grade", "reason"]);
    expect(back.slice(1).map((row) => row[4])).toEqual(["VIP", "Regular", "Gold", "Regular"]);
  });

  test("--no-bom writes plain UTF-8; LF-only, BOM-less input is read too", () => {
    const input = put("lf.csv", "annualSpend\n200000\n");
    const out = path.join(dir, "lf.out.csv");
    expect(cli(["grade", "-t", "spend-5", "--in", input, "--out", out, "--no-bom"]).code).toBe(0);
    const raw = fs.readFileSync(out, "utf8");
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    expect(raw).toBe("annualSpend,grade,reason\r\n200000,Platinum,\"Platinum: Annual spend 200,000 ≥ 200,000\"\r\n");
  });

  test("a CSV saved by Chinese Excel (GB18030, not UTF-8) is read, with a note", () => {
    const gbk = Buffer.from([
      // "客户,年消费额\r\n张三,60万\r\n" in GB18030
      0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xc4, 0xea, 0xcf, 0xfb, 0xb7, 0xd1, 0xb6, 0xee, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x36, 0x30,
      0xcd, 0xf2, 0x0d, 0x0a,
    ]);
    const input = put("gbk.csv", gbk);
    const out = path.join(dir, "gbk.out.csv");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not UTF-8; read it as GB18030/);
    expect(readCsv(out)).toEqual([
      ["客户", "年消费额", "grade", "reason"],
      ["张三", "60万", "VIP", "VIP: Annual spend 600,000 > 500,000"],
    ]);
  });

  test("an unterminated quote is refused with the input exit code naming the record", () => {
    const input = put("broken.csv", 'annualSpend,name\n5,"never closed\n6,x\n');
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", path.join(dir, "broken.out.csv")]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.stderr).toMatch(/record 2: a quoted field is never closed/);
  });

  test("CSV from stdin to stdout (--in - --out -), no BOM on stdout", () => {
    const r = cli(["grade", "-t", "spend-5", "--in", "-", "--out", "-", "-q"], { input: "年消费额\n10万\n" });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(parseCsv(r.stdout)).toEqual([
      ["年消费额", "grade", "reason"],
      ["10万", "Gold", "Gold: Annual spend 100,000 ≥ 100,000"],
    ]);
  });
});

describe("rows, errors and the summary", () => {
  test("error rows: grade and score empty, reason = the error; the summary lists the first 5 with file row numbers", () => {
    const input = put(
      "errors.csv",
      [
        "客户名称,月均进货额,月均进货量,财务毛利率,第1月进货额,第2月进货额,第3月进货额,第4月进货额,第5月进货额,第6月进货额,平均回款天数,重点品种占有率,中标价执行,采购方式,其他评分",
        "甲,100万,8000,12%,1,1,1,1,1,1,30,65%,是,计划补点,9",
        '"乙\n(两行名称)",abc,8000,12%,1,1,1,1,1,1,30,65%,是,计划补点,9',
        "丙,100万,8000,12%,1,1,1,1,1,1,30,65%,是,计划补点,11",
        ",,,,,,,,,,,,,,",
        "丁,100万,8000,12%,1,1,1,1,1,1,30,65%,也许,计划补点,9",
        "戊,100万,8000,12%,1,1,1,1,1,1,30,65%,是,网购,9",
        "己,100万,8000,,1,1,1,1,1,1,30,65%,是,计划补点,9",
        "庚,100万,8000,12%,1,1,1,1,1,1,-3,65%,是,计划补点,9",
        "辛,100万,8000,12%,1,1,1,1,1,1,30,165%,是,计划补点,9",
      ].join("\n"),
    );
    const out = path.join(dir, "errors.out.csv");
    const r = cli(["grade", "-t", "pharma-score", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    expect(rows).toHaveLength(9);
    expect(rows[0].grade).not.toBe("");
    expect(Number(rows[0].score)).toBeGreaterThan(0);
    for (const i of [1, 2, 4, 5, 6, 7, 8]) {
      expect(rows[i]).toMatchObject({ grade: "", score: "" });
      expect(rows[i].reason).not.toBe("");
    }
    expect(rows[1].reason).toBe("Average monthly purchase amount: 'abc' is not a number");
    expect(rows[3]).toMatchObject({ grade: "", score: "", reason: "no data" });
    expect(r.stderr).toMatch(/9 rows: 1 graded, 7 with errors, 1 with no data/);
    expect(r.stderr).toMatch(/rows with errors \(first 5 of 7\):/);
    const listed = [...r.stderr.matchAll(/^ {2}row (\d+): (.*)$/gm)].map((x) => Number(x[1]));
    expect(listed).toEqual([3, 4, 6, 7, 8]);
    expect(r.stderr).toMatch(/row 3: Average monthly purchase amount: 'abc' is not a number/);
  });

  test("scores are written in full precision", () => {
    const input = put("mf.csv", "purchaseBehavior,amount,frequency,satisfaction,referral\n90,85,80,95,75\n33.3,66.7,10.1,0.3,99.9\n");
    const out = path.join(dir, "mf.out.csv");
    expect(cli(["grade", "-t", "multi-factor-5", "--in", input, "--out", out]).code).toBe(0);
    const rows = csvObjects(readCsv(out));
    const engine = gradeTable(getBuiltinTemplate("multi-factor-5")!, {
      rows: [
        ["90", "85", "80", "95", "75"],
        ["33.3", "66.7", "10.1", "0.3", "99.9"],
      ],
      fields: ["purchaseBehavior", "amount", "frequency", "satisfaction", "referral"],
    });
    expect(rows[0].score).toBe("85.25");
    expect(rows[1].score).toBe(String(engine.score(1)));
    expect(rows[1].score.replace(/^\d+\./, "").length).toBeGreaterThan(4);
  });

  test("a code template's summary lists only the codes that occur", () => {
    const r = cli(["grade", "-t", "tobacco-retail-code", "--in", path.join(SAMPLES, "tobacco-retail-code.csv"), "--out", path.join(dir, "code.csv")]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => /^ {2}[A-Z]X?\d*L?\s+\d+$/.test(l));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => !/\s0$/.test(l))).toBe(true);
  });

  test("a title row above the header is skipped; --header-row picks the row explicitly", () => {
    const input = put("title.csv", "2024年 会员消费统计,,\n,,\n会员,年消费额,门店\n张三,60万,天河\n");
    const out = path.join(dir, "title.out.csv");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const back = readCsv(out);
    expect(back[0]).toEqual(["2024年 会员消费统计"]);
    expect(back[2]).toEqual(["会员", "年消费额", "门店", "grade", "reason"]);
    expect(back[3].slice(3, 4)).toEqual(["VIP"]);
    expect(cli(["grade", "-t", "spend-5", "--in", input, "--out", out, "--header-row", "3", "--force"]).code).toBe(0);
    const bad = cli(["grade", "-t", "spend-5", "--in", input, "--out", out, "--header-row", "2", "--force"]);
    expect(bad.code).toBe(EXIT_CODE_OF.input);
    expect(bad.stderr).toMatch(/--header-row 2/);
  });

  test("re-grading an output replaces its grade columns instead of adding more", () => {
    const first = path.join(dir, "again1.csv");
    const second = path.join(dir, "again2.csv");
    expect(cli(["grade", "-t", "spend-5", "--in", path.join(SAMPLES, "spend-5.csv"), "--out", first]).code).toBe(0);
    const r = cli(["grade", "-t", "spend-5", "--in", first, "--out", second]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/already has grade columns/);
    expect(fs.readFileSync(second, "utf8")).toBe(fs.readFileSync(first, "utf8"));
  });

  test("a file with a header and no data rows: exit 0, 0 rows", () => {
    const input = put("nodata.csv", "年消费额,客户\n,\n\n");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", path.join(dir, "nodata.out.csv")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no data rows below the header/);
    expect(r.stderr).toMatch(/0 rows: 0 graded/);
  });
});

describe("--lang zh-CN", () => {
  test("grade labels, reasons and the summary are Chinese", () => {
    const input = path.join(SAMPLES, "bocom-tier.csv");
    const out = path.join(dir, "bocom-zh.csv");
    const r = cli(["grade", "-t", "bocom-tier", "--in", input, "--out", out, "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    const grades = new Set(rows.map((x) => x.grade).filter((g) => g));
    expect([...grades].sort()).toEqual(["沃德 VIP", "理财", "普通", "钻石"].sort());
    expect(rows.find((x) => x["客户姓名"] === "刘德明")).toMatchObject({ grade: "沃德 VIP" });
    expect(rows.find((x) => x["客户姓名"] === "刘德明")!.reason).toMatch(/提升至沃德 VIP/);
    expect(rows.find((x) => x["客户姓名"] === "周慧敏")!.reason).toMatch(/不是数字/);
    expect(rows.find((x) => x.reason === "无数据")).toBeDefined();
    expect(r.stderr).toMatch(/共 12 行：已评级 10 行，错误 1 行，无数据 1 行/);
    expect(r.stderr).toMatch(/第 12 行：/);
    // Same grades as English, by id.
    const en = path.join(dir, "bocom-en.csv");
    expect(cli(["grade", "-t", "bocom-tier", "--in", input, "--out", en]).code).toBe(0);
    const enRows = csvObjects(readCsv(en));
    const zhOf: Record<string, string> = { Diamond: "钻石", VIP: "沃德 VIP", Wealth: "理财", Ordinary: "普通", "": "" };
    expect(rows.map((x) => x.grade)).toEqual(enRows.map((x) => zhOf[x.grade]));
  });

  test("errors are Chinese too; --lang zh is accepted, --lang fr is a usage error", () => {
    const r = cli(["grade", "-t", "nope", "--in", "a.csv", "--out", "b.csv", "--lang", "zh"]);
    expect(r.code).toBe(EXIT_CODE_OF.notFound);
    expect(r.stderr).toMatch(/未知模板“nope”/);
    const bad = cli(["grade", "-t", "spend-5", "--in", "a.csv", "--out", "b.csv", "--lang", "fr"]);
    expect(bad.code).toBe(EXIT_CODE_OF.usage);
    expect(bad.stderr).toMatch(/--lang must be en or zh-CN/);
  });
});

describe("--map and missing columns", () => {
  const input = () => put("map.csv", "客户,月数,金额（元）\n甲,2,\n乙,,6万\n");

  test("a required column missing: the input exit code, the message names the field and suggests a near miss", () => {
    const file = put("near.csv", "Customer,Annual spending\nA,5\n");
    const r = cli(["grade", "-t", "spend-5", "--in", file, "--out", path.join(dir, "near.out.csv")]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    const line = r.stderr.trim();
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/no column for required field 'annualSpend' \(Annual spend \/ 年消费额\)/);
    expect(line).toMatch(/did you mean 'Annual spending' \(column B\)\? Use --map annualSpend="Annual spending"/);
  });

  test("no near miss: the message lists the headers; a one-of group names all its fields", () => {
    const r = cli(["grade", "-t", "sales-pipeline", "--in", input(), "--out", path.join(dir, "map.out.csv")]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.stderr).toMatch(/closeMonths.*monthlyAmount.*at least one is needed/);
    expect(r.stderr).toMatch(/客户, 月数, 金额（元）/);
  });

  test("--map field=Header (comma-separated or repeated, by label or #column) maps the columns", () => {
    const out = path.join(dir, "map.out.csv");
    for (const args of [
      ["--map", "closeMonths=月数,monthlyAmount=金额（元）"],
      ["--map", "closeMonths=月数", "--map", "预计月度成交金额=#3"],
    ]) {
      const r = cli(["grade", "-t", "sales-pipeline", "--in", input(), "--out", out, "--force", ...args]);
      expect(r.stderr).toMatch(/closeMonths <- B "月数", monthlyAmount <- C "金额（元）"/);
      expect(r.code).toBe(0);
      expect(csvObjects(readCsv(out)).map((x) => x.grade)).toEqual(["A", "B"]);
    }
  });

  test("--map mistakes are usage (unknown field, syntax) or input (no such column) errors with what to do", () => {
    const out = path.join(dir, "map.out.csv");
    const unknown = cli(["grade", "-t", "sales-pipeline", "--in", input(), "--out", out, "--force", "--map", "months=月数"]);
    expect(unknown.code).toBe(EXIT_CODE_OF.usage);
    expect(unknown.stderr).toMatch(/'months' is not a field of 'sales-pipeline'; its fields: closeMonths, monthlyAmount/);
    const noCol = cli(["grade", "-t", "sales-pipeline", "--in", input(), "--out", out, "--force", "--map", "closeMonths=Months"]);
    expect(noCol.code).toBe(EXIT_CODE_OF.input);
    expect(noCol.stderr).toMatch(/no column 'Months' in the header row/);
    const syntax = cli(["grade", "-t", "sales-pipeline", "--in", input(), "--out", out, "--force", "--map", "closeMonths"]);
    expect(syntax.code).toBe(EXIT_CODE_OF.usage);
    expect(syntax.stderr).toMatch(/write it as field=Header/);
  });
});

describe("templates from files and parameters", () => {
  test("--template file.json grades with a custom template; a bad file is refused with the checker's messages", () => {
    const base = JSON.parse(cli(["templates", "--export", "spend-5"]).stdout);
    base.id = "my-spend";
    base.model.bands[0].value = 1000000;
    const good = put("my-spend.json", JSON.stringify(base, null, 2));
    const out = path.join(dir, "my-spend.out.csv");
    const ok = cli(["grade", "-t", good, "--in", path.join(SAMPLES, "spend-5.csv"), "--out", out]);
    expect(ok.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    expect(rows.find((x) => x["会员姓名"] === "张伟")!.grade).toBe("Platinum"); // 680000: VIP needs > 1,000,000 now

    base.model.bands[0].grade = "Emerald";
    const bad = put("bad-spend.json", JSON.stringify(base));
    const r = cli(["grade", "-t", bad, "--in", path.join(SAMPLES, "spend-5.csv"), "--out", out]);
    expect(r.code).toBe(EXIT_CODE_OF.template);
    expect(r.stderr).toMatch(/^error model\.bands\[0\]\.grade: unknown grade 'Emerald'$/m);
    expect(r.stderr).toMatch(/gradekit: template file .* has problems/);

    const missing = cli(["grade", "-t", path.join(dir, "nope.json"), "--in", path.join(SAMPLES, "spend-5.csv"), "--out", out]);
    expect(missing.code).toBe(EXIT_CODE_OF.notFound);
    expect(missing.stderr).toMatch(/template file .*nope\.json' does not exist/);
  });

  test("--param overrides a template parameter; unknown or out-of-range parameters are usage errors", () => {
    const input = put("pharma-param.csv", [
      "avgMonthlyAmount,avgMonthlyQty,grossMargin,m1,m2,m3,m4,m5,m6,avgPaymentDays,keyProductShare,bidPriceCompliant,purchaseMethod,otherScore",
      "100,100,10%,1,1,1,1,1,1,30,60%,yes,planned,10",
    ].join("\n"));
    const out = path.join(dir, "pharma-param.out.csv");
    expect(cli(["grade", "-t", "pharma-score", "--in", input, "--out", out]).code).toBe(0);
    const s90 = Number(csvObjects(readCsv(out))[0].score);
    expect(cli(["grade", "-t", "pharma-score", "--in", input, "--out", out, "--force", "--param", "problemLimitDays=60"]).code).toBe(0);
    const s60 = Number(csvObjects(readCsv(out))[0].score);
    // payment points: 15 * (90 - 30) / 90 = 10 vs 15 * (60 - 30) / 60 = 7.5
    expect(s90 - s60).toBeCloseTo(2.5, 9);
    const unknown = cli(["grade", "-t", "pharma-score", "--in", input, "--out", out, "--force", "--param", "limit=60"]);
    expect(unknown.code).toBe(EXIT_CODE_OF.usage);
    expect(unknown.stderr).toMatch(/problemLimitDays \(90\)/);
    const range = cli(["grade", "-t", "pharma-score", "--in", input, "--out", out, "--force", "--param", "problemLimitDays=400"]);
    expect(range.code).toBe(EXIT_CODE_OF.usage);
    expect(range.stderr).toMatch(/between 1 and 365/);
  });
});

describe("xlsx", () => {
  test("xlsx output keeps the other sheets untouched and adds columns to the graded sheet only", async () => {
    const input = path.join(SAMPLES, "gradekit-samples.xlsx");
    const out = path.join(dir, "book.xlsx");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--sheet", "spend-5", "--out", out]);
    expect(r.code).toBe(0);
    const a = new ExcelJS.Workbook();
    const b = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    await b.xlsx.readFile(out);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      const wb2 = b.getWorksheet(ws.name)!;
      const dump = (w: ExcelJS.Worksheet) => {
        const cells: unknown[] = [];
        w.eachRow({ includeEmpty: true }, (row, rn) => row.eachCell({ includeEmpty: false }, (c, cn) => cells.push([rn, cn, c.value])));
        return cells;
      };
      if (ws.name === "spend-5") {
        expect(wb2.getRow(1).values).toEqual([undefined, "会员姓名", "会员卡号", "年消费额", "开卡门店", "grade", "reason"]);
        expect(wb2.getCell("E2").value).toBe("VIP");
      } else expect(dump(wb2)).toEqual(dump(ws));
    }
  });

  test("dates, booleans and errors in xlsx cells: a date is bad input for a number, TRUE is yes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    ws.addRow(["customer", "assets", "platinumCard"]);
    ws.addRow(["date", new Date(Date.UTC(2024, 0, 5)), false]);
    ws.addRow(["bool", 60000, true]);
    ws.addRow(["err", { error: "#DIV/0!" }, null]);
    ws.addRow(["formula", { formula: "B3*100", result: 6000000 }, null]);
    const input = path.join(dir, "types.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "types.out.csv");
    const r = cli(["grade", "-t", "bocom-tier", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(out));
    expect(rows.map((x) => x.grade)).toEqual(["", "VIP", "", "Diamond"]);
    expect(rows[0]).toMatchObject({ assets: "2024-01-05", platinumCard: "FALSE" });
    expect(rows[0].reason).toMatch(/not a number/);
    expect(rows[2].reason).toMatch(/#DIV\/0!/);
    expect(rows[3].assets).toBe("6000000");
  });

  test("--sheet picks a sheet; an unknown sheet is not found, listing the sheets; --sheet with CSV is a usage error", () => {
    const input = path.join(SAMPLES, "gradekit-samples.xlsx");
    const r = cli(["grade", "-t", "spend-5", "--in", input, "--sheet", "nope", "--out", path.join(dir, "x.csv")]);
    expect(r.code).toBe(EXIT_CODE_OF.notFound);
    expect(r.stderr).toMatch(/no sheet 'nope' .* its sheets: sales-pipeline, mfq-102a/);
    const csv = cli(["grade", "-t", "spend-5", "--in", path.join(SAMPLES, "spend-5.csv"), "--sheet", "x", "--out", path.join(dir, "x.csv")]);
    expect(csv.code).toBe(EXIT_CODE_OF.usage);
  });
});

describe("exit codes and usage", () => {
  const out = () => path.join(dir, "u.csv");
  test.each([
    ["unknown template", ["grade", "-t", "foo", "--in", "samples/spend-5.csv", "--out", "OUT"], /unknown template 'foo': run `gradekit templates` to list them/, "notFound"],
    ["no input file", ["grade", "-t", "spend-5", "--in", "nope.csv", "--out", "OUT"], /input file 'nope\.csv' does not exist/, "notFound"],
    ["bad input type", ["grade", "-t", "spend-5", "--in", "samples/spend-5.txt", "--out", "OUT"], /--in 'samples\/spend-5\.txt' must be a \.csv or \.xlsx file/, "usage"],
    ["bad output type", ["grade", "-t", "spend-5", "--in", "samples/spend-5.csv", "--out", "x.xls"], /--out 'x\.xls' must be a \.csv or \.xlsx file/, "usage"],
    ["same file", ["grade", "-t", "spend-5", "--in", "samples/spend-5.csv", "--out", "samples/spend-5.csv"], /--out is the same file as --in/, "output"],
    ["missing --template", ["grade", "--in", "samples/spend-5.csv", "--out", "OUT"], /--template is required: run `gradekit help grade`/, "usage"],
    ["unknown option", ["grade", "-t", "spend-5", "--in", "samples/spend-5.csv", "--out", "OUT", "--colour"], /Unknown option '--colour'.*gradekit help grade/, "usage"],
    ["unknown command", ["frobnicate"], /unknown command 'frobnicate': run `gradekit help`/, "usage"],
    ["no command", [], /no command given/, "usage"],
  ])("%s -> its class's exit code with a one-line message", (_name, args, message, errorClass) => {
    const r = cli(args.map((a) => (a === "OUT" ? out() : a)));
    expect(r.code).toBe(EXIT_CODE_OF[errorClass as ErrorClass]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("gradekit:"))).toHaveLength(1);
  });

  test("help, --help, help grade, grade --help and --version exit 0", () => {
    for (const args of [["help"], ["--help"], ["-h"]]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/gradekit grade --template/);
      expect(r.stdout).toMatch(/gradekit templates --export/);
      expect(r.stdout).toMatch(/gradekit check <template\.json>/);
    }
    for (const args of [["help", "grade"], ["grade", "--help"]]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--map field=Header/);
    }
    expect(cli(["help", "--lang", "zh-CN"]).stdout).toMatch(/用评级模板/);
    const v = cli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version);
  });

  test("bin/gradekit.js says what to do when lib/ is missing", () => {
    const fake = tempDir("nolib");
    fs.mkdirSync(path.join(fake, "bin"));
    fs.copyFileSync(path.join(__dirname, "..", "..", "bin", "gradekit.js"), path.join(fake, "bin", "gradekit.js"));
    const r = spawnSync(process.execPath, [path.join(fake, "bin", "gradekit.js"), "templates"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run npm install \(or npm run build:cli\) first/);
    fs.rmSync(fake, { recursive: true, force: true });
  });
});
