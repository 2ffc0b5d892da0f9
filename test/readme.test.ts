/**
 * README.md against the repository: the generated template table is up to date, the quick start is
 * exactly two commands and they are what CI (.ci/run) runs, every npm command README mentions exists,
 * and the commands README shows answer --help.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** The body of the `## title` section (up to the next `## `). */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const next = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

/** Commands of the first ```sh block of a text: one per non-empty line, comments dropped. */
function firstShellBlock(text: string): string[] {
  const m = /```sh\n([\s\S]*?)```/.exec(text);
  if (!m) throw new Error("no ```sh block");
  return m[1]
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

const QUICK_START = firstShellBlock(section("Quick start"));

test("README lists every built-in template, as scripts/readme-templates.js makes the table", () => {
  // The script reads the compiled library (npm test builds lib/ first).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script that reads the compiled lib/
  const { block } = require(path.join(root, "scripts", "readme-templates.js"));
  expect(readme).toContain(block());
});

test("README shows the commands a fresh clone needs", () => {
  for (const cmd of ["npm install", "npm start", "npm test"]) expect(readme).toContain(cmd);
});

test("the quick start is exactly two commands: npm install, then npm test", () => {
  expect(QUICK_START).toEqual(["npm install", "npm test"]);
});

test(".ci/run runs exactly README's quick-start commands, in order", () => {
  const ci = fs
    .readFileSync(path.join(root, ".ci", "run"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  // everything CI runs besides bookkeeping (set, cd, timing) is the quick start
  const work = ci.filter((l) => !/^(set |cd |start=|echo )/.test(l));
  expect(work).toEqual(QUICK_START);
});

test("every npm command README mentions exists (no dead commands)", () => {
  const builtins = new Set(["install", "ci"]);
  const lifecycle: Record<string, string> = { test: "test", start: "start", stop: "stop" };
  const mentioned = new Set<string>();
  for (const m of readme.matchAll(/\bnpm run ([a-z][\w:-]*)/g)) mentioned.add(m[1]);
  for (const m of readme.matchAll(/\bnpm (test|start|stop)\b/g)) mentioned.add(lifecycle[m[1]]);
  const missing = [...mentioned].filter((s) => !(s in pkg.scripts) && !builtins.has(s));
  expect(missing).toEqual([]);
  expect(mentioned.size).toBeGreaterThan(10);
});

test("every command in README's command table exists in package.json", () => {
  const table = section("Commands")
    .split("\n")
    .filter((l) => l.startsWith("| `"));
  expect(table.length).toBeGreaterThan(10);
  for (const row of table) {
    const firstCell = row.split(" | ")[0];
    const commands = [...firstCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const words = command.split(/\s+/);
      let ok: boolean;
      if (words[0] === "npx") ok = words[1] in pkg.bin;
      else if (words[0] === "npm" && words[1] === "run") ok = words[2] in pkg.scripts;
      else if (words[0] === "npm" && words[1] === "install") ok = true;
      else ok = words[0] === "npm" && words[1] in pkg.scripts; // npm test / start / stop
      expect({ command, ok }).toEqual({ command, ok: true });
    }
  }
});

test("the gradekit commands README shows answer --help, and so do the scripts it names", () => {
  const sub = new Set<string>();
  for (const m of readme.matchAll(/npx gradekit ([a-z]+)/g)) sub.add(m[1]);
  expect([...sub].sort()).toEqual(expect.arrayContaining(["check", "compile", "form", "grade", "review", "templates"]));
  const bin = path.join(root, pkg.bin.gradekit);
  for (const cmd of sub) {
    const r = spawnSync(process.execPath, [bin, cmd, "--help"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect({ cmd, status: r.status, usage: /gradekit/.test(r.stdout) }).toEqual({ cmd, status: 0, usage: true });
  }
  for (const script of ["preflight.js", "validate-manifest.js", "manifests.js"]) {
    const r = spawnSync(process.execPath, [path.join(root, "scripts", script), "--help"], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect({ script, status: r.status, usage: /usage:/.test(r.stdout) }).toEqual({ script, status: 0, usage: true });
  }
});
