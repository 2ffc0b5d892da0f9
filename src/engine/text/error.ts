/**
 * The one error type of GradeKit: a problem a person can fix, in English and Chinese, with a
 * stable code and a class. The class alone decides how a boundary shows it: the CLI's exit code,
 * the custom functions' `#VALUE!`/`#N/A`, the task pane's message bar. Nothing below those
 * boundaries knows about them.
 */
import { fillBoth, pick, type Args, type Bilingual } from "./format";
import type { Lang } from "./lang";

/**
 * What kind of problem it is (one exit code each in the CLI; see `src/cli/exit.ts`).
 * - `usage`: the command or call was written wrongly (unknown option, missing argument)
 * - `input`: the data cannot be read as the template needs (a missing column, a bad file)
 * - `template`: the template is not valid (checker errors, bad JSON)
 * - `output`: the result cannot be written where asked (same file as an input, exists)
 * - `notFound`: nothing to look up (unknown template, no such sheet)
 * - `unsupported`: the target cannot express this (a template that has no portable formula)
 * - `internal`: a bug; never expected
 */
export type ErrorClass = "usage" | "input" | "template" | "output" | "notFound" | "unsupported" | "internal";

export class GradeKitError<C extends string = string> extends Error {
  readonly code: C;
  readonly errorClass: ErrorClass;
  readonly text: Bilingual;
  /** Lines a boundary may print before the message (e.g. a template's checker issues). */
  readonly details: readonly string[];
  constructor(code: C, errorClass: ErrorClass, text: Bilingual, details: readonly string[] = []) {
    super(text.en || text.zh);
    this.name = "GradeKitError";
    this.code = code;
    this.errorClass = errorClass;
    this.text = text;
    this.details = details;
  }

  /** The message in a language. */
  messageIn(lang: Lang): string {
    return pick(this.text, lang);
  }

  /**
   * An error from a catalogue entry with its placeholders filled.
   *
   * @example GradeKitError.from("noRows", "input", { en: "{n} rows", zh: "{n} 行" }, { n: 0 }).messageIn("en") // "0 rows"
   */
  static from<C extends string>(code: C, errorClass: ErrorClass, text: Bilingual, args: Args = {}, zhArgs: Args = args): GradeKitError<C> {
    return new GradeKitError(code, errorClass, fillBoth(text, args, zhArgs));
  }
}

/** True for GradeKit's own errors (also across bundles, where `instanceof` may fail). */
export function isGradeKitError(e: unknown): e is GradeKitError {
  return e instanceof GradeKitError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "GradeKitError" && typeof (e as { messageIn?: unknown }).messageIn === "function");
}
