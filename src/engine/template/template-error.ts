/**
 * Misuse of the engine: grading with a template that did not pass the checker, an unknown
 * parameter, a field of the wrong type. An exception, not a value; one of GradeKit's errors
 * (class `template`), so every boundary shows it like any other template problem.
 */
import { GradeKitError } from "../text/error";

export class TemplateError extends GradeKitError<"invalidTemplate"> {
  /** `message` is English: the engine's own wording of what the template gets wrong. */
  constructor(message: string) {
    super("invalidTemplate", "template", { en: message, zh: message });
    this.name = "TemplateError";
  }
}
