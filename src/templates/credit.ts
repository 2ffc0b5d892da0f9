/** Bank credit rating: a grouped scorecard of 22 analyst-scored indicators (spec section 17). */
import type { Field, IndicatorGroup, Template } from "../engine/template/schema";
import { num, source, t } from "./common";
import { ramp } from "./palette";

/** An indicator: an analyst score 0–100; blank = not assessed. */
const indicator = (key: string, en: string, zh: string): Field => num(key, en, zh, { min: 0, max: 100, unit: "points", required: false });

const GROUPS: { key: string; en: string; zh: string; weight: number; fields: Field[] }[] = [
  {
    key: "operations",
    en: "Operations",
    zh: "经营状况",
    weight: 30,
    fields: [
      indicator("registeredCapital", "Registered capital", "注册资金"),
      indicator("businessScale", "Business scale", "业务规模"),
      indicator("trackRecord", "Track record", "历史经营业绩"),
      indicator("profitability", "Profitability", "利润情况"),
      indicator("cashFlow", "Cash flow", "现金流状况"),
      indicator("liabilities", "Liabilities", "负债情况"),
    ],
  },
  {
    key: "management",
    en: "Management",
    zh: "管理状况",
    weight: 15,
    fields: [
      indicator("organization", "Organisation", "组织管理状况"),
      indicator("staffQuality", "Staff quality and expertise", "人员素质及专业水平"),
      indicator("partnerRelations", "Relations with suppliers and customers", "与供应商、客户的关系"),
      indicator("guarantees", "Guarantees", "担保情况"),
    ],
  },
  {
    key: "market",
    en: "Market",
    zh: "市场状况",
    weight: 20,
    fields: [
      indicator("industryTrend", "Industry trend", "行业发展趋势"),
      indicator("marketShare", "Market share", "市场占有率"),
      indicator("priceLevel", "Market price level", "市场价格水平"),
      indicator("productQuality", "Product or service quality", "产品或服务的质量水平"),
    ],
  },
  {
    key: "finance",
    en: "Finance",
    zh: "金融状况",
    weight: 25,
    fields: [
      indicator("debtRatio", "Debt-to-asset ratio", "资产负债率"),
      indicator("currentRatio", "Current ratio", "流动比率"),
      indicator("solvency", "Solvency", "偿债能力"),
      indicator("operatingLeverage", "Operating leverage", "运营杠杆率"),
      indicator("financingCost", "Financing cost", "融资成本"),
      indicator("marketValue", "Market capitalisation", "股票市值"),
    ],
  },
  {
    key: "environment",
    en: "Environment",
    zh: "环境状况",
    weight: 10,
    fields: [
      indicator("environment", "Political and economic environment", "政治、经济环境"),
      indicator("socialImage", "Social image and responsibility", "社会形象及企业社会责任"),
    ],
  },
];

const weightKey = (g: string) => `w${g[0].toUpperCase()}${g.slice(1)}`;
const colors = ramp(5);

export const bankCredit5: Template = {
  id: "bank-credit-5",
  version: 1,
  category: "credit-risk",
  name: t("Bank customer credit rating AAA–BB", "银行客户信用等级评定 AAA/AA/A/BBB/BB"),
  description: t(
    "22 indicators, each an analyst score 0–100, in five weighted groups (operations 30, management 15, market 20, finance 25, environment 10). A blank indicator is not assessed (an unlisted company has no market value); a group's score is the mean of its assessed indicators, and a group with none assessed makes the row a bad input. Score = sum of weight x group score / 100. AAA >= 90, AA >= 80, A >= 70, BBB >= 60, BB otherwise. The weights must add up to 100.",
    "22 项指标，每项为分析员打分 0–100，分为五组加权（经营状况 30、管理状况 15、市场状况 20、金融状况 25、环境状况 10）。空白指标视为未评（非上市公司无股票市值）；组得分为该组已评指标的平均分，某组无任何已评指标时该行为错误输入。总分 = Σ 权重 × 组得分 / 100。AAA ≥ 90，AA ≥ 80，A ≥ 70，BBB ≥ 60，其余 BB。各组权重之和必须为 100。",
  ),
  source: source("s000", "Bank customer credit rating", "银行客户信用等级评定"),
  fields: GROUPS.flatMap((g) => g.fields),
  params: GROUPS.map((g) => ({
    key: weightKey(g.key),
    label: t(`${g.en} weight (%)`, `${g.zh}权重（%）`),
    default: g.weight,
    min: 0,
    max: 100,
  })),
  grades: [
    {
      id: "AAA",
      label: t("AAA", "AAA"),
      color: colors[0],
      description: t(
        "excellent credit, stable profitability, excellent finances, outstanding market position and potential",
        "客户信用极好，具有稳定盈利能力，财务状况极佳，具有出色的市场地位和发展潜力",
      ),
    },
    {
      id: "AA",
      label: t("AA", "AA"),
      color: colors[1],
      description: t("good credit, stable economy, good market position, some potential", "客户信用较好，经济状况稳定，市场地位较好，有一定发展潜力"),
    },
    {
      id: "A",
      label: t("A", "A"),
      color: colors[2],
      description: t("average credit, fairly stable economy, average market position, limited potential", "客户信用一般，经济状况较为稳定，市场地位一般，发展潜力有限"),
    },
    {
      id: "BBB",
      label: t("BBB", "BBB"),
      color: colors[3],
      description: t("poor credit, fairly unstable economy, poor market position, limited potential", "客户信用较差，经济状况较为不稳定，市场地位差，发展潜力有限"),
    },
    {
      id: "BB",
      label: t("BB", "BB"),
      color: colors[4],
      description: t("very poor credit, unstable economy, poor market position, no potential", "客户信用极差，经济状况不稳定，市场地位差，无发展潜力"),
    },
  ],
  model: {
    kind: "groups",
    groups: GROUPS.map(
      (g): IndicatorGroup => ({ key: g.key, label: t(g.en, g.zh), weight: { param: weightKey(g.key) }, fields: g.fields.map((f) => f.key) }),
    ),
    bands: [
      { grade: "AAA", op: ">=", value: 90 },
      { grade: "AA", op: ">=", value: 80 },
      { grade: "A", op: ">=", value: 70 },
      { grade: "BBB", op: ">=", value: 60 },
    ],
    otherwise: "BB",
  },
  readings: [
    t(
      "The source says six groups but lists five with 22 indicators, says the weights differ and must be adjusted to the customer, and gives no score bands: the weights (30/15/20/25/10) and the bands (90/80/70/60) are example defaults.",
      "原文称六个方面，但只列出五组共 22 项指标；原文说明权重因客户而异需调整，且未给出分数段：权重（30/15/20/25/10）和分数段（90/80/70/60）为示例默认值。",
    ),
  ],
};
