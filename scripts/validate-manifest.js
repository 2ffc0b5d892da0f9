#!/usr/bin/env node
/*
 * Validate an Office add-in XML manifest.
 *
 *   node scripts/validate-manifest.js [manifest]      (default: <project>/manifest.xml)
 *   npm run validate [-- manifest]
 *
 * 1. Offline (preferred): when the schema set ../shared/manifest-schemas/xmllint/ exists next to the
 *    project (or GRADEKIT_MANIFEST_SCHEMAS points at such a folder), run
 *        xmllint --noout --schema <schemas>/OfficeAppManifestV1_1.xsd <manifest>
 *    and then parse the manifest with `office-addin-manifest info` (offline) as a second opinion.
 *    xmllint comes from the Debian/Ubuntu package libxml2-utils (`npm test` installs it: scripts/preflight.js).
 * 2. Otherwise (a user's machine): `npx office-addin-manifest validate <manifest>`, which calls
 *    Microsoft's online validation service and therefore needs internet access.
 *
 * Exit code: 0 = valid; xmllint's code when the schema check fails (3 = invalid, 5 = schema did not
 * compile); 1 = parse failure / online validation failure; 2 = usage error or missing tool.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = process.env.GRADEKIT_MANIFEST_SCHEMAS
  ? path.resolve(process.env.GRADEKIT_MANIFEST_SCHEMAS)
  : path.resolve(ROOT, "../shared/manifest-schemas/xmllint");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
const XMLLINT_PACKAGE = "libxml2-utils";

function log(msg) {
  process.stdout.write(`validate-manifest: ${msg}\n`);
}
function fail(code, msg) {
  process.stderr.write(`validate-manifest: ${msg}\n`);
  process.exit(code);
}

function officeAddinManifestBin() {
  const local = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
  return fs.existsSync(local) ? local : null;
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes("-h") || args.includes("--help")) {
    process.stdout.write("usage: node scripts/validate-manifest.js [manifest.xml]\n");
    return 0;
  }
  if (args.length > 1) fail(2, "expected at most one argument: the manifest path");
  // A relative path is taken from the current directory, else from the project root.
  const candidates = args[0] ? [path.resolve(args[0]), path.resolve(ROOT, args[0])] : [path.join(ROOT, "manifest.xml")];
  const manifest = candidates.find((p) => fs.existsSync(p));
  if (!manifest) fail(2, `manifest not found: ${candidates[0]}`);

  if (!fs.existsSync(SCHEMA)) {
    log(`offline schemas not found at ${SCHEMA_DIR}; falling back to online validation`);
    log("(npx office-addin-manifest validate: needs internet access)");
    const r = spawnSync("npx", ["--yes", "office-addin-manifest", "validate", manifest], {
      stdio: "inherit",
      cwd: ROOT,
      shell: process.platform === "win32",
    });
    if (r.error) fail(2, `could not run npx: ${r.error.message}`);
    return r.status ?? 1;
  }

  // --- offline: XSD validation with xmllint ---
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    fail(
      2,
      `xmllint was not found on PATH. It comes from the Debian/Ubuntu package "${XMLLINT_PACKAGE}": ` +
        `install it with "apt-get install -y ${XMLLINT_PACKAGE}" (or run "npm run preflight").`,
    );
  }
  const lint = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, manifest], {
    encoding: "utf8",
    cwd: ROOT,
  });
  if (lint.stdout) process.stdout.write(lint.stdout);
  if (lint.stderr) process.stderr.write(lint.stderr);
  if (lint.status !== 0) {
    const why = lint.status === 3 ? "invalid" : lint.status === 5 ? "schema did not compile" : "error";
    fail(lint.status ?? 1, `${manifest}: xmllint exit ${lint.status} (${why})`);
  }

  // --- offline: cheap parse with office-addin-manifest info ---
  const bin = officeAddinManifestBin();
  if (bin) {
    const info = spawnSync(process.execPath, [bin, "info", manifest], { encoding: "utf8", cwd: ROOT });
    if (info.status !== 0) {
      process.stderr.write(info.stdout || "");
      process.stderr.write(info.stderr || "");
      fail(1, "office-addin-manifest info could not parse the manifest");
    }
    const id = /^\s*Id:\s*(\S*)/m.exec(info.stdout)?.[1] ?? "";
    const name = /^\s*Name:\s*(.*)$/m.exec(info.stdout)?.[1] ?? "";
    log(`parsed by office-addin-manifest: Id=${id || "(none)"} Name=${name}`);
  } else {
    log("office-addin-manifest not installed; skipped the parse check");
  }
  log(`OK: ${manifest} validates against ${path.relative(ROOT, SCHEMA)}`);
  return 0;
}

process.exit(main());
