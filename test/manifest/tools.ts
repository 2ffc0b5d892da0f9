/* Helpers shared by test/manifest and test/build: run the validate script and query XML with xmllint. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const VALIDATE_SCRIPT = path.join(ROOT, "scripts", "validate-manifest.js");
export const SCHEMA_DIR = process.env.GRADEKIT_MANIFEST_SCHEMAS
  ? path.resolve(process.env.GRADEKIT_MANIFEST_SCHEMAS)
  : path.resolve(ROOT, "../shared/manifest-schemas/xmllint");

/**
 * Throws (so the calling test FAILS, never skips) when the offline validation prerequisites are missing.
 */
export function requireOfflineValidation(): void {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error(
      'xmllint is not installed. Install the Debian/Ubuntu package "libxml2-utils" ' +
        "(apt-get install -y libxml2-utils, or run `npm run preflight`).",
    );
  }
  if (!fs.existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"))) {
    throw new Error(
      `The offline manifest schemas are missing: ${SCHEMA_DIR}/OfficeAppManifestV1_1.xsd ` +
        "(expected ../shared/manifest-schemas/xmllint next to the project, or set GRADEKIT_MANIFEST_SCHEMAS).",
    );
  }
}

export interface RunResult {
  status: number | null;
  output: string;
}

export function validateManifest(manifestPath: string): RunResult {
  const r = spawnSync(process.execPath, [VALIDATE_SCRIPT, manifestPath], { encoding: "utf8", cwd: ROOT });
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** Evaluates an XPath 1.0 expression with xmllint; returns its text output ("" when nothing matches). */
export function xpath(file: string, expr: string): string {
  const r = spawnSync("xmllint", ["--xpath", expr, file], { encoding: "utf8" });
  if (r.error) throw r.error;
  return r.status === 0 ? r.stdout : ""; // xmllint exits 10 for an empty node set
}

/** XPath step matching an element by local name, ignoring namespaces: el("Runtime") -> *[local-name()='Runtime'] */
export const el = (name: string): string => `*[local-name()='${name}']`;

/** Values of one attribute over every matching element. */
export function attrValues(file: string, elementPath: string, attr: string): string[] {
  const out = xpath(file, `${elementPath}/@${attr}`);
  return [...out.matchAll(new RegExp(`${attr}="([^"]*)"`, "g"))].map((m) => m[1]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47 || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
