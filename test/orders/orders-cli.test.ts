/**
 * `gradekit grade --orders` in-process: rfm-8 from the sample order lines (values worked out by
 * hand below), a mapping given on the command line, the bad inputs (a line without a key, an
 * amount that is not a number, a missing column, a bad --agg / --as-of) and xlsx output.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { parseCsv } from "../../src/engine/input/csv";
import { EXIT_CODE_OF } from "../../src/cli/exit";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "orders", "rfm-8-orders.csv");

async function gk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const objects = (text: string) => {
  const [head, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(head.map((h, c) => [h, r[c] ?? ""])));
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-orders-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("gradekit grade --orders", () => {
  test("rfm-8 from the sample order lines, against values worked out by hand", async () => {
    const r = await gk(["grade", "--orders", "-t", "rfm-8", "--in", SAMPLE, "--out", "-", "--as-of", "2026-12-03"]);
    expect(r.code).toBe(0);
    const rows = objects(r.out);
    // Days since the last order to 2026-12-03, orders, total amount:
    //   A01 11-28: 5, 3, 90+1200+350 = 1640      A02 06-30: 156, 1, 80
    //   A03 11-20: 13, 4, 150+300+600+2400 = 3450 A04 03-12: 266, 2, 2000+5000 = 7000
    //   A05 12-01: 2, 5, 40+25+30+60+45 = 200     A06 05-05: 212, 1, 300
    // Means: R 654/6 = 109 (lower is high), F 16/6 = 2.67, M 12670/6 = 2111.67.
    expect(rows.map((x) => [x.customerId, x.daysSinceLastOrder, x.orderCount, x.totalAmount, x.grade])).toEqual([
      ["A01", "5", "3", "1640", "general-value"], // H H L
      ["A04", "266", "2", "7000", "important-win-back"], // L L H
      ["A03", "13", "4", "3450", "important-value"], // H H H
      ["A06", "212", "1", "300", "general-win-back"], // L L L
      ["A02", "156", "1", "80", "general-win-back"], // L L L
      ["A05", "2", "5", "200", "general-value"], // H H L
      ["A07", "", "", "", ""],
    ]);
    expect(rows[6].reason).toBe("line 18: 'amount' is '面议', not a number");
    expect(rows[0].reason).toMatch(/as of 2026-12-03$/);
    expect(r.err).toContain("order lines: 18 line(s) -> 7 customer(s) by 'customerId'");
    expect(r.err).toContain("as of 2026-12-03");
    expect(r.err).toContain("7 customer(s): 6 graded, 1 with errors, 0 without data");
    expect(r.err).toContain("1 line(s) without a customer key, not counted:\n  line 14: no customer key in 'customerId': not counted");
  });

  test("Chinese summary", async () => {
    const r = await gk(["grade", "--orders", "-t", "rfm-8", "--in", SAMPLE, "--out", "-", "--as-of", "2026-12-03", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("基准日 2026-12-03");
    expect(r.err).toContain("第 14 行：“customerId”中没有客户键，未计入");
    expect(objects(r.out)[2].grade).toBe("重要价值客户");
  });

  test("a mapping on the command line: --key and --agg (a custom measure, distinct count)", async () => {
    const tpl = path.join(dir, "channels.json");
    fs.writeFileSync(
      tpl,
      JSON.stringify({
        id: "channels",
        version: 1,
        name: { en: "Channels", zh: "渠道" },
        description: { en: "Customers buying in two channels", zh: "两个渠道购买的客户" },
        category: "custom",
        fields: [{ key: "channels", label: { en: "Channels", zh: "渠道数" }, type: "number", min: 0 }],
        grades: [
          { id: "omni", label: { en: "Omni", zh: "全渠道" }, color: "#2E7D32" },
          { id: "single", label: { en: "Single", zh: "单渠道" }, color: "#9E9E9E" },
        ],
        model: { kind: "bands", field: "channels", bands: [{ grade: "omni", op: ">=", value: 2 }], otherwise: "single" },
      }),
    );
    const r = await gk(["grade", "--orders", "-t", tpl, "--in", SAMPLE, "--out", "-", "--key", "customerId", "--agg", "channels=distinct(channel)"]);
    expect(r.err).toContain("measures: channels = distinct(channel)");
    expect(r.code).toBe(0);
    const rows = objects(r.out);
    // A01 online x3: 1; A03 online+store: 2; A05 store+online: 2
    expect(Object.fromEntries(rows.map((x) => [x.customerId, [x.channels, x.grade]]))).toMatchObject({
      A01: ["1", "single"],
      A03: ["2", "omni"],
      A05: ["2", "omni"],
      A07: ["1", "single"], // channel is readable in line 18: the amount is not read here
    });
  });

  test("xlsx output: one row per customer, numbers as numbers", async () => {
    const out = path.join(dir, "rfm.xlsx");
    const r = await gk(["grade", "--orders", "-t", "rfm-8", "--in", SAMPLE, "--out", out, "--as-of", "2026-12-03", "-q"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, "customerId", "daysSinceLastOrder", "orderCount", "totalAmount", "grade", "reason"]);
    expect(ws.getCell("D2").value).toBe(1640);
    expect(ws.getCell("E4").value).toBe("important-value");
  });

  test.each([
    [["--agg", "totalAmount=median(amount)"], EXIT_CODE_OF.usage, "--agg 'totalAmount=median(amount)'"],
    [["--as-of", "2026-02-30"], EXIT_CODE_OF.usage, "--as-of '2026-02-30' is not a date"],
    [["--key", "client"], EXIT_CODE_OF.input, "order lines: no column 'client' for the customer key (headers: orderId, customerId, orderDate, amount, channel)"],
    [["--agg", "totalAmount=sum(total)"], EXIT_CODE_OF.input, "order lines: no column 'total' for field 'totalAmount' (sum)"],
  ])("bad input %j: exit %d (usage/input) naming it", async (extra, code, text) => {
    const r = await gk(["grade", "--orders", "-t", "rfm-8", "--in", SAMPLE, "--out", "-", ...extra]);
    expect(r.err).toContain(text);
    expect(r.code).toBe(code);
  });

  test("a template without order lines needs --key and measures for every required field", async () => {
    const r = await gk(["grade", "--orders", "-t", "spend-5", "--in", SAMPLE, "--out", "-"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("order lines need a key column");
  });
});
