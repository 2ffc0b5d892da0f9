/**
 * Every grading fixture (test/fixtures/grading/<template>/<case>.json) through the CLI: the rows
 * go into a CSV (headers = field keys, values as text), `gradekit grade` grades it, and the CLI's
 * grade column (and score, within 1e-9) must match the fixture's expectations.
 */
import * as fs from "fs";
import * as path from "path";
import { FIXTURE_ROOT, loadFixtures, type Fixture } from "../fixtures/grading";
import { writeCsv } from "../../src/engine/input/csv";
import { getBuiltinTemplate } from "../../src/templates";
import { cli, csvObjects, ensureBuilt, readCsv, tempDir } from "./helpers";

const ROOT = FIXTURE_ROOT;
const files = loadFixtures().map((f) => f.file);

/** A fixture value as CSV text, or undefined when CSV cannot carry it (objects, arrays). */
function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE"; // as Excel writes them
  return undefined;
}

/** Undoes the CLI's formula neutralisation of an output cell. */
const plain = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("fixtures");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("fixture files exist (including this suite's own cli-* files)", () => {
  expect(files.length).toBeGreaterThanOrEqual(2);
  expect(files.filter((f) => path.basename(f).startsWith("cli-")).length).toBeGreaterThanOrEqual(2);
});

describe.each(files.map((f) => [path.relative(ROOT, f), f] as const))("%s", (_rel, file) => {
  const fixture = JSON.parse(fs.readFileSync(file, "utf8")) as Fixture;
  const template = getBuiltinTemplate(fixture.template);
  const keys = template ? template.fields.map((f) => f.key) : [];
  for (const r of fixture.rows) for (const k of Object.keys(r.in)) if (!keys.includes(k)) keys.push(k);
  const cells = fixture.rows.map((r) => keys.map((k) => asText(r.in[k])));
  const representable = template !== undefined && cells.every((row) => row.every((c) => c !== undefined));

  (representable ? test : test.skip)("the CLI's grades match the fixture", () => {
    // A row-number column keeps rows whose fields are all blank from being trimmed as trailing blank rows.
    const records = [["_row", ...keys], ...cells.map((row, i) => [String(i + 1), ...(row as string[])])];
    const base = path.join(dir, path.relative(ROOT, file).replace(/[\\/]/g, "__").replace(/\.json$/, ""));
    fs.writeFileSync(`${base}.csv`, writeCsv(records));
    const params = Object.entries(fixture.params ?? {}).flatMap(([k, v]) => ["--param", `${k}=${v}`]);
    const r = cli(["grade", "--template", fixture.template, "--in", `${base}.csv`, "--out", `${base}.out.csv`, ...params]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const out = csvObjects(readCsv(`${base}.out.csv`));
    expect(out).toHaveLength(fixture.rows.length);
    const problems: string[] = [];
    fixture.rows.forEach((want, i) => {
      const got = out[i];
      const where = `row ${i} ${JSON.stringify(want.in)}`;
      const grade = plain(got.grade);
      const reason = plain(got.reason);
      if (grade !== (want.grade ?? "")) problems.push(`${where}: grade '${grade}', expected '${want.grade ?? ""}' (${reason})`);
      if (want.score !== undefined) {
        const s = Number(got.score);
        if (got.score === "" || !(Math.abs(s - want.score) <= 1e-9)) problems.push(`${where}: score '${got.score}', expected ${want.score}`);
      }
      if (want.status === "empty" && reason !== "no data") problems.push(`${where}: reason '${reason}', expected 'no data'`);
      if (want.status === "error" || want.status === "empty") {
        if (got.grade !== "" || (got.score ?? "") !== "") problems.push(`${where}: ${want.status} row has grade/score '${got.grade}'/'${got.score}'`);
      }
      if (want.status === "error" && reason === "") problems.push(`${where}: error row without a reason`);
      if (want.reason !== undefined && !reason.includes(want.reason)) problems.push(`${where}: reason '${reason}' lacks '${want.reason}'`);
    });
    expect(problems).toEqual([]);
  });
});
