/** The MF/Q 102/A form of seed 000 ("客户分类/等级划分表"): Chinese, as the source, with an English subtitle. */
import { describeTemplate, headerFooterLiteral, type GradeInfo, type Lang, type Template } from "../engine";
import { gradeLegend } from "./legend";
import { GRADE_MIN_WIDTH, type FormSpec } from "./spec";
import { fieldValidation } from "./validation";
import { FORM_WORDS } from "./words";

const MFQ_STATUSES = ["曾经有过交易", "正在进行交易", "即将进行交易"] as const;
const MFQ_LEGEND: Record<string, string> = {
  A: "A级 / 战略性：订单次数累计超过 5 次，并且累计订单量超过 100K（100,000）的客户。",
  B: "B级：订单次数累计超过 3 次，并且累计订单量达到 10K（10,000）及以上的客户（来源写作“10~100K”：4 次订单、订单量 500K 的客户评为 B 级）。",
  C: "C级：零星订单，其余客户（如订单量小于 10K）。",
};

/** The rules of the built-in mfq-102a the MF/Q legend texts describe (a changed copy gets generic texts). */
const MFQ_MODEL = {
  kind: "rules",
  rules: [
    { grade: "A", when: { all: [{ field: "orderCount", op: ">", value: 5 }, { field: "orderVolume", op: ">", value: 100000 }] } },
    { grade: "B", when: { all: [{ field: "orderCount", op: ">", value: 3 }, { field: "orderVolume", op: ">=", value: 10000 }] } },
  ],
  otherwise: "C",
};

/** True for `mfq-102a` with its two number fields: it gets the source's paper form. */
export function isMfqTemplate(template: Template): boolean {
  return template.id === "mfq-102a" && ["orderCount", "orderVolume"].every((k) => template.fields.some((f) => f.key === k && f.type === "number"));
}

/** The MF/Q 102/A form's description; the source's legend texts when the rules are the built-in ones. */
export function mfqSpec(template: Template, grades: readonly GradeInfo[]): FormSpec {
  const builtinRules = JSON.stringify(template.model) === JSON.stringify(MFQ_MODEL) && template.fields.every((f) => f.min === 0 && f.max === undefined);
  const lang: Lang = "zh-CN";
  const w = FORM_WORDS[lang];
  const field = (key: string) => template.fields.find((f) => f.key === key)!;
  const count = field("orderCount");
  const volume = field("orderVolume");
  const statusWords = MFQ_STATUSES.join("、");
  const formNumber = "MF/Q 102/A";
  const title = "客户分类/等级划分表";
  return {
    kind: "mfq-102a",
    template,
    lang,
    sheetName: "客户分类等级划分表",
    title,
    subtitle: "Customer classification / grading form",
    noteLeft: "说明：分类及等级划分仅包括聚合物移动电池和电芯客户。（Scope: polymer mobile batteries and cells customers.）",
    noteRight: `表单编号：${formNumber}`,
    formNumber,
    groups: [
      { label: "1. 按交易过程分类", cols: 6 },
      { label: "2. 按交易数量和市场地位分类", cols: 3 },
    ],
    columns: [
      { header: "客户名称", role: "text", width: 22 },
      { header: "地址", role: "text", width: 26, hAlign: "left" },
      { header: "法人代表", role: "text", width: 10 },
      { header: "联系电话", role: "text", width: 14, numberFormat: "@" },
      { header: "主要产品", role: "text", width: 16 },
      {
        header: "交易过程分类",
        role: "status",
        width: 15,
        validation: {
          rule: { kind: "list", items: [...MFQ_STATUSES] },
          prompt: { title: "交易过程分类", message: `请选择：${statusWords}。` },
          error: { title: w.badWordTitle, message: `交易过程分类只能是：${statusWords}。` },
        },
      },
      // Excel's General format: the decimals entered show (5.5 orders > 5 changes the grade; #,##0 would show 6).
      { header: "累计订单次数", role: "field", field: "orderCount", width: 12, validation: fieldValidation(template, count, lang) },
      { header: "累计订单量", role: "field", field: "orderVolume", width: 13, validation: fieldValidation(template, volume, lang) },
      { header: "等级", role: "grade", width: GRADE_MIN_WIDTH },
    ],
    legendTitle: "客户的等级（按客户订单量/潜在订单量分为：A级/战略性、B级、C级）",
    legend: gradeLegend(template, grades, lang).map((row, k) => (builtinRules && MFQ_LEGEND[grades[k].id] ? { code: row.code, color: row.color, text: MFQ_LEGEND[grades[k].id] } : row)),
    extraNotes: [w.fillNote, describeTemplate(template, lang).numbersNote],
    footer: w.footer,
    page: {
      header: { left: headerFooterLiteral(title), center: "", right: formNumber },
      footer: { left: "", center: w.pageOf, right: formNumber },
    },
  };
}
