/**
 * Errors of the GK.* functions, before they reach Excel. The pure modules (core, templates, cache)
 * throw or return `FnError`s: GradeKit's one error type (`GradeKitError`, both languages) whose
 * code is the Excel error value it shows as, with the class that gives that value (`input` ->
 * `#VALUE!`, bad input; `notFound` -> `#N/A`, nothing to look up / nothing applies). Only the
 * boundary, `office.ts`, turns errors into `CustomFunctions.Error` in the display language.
 */
import { catalogue, fillBoth, GradeKitError, type Args, type Bilingual, type Catalogue, type GradeError } from "../engine";

/** The two Excel error values a custom function can give with a message. */
export type FnErrorCode = "#VALUE!" | "#N/A";

/** One error value with its message in both languages. */
export class FnError extends GradeKitError<FnErrorCode> {
  constructor(code: FnErrorCode, text: Bilingual) {
    super(code, code === "#N/A" ? "notFound" : "input", text);
  }

  /** Bad input (`#VALUE!`); a plain string is the same in both languages. */
  static value(message: string | Bilingual): FnError {
    return new FnError("#VALUE!", typeof message === "string" ? { en: message, zh: message } : message);
  }

  /** Nothing to look up or nothing applies (`#N/A`). */
  static notAvailable(message: string | Bilingual): FnError {
    return new FnError("#N/A", typeof message === "string" ? { en: message, zh: message } : message);
  }

  /** An engine row error (`GradeResult.error(i)`). */
  static fromGrade(e: GradeError): FnError {
    return new FnError(e.type, e.message);
  }
}

/** The catalogue of this layer's own messages (the engine has its own for reasons and row errors). */
export const FN_MESSAGES = {
  noTemplate: {
    en: "give a template id as the first argument, e.g. \"sales-pipeline\"",
    zh: "第一个参数请填写模板 ID，例如 \"sales-pipeline\"",
  },
  unknownTemplate: {
    en: "unknown template '{name}'; built-in templates: {ids}",
    zh: "未知模板“{name}”；内置模板：{ids}",
  },
  brokenTemplate: { en: "template '{name}' cannot be used: {why}", zh: "模板“{name}”无法使用：{why}" },
  tooManyColumns: {
    en: "template '{id}' takes {n} inputs ({fields}), got {m} columns",
    zh: "模板“{id}”需要 {n} 个输入（{fields}），实际为 {m} 列",
  },
  population: { en: "template '{id}' {why}", zh: "模板“{id}”{why}" },
  noScore: {
    en: "template '{id}' gives grades, not scores; use GK.GRADE",
    zh: "模板“{id}”只给出等级，没有得分；请使用 GK.GRADE",
  },
  notNumberArg: { en: "{arg}: '{text}' is not a number", zh: "{arg}：“{text}”不是数字" },
  errorArg: { en: "{arg}: the cell holds an error ({text})", zh: "{arg}：单元格是错误值（{text}）" },
  noThresholds: { en: "thresholds: give at least one number", zh: "阈值：请至少填写一个数字" },
  duplicateThreshold: { en: "thresholds: {value} appears twice", zh: "阈值：{value} 重复出现" },
  labelCount: {
    en: "labels: {n} thresholds need {need} labels (best first), got {got}",
    zh: "标签：{n} 个阈值需要 {need} 个标签（从好到差），实际为 {got} 个",
  },
  notYesNoArg: { en: "{arg}: '{text}' is not TRUE/FALSE", zh: "{arg}：“{text}”不是 TRUE/FALSE" },
  badCuts: {
    en: "cuts: cut points must be increasing shares between 0 and 1 (e.g. 0.2, 0.8 or 20%, 80%), got {cuts}",
    zh: "分档点：须为 0 到 1 之间递增的比例（如 0.2、0.8 或 20%、80%），实际为 {cuts}",
  },
  cutLabelCount: {
    en: "labels: {k} cut points need {need} labels (best first), got {got}",
    zh: "标签：{k} 个分档点需要 {need} 个标签（从好到差），实际为 {got} 个",
  },
  groupsShape: {
    en: "groups must be the same size as {what} ({want}), got {got}",
    zh: "分组须与{what}大小相同（{want}），实际为 {got}",
  },
  groupMissing: {
    en: "with groups for the population, give the value's own group as the 6th argument",
    zh: "为总体指定了分组时，请在第 6 个参数中给出该值所属的分组",
  },
  extraArgs: {
    en: "arguments 5 and 6 are only used in the single-value form GK.PERCENTILE_TIER(value, population, ...)",
    zh: "第 5、6 个参数仅用于单值形式 GK.PERCENTILE_TIER(值, 总体, ...)",
  },
  internal: { en: "GradeKit: unexpected error: {why}", zh: "GradeKit 内部错误：{why}" },
} as const satisfies Catalogue;

export type FnMessageKey = keyof typeof FN_MESSAGES;

/** One of this layer's messages in a language. @example fnMsg("noThresholds", "en") // "thresholds: give at least one number" */
export const fnMsg = catalogue(FN_MESSAGES);

/**
 * An error of this layer from its catalogue, both languages filled (`zhArgs` for values that are
 * words, e.g. an argument's name).
 *
 * @example fnError("#VALUE!", "noThresholds").messageIn("zh-CN") // "阈值：请至少填写一个数字"
 */
export function fnError(code: FnErrorCode, key: FnMessageKey, args: Args = {}, zhArgs: Args = args): FnError {
  return new FnError(code, fillBoth(FN_MESSAGES[key], args, zhArgs));
}
