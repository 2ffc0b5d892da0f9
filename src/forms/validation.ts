/** Data validation of a form's input columns: the rule of a field and its messages in the display language. */
import { fmt, tr, type Field, type Lang, type Template } from "../engine";
import { clip, PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX } from "./limits";
import type { ColumnValidation } from "./spec";
import { FORM_WORDS, type FormWords } from "./words";

export function fieldLabel(f: Field, lang: Lang): string {
  return tr(f.label, lang);
}

function requiredText(template: Template, f: Field, w: FormWords, lang: Lang): string {
  const group = (template.requireOneOf ?? []).find((g) => g.includes(f.key));
  if (group) {
    const others = group.filter((k) => k !== f.key).map((k) => {
      const o = template.fields.find((x) => x.key === k);
      return lang === "zh-CN" ? `“${o ? fieldLabel(o, lang) : k}”` : o ? fieldLabel(o, lang) : k;
    });
    if (others.length) return w.oneOf(others.join(w.listSep));
  }
  if (f.requiredUnless) return w.requiredUnless;
  if (f.required === false || f.default !== undefined) return w.optional;
  return w.required;
}

/** The rule and messages of a field's column: a decimal range for numbers, a drop-down for categories and yes/no. */
export function fieldValidation(template: Template, f: Field, lang: Lang): ColumnValidation | undefined {
  const w = FORM_WORDS[lang];
  const label = fieldLabel(f, lang);
  const need = requiredText(template, f, w, lang);
  if (f.type === "number") {
    const lo = f.min !== undefined ? fmt(f.min, f.unit) : undefined;
    const hi = f.max !== undefined ? fmt(f.max, f.unit) : undefined;
    const what = lo !== undefined && hi !== undefined ? w.numberBetween(lo, hi) : lo !== undefined ? w.numberMin(lo) : hi !== undefined ? w.numberMax(hi) : w.numberAny;
    const parts = [what, f.unit === "percent" ? w.percentHint : w.plainNumbers, need];
    return {
      rule: { kind: "decimal", min: f.min, max: f.max },
      prompt: { title: clip(label, PROMPT_TITLE_MAX), message: clip(parts.join(lang === "zh-CN" ? "" : " "), PROMPT_MESSAGE_MAX) },
      error: { title: clip(w.badNumberTitle, PROMPT_TITLE_MAX), message: clip(w.badNumber(label, what), PROMPT_MESSAGE_MAX) },
    };
  }
  if (f.type === "category" || f.type === "yesno") {
    const items = f.type === "yesno" ? [w.yes, w.no] : (f.categories ?? []).map((c) => tr(c.label, lang));
    const words = items.join(w.listSep);
    return {
      rule: { kind: "list", items },
      prompt: { title: clip(label, PROMPT_TITLE_MAX), message: clip([w.choose(words), need].join(lang === "zh-CN" ? "" : " "), PROMPT_MESSAGE_MAX) },
      error: { title: clip(w.badWordTitle, PROMPT_TITLE_MAX), message: clip(w.badWord(label, words), PROMPT_MESSAGE_MAX) },
    };
  }
  return undefined;
}
