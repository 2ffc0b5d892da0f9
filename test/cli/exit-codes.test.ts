/**
 * One error model (issue 14 item 5): each error class has one exit code in every command, the
 * message is one `gradekit:` line on stderr in the user's language, and no stack trace appears
 * unless `--debug`. Runs one failing case per class through grade, review, summary, compile and
 * form (the compiled CLI, without GRADEKIT_DEBUG in the environment).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { ErrorClass } from "../../src/engine";
import { EXIT_CODE_OF, EXIT_CHECK_PROBLEMS } from "../../src/cli/exit";
import { getBuiltinTemplate } from "../../src/templates";
import { longWords } from "../compile/fixtures";
import { BIN, ensureBuilt, SAMPLES, tempDir } from "./helpers";

beforeAll(() => ensureBuilt());

const dir = tempDir("exitcodes");
const at = (name: string) => path.join(dir, name);
const STACK = /\n\s+at .+/;

/** The CLI as a user runs it: no GRADEKIT_DEBUG. */
function gk(args: string[]): { code: number | null; stderr: string } {
  const env = { ...process.env };
  delete env.GRADEKIT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env, timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

const badTemplate = (() => {
  const t = JSON.parse(JSON.stringify(getBuiltinTemplate("spend-5"))) as { model: { bands: { grade: string }[] } };
  t.model.bands[0].grade = "Emerald"; // not one of the template's grades: the checker refuses it
  return t;
})();

beforeAll(() => {
  fs.copyFileSync(path.join(SAMPLES, "spend-5.csv"), at("in.csv"));
  fs.writeFileSync(at("near.csv"), "Customer,Annual spending\nA,5\n");
  fs.writeFileSync(at("prev.csv"), "id,grade\n1,A\n2,B\n");
  fs.writeFileSync(at("cur.csv"), "id,grade\n1,B\n2,B\n");
  fs.writeFileSync(at("bad.json"), JSON.stringify(badTemplate));
  fs.writeFileSync(at("long.json"), JSON.stringify(longWords()));
  const capped = { ...getBuiltinTemplate("tobacco-retail-code"), id: "capped-code", post: [{ cap: "Z111", when: { field: "chain", is: "yes" } }] };
  fs.writeFileSync(at("capped.json"), JSON.stringify(capped));
  fs.writeFileSync(at("exists.xlsx"), "an earlier output");
  fs.writeFileSync(at("exists.csv"), "an earlier output");
});

type Case = [ErrorClass, string, () => string[]];
const CASES: Case[] = [
  // usage: an option no command has
  ["usage", "grade", () => ["grade", "-t", "spend-5", "--in", at("in.csv"), "--out", at("u.csv"), "--colour"]],
  ["usage", "review", () => ["review", "-p", at("prev.csv"), "-c", at("cur.csv"), "-k", "id", "--colour"]],
  ["usage", "summary", () => ["summary", "--in", at("cur.csv"), "--by", "id", "--colour"]],
  ["usage", "compile", () => ["compile", "-t", "spend-5", "--target", "sql", "--colour"]],
  ["usage", "form", () => ["form", "spend-5", "--out", at("f.xlsx"), "--colour"]],
  // notFound: no such template or file
  ["notFound", "grade", () => ["grade", "-t", "no-such-template", "--in", at("in.csv"), "--out", at("n.csv")]],
  ["notFound", "grade (input file)", () => ["grade", "-t", "spend-5", "--in", at("missing.csv"), "--out", at("n.csv")]],
  ["notFound", "review", () => ["review", "-p", at("prev.csv"), "-c", at("cur.csv"), "-k", "id", "-t", "no-such-template", "--format", "csv"]],
  ["notFound", "summary", () => ["summary", "--in", at("cur.csv"), "--by", "id", "-t", "no-such-template"]],
  ["notFound", "compile", () => ["compile", "-t", "no-such-template", "--target", "sql"]],
  ["notFound", "form", () => ["form", "no-such-template", "--out", at("n.xlsx")]],
  // input: a file that cannot be read as needed (a column missing)
  ["input", "grade", () => ["grade", "-t", "spend-5", "--in", at("near.csv"), "--out", at("i.csv")]],
  ["input", "review", () => ["review", "-p", at("prev.csv"), "-c", at("cur.csv"), "-k", "customer", "--format", "csv"]],
  ["input", "summary", () => ["summary", "--in", at("cur.csv"), "--by", "region"]],
  // template: a template file with errors
  ["template", "grade", () => ["grade", "-t", at("bad.json"), "--in", at("in.csv"), "--out", at("t.csv")]],
  ["template", "review", () => ["review", "-p", at("prev.csv"), "-c", at("cur.csv"), "-k", "id", "-t", at("bad.json"), "--format", "csv"]],
  ["template", "summary", () => ["summary", "--in", at("cur.csv"), "--by", "id", "-t", at("bad.json")]],
  ["template", "compile", () => ["compile", "-t", at("bad.json"), "--target", "sql"]],
  ["template", "form", () => ["form", at("bad.json"), "--out", at("t.xlsx")]],
  // output: the output is an input, or exists without --force
  ["output", "grade", () => ["grade", "-t", "spend-5", "--in", at("in.csv"), "--out", at("in.csv")]],
  ["output", "grade (exists)", () => ["grade", "-t", "spend-5", "--in", at("in.csv"), "--out", at("exists.csv")]],
  ["output", "review", () => ["review", "-p", at("prev.csv"), "-c", at("cur.csv"), "-k", "id", "--format", "csv", "-o", at("cur.csv")]],
  ["output", "summary", () => ["summary", "--in", at("cur.csv"), "--by", "id", "-o", at("exists.csv")]],
  ["output", "form", () => ["form", "spend-5", "--out", at("exists.xlsx")]],
  // unsupported: the target cannot express the template
  ["unsupported", "compile", () => ["compile", "-t", at("long.json"), "--target", "excel-compat"]],
  ["unsupported", "form", () => ["form", at("capped.json"), "--out", at("c.xlsx")]],
];

test("the documented table: one code per class, check's findings apart", () => {
  expect(EXIT_CODE_OF).toEqual({ usage: 2, input: 3, template: 4, output: 5, notFound: 6, unsupported: 7, internal: 70 });
  expect(EXIT_CHECK_PROBLEMS).toBe(1);
  const codes = Object.values(EXIT_CODE_OF);
  expect(new Set([...codes, EXIT_CHECK_PROBLEMS, 0]).size).toBe(codes.length + 2);
});

test("gradekit --help lists every code (en and zh-CN)", () => {
  const env = { ...process.env };
  delete env.GRADEKIT_DEBUG;
  for (const lang of ["en", "zh-CN"]) {
    const out = spawnSync(process.execPath, [BIN, "--help", "--lang", lang], { encoding: "utf8", env }).stdout;
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7, 70]) expect(out).toMatch(new RegExp(`^  ${code}\\s+\\S`, "m"));
  }
});

/** Class -> command -> the exit code seen (filled by the cases, checked after them). */
const seen = new Map<ErrorClass, Map<string, number | null>>();

test.each(CASES)("%s error from %s: the class's code, one gradekit: line, no stack trace", (errorClass, command, args) => {
  const r = gk(args());
  seen.set(errorClass, (seen.get(errorClass) ?? new Map()).set(command, r.code));
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr.split("\n").filter((l) => l.startsWith("gradekit:"))).toHaveLength(1);
  expect(r.code).toBe(EXIT_CODE_OF[errorClass]);
});

test("the same class gives the same code whichever command meets it", () => {
  expect([...seen.keys()].sort()).toEqual(["input", "notFound", "output", "template", "unsupported", "usage"]);
  for (const [errorClass, byCommand] of seen) {
    expect(byCommand.size).toBeGreaterThanOrEqual(2);
    expect([errorClass, [...new Set(byCommand.values())]]).toEqual([errorClass, [EXIT_CODE_OF[errorClass]]]);
  }
});

test("messages follow --lang; --debug adds the class, the code and the stack", () => {
  const zh = gk(["grade", "-t", "no-such-template", "--in", at("in.csv"), "--out", at("z.csv"), "--lang", "zh-CN"]);
  expect(zh.code).toBe(EXIT_CODE_OF.notFound);
  expect(zh.stderr).toMatch(/^gradekit: 未知模板“no-such-template”/m);
  const debug = gk(["grade", "-t", "no-such-template", "--in", at("in.csv"), "--out", at("z.csv"), "--debug"]);
  expect(debug.code).toBe(EXIT_CODE_OF.notFound);
  expect(debug.stderr).toMatch(/\[notFound unknownTemplate\]/);
  expect(debug.stderr).toMatch(STACK);
});

test("check's findings exit 1, not a class's code", () => {
  const r = gk(["check", at("bad.json")]);
  expect(r.code).toBe(EXIT_CHECK_PROBLEMS);
  expect(r.stderr).not.toMatch(STACK);
});
