/**
 * The one way the CLI writes a file. Every command that writes a file (`grade`, `grade --orders`,
 * `review`, `review --rules`, `summary`, `form`) checks its output with `checkOutputTarget` before it
 * reads anything, and writes through `writeFileAtomic` (or, streaming, a `tempPathFor` file renamed
 * into place). `compile` and `templates --export` print to stdout only.
 *
 * - An output that is the same file as one of the command's inputs is refused before anything is
 *   read or written. "Same file" is decided by the file system, not by the path text: device and
 *   inode after following links, so a symlink, a hard link, `./a/../in.csv` or a case variant of
 *   the input's name on a case-insensitive file system (macOS, Windows) are all caught.
 * - The bytes go to a temporary file in the target folder (`.<name>.gradekit-<pid>-<n>.tmp`),
 *   which is then renamed over the output. A crash, `kill` or Ctrl-C during the write leaves the old
 *   output intact (or no output), never a half-written one; the temporary file is removed on
 *   failure.
 * - An existing output needs `--force` (README, `--help`): without it the command stops before
 *   reading anything, naming the file and `--force` (exit 5, class `output`), and the file is left
 *   as it was. Nothing ever asks interactively, so a script or a pipe never hangs. With `--force`
 *   the replacement is atomic (a new file renamed over the old one), and an input is still never
 *   replaced.
 */
import * as fs from "fs";
import * as path from "path";
import { fail } from "./messages";

/** Device and inode of a file after following links, or null when it does not exist. */
function identity(file: string): { dev: number; ino: number } | null {
  try {
    const s = fs.statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/**
 * Throws the `sameFile` output error when `output` is the same file as any of `inputs` (`-`, i.e.
 * stdin/stdout, and inputs that are not files, e.g. built-in template ids, are skipped).
 */
export function refuseOutputOverInput(output: string, inputs: readonly (string | undefined)[]): void {
  if (output === "-") return;
  const out = identity(output);
  for (const input of inputs) {
    if (input === undefined || input === "-") continue;
    const inp = identity(input);
    if (!inp) continue; // not a file (a built-in template id) or missing (reading it fails first)
    const same = path.resolve(input) === path.resolve(output) || (out !== null && out.dev === inp.dev && out.ino === inp.ino);
    if (same) throw fail("sameFile", "output", { path: output, input });
  }
}

/** Throws the `outputExists` output error when `output` exists (a file, a link, a folder) and `force` is false. */
export function refuseExistingOutput(output: string, force: boolean): void {
  if (force || output === "-") return;
  let exists: boolean;
  try {
    fs.lstatSync(output);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists) throw fail("outputExists", "output", { path: output });
}

/**
 * The checks every writing command makes on its output before reading anything: never one of the
 * inputs (even with `--force`), and an existing file only with `--force`.
 */
export function checkOutputTarget(output: string, inputs: readonly (string | undefined)[], force: boolean): void {
  refuseOutputOverInput(output, inputs);
  refuseExistingOutput(output, force);
}

let tempCounter = 0;

/** A temporary file's name beside `file` (same folder, so the final rename stays on one device). */
export function tempPathFor(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return path.join(dir, `.${path.basename(file)}.gradekit-${process.pid}-${++tempCounter}.tmp`);
}

/**
 * Writes `bytes` to `file` atomically: a temporary file in the same folder, flushed to disk, then
 * renamed over `file`. Creates the folder when missing. Errors are thrown as they come (callers
 * wrap them as `cannotWrite`); the temporary file never survives a failed write.
 */
export function writeFileAtomic(file: string, bytes: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = tempPathFor(file);
  try {
    const fd = fs.openSync(tmp, "wx", 0o666);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
