/** `gradekit check <template.json>`: the engine's template checker on a file. */
import { parseTemplateJson, type Lang } from "../../engine";
import { EXIT_CHECK_PROBLEMS, EXIT_DONE } from "../exit";
import { fail, m, type CliIo } from "../messages";
import { langOption, parseCommandArgs } from "./args";
import { issueLine, readTemplateText } from "./template-source";

const OPTIONS = { lang: { type: "string" } } as const;

/** Prints each issue as `error|warning path: message`; exit 1 when there are any, 0 with "OK". */
export async function checkCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs("check", argv, OPTIONS, fallbackLang, true);
  const lang = langOption(values.lang, fallbackLang);
  if (positionals.length !== 1) throw fail("checkNeedsFile", "usage");
  const file = positionals[0];
  const res = parseTemplateJson(readTemplateText(file));
  if (res.issues.length === 0) {
    io.out(m("checkOk", lang) + "\n");
    return EXIT_DONE;
  }
  for (const i of res.issues) io.out(issueLine(i, lang) + "\n");
  const errors = res.issues.filter((i) => i.severity === "error").length;
  io.err(m("checkSummary", lang, { errors, warnings: res.issues.length - errors }) + "\n");
  return EXIT_CHECK_PROBLEMS;
}
