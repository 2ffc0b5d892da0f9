/**
 * `gradekit review` against the adapter: the same two periods through the CLI (CSV files) and
 * through the add-in (history table on the in-memory host, then the review sheet) give the same
 * matrix, counts and lists. Also the CSV matrix format and usage errors.
 */
import * as fs from "fs";
import * as path from "path";
import { createWorkbookActions } from "../../src/excel";
import { createExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { excel } from "../../src/cli/io";
import { cli, ensureBuilt, readCsv, tempDir } from "../cli/helpers";
import { EXIT_CODE_OF } from "../../src/cli/exit";

const t = getBuiltinTemplate("need-close-5")!;
const HEAD = ["id", "name", "grade", "revenue"];
// previous: duplicate key d1, blank grade g0, unknown grade x1, lost l1
const PREV = [
  ["c1", "Acme", "A", "1,000"],
  ["c2", "Bolt", "B", "2000"],
  ["c3", "Cord", "C", "300"],
  ["c4", "Dale", "D", "40"],
  ["c5", "Echo", "E", "5"],
  ["d1", "Dup", "B", "10"],
  ["d1", "Dup 2", "C", "20"],
  ["g0", "Blank", "", "1"],
  ["x1", "Odd", "Z", "1"],
  ["l1", "Lost", "C", "77"],
];
// current: moves up and down, new n1 n2, a measure that is not a number (no blank keys: the
// history never holds them — savePeriod skips and counts them — while the CLI reports them)
const CUR = [
  ["c1", "Acme", "B", "900"],
  ["c2", "Bolt", "A", "2500"],
  ["c3", "Cord", "C", "310"],
  ["c4", "Dale", "B", "60"],
  ["c5", "Echo", "D", "n/a"],
  ["d1", "Dup", "B", "12"],
  ["g0", "Blank", "A", "1"],
  ["x1", "Odd", "A", "1"],
  ["n1", "New", "C", "15"],
  ["n2", "New 2", "A", "25"],
];

const csvText = (rows: string[][]) => [HEAD, ...rows].map((r) => r.join(",")).join("\n") + "\n";

describe("gradekit review vs the adapter's review sheet", () => {
  let dir: string;
  let sheetCells: (string | number | boolean)[][];
  let layoutMatrixRow: number;
  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir("review");
    fs.writeFileSync(path.join(dir, "2024-01.csv"), csvText(PREV.map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c)))));
    fs.writeFileSync(path.join(dir, "2024-02.csv"), csvText(CUR));
    // the add-in: save both periods from a sheet, then compare
    const host = createExcelHost({ sheets: ["Data"] });
    const actions = createWorkbookActions(host.Excel);
    const put = (rows: string[][]) => {
      host.setValues("Data", "A1", Array.from({ length: 20 }, () => ["", "", "", ""]));
      host.setValues("Data", "A1", [HEAD, ...rows]);
      host.setSelection("Data", "A1");
    };
    put(PREV);
    await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 2, measureColumn: 3, period: "2024-01", date: "2024-01-31" });
    put(CUR);
    await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 2, measureColumn: 3, period: "2024-02", date: "2024-02-29" });
    const res = await actions.comparePeriods({ previous: "2024-01", current: "2024-02", template: t, measureName: "revenue" });
    sheetCells = host.snapshot().sheets.find((s) => s.name === res.sheet)!.values;
    layoutMatrixRow = 3;
    expect(sheetCells[layoutMatrixRow][0]).toBe("From \\ To");
  });

  test("--format csv: from,to,count records equal the review sheet's matrix cells", () => {
    const r = cli(["review", "--previous", "2024-01.csv", "--current", "2024-02.csv", "--key", "id", "--template", "need-close-5", "--format", "csv", "-q"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\r\n").map((l) => l.split(","));
    expect(lines[0]).toEqual(["from", "to", "count"]);
    const grades = ["A", "B", "C", "D", "E"];
    expect(lines.length).toBe(1 + 36 - 1);
    const head = sheetCells[layoutMatrixRow].map(String);
    const rowOf = (from: string) => layoutMatrixRow + 1 + (from === "" ? grades.length : grades.indexOf(from));
    const colOf = (to: string) => (to === "" ? head.indexOf("Lost") : head.indexOf(to));
    for (const [from, to, count] of lines.slice(1)) expect([from, to, sheetCells[rowOf(from)][colOf(to)]]).toEqual([from, to, Number(count)]);
    // known cells
    const get = (f: string, to: string) => Number(lines.find((l) => l[0] === f && l[1] === to)![2]);
    expect(get("A", "B")).toBe(1); // c1
    expect(get("B", "A")).toBe(1); // c2
    expect(get("D", "B")).toBe(1); // c4 up 2
    expect(get("E", "D")).toBe(1); // c5
    expect(get("C", "")).toBe(1); // l1 lost
    expect(get("", "A")).toBe(1); // n2 (g0 and x1 are left out)
    expect(get("", "C")).toBe(1); // n1
  });

  test("--out review.xlsx (with --measure): the same sheet as the adapter's, apart from row numbers", async () => {
    const r = cli(["review", "-p", "2024-01.csv", "-c", "2024-02.csv", "-k", "id", "-t", "need-close-5", "--measure", "revenue", "-o", "review.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("upgraded 3, downgraded 1, unchanged 1, new 2, lost 1");
    expect(r.stderr).toContain("duplicate keys, left out: d1");
    expect(r.stderr).toContain("unknown grades, left out: Z (previous)");
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile(path.join(dir, "review.xlsx"));
    const ws = wb.getWorksheet("GradeKit Review")!;
    const width = sheetCells[0].length;
    const xlsx: (string | number)[][] = [];
    for (let row = 1; row <= sheetCells.length; row++) {
      const out: (string | number)[] = [];
      for (let col = 1; col <= width; col++) {
        const v = ws.getCell(row, col).value;
        out.push(v === null || v === undefined ? "" : (v as string | number));
      }
      xlsx.push(out);
    }
    // row numbers differ (file rows vs history-sheet rows): blank them in the problem and list rows
    const problemHead = sheetCells.findIndex((r) => r[0] === "Problem");
    const listHead = sheetCells.findIndex((r) => r[0] === "Key" && r[1] === "Change");
    const scrub = (rows: (string | number | boolean)[][]) =>
      rows.map((r, i) => (i > problemHead && i < listHead - 1 ? [r[0], r[1], "", ""] : i > listHead ? [...r.slice(0, 5), "", "", ...r.slice(7)] : r.slice(0, width)));
    expect(problemHead).toBeGreaterThan(0);
    expect(scrub(xlsx)).toEqual(scrub(sheetCells));
    // colours in the xlsx too: B -> A upgrade green, A -> B downgrade red
    const fill = (row: number, col: number) => (ws.getCell(row + 1, col + 1).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(fill(layoutMatrixRow + 2, 1)).toBe("FFC6EFCE");
    expect(fill(layoutMatrixRow + 1, 2)).toBe("FFFFC7CE");
    expect(fill(layoutMatrixRow + 1, 1)).toBe("FFDDEBF7");
  });

  test("without --template: first-appearance order; --out file.csv writes the matrix there", () => {
    const r = cli(["review", "-p", "2024-01.csv", "-c", "2024-02.csv", "-k", "id", "-o", "m.csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("first appearance (no --template): A, B, C, D, E, Z");
    const recs = readCsv(path.join(dir, "m.csv"));
    expect(recs[0]).toEqual(["from", "to", "count"]);
    expect(recs.length).toBe(1 + 49 - 1); // 6 grades (Z included) + none
  });

  test("usage and input errors: their class's exit code with a message", () => {
    const noKey = cli(["review", "-p", "2024-01.csv", "-c", "2024-02.csv", "--format", "csv"], { cwd: dir });
    expect(noKey.code).toBe(EXIT_CODE_OF.usage);
    expect(noKey.stderr).toContain("--key is required");
    const badKey = cli(["review", "-p", "2024-01.csv", "-c", "2024-02.csv", "-k", "customer", "--format", "csv"], { cwd: dir });
    expect(badKey.code).toBe(EXIT_CODE_OF.input);
    expect(badKey.stderr).toContain("no column 'customer'");
    const noOut = cli(["review", "-p", "2024-01.csv", "-c", "2024-02.csv", "-k", "id"], { cwd: dir });
    expect(noOut.code).toBe(EXIT_CODE_OF.usage);
    expect(noOut.stderr).toContain("--out <file.xlsx> is required");
    const help = cli(["help", "review"]);
    expect(help.stdout).toContain("from,to,count");
  });
});
