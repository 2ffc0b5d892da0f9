/**
 * The one message formatter of GradeKit. Every layer (engine, functions, CLI, task pane,
 * playground) fills its `{name}` placeholders with `fill`, and keeps its sentences in a typed
 * catalogue made with `catalogue`.
 */
import type { Lang } from "./lang";

/** A sentence in English and Chinese. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** Values a placeholder can take. */
export type Args = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders; an unknown placeholder stays as written, so a missing value shows.
 *
 * @example fill("{field} is blank", { field: "Amount" }) // "Amount is blank"
 * @example fill("{a} {b}", { a: 1 }) // "1 {b}"
 */
export function fill(template: string, args: Args = {}): string {
  // A scan rather than a regular expression with a callback (reasons fill several per row); the
  // same matches as /\{(\w+)\}/g, left to right.
  let open = template.indexOf("{");
  if (open < 0) return template;
  let out = "";
  let done = 0;
  while (open >= 0) {
    let j = open + 1;
    while (j < template.length && isWordCode(template.charCodeAt(j))) j++;
    if (j > open + 1 && template.charCodeAt(j) === 125 /* } */) {
      const k = template.slice(open + 1, j);
      if (Object.prototype.hasOwnProperty.call(args, k)) {
        out += template.slice(done, open) + String(args[k]);
        done = j + 1;
      }
      open = template.indexOf("{", j + 1);
    } else open = template.indexOf("{", open + 1);
  }
  return done === 0 ? template : out + template.slice(done);
}

/** A character of `\w`: A-Z, a-z, 0-9, _. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A template filled once, all but the placeholder `key`: the text around each of its places, to
 * be joined per use with the value (`pieces.join(value)`). For a sentence made many times (a
 * reason per row), the static parts are computed once. Same text as `fill` with `key` given.
 *
 * @example fillAround("{grade}: {why}", { grade: "A" }, "why") // ["A: ", ""]
 */
export function fillAround(template: string, args: Args, key: string): string[] {
  return template.split(`{${key}}`).map((piece) => fill(piece, args));
}

/** The side of a pair for a language (falls back to the other side when one is empty). */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === "zh-CN" ? text.zh || text.en : text.en || text.zh;
}

/**
 * Both sides of a pair with their placeholders filled (zh may take its own values, e.g. a
 * Chinese field label).
 *
 * @example fillBoth({ en: "{n} rows", zh: "{n} 行" }, { n: 3 }) // { en: "3 rows", zh: "3 行" }
 */
export function fillBoth(text: Bilingual, args: Args = {}, zhArgs: Args = args): Bilingual {
  return { en: fill(text.en, args), zh: fill(text.zh, zhArgs) };
}

/** A typed catalogue: the keys are checked at compile time. */
export type Catalogue = Readonly<Record<string, Bilingual>>;

/**
 * Makes the lookup function of a catalogue.
 *
 * @example const say = catalogue({ hi: { en: "hi {who}", zh: "你好 {who}" } }); say("hi", "zh-CN", { who: "王" }) // "你好 王"
 */
export function catalogue<C extends Catalogue>(messages: C): (key: keyof C & string, lang: Lang, args?: Args) => string {
  return (key, lang, args = {}) => fill(pick(messages[key], lang), args);
}

/** Joins reason parts as each language writes a list of clauses: `; ` in English, `；` in Chinese. */
export function joinParts(parts: readonly string[], lang: Lang): string {
  return parts.join(lang === "zh-CN" ? "；" : "; ");
}
