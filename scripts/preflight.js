#!/usr/bin/env node
/*
 * `npm test` runs this first, before any suite: the system (non-npm) tools GradeKit's tests need.
 *
 *   node scripts/preflight.js           check; install what is missing when it can, else stop with one message
 *   node scripts/preflight.js --check   check only: never install (exit 1 with the message when something is missing)
 *   bash scripts/install-deps.sh        the same as the first form (kept for older instructions)
 *
 * Tools (Debian/Ubuntu package):
 *   xmllint            libxml2-utils      offline manifest validation (test/manifest, test/build)
 *   soffice            libreoffice-calc   LibreOffice, the independent spreadsheet engine (test/interop, test/cli, test/forms)
 *   /usr/bin/chromium  chromium           the browser of the end-to-end tests (test/e2e; playwright-core never downloads one).
 *                                         GRADEKIT_CHROMIUM=/path/to/chromium uses another binary.
 *   pdftotext,pdftoppm poppler-utils      text and pictures of the printed forms (test/forms)
 *   a CJK font         fonts-wqy-zenhei   so LibreOffice prints Chinese as Chinese, not boxes (test/forms)
 *   sqlite3            sqlite3            SQLite, one of the SQL engines of the differential test (test/interop)
 *   initdb, pg_ctl     postgresql         a throw-away PostgreSQL server of the differential test (test/interop);
 *                                         looked for in /usr/lib/postgresql/<version>/bin (GRADEKIT_PG_ROOT
 *                                         names another root, e.g. for tests)
 *
 * When something is missing and this process is root, or password-less sudo works, and apt-get exists, it
 * says what it installs and runs `apt-get update` + `apt-get install -y <packages>`. Otherwise it prints ONE
 * message naming the packages and the one command to run, and exits 1 (within a second or two).
 *
 * For tests: GRADEKIT_PREFLIGHT_AS=user behaves as a regular user without password-less sudo (to check the
 * message where the tests run as root); GRADEKIT_PREFLIGHT_AS=root as root (to check the installation with
 * a stand-in apt-get where they do not).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const CHROMIUM = process.env.GRADEKIT_CHROMIUM || "/usr/bin/chromium";
const PG_ROOT = process.env.GRADEKIT_PG_ROOT || "/usr/lib/postgresql";

/** What the suites need: a check, the Debian/Ubuntu package that provides it, what it is for. */
const TOOLS = [
  { name: "xmllint", commands: ["xmllint"], pkg: "libxml2-utils", why: "manifest validation" },
  {
    name: "soffice",
    commands: ["soffice"],
    pkg: "libreoffice-calc",
    why: "LibreOffice, for the interop and form tests",
  },
  { name: CHROMIUM, paths: [CHROMIUM], pkg: "chromium", why: "the browser of the end-to-end tests" },
  { name: "pdftotext/pdftoppm", commands: ["pdftotext", "pdftoppm"], pkg: "poppler-utils", why: "printed-form checks" },
  { name: "a CJK font", font: "zh", pkg: "fonts-wqy-zenhei", why: "Chinese text in printed forms" },
  { name: "sqlite3", commands: ["sqlite3"], pkg: "sqlite3", why: "SQLite in the SQL interop tests" },
  {
    name: "PostgreSQL server (initdb)",
    pgRoot: PG_ROOT,
    pkg: "postgresql",
    why: "PostgreSQL in the SQL interop tests",
  },
];

/** A PostgreSQL server's binaries under ROOT/<version>/bin (Debian's layout). */
function hasPostgres(root) {
  let versions = [];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return false;
  }
  return versions.some(
    (v) => isExecutable(path.join(root, v, "bin", "initdb")) && isExecutable(path.join(root, v, "bin", "pg_ctl")),
  );
}

/** Full path of an executable on PATH, or null. */
function onPath(cmd, envPath = process.env.PATH || "") {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A font for `lang` known to fontconfig (fc-list :lang=zh). No fc-list means no fonts to find. */
function hasFont(lang) {
  const fcList = onPath("fc-list");
  if (!fcList) return false;
  const r = spawnSync(fcList, [`:lang=${lang}`, "family"], { encoding: "utf8", timeout: 20_000 });
  return r.status === 0 && r.stdout.trim() !== "";
}

function present(tool) {
  if (tool.commands) return tool.commands.every((c) => onPath(c));
  if (tool.paths) return tool.paths.every(isExecutable);
  if (tool.font) return hasFont(tool.font);
  if (tool.pgRoot) return hasPostgres(tool.pgRoot);
  return false;
}

function missingTools() {
  return TOOLS.filter((t) => !present(t));
}

/** "root", "sudo" (password-less), or null: how this process could run apt-get. */
function privilege() {
  if (process.env.GRADEKIT_PREFLIGHT_AS === "user") return null;
  if (process.env.GRADEKIT_PREFLIGHT_AS === "root") return "root";
  if (typeof process.getuid === "function" && process.getuid() === 0) return "root";
  const sudo = onPath("sudo");
  if (!sudo) return null;
  const r = spawnSync(sudo, ["-n", "true"], { stdio: "ignore", timeout: 10_000 });
  return r.status === 0 ? "sudo" : null;
}

/** The one message when the tools cannot be installed from here. */
function failureMessage(missing, hasApt) {
  const packages = [...new Set(missing.map((t) => t.pkg))];
  const lines = [
    "",
    `GradeKit's tests need system tools that are not installed: ${missing.map((t) => `${t.name} (${t.why})`).join(", ")}.`,
  ];
  if (hasApt) {
    lines.push(
      "Install them once with:",
      "",
      `    sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`,
      "",
      "then run `npm test` again. (Run as root or with password-less sudo, `npm test` installs them itself.)",
    );
  } else {
    lines.push(
      `Install them with your system's package manager (Debian/Ubuntu package names: ${packages.join(", ")}),`,
      "then run `npm test` again. Chromium may live elsewhere: set GRADEKIT_CHROMIUM=/path/to/chromium.",
    );
  }
  lines.push("");
  return lines.join("\n");
}

function run(cmd, args) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function main(argv) {
  if (argv.includes("-h") || argv.includes("--help")) {
    process.stdout.write(
      "usage: node scripts/preflight.js [--check]\n" +
        "Checks the system tools GradeKit's tests need (xmllint, LibreOffice, Chromium, poppler, a CJK font);\n" +
        "installs the missing ones with apt-get when run as root or with password-less sudo (not with --check).\n",
    );
    return 0;
  }
  const checkOnly = argv.includes("--check");
  const missing = missingTools();
  if (missing.length === 0) {
    process.stdout.write(`preflight: system tools present (${TOOLS.map((t) => t.name).join(", ")})\n`);
    return 0;
  }
  const apt = onPath("apt-get");
  const how = checkOnly || !apt ? null : privilege();
  if (!how) {
    process.stderr.write(failureMessage(missing, Boolean(apt)));
    return 1;
  }
  const packages = [...new Set(missing.map((t) => t.pkg))];
  const prefix = how === "sudo" ? [onPath("sudo"), "-n", apt] : [apt];
  process.stdout.write(
    `preflight: installing ${packages.join(" ")} for ${missing.map((t) => t.name).join(", ")} ` +
      `(apt-get${how === "sudo" ? " via sudo" : ""}; LibreOffice and Chromium take a few minutes the first time)\n`,
  );
  if (run(prefix, ["update"]) !== 0 || run(prefix, ["install", "-y", ...packages]) !== 0) {
    process.stderr.write(`preflight: apt-get failed.${failureMessage(missing, true)}`);
    return 1;
  }
  const still = missingTools();
  if (still.length > 0) {
    process.stderr.write(`preflight: installed, but still missing.${failureMessage(still, true)}`);
    return 1;
  }
  process.stdout.write("preflight: installed; system tools present\n");
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = { TOOLS, missingTools, failureMessage, onPath };
