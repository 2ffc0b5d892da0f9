/**
 * Every input read as written or refused by name: each case is a fixture made here, the message
 * expected on stderr (or in the output) and the exit code. No message carries a stack trace.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { EXIT_CODE_OF } from "../../src/cli/exit";
import { decodeText } from "../../src/cli/io";
import { cli, csvObjects, ensureBuilt, readCsv, SAMPLES, tempDir } from "./helpers";

beforeAll(() => ensureBuilt());

const dir = tempDir("inabuse");
const at = (name: string) => path.join(dir, name);
const NO_STACK = /\n\s+at .+:\d+:\d+/;

/** `gradekit grade` into one output file, replaced each time (`--force`). */
function grade(input: string, extra: string[] = [], out = at("out.csv")) {
  const r = cli(["grade", "-t", "spend-5", "--in", input, "--out", out, "--force", ...extra]);
  expect(r.stderr).not.toMatch(NO_STACK);
  return r;
}

async function workbook(file: string, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("S"));
  await wb.xlsx.writeFile(at(file));
  return at(file);
}

describe("CSV rows wider or narrower than the header", () => {
  test("an unquoted 1,200,000 makes that row an error naming its line and the fix; other rows graded", () => {
    fs.writeFileSync(at("wide.csv"), "name,annual spend\nA,600000\nB,1,200,000\nC,\"1,200\"\nD,60000\n");
    const r = grade(at("wide.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 3 has 4 fields but the header \(line 1\) has 2: quote numbers that contain commas/);
    const rows = csvObjects(readCsv(at("out.csv")));
    expect(rows.map((x) => x.grade)).toEqual(["VIP", "", "Regular", "Silver"]);
    expect(rows[1].reason).toMatch(/line 3 has 4 fields/);
  });

  test("a narrower row is an error too; line numbers count lines inside quoted fields", () => {
    fs.writeFileSync(at("narrow.csv"), 'name,annual spend,note\nA,600000,"two\nlines"\nB,60000\n');
    const r = grade(at("narrow.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 4 has 2 fields but the header \(line 1\) has 3/);
  });

  test("a ragged row is left out of a population (relative-to-max) instead of shifting it", () => {
    fs.writeFileSync(at("pop.csv"), "creditScore,orderAmount,profit\n50,100,100\n50,1,000,000,100\n50,50,50\n");
    const r = cli(["grade", "-t", "weighted-value", "--in", at("pop.csv"), "--out", at("pop-out.csv"), "-q"]);
    expect(r.code).toBe(0);
    const rows = csvObjects(readCsv(at("pop-out.csv")));
    expect(rows[1].grade).toBe("");
    expect(Number(rows[0].score)).toBeCloseTo(0.1 * 50 + 30 + 60, 6); // max is 100, not the shifted 1
  });

  test("--delimiter reads a semicolon file whose numbers hold commas", () => {
    fs.writeFileSync(at("semi.csv"), "name;annual spend\nA;600,000\nB;60,000\n");
    const r = grade(at("semi.csv"), ["--delimiter", ";", "-q"]);
    expect(r.code).toBe(0);
    expect(csvObjects(readCsv(at("out.csv"))).map((x) => x.grade)).toEqual(["VIP", "Silver"]);
    expect(grade(at("semi.csv"), ["--delimiter", "ab"]).stderr).toMatch(/--delimiter 'ab' must be one character/);
  });
});

describe("encodings", () => {
  const text = "客户,年消费额\r\n张三,60万\r\n";
  const latin = "name,annual spend\r\nMüller Café,600000\r\nJosé,1000\r\n";
  test.each([
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "UTF-16LE", text],
    ["UTF-16LE without BOM", Buffer.from(text, "utf16le"), "UTF-16LE (no BOM)", text],
    ["UTF-16BE without BOM", Buffer.from(text, "utf16le").swap16(), "UTF-16BE (no BOM)", text],
    ["GB18030", Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x36, 0x30, 0xcd, 0xf2]), "GB18030", "客户,60万"],
    ["Latin-1 / Windows-1252", Buffer.from(latin, "latin1"), "Windows-1252 (Latin-1)", latin],
  ])("%s is detected", (_name, bytes, encoding, expected) => {
    expect(decodeText(bytes)).toEqual({ text: expected, encoding });
  });

  test.each([
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "UTF-16LE", "张三"],
    ["UTF-16BE without BOM", Buffer.from(text, "utf16le").swap16(), "UTF-16BE (no BOM)", "张三"],
    ["GB18030", Buffer.from("bfcdbba72cc4eacffbb7d1b6ee0d0ad5c5c8fd2c3630cdf20d0a", "hex") /* "客户,年消费额\r\n张三,60万\r\n" */, "GB18030", "张三"],
    ["Windows-1252 (Latin-1)", Buffer.from(latin, "latin1"), "Windows-1252 (Latin-1)", "Müller Café"],
  ])("%s through grade: names intact, graded, the encoding named in the summary's columns line", (name, bytes, encoding, firstName) => {
    const f = at(`enc-${name.replace(/\W+/g, "_")}.csv`);
    fs.writeFileSync(f, bytes);
    const r = grade(f);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`(read as ${encoding})`);
    const rows = csvObjects(readCsv(at("out.csv")));
    expect(Object.values(rows[0])[0]).toBe(firstName);
    expect(rows[0].grade).toBe("VIP");
  });

  test("a Latin-1 file is graded with its names intact, and the encoding is named in the summary", () => {
    fs.writeFileSync(at("latin.csv"), Buffer.from(latin, "latin1"));
    const r = grade(at("latin.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/read it as Windows-1252 \(Latin-1\)/);
    expect(readCsv(at("out.csv"))[1][0]).toBe("Müller Café");
  });

  test("UTF-16 without a BOM is graded; --encoding overrides detection; a bad --encoding is a usage error", () => {
    fs.writeFileSync(at("u16.csv"), Buffer.from(text, "utf16le"));
    const r = grade(at("u16.csv"));
    expect(r.code).toBe(0);
    expect(csvObjects(readCsv(at("out.csv")))[0].grade).toBe("VIP");
    fs.writeFileSync(at("forced.csv"), Buffer.from(latin, "latin1"));
    const forced = grade(at("forced.csv"), ["--encoding", "gb18030"]);
    expect(forced.stderr).toMatch(/read as GB18030 \(--encoding\)/);
    const bad = grade(at("forced.csv"), ["--encoding", "klingon"]);
    expect(bad.code).toBe(EXIT_CODE_OF.usage);
    expect(bad.stderr).toMatch(/--encoding 'klingon' is not an encoding/);
  });
});

describe("hostile xlsx", () => {
  test("a stray far cell (XFD1048576) costs nothing: the table is graded, the cell is named in a note", async () => {
    const f = await workbook("stray.xlsx", (ws) => {
      ws.addRow(["会员姓名", "年消费额"]);
      ws.addRow(["a", 600000]);
      ws.getCell("XFD1048576").value = "x";
    });
    const r = grade(f);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/beyond an empty column right of the table \(first: XFD1048576\)/);
    expect(readCsv(at("out.csv"))).toHaveLength(2);
  });

  test("merged cells are read as Excel shows them (top-left only), with a warning naming the range", async () => {
    const f = await workbook("merged.xlsx", (ws) => {
      ws.addRow(["会员姓名", "年消费额"]);
      ws.addRow(["a", 600000]);
      ws.addRow(["b", null]);
      ws.mergeCells("B2:B3");
    });
    const r = grade(f);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/merged cells B2:B3: read as Excel shows them/);
    expect(csvObjects(readCsv(at("out.csv"))).map((x) => x.grade)).toEqual(["VIP", ""]);
  });

  test(".xlsm is read like .xlsx; it is never written", async () => {
    await workbook("macro.xlsx", (ws) => {
      ws.addRow(["会员姓名", "年消费额"]);
      ws.addRow(["a", 600000]);
    });
    fs.copyFileSync(at("macro.xlsx"), at("macro.xlsm"));
    expect(grade(at("macro.xlsm"), ["-q"]).code).toBe(0);
    const out = grade(at("macro.xlsm"), [], at("out.xlsm"));
    expect(out.code).toBe(EXIT_CODE_OF.usage);
    expect(out.stderr).toMatch(/never macro-enabled \.xlsm/);
  });

  test.each([
    ["password-protected", () => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(2000, 7)]), /is a password-protected workbook \(or an old \.xls\): open it in Excel, remove the password/],
    ["a CSV renamed .xlsx", () => fs.readFileSync(path.join(SAMPLES, "spend-5.csv")), /is a text file named \.xlsx, not a workbook: if it is CSV, rename it to \.csv/],
    ["truncated", () => fs.readFileSync(path.join(SAMPLES, "spend-5.xlsx")).subarray(0, 3000), /is a damaged or incomplete xlsx/],
    ["a zip bomb (directory promises 4 GB)", () => zipBomb(fs.readFileSync(path.join(SAMPLES, "spend-5.xlsx"))), /unpacks to \d+ MB .*over GradeKit's limit for xlsx/],
  ])("%s: one sentence, the input exit code", (name, bytes, message) => {
    const f = at(`${name.replace(/\W+/g, "_")}.xlsx`);
    fs.writeFileSync(f, bytes());
    const r = grade(f);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("gradekit:"))).toHaveLength(1);
  });
});

/** The workbook with its first sheet's uncompressed size in the zip directory set to ~4 GB. */
function zipBomb(xlsx: Buffer): Buffer {
  const b = Buffer.from(xlsx);
  for (let p = 0; p + 46 < b.length; p++) {
    if (b.readUInt32LE(p) !== 0x02014b50) continue;
    const name = b.toString("utf8", p + 46, p + 46 + b.readUInt16LE(p + 28));
    if (name.startsWith("xl/worksheets/")) b.writeUInt32LE(0xfffffff0, p + 24);
  }
  return b;
}

describe("output limits and template numbers", () => {
  test("a 32,768-character cell is refused for xlsx output, naming the cell; CSV output keeps it", () => {
    fs.writeFileSync(at("long.csv"), "会员姓名,年消费额\n" + "y".repeat(32768) + ",600000\n");
    const r = grade(at("long.csv"), [], at("long.xlsx"));
    expect(r.code).toBe(EXIT_CODE_OF.output);
    expect(r.stderr).toMatch(/cell A2 holds 32768 characters; an xlsx cell holds at most 32,767/);
    expect(fs.existsSync(at("long.xlsx"))).toBe(false);
    expect(grade(at("long.csv"), ["-q"]).code).toBe(0);
  });

  test("numbers from a CSV are number cells in xlsx output; IDs with leading zeros stay text", async () => {
    fs.writeFileSync(at("typed.csv"), "id,会员姓名,年消费额\n007,a,600000\n8,b,1200.5\n");
    expect(grade(at("typed.csv"), ["-q"], at("typed.xlsx")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at("typed.xlsx"));
    const ws = wb.worksheets[0];
    expect(ws.getCell("A2").value).toBe("007");
    expect(ws.getCell("C2").value).toBe(600000);
    expect(ws.getCell("C3").value).toBe(1200.5);
  });

  test.each([
    ["1e999", (t: string) => t.replace('"value": 500000', '"value": 1e999')],
    ["NaN", (t: string) => t.replace('"value": 500000', '"value": NaN')],
  ])("a template number %s is refused by check (exit 1) and by grade (the template exit code)", (_n, edit) => {
    const exported = cli(["templates", "--export", "spend-5"]).stdout;
    expect(exported).toContain('"value": 500000');
    fs.writeFileSync(at("bad.json"), edit(exported));
    const check = cli(["check", at("bad.json")]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/error/);
    expect(check.stderr).not.toMatch(NO_STACK);
    const r = cli(["grade", "-t", at("bad.json"), "--in", path.join(SAMPLES, "spend-5.csv"), "--out", at("x.csv")]);
    expect(r.code).toBe(EXIT_CODE_OF.template);
    expect(r.stderr).toMatch(/has problems/);
  });
});
