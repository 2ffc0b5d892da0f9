/**
 * Why "Prepare to share" keeps a `GK.*` cell as its current value instead of a portable formula,
 * in English and Chinese (`{detail}` and the other placeholders filled per cell with `fillBoth`).
 */
import { fillBoth, type Args, type Bilingual } from "../../engine";

export const SHARE_REASONS = {
  nested: {
    en: "the GK function is part of a larger formula",
    zh: "GK 函数是更大公式的一部分",
  },
  explain: {
    en: "GK.EXPLAIN's reasons are written by GradeKit only; no formula gives them",
    zh: "GK.EXPLAIN 的原因只有 GradeKit 能写出，没有对应的公式",
  },
  templateNotText: {
    en: "the template is not written in the formula as text",
    zh: "公式中的模板不是直接写出的文本",
  },
  templateUnknown: {
    en: "no template “{name}” (neither built in nor stored in this workbook)",
    zh: "找不到模板“{name}”（既不是内置模板，也未保存在本工作簿中）",
  },
  templateBroken: {
    en: "the template “{name}” has problems: {detail}",
    zh: "模板“{name}”有问题：{detail}",
  },
  notRange: {
    en: "the {arg} argument is not a plain range of cells",
    zh: "参数“{arg}”不是普通的单元格区域",
  },
  otherSheet: {
    en: "the {arg} argument is on another sheet ({sheet})",
    zh: "参数“{arg}”在另一张工作表上（{sheet}）",
  },
  tooManyColumns: {
    en: "the inputs have {got} columns, the template {name} has {want} fields",
    zh: "输入有 {got} 列，模板 {name} 只有 {want} 个字段",
  },
  tooFewColumns: {
    en: "the inputs cover {got} of the {want} fields of {name}",
    zh: "输入只覆盖了 {name} 的 {want} 个字段中的 {got} 个",
  },
  singleRowPopulation: {
    en: "{name} compares rows with each other, and the formula gives it one row",
    zh: "{name} 需要在多行之间比较，而公式只给了一行",
  },
  noScore: {
    en: "the template {name} gives no score",
    zh: "模板 {name} 不计算得分",
  },
  textNumbers: {
    en: "text in number cells that GradeKit reads and formulas cannot ({detail}); write them as numbers first",
    zh: "数字单元格中有 GradeKit 能读而公式不能读的文本（{detail}）；请先改为数字",
  },
  wordsDiffer: {
    en: "words GradeKit reads and formulas cannot ({detail}: full-width letters, tabs, yes/no words such as √); write them as the template's words first",
    zh: "有 GradeKit 能读而公式不能读的词（{detail}：全角字母、制表符或 √ 等是/否词）；请先改为模板中的词",
  },
  spillBlocked: {
    en: "the result does not spill (cells in the way: {detail})",
    zh: "结果无法溢出（被占用的单元格：{detail}）",
  },
  notCompiled: {
    en: "the compiler cannot express it: {detail}",
    zh: "编译器无法表达：{detail}",
  },
  badArgument: {
    en: "the {arg} argument cannot be read: {detail}",
    zh: "无法读取参数“{arg}”：{detail}",
  },
  population: {
    en: "the value is not in its population's range (one column holding both)",
    zh: "该值不在其总体区域内（须为同一列）",
  },
  groups: {
    en: "percentile tiers within groups are not converted",
    zh: "分组内的百分位分档不转换",
  },
  populationText: {
    en: "the population holds text or other non-numbers ({detail}), which formulas read differently",
    zh: "总体中有文本或其他非数字（{detail}），公式的读法不同",
  },
} as const satisfies Readonly<Record<string, Bilingual>>;

export type ShareReasonCode = keyof typeof SHARE_REASONS;

/** A reason with its placeholders filled; `zhArgs` when the Chinese side needs other words. */
export function reason(code: ShareReasonCode, args: Args = {}, zhArgs: Args = args): Bilingual {
  return fillBoth(SHARE_REASONS[code], args, zhArgs);
}

/** Argument names as the reasons show them. */
export const SHARE_ARGS = {
  inputs: { en: "inputs", zh: "输入" },
  value: { en: "value", zh: "值" },
  values: { en: "values", zh: "数值" },
  thresholds: { en: "thresholds", zh: "阈值" },
  labels: { en: "labels", zh: "标签" },
  cuts: { en: "cuts", zh: "分档点" },
  population: { en: "population", zh: "总体" },
  higherIsBetter: { en: "higher_is_better", zh: "越高越好" },
} as const satisfies Readonly<Record<string, Bilingual>>;
