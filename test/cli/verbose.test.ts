/**
 * `gradekit grade --verbose` (issue 14 item 4): on stderr, how the input was read (encoding,
 * delimiter, header row, row count), the mapping (field <- column, unit) and the time taken; the
 * summary's `columns:` line names the encoding a CSV was read in.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { cli, ensureBuilt, tempDir } from "./helpers";

beforeAll(() => ensureBuilt());

const dir = tempDir("verbose");
const at = (name: string) => path.join(dir, name);

test("a Latin-1, semicolon CSV: encoding, delimiter, header row, rows, mapping with its unit, elapsed time", () => {
  fs.writeFileSync(at("latin.csv"), Buffer.from("Bemerkung;name;annual spend (10k CNY)\nCafé;Müller;60\nx;José;1\n", "latin1"));
  const r = cli(["grade", "-t", "spend-5", "--in", at("latin.csv"), "--out", at("latin.out.csv"), "--verbose"]);
  expect(r.code).toBe(0);
  const err = r.stderr;
  expect(err).toMatch(/^encoding: Windows-1252 \(Latin-1\)$/m);
  expect(err).toMatch(/^delimiter: ';'$/m);
  expect(err).toMatch(/^header row: 1$/m);
  expect(err).toMatch(/^data rows: 2$/m);
  expect(err).toMatch(/^mapping \(field <- column\):\n {2}annualSpend <- C "annual spend \(10k CNY\)" \(unit 10k CNY, x 10000\)$/m);
  expect(err).toMatch(/^elapsed: \d+\.\d\d s$/m);
  // The summary's mapping line names the encoding too.
  expect(err).toMatch(/^columns: annualSpend <- C "annual spend \(10k CNY\)" \(10k CNY x 10000\) \(read as Windows-1252 \(Latin-1\)\)$/m);
});

test("without --verbose: no such lines; the summary still names the encoding (UTF-8 here); -q with --verbose keeps only the verbose lines", () => {
  fs.writeFileSync(at("utf8.csv"), "会员姓名,年消费额\n张三,600000\n");
  const plain = cli(["grade", "-t", "spend-5", "--in", at("utf8.csv"), "--out", at("u1.csv")]);
  expect(plain.code).toBe(0);
  expect(plain.stderr).not.toMatch(/^(encoding|delimiter|header row|elapsed):/m);
  expect(plain.stderr).toMatch(/^columns: annualSpend <- B "年消费额" \(read as UTF-8\)$/m);
  const quiet = cli(["grade", "-t", "spend-5", "--in", at("utf8.csv"), "--out", at("u2.csv"), "-q", "--verbose", "--lang", "zh-CN"]);
  expect(quiet.code).toBe(0);
  expect(quiet.stderr).toMatch(/^编码：UTF-8$/m);
  expect(quiet.stderr).toMatch(/^分隔符：','$/m);
  expect(quiet.stderr).toMatch(/^用时：\d+\.\d\d 秒$/m);
  expect(quiet.stderr).not.toMatch(/^列：/m);
});

test("stdin CSV (read whole) gives the same lines as a file (streamed)", () => {
  const text = "name\tannual spend\nA\t600000\nB\t100\n";
  fs.writeFileSync(at("tab.csv"), text);
  const file = cli(["grade", "-t", "spend-5", "--in", at("tab.csv"), "--out", at("t1.csv"), "--verbose", "-q"]);
  const stdin = cli(["grade", "-t", "spend-5", "--in", "-", "--out", at("t2.csv"), "--verbose", "-q"], { input: text });
  const strip = (s: string) => s.replace(/^elapsed: .*$/m, "");
  expect(file.code).toBe(0);
  expect(stdin.code).toBe(0);
  expect(file.stderr).toMatch(/^delimiter: tab$/m);
  expect(strip(stdin.stderr)).toBe(strip(file.stderr));
});

test("xlsx input: the sheet instead of encoding and delimiter", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Members");
  ws.addRow(["title"]);
  ws.addRow(["会员姓名", "年消费额"]);
  ws.addRow(["a", 600000]);
  await wb.xlsx.writeFile(at("in.xlsx"));
  const r = cli(["grade", "-t", "spend-5", "--in", at("in.xlsx"), "--out", at("x.csv"), "--verbose", "-q"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^sheet: Members$/m);
  expect(r.stderr).toMatch(/^header row: 2$/m);
  expect(r.stderr).toMatch(/^data rows: 1$/m);
  expect(r.stderr).not.toMatch(/^(encoding|delimiter):/m);
});
