/**
 * The worked examples of issue 20 in samples/custom/, graded by the CLI against values worked out
 * by hand from their sources:
 * - customer-value-matrix (Marcus 1998): a computed measure (average purchase = spend ÷ purchases)
 *   and population thresholds (both axes split at the graded customers' mean); C11 has no purchases,
 *   so its average purchase divides by zero: an error row naming the measure.
 * - driving-licence-points (MPS Order No. 163, 2022): deductions of 12/9/6/3/1 points from 12; a
 *   total below zero (D05: 12 − 9 − 6 = −3) counts as 0 and the reason says so.
 */
import * as fs from "fs";
import * as path from "path";
import { cli, csvObjects, ensureBuilt, readCsv, SAMPLES, tempDir } from "./helpers";

const CUSTOM = path.join(SAMPLES, "custom");
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("issue20");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("both templates pass `gradekit check`, and name their source in the description", () => {
  for (const id of ["customer-value-matrix", "driving-licence-points"]) {
    const file = path.join(CUSTOM, `${id}.json`);
    const r = cli(["check", file]);
    expect(r.code).toBe(0);
    const t = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(t.description.en).toMatch(/Source: /);
    expect(t.description.zh).toMatch(/来源：/);
  }
});

test("customer value matrix: means 6.3 purchases and 425 per purchase over the 10 graded customers", () => {
  // Purchases 12,10,2,3,8,1,15,4,6,2 → mean 63/10 = 6.3; averages 500,200,900,150,500,1200,150,100,500,50 → 4250/10 = 425.
  const out = path.join(dir, "cvm.csv");
  const r = cli(["grade", "--template", path.join(CUSTOM, "customer-value-matrix.json"), "--in", path.join(CUSTOM, "customer-value-matrix.csv"), "--out", out]);
  expect(r.code).toBe(0);
  const rows = csvObjects(readCsv(out));
  expect(rows.map((x) => [x.Customer, x.grade])).toEqual([
    ["C01", "Best"], // 12 ≥ 6.3, 500 ≥ 425
    ["C02", "Frequent"], // 10 ≥ 6.3, 200 < 425
    ["C03", "Spender"], // 2 < 6.3, 900 ≥ 425
    ["C04", "Uncertain"],
    ["C05", "Best"], // "4,000" / 8 = 500
    ["C06", "Spender"],
    ["C07", "Frequent"],
    ["C08", "Uncertain"],
    ["C09", "Spender"], // 6 < 6.3
    ["C10", "Uncertain"],
    ["C11", ""], // 0 / 0
  ]);
  expect(rows[0].reason).toBe(
    "Average purchase 500 = Total spend 6,000 ÷ Purchases 12; Best customers: Purchases 12 ≥ mean of Purchases (6.3) and Average purchase 500 ≥ mean of Average purchase (425)",
  );
  expect(rows[10].reason).toBe("Average purchase: division by zero in Total spend 0 ÷ Purchases 0");
  expect(r.stderr).toMatch(/row 12: Average purchase: division by zero/);
});

test("driving licence points: 12 less the deductions, a negative total counted as 0", () => {
  const out = path.join(dir, "dlp.csv");
  const r = cli(["grade", "--template", path.join(CUSTOM, "driving-licence-points.json"), "--in", path.join(CUSTOM, "driving-licence-points.csv"), "--out", out, "--lang", "zh-CN"]);
  expect(r.code).toBe(0);
  const rows = csvObjects(readCsv(out));
  const byDriver = Object.fromEntries(rows.map((x) => [x.Driver, [x.grade, x.score]]));
  expect(byDriver).toEqual({
    D01: ["未扣分", "12"], // 12
    D02: ["已扣分", "9"], // 12 − 3
    D03: ["已扣分", "3"], // 12 − 6 − 3
    D04: ["须学习考试", "0"], // 12 − 12
    D05: ["须学习考试", "0"], // 12 − 9 − 6 = −3 → 0
    D06: ["已扣分", "10"], // 12 − 2
    D07: ["须学习考试", "0"], // 12 − 12
    D08: ["", ""], // 'eleven' is not a number
    D09: ["已扣分", "1"], // 12 − 9 − 2
    D10: ["须学习考试", "0"], // 12 − 9 − 3
  });
  expect(rows[4].reason).toContain("总分 -3 低于 0，按 0 计");
  expect(rows[1].reason).not.toContain("按 0 计");
});

test("gradekit compile: the value matrix's means as SQL AVG, its formulas (365) with the measure", () => {
  const tpl = path.join(CUSTOM, "customer-value-matrix.json");
  const sql = cli(["compile", "--template", tpl, "--target", "sql"]);
  expect(sql.code).toBe(0);
  expect(sql.stdout).toMatch(/AVG\(CASE WHEN/);
  const dl = cli(["compile", "--template", path.join(CUSTOM, "driving-licence-points.json"), "--target", "sql"]);
  expect(dl.code).toBe(0);
});
