/**
 * LibreOffice, the independent spreadsheet engine of the interop, CLI and form tests: where it
 * is, and one headless conversion run for many files (start-up dominates its cost).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The soffice binary, or a failure that says how to install it (tests never skip silently). */
export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"]) if (fs.existsSync(p)) return p;
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  const found = which.stdout.trim();
  if (which.status === 0 && found) return found;
  throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-deps.sh` (Debian package libreoffice-calc)");
}

/** CSV filter: comma, double quote, UTF-8 (76), values at full precision (not as shown). */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false";

/**
 * Converts files with one headless LibreOffice run (own profile under `dir`); returns the output
 * folder and the seconds it took.
 */
export function libreOfficeConvert(files: string[], dir: string, to: string = CSV_FILTER, timeoutMs = 150_000): { outDir: string; seconds: number } {
  const outDir = path.join(dir, "lo-out");
  const profile = path.join(dir, "lo-profile");
  const started = Date.now();
  const r = spawnSync(
    sofficePath(),
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, ...files],
    { encoding: "utf8", timeout: timeoutMs },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`LibreOffice failed (${r.status}): ${r.stderr}`);
  return { outDir, seconds: (Date.now() - started) / 1000 };
}
