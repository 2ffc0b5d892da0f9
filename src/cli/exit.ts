/**
 * The CLI's one error boundary: how a thrown error is printed and which exit code it gives.
 * Commands throw `GradeKitError`s (see `fail` in messages.ts) and never choose an exit code for an
 * error; this module maps the error's class to the code.
 *
 * | exit | error class   | meaning                                                                 |
 * |------|---------------|-------------------------------------------------------------------------|
 * | 0    | -             | done (rows with bad data are reported in the summary; they are not fatal) |
 * | 1    | -             | `check` found problems in the template (as linters do: 1 = findings)    |
 * | 2    | `usage`       | a command or option written wrongly (unknown, missing, bad value)       |
 * | 3    | `input`       | an input file, sheet or column cannot be read as the template needs     |
 * | 4    | `template`    | a template file with errors                                             |
 * | 5    | `output`      | the result cannot be written where asked (an input, an existing file    |
 * |      |               | without `--force`, a folder that cannot be written, a cell too long)    |
 * | 6    | `notFound`    | no such template, file or sheet                                         |
 * | 7    | `unsupported` | the target (formulas, SQL, a form) cannot express the template          |
 * | 70   | `internal`    | an unexpected error (a bug; sysexits' EX_SOFTWARE, kept apart from the  |
 * |      |               | user's errors so a script can tell "fix your call" from "report this")  |
 *
 * One class, one code, in every command: a script can branch on the code without parsing text.
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
  input: 3,
  template: 4,
  output: 5,
  notFound: 6,
  unsupported: 7,
  internal: 70,
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
