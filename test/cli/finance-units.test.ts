/** `gradekit grade` with money as finance tables write it and a unit in a header: read, scaled, unit shown. */
import * as fs from "fs";
import * as path from "path";
import { cli, csvObjects, ensureBuilt, readCsv, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("finance");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a 万元 header scales plain cells, finance forms are read, near misses are row errors", () => {
  const input = path.join(dir, "spend.csv");
  const out = path.join(dir, "out.csv");
  const rows = [
    ["客户", "年消费额（万元）"],
    ["a", "60"],
    ["b", "¥25"],
    ["c", "50万"],
    ["d", "(1)"],
    ["e", "1,2,3元"],
    ["f", "¥"],
    ["g", "万元"],
    ["h", "(1,200"],
    ["i", "30元"],
    ["j", "（1.2万元）"],
  ];
  fs.writeFileSync(input, rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n") + "\n");
  const r = cli(["grade", "--template", "spend-5", "--in", input, "--out", out, "--lang", "en"]);
  expect(r.stderr).toContain("10 rows: 6 graded, 4 with errors");
  expect(r.stderr).toContain('annualSpend <- B "年消费额（万元）" (万元 x 10000)');
  const got = csvObjects(readCsv(out)).map((o) => [o["客户"], o.grade, o.reason]);
  expect(got.map((g) => g[1])).toEqual(["VIP", "Platinum", "Platinum", "Regular", "", "", "", "", "Regular", "Regular"]);
  expect(got[4][2]).toBe("Annual spend: '1,2,3元' is not a number");
  expect(got[5][2]).toBe("Annual spend: '¥' is not a number");
  expect(got[6][2]).toBe("Annual spend: '万元' is not a number");
  expect(got[7][2]).toBe("Annual spend: '(1,200' is not a number");
});

test("finance forms without a header unit are read as written", () => {
  const input = path.join(dir, "plain.csv");
  const out = path.join(dir, "plain-out.csv");
  fs.writeFileSync(input, ["name,年消费额", 'a,"¥600,000"', "b,1.2万元", 'c,"(1,200)"', "d,3亿元", "e,5千元", 'f,"$60,000"'].join("\n") + "\n");
  const r = cli(["grade", "--template", "spend-5", "--in", input, "--out", out, "--lang", "en"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('annualSpend <- B "年消费额" (read as UTF-8)\n');
  expect(r.stderr).not.toContain(" x 10000");
  expect(csvObjects(readCsv(out)).map((o) => o.grade)).toEqual(["VIP", "Regular", "Regular", "VIP", "Regular", "Silver"]);
});
