/**
 * `gradekit review --rules tobacco-supply`: every case of the table through the CLI (one CSV file
 * per month, in-process), the CSV columns `id, oldTier, newTier, change, ceiling, reason`, the
 * xlsx review sheet (frozen header, A4 one page wide, repeated header, legend), period names,
 * --holiday-next, --params and the checker's refusal of a holiday share above 30%, bad cells and
 * missing columns.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { parseCsv, writeCsv } from "../../src/engine";
import { excel } from "../../src/cli/io";
import { tempDir } from "../cli/helpers";
import { CASES, monthsOf } from "./supply-cases";
import type { SupplyMonth } from "../../src/engine/analysis";
import { EXIT_CODE_OF } from "../../src/cli/exit";

const dir = tempDir("supply");
const HEAD = ["id", "购进量", "守法等级", "供量档位", "受到行政处罚", "upgradeApproved"];

/** Writes the months as CSV files; returns their paths. */
function write(months: SupplyMonth[], tag: string): string[] {
  return months.map((m, i) => {
    const file = path.join(dir, `${tag}-m${i + 1}.csv`);
    const rows = m.rows.map((r) =>
      [r.key, r.purchaseQty, r.lawGrade, r.tier, r.penalized, r.upgradeApproved].map((v) =>
        v === undefined || v === null ? "" : String(v),
      ),
    );
    fs.writeFileSync(file, writeCsv([HEAD, ...rows]));
    return file;
  });
}

async function gk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `M${i + 1}`).join(",");

describe("every case through the CLI (CSV out)", () => {
  it.each(CASES.map((c, i) => ({ ...c, i })))("$name", async (c) => {
    const files = write(monthsOf({ r1: c.cells, other: c.cells.map(() => "30 A") }), `case${c.i}`);
    const args = [
      "review",
      "--rules",
      "tobacco-supply",
      "--periods",
      ...files,
      "--key",
      "id",
      "--period-names",
      names(files.length),
      "--quiet",
    ];
    const { holidays, ...rest } = c.params ?? {};
    const pfile = path.join(dir, `case${c.i}.json`);
    fs.writeFileSync(pfile, JSON.stringify(rest));
    args.push("--params", pfile);
    if (holidays?.includes(files.length + 1)) args.push("--holiday-next");
    const r = await gk(args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[0]).toEqual(["id", "oldTier", "newTier", "change", "ceiling", "reason"]);
    const r1 = rows.find((x) => x[0] === "r1")!;
    const change = c.next - c.old;
    expect(r1.slice(1, 5)).toEqual([
      String(c.old),
      String(c.next),
      change > 0 ? `+${change}` : String(change),
      String(c.ceiling),
    ]);
    for (const w of c.en ?? []) expect(r1[5]).toContain(w);
    expect(rows.find((x) => x[0] === "other")).toBeDefined();
    // the same in Chinese
    const zh = parseCsv((await gk([...args, "--lang", "zh-CN"])).out).find((x) => x[0] === "r1")!;
    for (const w of c.zh ?? []) expect(zh[5]).toContain(w);
    expect(zh[5]).toContain("第6步");
  });
});

describe("gradekit review --rules tobacco-supply: files, options and errors", () => {
  const months = monthsOf({
    up: ["99 B t4", "100 A", "99 B"],
    bad: ["30 A", { purchaseQty: "lots", lawGrade: "A" }, "30 A"],
    same: ["80 A t4", "80 A", "80 A"],
    down: ["10 A t5", "20 A", "30 A"],
  });
  const files = write(months, "mix");
  const base = ["review", "--rules", "tobacco-supply", "--periods", ...files, "--key", "id"];

  it("a bad cell: empty numbers, a reason naming month, row, field and cell; others reviewed", async () => {
    const r = await gk([...base, "--period-names", "1月,2月,3月"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    const bad = rows.find((x) => x[0] === "bad")!;
    expect(bad.slice(1, 5)).toEqual(["", "", "", ""]);
    expect(bad[5]).toBe("bad input in 2月, row 3, purchaseQty: 'lots' is not a number");
    expect(rows.map((x) => x[0])).toEqual(["id", "up", "bad", "same", "down"]);
    expect(r.err).toContain("3月: 4 retailers reviewed: raised 1, lowered 1, same 1, new 0, no row this month 0, bad input 1");
  });

  it("--holiday-next multiplies every ceiling by 1.3", async () => {
    const rows = parseCsv((await gk([...base, "--holiday-next", "-q"])).out);
    expect(rows.find((x) => x[0] === "up")![4]).toBe("208");
    expect(rows.find((x) => x[0] === "same")![4]).toBe("143");
  });

  it("the checker refuses a holiday share above 30% (template exit code, named)", async () => {
    const p = path.join(dir, "bad-params.json");
    fs.writeFileSync(p, JSON.stringify({ holidayShare: 0.35 }));
    const r = await gk([...base, "--params", p]);
    expect(r.code).toBe(EXIT_CODE_OF.template);
    expect(r.err).toContain("holidayShare 0.35 is above the source's maximum of 30%");
    const zh = await gk([...base, "--params", p, "--lang", "zh-CN"]);
    expect(zh.err).toContain("超过来源规定的最大值 30%");
  });

  it("usage and input errors", async () => {
    expect((await gk(["review", "--rules", "nope", "--periods", files[0], "--key", "id"])).err).toContain(
      "unknown rules 'nope'",
    );
    expect((await gk([...base, "--period-names", "a,b"])).err).toContain(
      "--period-names gives 2 name(s) for 3 month file(s)",
    );
    const noQty = path.join(dir, "noqty.csv");
    fs.writeFileSync(noQty, "id,守法等级\nx,A\n");
    const r = await gk(["review", "--rules", "tobacco-supply", "--periods", noQty, "--key", "id"]);
    expect(r.code).toBe(EXIT_CODE_OF.input);
    expect(r.err).toContain("no column 'purchaseQty'");
    expect((await gk(["review", "--rules", "tobacco-supply", "--periods", files[0], "--key", "code"])).err).toContain(
      "no column 'code'",
    );
  });

  it("xlsx: the review sheet with frozen header, A4 fit to width, repeated header, legend and counts", async () => {
    const out = path.join(dir, "review.xlsx");
    const csv = path.join(dir, "review.csv");
    expect((await gk([...base, "--period-names", "1月,2月,3月", "--out", out, "-q"])).code).toBe(0);
    expect((await gk([...base, "--out", csv, "-q"])).code).toBe(0);
    expect(fs.readFileSync(csv, "utf8").startsWith("\uFEFFid,oldTier,newTier,change,ceiling,reason")).toBe(true);
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Supply review")!;
    expect(ws.getCell("A1").value).toBe("Month-end supply review: 3月");
    expect(ws.getCell("A2").value).toBe("Months: 1月, 2月, 3月");
    expect(ws.getRow(6).values).toEqual([
      undefined,
      "id",
      "Old tier",
      "New tier",
      "Change",
      "Next month's ceiling",
      "Reason",
      undefined,
      "Result",
      "Retailers",
    ]);
    expect(ws.getCell("A7").value).toBe("up");
    expect(ws.getCell("D7").value).toBe("+1");
    expect(ws.getCell("H7").value).toBe("raised");
    expect(ws.getCell("I7").value).toBe(1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "6:6",
    });
    expect((ws.getCell("B4").fill as { fgColor?: { argb?: string } }).fgColor?.argb).toMatch(/C6EFCE$/);
  });
});
