/**
 * scripts/preflight.js, the first step of `npm test`: on a machine without the system tools, README's
 * quick start must stop at once with ONE message naming the packages and the command to run.
 *
 * "A fresh machine" is simulated: a fresh copy of the repository (the files git tracks or would add),
 * a PATH that holds only node, npm and a shell (plus apt-get, as on Debian), GRADEKIT_PREFLIGHT_AS=user
 * (a regular user without password-less sudo; the tests may run as root) and GRADEKIT_CHROMIUM pointing
 * at a missing file (Chromium is found by its full path, not on PATH).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const PREFLIGHT = path.join(ROOT, "scripts", "preflight.js");
const PACKAGES = [
  "libxml2-utils",
  "libreoffice-calc",
  "chromium",
  "poppler-utils",
  "fonts-wqy-zenhei",
  "sqlite3",
  "postgresql",
];
const INSTALL = `sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(" ")}`;

let tmp: string;

/** Full path of a command on the current PATH. */
function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, cmd);
    if (dir && fs.existsSync(file)) return fs.realpathSync(file);
  }
  return null;
}

/** A bin folder with only these commands (symlinks), to be the whole PATH. */
function minimalPath(name: string, commands: string[]): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const cmd of commands) {
    const target = which(cmd);
    if (!target) throw new Error(`${cmd} is not on PATH`);
    fs.symlinkSync(target, path.join(dir, cmd));
  }
  return dir;
}

/** An environment without the system tools: minimal PATH, a regular user, no Chromium. */
function bareEnv(binDir: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: binDir,
    GRADEKIT_PREFLIGHT_AS: "user",
    GRADEKIT_CHROMIUM: path.join(tmp, "no-such-chromium"),
    GRADEKIT_PG_ROOT: path.join(tmp, "no-such-postgresql"),
  };
  for (const k of Object.keys(env)) if (k.startsWith("npm_")) delete env[k]; // not inside the outer npm run
  return env;
}

/** The README's quick-start commands, as written. */
function quickStart(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const quick = readme.slice(readme.indexOf("\n## Quick start\n"));
  const block = /```sh\n([\s\S]*?)```/.exec(quick)![1];
  return block
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l !== "");
}

/** A fresh copy of the repository: the files git tracks or would add, nothing ignored (no node_modules, lib/, dist/). */
function freshCopy(): string {
  const dir = path.join(tmp, "clone");
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  for (const rel of r.stdout.split("\0").filter(Boolean)) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from) || fs.statSync(from).isDirectory()) continue; // deleted in the worktree, or a submodule
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
  }
  return dir;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-preflight-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a fresh copy without the system tools", () => {
  test("README's `npm test`, as written, stops in seconds with one message naming the packages and the command", () => {
    const clone = freshCopy();
    expect(fs.existsSync(path.join(clone, "node_modules"))).toBe(false);
    const bin = minimalPath("bin-debian", ["node", "npm", "sh", "bash", "apt-get"]);
    const [, testCommand] = quickStart();
    expect(testCommand).toBe("npm test");
    const started = Date.now();
    const r = spawnSync("sh", ["-c", testCommand], {
      cwd: clone,
      env: bareEnv(bin),
      encoding: "utf8",
      timeout: 60_000,
    });
    const seconds = (Date.now() - started) / 1000;
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(seconds).toBeLessThan(30);
    // one message: said once, with every tool, every package and the one command
    expect(output.split("GradeKit's tests need system tools").length - 1).toBe(1);
    for (const tool of [
      "xmllint",
      "soffice",
      "no-such-chromium",
      "pdftotext/pdftoppm",
      "a CJK font",
      "sqlite3",
      "PostgreSQL server",
    ])
      expect(output).toContain(tool);
    expect(output).toContain(INSTALL);
    expect(output).toContain("then run `npm test` again");
    // before any suite: npm echoed the test script only (no `npm run lint` started), and nothing ran
    expect(output.match(/^> gradekit@\S+ (\S+)$/gm)).toEqual([expect.stringMatching(/ test$/)]);
    const said = output.split("\n").filter((l) => !l.startsWith("> "));
    expect(said.join("\n")).not.toMatch(/eslint|tsc|jest|PASS|FAIL/);
  });
});

describe("scripts/preflight.js", () => {
  test("without apt-get it names the Debian packages and says to use the system's package manager", () => {
    const bin = minimalPath("bin-other", ["node"]);
    const r = spawnSync(process.execPath, [PREFLIGHT], { env: bareEnv(bin), encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("your system's package manager");
    for (const p of PACKAGES) expect(r.stderr).toContain(p);
    expect(r.stderr).toContain("GRADEKIT_CHROMIUM");
  });

  test("names only what is missing", () => {
    const bin = minimalPath("bin-partial", ["node", "apt-get"]);
    const xmllint = which("xmllint");
    if (!xmllint) throw new Error("xmllint is not installed (npm test's preflight installs it)");
    fs.symlinkSync(xmllint, path.join(bin, "xmllint"));
    const r = spawnSync(process.execPath, [PREFLIGHT], { env: bareEnv(bin), encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain("libxml2-utils");
    expect(r.stderr).toContain(
      "sudo apt-get update && sudo apt-get install -y libreoffice-calc chromium poppler-utils fonts-wqy-zenhei sqlite3 postgresql",
    );
  });

  test("--check never installs, even as root: it only reports", () => {
    const bin = minimalPath("bin-check", ["node", "apt-get"]);
    const env = { ...bareEnv(bin), GRADEKIT_PREFLIGHT_AS: "root" };
    const r = spawnSync(process.execPath, [PREFLIGHT, "--check"], { env, encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain("installing");
    expect(r.stderr).toContain(INSTALL);
  });

  test("as root with apt-get it says what it installs, runs apt-get update + install -y, and checks again", () => {
    const bin = minimalPath("bin-root", ["node"]);
    const log = path.join(tmp, "apt-get.log");
    const chromium = path.join(tmp, "installed-chromium");
    const pgRoot = path.join(tmp, "installed-postgresql");
    const script = (file: string, body: string) => {
      fs.writeFileSync(file, `#!/usr/bin/env node\n${body}\n`);
      fs.chmodSync(file, 0o755);
    };
    // a stand-in apt-get: logs its arguments; `install` puts stand-in tools where the check looks
    script(
      path.join(bin, "apt-get"),
      [
        'const fs = require("fs");',
        'const path = require("path");',
        `fs.appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(" ") + " DEBIAN_FRONTEND=" + process.env.DEBIAN_FRONTEND + "\\n");`,
        'if (process.argv[2] === "install") {',
        '  const tool = (f, out) => { fs.writeFileSync(f, "#!/usr/bin/env node\\nprocess.stdout.write(" + JSON.stringify(out) + ");\\n"); fs.chmodSync(f, 0o755); };',
        '  for (const t of ["xmllint", "soffice", "pdftotext", "pdftoppm", "sqlite3"]) tool(path.join(__dirname, t), "");',
        `  const pg = path.join(${JSON.stringify(pgRoot)}, "15", "bin"); fs.mkdirSync(pg, { recursive: true });`,
        '  for (const t of ["initdb", "pg_ctl"]) tool(path.join(pg, t), "");',
        '  tool(path.join(__dirname, "fc-list"), "WenQuanYi Zen Hei\\n");',
        `  tool(${JSON.stringify(chromium)}, "");`,
        "}",
      ].join("\n"),
    );
    const env = {
      ...bareEnv(bin),
      GRADEKIT_PREFLIGHT_AS: "root",
      GRADEKIT_CHROMIUM: chromium,
      GRADEKIT_PG_ROOT: pgRoot,
    };
    const r = spawnSync(process.execPath, [PREFLIGHT], { env, encoding: "utf8", timeout: 30_000 });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.stdout).toContain(`preflight: installing ${PACKAGES.join(" ")} for `);
    expect(r.stdout).toContain("preflight: installed; system tools present");
    expect(fs.readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "update DEBIAN_FRONTEND=noninteractive",
      `install -y ${PACKAGES.join(" ")} DEBIAN_FRONTEND=noninteractive`,
    ]);
  });

  test("on this machine (after npm test's own preflight) everything is present", () => {
    const r = spawnSync(process.execPath, [PREFLIGHT, "--check"], { encoding: "utf8", timeout: 30_000 });
    expect(`${r.stdout}${r.stderr}`).toContain("system tools present");
    expect(r.status).toBe(0);
  });

  test("scripts/install-deps.sh is the same check (kept for older instructions)", () => {
    const r = spawnSync("bash", [path.join(ROOT, "scripts", "install-deps.sh"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("usage: node scripts/preflight.js");
  });
});
