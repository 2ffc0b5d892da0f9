/**
 * `--rows` covering the whole sheet (issue 14): `compile --rows 2:1048576` once printed the formula
 * tree again for every row (minutes for a population template) and joined all lines into one string
 * (a crash past V8's string limit). Now each formula is printed once with a row mark and the rows
 * are filled in; the CLI writes blocks of lines. Checked here: every built-in template in both
 * formula targets gives, for sample rows across the whole sheet, exactly the formula a direct
 * printing of that row gives; the CLI writes all 1,048,575 lines of a population template with the
 * first and last lines as the engine prints them. (Timings: bench/, not here.)
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { compileFormulas, formulaRowPrinter, isRefusal, type FormulaTarget, type Formulas } from "../../src/engine/compile";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { columnsFor } from "../../src/cli/commands/compile";
import { BIN, ensureBuilt, tempDir } from "../cli/helpers";

const FIRST = 2;
const LAST = 1_048_576;
const SAMPLE_ROWS = [2, 3, 9, 10, 99, 100, 12_345, 99_999, 100_000, 999_999, 1_000_000, 1_048_575, 1_048_576];
const TARGETS: FormulaTarget[] = ["excel", "excel-compat"];

describe.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s over rows 2:1048576", (_id, template) => {
  test.each(TARGETS)("%s: sample rows equal a direct printing of each row (or both refuse)", (target) => {
    const columns = columnsFor(template, []);
    const options = { target, columns, firstRow: FIRST, lastRow: LAST };
    const printer = formulaRowPrinter(template, options);
    if (isRefusal(printer)) {
      expect(compileFormulas(template, { ...options, row: FIRST })).toEqual(printer);
      return;
    }
    for (const row of SAMPLE_ROWS) {
      const direct = compileFormulas(template, { ...options, row });
      expect([row, printer(row)]).toEqual([row, direct]);
    }
    // The file form (`_xlfn.` prefixes) too.
    const file = formulaRowPrinter(template, { ...options, form: "file" });
    if (isRefusal(file)) throw new Error("the file form refused where the display form did not");
    for (const row of [FIRST, 54_321, LAST]) expect(file(row)).toEqual(compileFormulas(template, { ...options, form: "file", row }));
  });
});

/** Runs the CLI with stdout into a file; resolves to the exit code and stderr. */
function compileTo(out: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(out, "w");
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", fd, "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      fs.closeSync(fd);
      resolve({ code, stderr });
    });
  });
}

/** Line count, first and last line of a (large) text file, read in blocks. */
async function scanLines(file: string): Promise<{ count: number; first: string; last: string }> {
  let count = 0;
  let first: string | undefined;
  let last = "";
  let tail = "";
  for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 22 })) {
    const parts = (tail + (chunk as string)).split("\n");
    tail = parts.pop()!;
    if (parts.length === 0) continue;
    first ??= parts[0];
    last = parts[parts.length - 1];
    count += parts.length;
  }
  if (tail !== "") {
    count++;
    last = tail;
  }
  return { count, first: first ?? tail, last };
}

describe("the CLI writes every row of the whole sheet", () => {
  beforeAll(() => ensureBuilt());
  const dir = tempDir("wholesheet");
  const line = (f: Formulas | ReturnType<typeof compileFormulas>) => {
    if (isRefusal(f)) throw new Error(f.reason.en);
    return f.score !== undefined ? `=${f.grade}\t=${f.score}` : `=${f.grade}`;
  };

  test.each([
    ["weighted-value", "excel"],
    ["sales-pipeline", "excel-compat"],
  ] as const)("%s --target %s --rows 2:1048576: 1,048,575 lines, first and last as the engine prints them", async (id, target) => {
    const out = path.join(dir, `${id}-${target}.txt`);
    const r = await compileTo(out, ["compile", "-t", id, "--target", target, "--rows", `${FIRST}:${LAST}`]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const scan = await scanLines(out);
    fs.rmSync(out);
    const template = BUILTIN_TEMPLATES.find((t) => t.id === id)!;
    const options = { target, columns: columnsFor(template, []), firstRow: FIRST, lastRow: LAST };
    expect(scan.count).toBe(LAST - FIRST + 1);
    expect(scan.first).toBe(line(compileFormulas(template, { ...options, row: FIRST })));
    expect(scan.last).toBe(line(compileFormulas(template, { ...options, row: LAST })));
  }, 300_000);
});
