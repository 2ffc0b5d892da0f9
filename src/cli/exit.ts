/**
 * The CLI's one error boundary: how a thrown error is printed and which exit code it gives.
 * Commands throw `GradeKitError`s (see `fail` in messages.ts) and never choose an exit code for an
 * error; this module maps the error's class to the code.
 *
 * | exit | error classes                                        | meaning                                  |
 * |------|------------------------------------------------------|------------------------------------------|
 * | 0    | -                                                    | done (rows with bad data are reported in |
 * |      |                                                      | the summary; they are not fatal)         |
 * | 1    | `internal`                                           | an unexpected error (a bug); also what   |
 * |      |                                                      | `check` returns when it finds problems   |
 * | 2    | `usage`, `input`, `template`, `output`, `notFound`,  | the command cannot run as given; the     |
 * |      | `unsupported`                                        | message says what to do                  |
 *
 * Printing: the error's detail lines (e.g. a template file's checker issues), then one line
 * `gradekit: <message>` in the user's language. With `--debug` (or, for unexpected errors only,
 * the environment variable GRADEKIT_DEBUG) the error's class and code and its stack trace follow.
 */
import { isGradeKitError, type ErrorClass, type Lang } from "../engine";
import { m, type CliIo } from "./messages";

/** Exit code of a run that did its job. */
export const EXIT_DONE = 0;
/** Exit code of `gradekit check` when the template has errors or warnings. */
export const EXIT_CHECK_PROBLEMS = 1;

/** The exit code of each error class (the table above; `gradekit --help` prints it). */
export const EXIT_CODE_OF: Readonly<Record<ErrorClass, number>> = {
  usage: 2,
  input: 2,
  template: 2,
  output: 2,
  notFound: 2,
  unsupported: 2,
  internal: 1,
};

/** How to report: the language of the message, and whether to add the debugging lines. */
export interface ReportOptions {
  lang: Lang;
  /** `--debug`: class, code and stack trace of every error. */
  debug: boolean;
}

/** Prints an error (details first, then one `gradekit:` line) and returns its exit code. */
export function reportError(e: unknown, io: CliIo, opts: ReportOptions): number {
  if (isGradeKitError(e)) {
    for (const d of e.details) io.err(d + "\n");
    io.err(`gradekit: ${e.messageIn(opts.lang)}\n`);
    if (opts.debug) io.err(`[${e.errorClass} ${e.code}]\n${e.stack ?? ""}\n`);
    return EXIT_CODE_OF[e.errorClass];
  }
  const why = e instanceof Error ? e.message : String(e);
  io.err(`gradekit: ${m("internal", opts.lang, { why })}\n`);
  const envDebug = typeof process !== "undefined" && !!process.env.GRADEKIT_DEBUG;
  if ((opts.debug || envDebug) && e instanceof Error && e.stack) io.err(e.stack + "\n");
  return EXIT_CODE_OF.internal;
}

/** The exit-code table as `gradekit --help` shows it, in a language. */
export function exitCodeHelp(lang: Lang): string {
  const byCode = new Map<number, string[]>();
  const add = (code: number, line: string) => byCode.set(code, [...(byCode.get(code) ?? []), line]);
  add(EXIT_DONE, m("exitDone", lang));
  add(EXIT_CHECK_PROBLEMS, m("exitCheck", lang));
  for (const [cls, code] of Object.entries(EXIT_CODE_OF) as [ErrorClass, number][]) add(code, m(`class_${cls}`, lang));
  const lines = [m("exitCodes", lang)];
  for (const code of [...byCode.keys()].sort((a, b) => a - b)) {
    byCode.get(code)!.forEach((line, i) => lines.push(`  ${i === 0 ? String(code).padEnd(3) : "   "}${line}`));
  }
  return lines.join("\n");
}
