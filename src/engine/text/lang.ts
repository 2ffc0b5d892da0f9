/** The languages GradeKit speaks. */
export type Lang = "en" | "zh-CN";

export const LANGS: readonly Lang[] = ["en", "zh-CN"];

/** Normalises anything a caller may pass as a language (`zh`, `zh-cn`, `zh-Hans`, `en-US`, `zh_CN.UTF-8`). */
export function toLang(v: unknown): Lang {
  return typeof v === "string" && /^zh/i.test(v.trim()) ? "zh-CN" : "en";
}
