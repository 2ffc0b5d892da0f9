/**
 * Streaming `gradekit grade` (src/cli/stream) against the in-memory path on the same files: the
 * output bytes and the summary must be the same. Tiny blocks (a few dozen bytes) and chunks (a few
 * rows) put record, line-break, quote and chunk boundaries everywhere.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { gradeFile, run } from "../../src/cli/main";
import type { GradeRunOptions } from "../../src/cli/commands/grade";
import { SAMPLES, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("stream");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

type Opts = Partial<GradeRunOptions> & { template: string; input: string };

async function both(o: Opts, ext = "csv", sizes: [number, number][] = [[3, 17], [1, 64], [4096, 1 << 20]]) {
  const base: GradeRunOptions = { output: "", map: [], params: [], lang: "en", bom: true, quiet: true, ...o };
  const memOut = path.join(dir, `mem-${path.basename(o.input)}.${ext}`);
  const mem = await gradeFile({ ...base, output: memOut, stream: false });
  const memBytes = fs.readFileSync(memOut);
  for (const [chunkRows, blockBytes] of sizes) {
    const out = path.join(dir, `stream-${chunkRows}-${path.basename(o.input)}.${ext}`);
    const s = await gradeFile({ ...base, output: out, chunkRows, blockBytes });
    expect({ ...s, output: "" }).toEqual({ ...mem, output: "" });
    if (ext === "csv") expect(fs.readFileSync(out).toString("utf8")).toBe(memBytes.toString("utf8"));
    else expect(await xlsxCells(out)).toEqual(await xlsxCells(memOut));
  }
  return mem;
}

/** Every cell of the first sheet: address, value, bold, fill colour. */
async function xlsxCells(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const cells: unknown[] = [ws.name];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const fill = (c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
      cells.push([c.address, c.value === "" ? null : c.value, !!c.font?.bold, fill ?? null]);
    }),
  );
  return cells;
}

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".csv"));

describe("streaming grade = in-memory grade", () => {
  test.each(samples)("sample %s (CSV out, en and zh-CN)", async (file) => {
    const template = file.replace(/\.csv$/, "");
    await both({ template, input: path.join(SAMPLES, file) });
    await both({ template, input: path.join(SAMPLES, file), lang: "zh-CN" }, "csv", [[2, 40]]);
  });

  test.each(["sales-pipeline", "tobacco-retail-score", "value-share-3"])("sample %s (xlsx out)", async (template) => {
    await both({ template, input: path.join(SAMPLES, template + ".csv") }, "xlsx", [[2, 40]]);
  });

  test("titles above the header, blank rows inside and after the data, quoted line breaks, CRLF and CR", async () => {
    const text = [
      "Pipeline report,,,",
      "",
      "Customer,Months to close,Monthly amount,Note",
      'Acme,2,35000,"two\r\nlines"',
      ",,,",
      'Beta,5,"1,200","say ""hi"""',
      "Gamma,,10万,",
      "",
      "Delta,8,60000,x",
      ",,,",
      "",
    ].join("\r\n");
    const mem = await both({ template: "sales-pipeline", input: put("titles.csv", text) });
    expect(mem.headerRow).toBe(3);
    expect(mem.rows).toBe(6);
    await both({ template: "sales-pipeline", input: put("cr.csv", text.replace(/\r\n/g, "\r")) });
  });

  test("ragged rows (an unquoted 1,200,000) are errors naming their line; wider ones widen the table as in memory", async () => {
    const rows = ["Customer,Months to close,Monthly amount"];
    for (let i = 0; i < 40; i++) rows.push(`C${i},${(i % 9) + 1},${i * 1000}`);
    rows.push("Wide,3,1,200,000");
    rows.push("Narrow,3");
    for (let i = 0; i < 5; i++) rows.push(`D${i},2,50000`);
    const mem = await both({ template: "sales-pipeline", input: put("ragged.csv", rows.join("\n")) });
    expect(mem.errors).toBe(2);
    expect(mem.errorRows.map((e) => e.row)).toEqual([42, 43]);
  });

  test("a header with unlabelled columns that fill further down; --map to a column by number", async () => {
    const rows = ["Customer,Months to close,Monthly amount,,"];
    for (let i = 0; i < 30; i++) rows.push(`C${i},${(i % 9) + 1},${i * 1000},,`);
    rows.push("Late,3,5000,extra,");
    await both({ template: "sales-pipeline", input: put("late-col.csv", rows.join("\n")) });
    const cols = ["A,B,C"];
    for (let i = 0; i < 30; i++) cols.push(`C${i},${(i % 9) + 1},${i * 1000}`);
    cols.push("Late,3,5000,77");
    await both({ template: "sales-pipeline", input: put("map-n.csv", cols.join("\n")), map: ["closeMonths=#2", "monthlyAmount=#4"] });
  });

  test("grade columns of an earlier run are replaced", async () => {
    const rows = ["Customer,Months to close,Monthly amount,grade,reason"];
    for (let i = 0; i < 20; i++) rows.push(`C${i},${(i % 9) + 1},${i * 5000},X,old`);
    await both({ template: "sales-pipeline", input: put("regrade.csv", rows.join("\n")) }, "csv");
    await both({ template: "sales-pipeline", input: put("regrade2.csv", rows.join("\n")) }, "xlsx", [[3, 50]]);
  });

  test("encodings: a Latin-1 byte late in a file, GB18030, UTF-16 with and without BOM, told encoding", async () => {
    const rows = ["Customer,Months to close,Monthly amount"];
    for (let i = 0; i < 400; i++) rows.push(`C${i},${(i % 9) + 1},${i * 1000}`);
    rows.push("Caf\u00e9 M\u00fcller,3,60000");
    const text = rows.join("\r\n");
    const latin = await both({ template: "sales-pipeline", input: put("latin1.csv", Buffer.from(text, "latin1")) });
    expect(latin.notes.join("\n")).toMatch(/Windows-1252/);
    const zh = "客户名称,预计成交月数,预计月度成交金额\r\n" + Array.from({ length: 30 }, (_, i) => `华强电子${i},${(i % 9) + 1},${i}万`).join("\r\n");
    await both({ template: "sales-pipeline", input: put("utf16le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zh, "utf16le")])) });
    await both({ template: "sales-pipeline", input: put("utf16nobom.csv", Buffer.from(zh, "utf16le")) });
    await both({ template: "sales-pipeline", input: put("bom8.csv", "\uFEFF" + zh) });
    const gbRows = [Buffer.from("Customer,Months to close,Monthly amount\r\n")];
    for (let i = 0; i < 30; i++) gbRows.push(Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]), Buffer.from(`${i},${(i % 9) + 1},60`), Buffer.from([0xcd, 0xf2]), Buffer.from("\r\n"));
    const gb = await both({ template: "sales-pipeline", input: put("gb.csv", Buffer.concat(gbRows)) });
    expect(gb.notes.join("\n")).toMatch(/GB18030/);
    await both({ template: "sales-pipeline", input: put("told.csv", Buffer.from(text, "latin1")), encoding: "latin1" });
  });

  test("--header-row, semicolons, --delimiter, a population template with a bad row", async () => {
    const rows = ["title;;", "Customer;Months to close;Monthly amount"];
    for (let i = 0; i < 25; i++) rows.push(`C${i};${(i % 9) + 1};${i * 1000}`);
    await both({ template: "sales-pipeline", input: put("semi.csv", rows.join("\n")), headerRow: 2 });
    await both({ template: "sales-pipeline", input: put("semi2.csv", rows.join("\n")), delimiter: ";" });
    const share = ["Customer,Group,Amount"];
    for (let i = 0; i < 50; i++) share.push(`C${i},${i % 3 === 0 ? "East" : "West"},${i % 7 === 0 ? "n/a" : i * 1000}`);
    share.push("Wide,East,1,000");
    await both({ template: "value-share-3", input: put("share.csv", share.join("\n")) });
  });

  test("errors are the same: empty file, missing column, bad --header-row, unclosed quote", async () => {
    const cases: Opts[] = [
      { template: "sales-pipeline", input: put("empty.csv", "\n\n,,\n") },
      { template: "sales-pipeline", input: put("nocol.csv", "Customer,Amount\nA,1\n") },
      { template: "sales-pipeline", input: put("hdr.csv", "Customer,Months to close,Monthly amount\nA,1,2\n"), headerRow: 9 },
      { template: "sales-pipeline", input: put("quote.csv", 'Customer,Months to close,Monthly amount\nA,1,2\nB,"3,4\nC,1,2\n') },
    ];
    for (const c of cases) {
      const base: GradeRunOptions = { output: path.join(dir, "err.csv"), map: [], params: [], lang: "en", bom: true, quiet: true, ...c };
      const mem = await gradeFile({ ...base, stream: false }).then(
        () => "ok",
        (e: Error) => e.message,
      );
      const str = await gradeFile({ ...base, chunkRows: 1, blockBytes: 8 }).then(
        () => "ok",
        (e: Error) => e.message,
      );
      expect(str).toBe(mem);
      expect(mem).not.toBe("ok");
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("--columns and the progress line", () => {
  const input = () => put("cols.csv", "Customer,Expected months to close,Expected monthly deal amount\nA,2,1000\nB,,abc\n");
  async function runCli(args: string[], tty: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, { out: (s) => void out.push(s), err: (s) => void err.push(s), isTTY: () => tty });
    return { code, out: out.join(""), err: err.join("") };
  }

  test("--columns chooses and orders the output columns, streamed or not; bad lists are usage errors", async () => {
    const r = await runCli(["grade", "-t", "sales-pipeline", "-i", input(), "-o", "-", "--columns", "reason,grade"], false);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\r\n");
    expect(lines[0]).toBe("Customer,Expected months to close,Expected monthly deal amount,reason,grade");
    expect(lines[1]).toMatch(/^A,2,1000,A: .*,A$/);
    expect(lines[2]).toMatch(/^B,,abc,.*,$/);
    const only = await runCli(["grade", "-t", "sales-pipeline", "-i", input(), "-o", "-", "--columns", "grade"], false);
    expect(only.out.trim().split("\r\n")).toEqual(["Customer,Expected months to close,Expected monthly deal amount,grade", "A,2,1000,A", "B,,abc,"]);
    const stdin = await run(["grade", "-t", "sales-pipeline", "-i", "-", "-o", "-", "--columns", "grade"], {
      out: (s) => void (stdinOut += s),
      err: () => undefined,
      stdin: async () => fs.readFileSync(input()),
    });
    expect(stdin).toBe(0);
    expect(stdinOut.replace(/^\uFEFF/, "").trim().split("\r\n")).toEqual(only.out.trim().split("\r\n"));
    for (const bad of ["grade,grade", "grades", ""]) {
      const b = await runCli(["grade", "-t", "sales-pipeline", "-i", input(), "-o", "-", "--columns", bad], false);
      expect([b.code, b.err]).toEqual([2, expect.stringMatching(/^gradekit: --columns '.*': give one or more of grade, score, reason/)]);
    }
    const noScore = await runCli(["grade", "-t", "sales-pipeline", "-i", input(), "-o", "-", "--columns", "grade,score"], false);
    expect([noScore.code, noScore.err]).toEqual([2, "gradekit: --columns: template 'sales-pipeline' gives no score; leave out 'score'\n"]);
  });

  test("no progress line when stderr is not a terminal, or with --quiet", async () => {
    const big = ["Customer,Expected months to close,Expected monthly deal amount"];
    for (let i = 0; i < 2000; i++) big.push(`C${i},${i % 13},${i * 10}`);
    const file = put("progress.csv", big.join("\n"));
    const piped = await runCli(["grade", "-t", "sales-pipeline", "-i", file, "-o", path.join(dir, "p.csv")], false);
    expect(piped.code).toBe(0);
    expect(piped.err).not.toMatch(/\r|rows graded/);
    const quiet = await runCli(["grade", "-t", "sales-pipeline", "-i", file, "-o", path.join(dir, "p.csv"), "-q", "--force"], true);
    expect(quiet.err).toBe("");
  });
});
let stdinOut = "";
