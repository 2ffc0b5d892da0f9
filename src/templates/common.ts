/** Building blocks shared by the built-in templates (data only). */
import type { CategoryValue, Field, Text } from "../engine/template/schema";

export const t = (en: string, zh: string): Text => ({ en, zh });

export const num = (key: string, en: string, zh: string, extra: Partial<Field> = {}): Field => ({
  key,
  label: t(en, zh),
  type: "number",
  ...extra,
});

export const yesno = (key: string, en: string, zh: string, extra: Partial<Field> = {}): Field => ({
  key,
  label: t(en, zh),
  type: "yesno",
  ...extra,
});

/** An optional yes/no modifier: blank means no (spec). */
export const modifier = (key: string, en: string, zh: string): Field => yesno(key, en, zh, { required: false, default: "no" });

export const cat = (value: string, en: string, zh: string, aliases: string[] = []): CategoryValue => ({
  value,
  label: t(en, zh),
  aliases,
});

/** Analyst-entered points in [0, max]. */
export const points = (key: string, en: string, zh: string, max: number): Field => num(key, en, zh, { min: 0, max, unit: "points" });

export const SEED = {
  s000: "../shared/seeds/000_2fa31295d39722d2.txt",
  s001: "../shared/seeds/001_c49d298df30d5d45.txt",
  s002: "../shared/seeds/002_cddc3e18804fa6d7.txt",
  s003: "../shared/seeds/003_121d184207902294.txt",
  s004: "../shared/seeds/004_6587fa044cf09dd9.txt",
} as const;

/** "Title (source: seeds/000_....txt)". */
export const source = (seed: keyof typeof SEED, en: string, zh: string): Text => {
  const file = SEED[seed].replace("../shared/", "");
  return t(`${en} (source: ${file})`, `${zh}（来源：${file}）`);
};
