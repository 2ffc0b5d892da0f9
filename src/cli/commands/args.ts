/** Option parsing with node's `util.parseArgs`, turning its errors into one-line usage errors. */
import { parseArgs, type ParseArgsConfig } from "util";
import type { Lang } from "../../engine";
import { CliError, m } from "../messages";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown options and missing values are exit-2 errors. */
export function parseCommandArgs(cmd: string, argv: string[], options: Options, lang: Lang, positionals = false): Parsed {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!positionals && r.positionals.length > 0) {
      throw new CliError(m("badOption", lang, { problem: `unexpected argument '${r.positionals[0]}'`, cmd }));
    }
    return { values: r.values as Parsed["values"], positionals: r.positionals };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const msg = e instanceof Error ? e.message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "") : String(e);
    throw new CliError(m("badOption", lang, { problem: msg.replace(/\.$/, ""), cmd }));
  }
}

/** `--lang` value -> Lang; anything not English or Chinese is a usage error. */
export function langOption(v: unknown, fallback: Lang = "en"): Lang {
  if (v === undefined) return fallback;
  const s = String(v).trim();
  if (/^zh([-_].*)?$/i.test(s)) return "zh-CN";
  if (/^en([-_].*)?$/i.test(s)) return "en";
  throw new CliError(m("badLang", fallback, { value: s }));
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language the terminal asks for: the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order);
 * `zh...` (zh_CN.UTF-8, zh_TW, ...) is Chinese, anything else (C, POSIX, en_US.UTF-8, unset) English.
 */
export function langFromEnv(env: Env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en";
}

/**
 * Finds `--lang X` / `--lang=X` before full parsing, so early errors use that language; without
 * `--lang`, the terminal's language (LC_ALL / LC_MESSAGES / LANG in `env`).
 */
export function langFromArgv(argv: readonly string[], env: Env = {}): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined) return /^zh/i.test(v) ? "zh-CN" : "en";
  }
  return langFromEnv(env);
}

/** Splits repeated `--opt a=1,b=2` values into items, keeping commas that belong to a value. */
export function splitPairs(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    for (const part of v.split(/,(?=[^,=]*=)/)) if (part.trim() !== "") out.push(part.trim());
  }
  return out;
}
