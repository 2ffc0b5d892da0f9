/**
 * The task pane's messages (`catalogue.ts`, one file per screen with English and Chinese side by
 * side) and the `useI18n()` / `useT()` hooks that components read them with.
 */
import * as React from "react";
import { tr, type Lang, type Text } from "../../engine";
import { translate, type MessageKey, type Params } from "./catalogue";

export { CATALOGUES, MESSAGES, en, textOf, translate, zhCN, type Catalogue, type MessageKey, type Params } from "./catalogue";

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
