/**
 * Errors shown to people: kept as values and turned into text when rendered, so a language switch
 * also translates a message already on screen. The adapter's errors carry both languages
 * (`AdapterError.messageIn(lang)`); Office's own errors are shown as Office words them.
 */
import { tr, type Lang } from "../engine";
import type { MessageKey, Params, TFunction } from "./i18n";

/** A readable message for anything thrown, in a language when the error knows several. */
export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === "object") {
    const x = e as { messageIn?: unknown; text?: unknown; message?: unknown };
    if (typeof x.messageIn === "function") {
      const s = (x.messageIn as (l: Lang) => unknown).call(e, lang);
      if (typeof s === "string" && s) return s;
    }
    const text = x.text as { en?: unknown; zh?: unknown } | undefined;
    if (text && typeof text.en === "string" && typeof text.zh === "string") return tr({ en: text.en, zh: text.zh }, lang);
    if (typeof x.message === "string") return x.message;
  }
  return String(e);
}

/** A failed action: the catalogue message to show, the error, and extra placeholders. */
export interface Failure {
  key: MessageKey;
  error: unknown;
  params?: Params;
}

export function failureText(f: Failure, t: TFunction, lang: Lang): string {
  return t(f.key, { ...f.params, message: errorText(f.error, lang) });
}
