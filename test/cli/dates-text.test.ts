/** `gradekit grade` with dates (--as-of, --date-order, --dates, date columns found by look) and text patterns. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, csvObjects, ensureBuilt, readCsv, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("dates");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const STATUS = [
  "Customer,Lifetime orders,Days since last order,Has a need and the means to pay,Actively developed by the company",
  "A,3,2026-10-19,,",
  "B,5,2025/11/01,,",
  "C,2,2026年2月30日,,",
  "D,2,03/04/2026,,",
  "E,0,,yes,no",
].join("\n");

describe("status-5 from a column of last-order dates", () => {
  test("the date column is found, read as days since the as-of date, which the summary and reasons name", () => {
    const input = put("status.csv", STATUS);
    const out = path.join(dir, "status.out.csv");
    const r = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--as-of", "2026-12-03"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("as of 2026-12-03 (days since dates; columns read as dates: daysSinceLastOrder)");
    const rows = csvObjects(readCsv(out));
    expect(rows.map((x) => x.grade)).toEqual(["actual", "lost", "", "", "potential"]);
    expect(rows[0].reason).toBe("Actual: Lifetime orders 3 ≥ 1; as of 2026-12-03");
    expect(rows[1].reason).toMatch(/Days since last order 397 > 365.*as of 2026-12-03$/);
    expect(rows[2].reason).toBe("Days since last order: '2026年2月30日' is not a day of the calendar");
    expect(rows[3].reason).toMatch(/^Days since last order: '03\/04\/2026' could be day\/month or month\/day; choose the date order .*--date-order dmy\|mdy/);
  });

  test("--date-order reads 03/04/2026; Chinese messages name the as-of date too", () => {
    const input = put("status2.csv", STATUS);
    const out = path.join(dir, "status2.out.csv");
    const r = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--as-of", "2026-12-03", "--date-order", "dmy", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("截至 2026-12-03");
    const rows = csvObjects(readCsv(out));
    expect(rows[3].grade).toBe("现实客户"); // 3 April 2026: 244 days
    expect(rows[3].reason).toContain("截至 2026-12-03");
  });

  test("day counts still work, and no as-of line is printed then", () => {
    const input = put("counts.csv", STATUS.replace("2026-10-19", "45").replace("2025/11/01", "397").replace("2026年2月30日", "10").replace("03/04/2026", "20"));
    const out = path.join(dir, "counts.out.csv");
    const r = cli(["grade", "-t", "status-5", "--in", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("as of");
    expect(csvObjects(readCsv(out)).map((x) => x.grade)).toEqual(["actual", "lost", "actual", "actual", "potential"]);
  });

  test("xlsx date cells (and --dates for serial numbers)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["Customer", "Lifetime orders", "Days since last order"]);
    ws.addRow(["A", 3, new Date(Date.UTC(2026, 9, 19))]);
    ws.addRow(["B", 3, new Date(Date.UTC(2025, 10, 1))]);
    ws.getColumn(3).numFmt = "yyyy-mm-dd";
    const input = path.join(dir, "status.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "status.xlsx.csv");
    const r = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--as-of", "2026-12-03"]);
    expect(r.code).toBe(0);
    expect(csvObjects(readCsv(out)).map((x) => x.grade)).toEqual(["actual", "lost"]);
    // Serials (46314 = 2026-10-19) in a CSV are numbers: only --dates says they are dates.
    const serials = put("serials.csv", "Lifetime orders,Days since last order\n3,46314\n");
    const out2 = path.join(dir, "serials.out.csv");
    expect(cli(["grade", "-t", "status-5", "--in", serials, "--out", out2]).code).toBe(0);
    expect(csvObjects(readCsv(out2))[0].reason).toMatch(/46,314 > 365/);
    expect(cli(["grade", "-t", "status-5", "--in", serials, "--out", out2, "--force", "--dates", "daysSinceLastOrder", "--as-of", "2026-12-03"]).code).toBe(0);
    expect(csvObjects(readCsv(out2))[0].reason).toBe("Days since last order: '46314' is not a date (write 2026-12-03, 2026/12/03 or 2026年12月3日)");
  });

  test("bad options are refused by name", () => {
    const input = put("status3.csv", STATUS);
    const out = path.join(dir, "status3.out.csv");
    const a = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--as-of", "2026-02-30"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--as-of '2026-02-30' is not a date: write it as 2026-12-03");
    const b = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--date-order", "ymd"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--date-order 'ymd': use dmy");
    const c = cli(["grade", "-t", "status-5", "--in", input, "--out", out, "--dates", "orderCount"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--dates orderCount: not a field of elapsed days or months; these are: daysSinceLastOrder");
  });
});

test("a custom template with a date field, years since it, and a text pattern", () => {
  const tpl = {
    id: "vip-tenure",
    version: 1,
    name: { en: "VIP tenure", zh: "VIP 年限" },
    description: { en: "test", zh: "测试" },
    category: "value",
    fields: [
      { key: "opened", label: { en: "Opened", zh: "开户日期" }, type: "date" },
      { key: "title", label: { en: "Title", zh: "职位" }, type: "text" },
    ],
    grades: [
      { id: "A", label: { en: "A", zh: "A" }, color: "#1E8E3E" },
      { id: "B", label: { en: "B", zh: "B" }, color: "#9AA0A6" },
    ],
    model: {
      kind: "rules",
      rules: [{ grade: "A", when: { all: [{ expr: { since: "opened", unit: "years" }, op: ">=", value: 2 }, { field: "title", contains: ["市场", "marketing"] }] } }],
      otherwise: "B",
    },
  };
  const t = put("vip.json", JSON.stringify(tpl));
  const input = put("vip.csv", "Opened,Title\n2024-12-03,ＭＡＲＫＥＴＩＮＧ Lead\n2024-12-04,市场总监\n2020/1/1,Engineer\n");
  const out = path.join(dir, "vip.out.csv");
  const r = cli(["grade", "-t", t, "--in", input, "--out", out, "--as-of", "2026-12-03"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("as of 2026-12-03");
  const rows = csvObjects(readCsv(out));
  expect(rows.map((x) => x.grade)).toEqual(["A", "B", "B"]);
  expect(rows[0].reason).toBe("A: years since Opened (2024-12-03) to 2026-12-03: 2 ≥ 2 and Title “ＭＡＲＫＥＴＩＮＧ Lead” contains “市场”, “marketing”; as of 2026-12-03");
});
