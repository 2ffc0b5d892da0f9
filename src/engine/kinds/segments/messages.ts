/** The mean-relative segments kind's sentences (reasons, checks). */
import { catalogue } from "../../text/format";

export const SEGMENT_TEXT = {
  segment: { en: "{grade}: {parts}", zh: "{grade}：{parts}" },
  high: { en: "{measure} {value} {op} mean {mean} (high)", zh: "{measure} {value} {op} 均值 {mean}（高）" },
  low: { en: "{measure} {value} {op} mean {mean} (low)", zh: "{measure} {value} {op} 均值 {mean}（低）" },
  levelCount: { en: "a segment lists {count} levels for {measures} measures", zh: "该细分列出 {count} 个高低，但有 {measures} 个指标" },
  duplicate: { en: "the same levels as segment {first}: never given", zh: "与第 {first} 个细分的高低相同，永远不会出现" },
  missing: { en: "no segment for the levels {levels}", zh: "高低组合 {levels} 没有对应细分" },
  noSegment: { en: "no segment for the levels {levels}", zh: "高低组合 {levels} 没有对应细分" },
} as const;

export const segmentSay = catalogue(SEGMENT_TEXT);
