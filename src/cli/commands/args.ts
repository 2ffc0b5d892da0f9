/** Option parsing with node's `util.parseArgs`, turning its errors into one-line usage errors. */
import { parseArgs, type ParseArgsConfig } from "util";
import type { Lang } from "../../engine";
import { fail } from "../messages";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes besides its own (`--lang` is declared by each command; `--debug` here). */
export const COMMON_OPTIONS = {
  debug: { type: "boolean" },
} as const satisfies Options;

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown options and missing values are usage errors. */
export function parseCommandArgs(cmd: string, argv: string[], options: Options, lang: Lang, positionals = false): Parsed {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "") : String(e);
    throw fail("badOption", "usage", { problem: msg.replace(/\.$/, ""), cmd });
  }
  if (!positionals && r.positionals.length > 0) {
    throw fail("badOption", "usage", { problem: `unexpected argument '${r.positionals[0]}'`, cmd });
  }
  return { values: r.values as Parsed["values"], positionals: r.positionals };
}

/** `--lang` value -> Lang; anything not English or Chinese is a usage error. */
export function langOption(v: unknown, fallback: Lang = "en"): Lang {
  if (v === undefined) return fallback;
  const s = String(v).trim();
  if (/^zh([-_].*)?$/i.test(s)) return "zh-CN";
  if (/^en([-_].*)?$/i.test(s)) return "en";
  throw fail("badLang", "usage", { value: s });
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
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined) lang = /^zh/i.test(v) ? "zh-CN" : "en";
  }
  return lang ?? langFromEnv(env);
}

/** True when `--debug` is given (before any `--`). */
export function debugFromArgv(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--debug");
}

/** Splits repeated `--opt a=1,b=2` values into items, keeping commas that belong to a value. */
export function splitPairs(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    for (const part of v.split(/,(?=[^,=]*=)/)) if (part.trim() !== "") out.push(part.trim());
  }
  return out;
}
