/**
 * The task pane's messages: one file per screen (`common`, `grade-screen`, `picker`, `adhoc`,
 * `editor`, `editor-paths`, `library`, `review`, `forms`, `share`), each message in English and Chinese
 * side by side (a message without one of them does not compile), looked up with the engine's
 * `catalogue`. Placeholders are `{name}`; numbers are shown with digit grouping; a key ending in
 * `.one` is used instead of its base key when `count` is 1.
 * Template texts (names, descriptions, readings, labels) come from the templates' own en/zh fields.
 * Pure: no React (the hooks are in `index.tsx`).
 */
import { catalogue, fillBoth, fmt, pick, type Bilingual, type Lang } from "../../engine";
import { ADHOC_MESSAGES } from "./adhoc";
import { COMMON_MESSAGES } from "./common";
import { EDITOR_MESSAGES } from "./editor";
import { EDITOR_PATH_MESSAGES } from "./editor-paths";
import { FORM_MESSAGES } from "./forms";
import { GRADE_SCREEN_MESSAGES } from "./grade-screen";
import { LIBRARY_MESSAGES } from "./library";
import { PICKER_MESSAGES } from "./picker";
import { REVIEW_MESSAGES } from "./review";
import { SHARE_MESSAGES } from "./share";

/** Every message of the task pane (the screens' keys do not overlap: each screen has its own prefixes). */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...GRADE_SCREEN_MESSAGES,
  ...PICKER_MESSAGES,
  ...ADHOC_MESSAGES,
  ...EDITOR_MESSAGES,
  ...EDITOR_PATH_MESSAGES,
  ...LIBRARY_MESSAGES,
  ...REVIEW_MESSAGES,
  ...FORM_MESSAGES,
  ...SHARE_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A complete catalogue in one language: every key, a string each. */
export type Catalogue = { readonly [K in MessageKey]: string };

export type Params = Readonly<Record<string, string | number>>;

function inLanguage(lang: Lang): Catalogue {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(MESSAGES) as MessageKey[]) out[key] = pick(MESSAGES[key], lang);
  return Object.freeze(out);
}

/** The English and the Chinese catalogue (for texts that need a language's whole set, and the parity test). */
export const en: Catalogue = inLanguage("en");
export const zhCN: Catalogue = inLanguage("zh-CN");
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = Object.freeze({ en, "zh-CN": zhCN });

const say = catalogue(MESSAGES);

/** Placeholder values as shown: numbers with digit grouping. */
function shown(params: Params): Params {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "number" ? fmt(v) : v;
  return out;
}

/** The `.one` form of a key when the count is 1 and the key has one. */
function keyFor(key: MessageKey, params: Params | undefined): MessageKey {
  const one = `${key}.one`;
  return params?.count === 1 && Object.prototype.hasOwnProperty.call(MESSAGES, one) ? (one as MessageKey) : key;
}

/**
 * A message in a language, placeholders filled (numbers with digit grouping).
 *
 * @example translate("en", "apply.button", { count: 1200 }) // "Grade 1,200 rows"
 */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return say(keyFor(key, params), lang, params && shown(params));
}

/**
 * A message in both languages, placeholders filled as written (for texts stored in a template,
 * such as an ad-hoc template's name and field labels).
 */
export function textOf(key: MessageKey, params: Params = {}): Bilingual {
  return fillBoth(MESSAGES[key], params);
}
