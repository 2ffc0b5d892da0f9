/**
 * The adapter's own words in English and Chinese: output column headers and the summary's group names
 * texts (the period review's words are in `review/catalogue.ts`).
 */
import type { Lang } from "../engine";

export interface Words {
  grade: string;
  score: string;
  reason: string;
  blankGroup: string;
  otherGroups: (n: number) => string;
}

export const WORDS: Readonly<Record<Lang, Words>> = Object.freeze({
  en: {
    grade: "Grade",
    score: "Score",
    reason: "Reason",
    blankGroup: "(blank)",
    otherGroups: (n: number) => `(${n} other groups)`,
  },
  "zh-CN": {
    grade: "等级",
    score: "得分",
    reason: "原因",
    blankGroup: "（空）",
    otherGroups: (n: number) => `（其他 ${n} 组）`,
  },
});

/** Header texts the adapter writes above its output columns, in every language (lower case). */
export const OUTPUT_HEADERS: ReadonlySet<string> = new Set(
  Object.values(WORDS).flatMap((w) => [w.grade, w.score, w.reason].map((s) => s.toLowerCase())),
);
