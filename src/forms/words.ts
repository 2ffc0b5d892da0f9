/** The forms' own words, in English and Chinese. Template texts come from the templates. */
import type { Lang } from "../engine";

export interface FormWords {
  customer: string;
  notes: string;
  grade: string;
  score: string;
  formSubtitle: (id: string, version: number) => string;
  fillNote: string;
  legendTitle: string;
  populationNote: string;
  codeNote: (parts: string) => string;
  codeColours: (field: string) => string;
  adjustment: (text: string) => string;
  footer: readonly [string, string, string];
  pageOf: string;
  listsHeader: string;
  // validation
  numberAny: string;
  numberMin: (min: string) => string;
  numberMax: (max: string) => string;
  numberBetween: (min: string, max: string) => string;
  percentHint: string;
  plainNumbers: string;
  required: string;
  requiredUnless: string;
  optional: string;
  oneOf: (others: string) => string;
  choose: (words: string) => string;
  badNumberTitle: string;
  badNumber: (label: string, what: string) => string;
  badWordTitle: string;
  badWord: (label: string, words: string) => string;
  yes: string;
  no: string;
  listSep: string;
}

export const FORM_WORDS: Readonly<Record<Lang, FormWords>> = Object.freeze({
  en: {
    customer: "Customer",
    notes: "Notes",
    grade: "Grade",
    score: "Score",
    formSubtitle: (id: string, v: number) => `Grading form · template ${id} v${v}`,
    fillNote:
      "One customer per row. Numbers as plain numbers (100000, not 10万 or 100K); words from the drop-down lists. The grade fills in by itself (plain Excel formulas, no add-in needed).",
    legendTitle: "Grades",
    populationNote: "This template ranks customers against each other: a row's grade depends on all the rows of this form.",
    codeNote: (parts: string) => `The grade is a code made of: ${parts}.`,
    codeColours: (field: string) => `Colour: ${field}`,
    adjustment: (text: string) => `After grading: ${text}.`,
    footer: ["Recorded by:", "Reviewed by:", "Date:"] as const,
    pageOf: "Page &P of &N",
    listsHeader: "Lists",
    numberAny: "A number.",
    numberMin: (min: string) => `A number ≥ ${min}.`,
    numberMax: (max: string) => `A number ≤ ${max}.`,
    numberBetween: (min: string, max: string) => `A number from ${min} to ${max}.`,
    percentHint: "A percentage: type 12.5%.",
    plainNumbers: "Not 10万 or 100K.",
    required: "Required.",
    requiredUnless: "Required, except where it does not apply.",
    optional: "May be left blank.",
    oneOf: (others: string) => `Fill in this or ${others}.`,
    choose: (words: string) => `Choose: ${words}.`,
    badNumberTitle: "Not a valid number",
    badNumber: (label: string, what: string) => `${label}: ${what} Type the number only (not 10万 or 100K).`,
    badWordTitle: "Choose from the list",
    badWord: (label: string, words: string) => `${label} must be one of: ${words}.`,
    yes: "yes",
    no: "no",
    listSep: ", ",
  },
  "zh-CN": {
    customer: "客户名称",
    notes: "备注",
    grade: "等级",
    score: "得分",
    formSubtitle: (id: string, v: number) => `分级填写表 · 模板 ${id} 第 ${v} 版`,
    fillNote: "每行填写一个客户。数字请直接填写（如 100000，不要写“10万”或“100K”）；类别请从下拉列表中选择。等级由公式自动计算（普通 Excel 公式，无需加载项）。",
    legendTitle: "等级说明",
    populationNote: "此模板按客户相互比较评级：每行的等级取决于本表所有行。",
    codeNote: (parts: string) => `等级为代码，依次由以下部分组成：${parts}。`,
    codeColours: (field: string) => `颜色：${field}`,
    adjustment: (text: string) => `定级后调整：${text}。`,
    footer: ["记录：", "审核：", "日期："] as const,
    pageOf: "第 &P 页，共 &N 页",
    listsHeader: "列表",
    numberAny: "请输入数字。",
    numberMin: (min: string) => `请输入 ≥ ${min} 的数字。`,
    numberMax: (max: string) => `请输入 ≤ ${max} 的数字。`,
    numberBetween: (min: string, max: string) => `请输入 ${min} 到 ${max} 之间的数字。`,
    percentHint: "百分数，如 12.5%。",
    plainNumbers: "不要写“10万”“100K”等文字。",
    required: "必填。",
    requiredUnless: "必填（不适用时可留空）。",
    optional: "可留空。",
    oneOf: (others: string) => `与${others}至少填写一项。`,
    choose: (words: string) => `请选择：${words}。`,
    badNumberTitle: "数字无效",
    badNumber: (label: string, what: string) => `${label}：${what}只填数字（不要写“10万”“100K”等文字）。`,
    badWordTitle: "请从列表中选择",
    badWord: (label: string, words: string) => `${label}只能是：${words}。`,
    yes: "是",
    no: "否",
    listSep: "、",
  },
});
