/** Engine-wide defaults, in one frozen object. */
export interface EngineDefaults {
  /**
   * Percentile cut points: top 20% / middle 60% / bottom 20%.
   * @default [0.2, 0.8]
   */
  readonly cuts: readonly number[];
  /**
   * Language of reasons and messages.
   * @default "en"
   */
  readonly lang: "en" | "zh-CN";
  /**
   * Largest template JSON accepted from outside (import, `gradekit check`), in characters.
   * @default 1_000_000
   */
  readonly maxTemplateChars: number;
  /**
   * Deepest nesting of conditions/expressions accepted from outside.
   * @default 32
   */
  readonly maxTemplateDepth: number;
  /**
   * Tolerance when checking that weights sum to 100%.
   * @default 1e-9
   */
  readonly weightTolerance: number;
}

export const DEFAULTS: EngineDefaults = Object.freeze({
  cuts: Object.freeze([0.2, 0.8]),
  lang: "en",
  maxTemplateChars: 1_000_000,
  maxTemplateDepth: 32,
  weightTolerance: 1e-9,
});
