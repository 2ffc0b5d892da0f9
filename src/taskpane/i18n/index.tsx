/**
 * The task pane's messages: `en` and `zh-CN` catalogues with the same keys (a key missing in one
 * of them does not compile), `{name}` placeholders, and the `useI18n()` / `useT()` hooks.
 */
import * as React from "react";
import { fmt, tr, type Lang, type Text } from "../../engine";
import { en, type Catalogue, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";

export type { Catalogue, MessageKey };
export type Params = Readonly<Record<string, string | number>>;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = Object.freeze({ en, "zh-CN": zhCN });

/** A message in a language, placeholders filled (numbers with digit grouping). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const cat = CATALOGUES[lang];
  const one = `${key}.one`;
  const s = params?.count === 1 && one in cat ? cat[one as MessageKey] : cat[key] || en[key];
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m: string, k: string) => {
    if (!(k in params)) return m;
    const v = params[k];
    return typeof v === "number" ? fmt(v) : v;
  });
}

export type TFunction = (key: MessageKey, params?: Params) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A catalogue message. */
  t: TFunction;
  /** A template's bilingual text in the current language. */
  tx: (text: Text | undefined) => string;
}

const I18nContext = React.createContext<I18n | null>(null);

export function I18nProvider(props: { lang: Lang; setLang: (lang: Lang) => void; children?: React.ReactNode }): React.JSX.Element {
  const { lang, setLang } = props;
  const value = React.useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (text) => (text ? tr(text, lang) : ""),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** Language, switch, `t` and `tx` of the nearest `I18nProvider` (English without one). */
export function useI18n(): I18n {
  const ctx = React.useContext(I18nContext);
  if (ctx) return ctx;
  return { lang: "en", setLang: () => undefined, t: (key, params) => translate("en", key, params), tx: (text) => (text ? tr(text, "en") : "") };
}

/** The `t(key, params)` of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
