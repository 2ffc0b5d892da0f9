/**
 * Yes/no rule templates (spec sections 18, 20, 21, 22): power load classes, customer status,
 * wealth-product risk and defeated car-sales customers. All are first-match rule lists.
 */
import type { Template } from "../engine/template/schema";
import { cat, modifier, num, source, t, yesno } from "./common";
import { PALETTE, ramp } from "./palette";

const yes = (field: string) => ({ field, is: "yes" });

export const powerLoad3: Template = {
  id: "power-load-3",
  version: 1,
  category: "value",
  name: t("Power load class 1 / 2 / 3", "电力负荷分级 一类/二类/三类负荷"),
  description: t(
    "Class 1 when interrupting supply would cause casualties or major political, military or economic loss (major equipment damage, much scrap, production chaos, blocked transport hubs, broken broadcasting or communication, a city's water source cut, serious pollution), e.g. arsenals, large steel works, rocket launch bases, hospitals. Class 2 when it would cause serious stoppages, local traffic jams or disrupt the daily life of most city residents, e.g. factories, large towns, rural irrigation stations. Class 3 otherwise, e.g. workshops attached to factories, small towns, rural households. The four questions are yes/no; blank means no.",
    "中断供电将造成人身伤亡，或政治、军事、经济上的重大损失（重大设备损坏、大量废品、生产混乱、重要交通枢纽/干线受阻、广播通信中断、城市水源中断、严重环境污染）为一类负荷，如兵工厂、大型钢厂、火箭发射基地、医院；将造成严重停产、停工，局部地区交通阻塞，大部分城市居民正常生活秩序被打乱为二类负荷，如企业工厂、大城镇、农村排灌站；其余为三类负荷，如工厂附属车间、小城镇、农村居民用电。四个问题均为是/否，空白视为否。",
  ),
  source: source("s001", "Power load classes", "电力负荷分级"),
  fields: [
    modifier("casualties", "Interruption causes casualties", "中断供电将造成人身伤亡"),
    modifier("majorLoss", "Interruption causes major political, military or economic loss", "政治、军事、经济上的重大损失"),
    modifier("seriousStoppage", "Interruption causes serious stoppages", "严重停产、停工"),
    modifier("publicDisruption", "Interruption disrupts local traffic or city life", "局部地区交通阻塞、城市居民生活秩序被打乱"),
  ],
  grades: [
    { id: "class-1", label: t("Class 1 load", "一类负荷"), color: PALETTE.red, action: t("guarantee uninterrupted supply", "保证不间断供电") },
    {
      id: "class-2",
      label: t("Class 2 load", "二类负荷"),
      color: PALETTE.amber,
      action: t("guarantee uninterrupted supply where possible", "在可能的情况下保证不间断供电"),
    },
    { id: "class-3", label: t("Class 3 load", "三类负荷"), color: PALETTE.green, action: t("short outages are acceptable", "可以短时停电") },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "class-1", when: { any: [yes("casualties"), yes("majorLoss")] } },
      { grade: "class-2", when: { any: [yes("seriousStoppage"), yes("publicDisruption")] } },
    ],
    otherwise: "class-3",
  },
  readings: [
    t(
      "A row with all four questions blank is 'no data'; otherwise a blank answer is no.",
      "四个问题全部空白的行为“无数据”；否则空白答案视为否。",
    ),
  ],
};

export const status5: Template = {
  id: "status-5",
  version: 1,
  category: "lifecycle",
  name: t("Customer status: lost / actual / target / potential / non-customer", "客户状态 非客户/潜在/目标/现实/流失"),
  description: t(
    "Lost: has ordered but not for more than lostDays days. Actual (现实客户): has ordered. Target (目标客户): the company is actively developing the customer. Potential (潜在客户): has a need or desire for the product and the means to pay. Non-customer (非客户): no direct dealings and unlikely to buy.",
    "流失客户：曾有订单，但距上次订单已超过 lostDays 天。现实客户：已有订单。目标客户：企业正在主动开发的客户。潜在客户：对产品有需求或欲望且有购买能力。非客户：与企业没有直接交易、不可能购买企业产品或服务的群体。",
  ),
  source: source("s003", "Customer status", "客户状态"),
  fields: [
    num("orderCount", "Lifetime orders", "累计订单数", { min: 0, unit: "count" }),
    num("daysSinceLastOrder", "Days since last order", "距上次订单天数", {
      min: 0,
      unit: "days",
      sinceDate: true,
      requiredUnless: { field: "orderCount", op: "=", value: 0 },
    }),
    modifier("hasNeed", "Has a need and the means to pay", "有需求且有购买能力"),
    modifier("targeted", "Actively developed by the company", "企业正在开发"),
  ],
  params: [{ key: "lostDays", label: t("Lost after (days without an order)", "流失天数（无订单）"), default: 365, min: 0 }],
  grades: [
    { id: "lost", label: t("Lost", "流失客户"), color: PALETTE.grey },
    { id: "actual", label: t("Actual", "现实客户"), color: PALETTE.green },
    { id: "target", label: t("Target", "目标客户"), color: PALETTE.blue },
    { id: "potential", label: t("Potential", "潜在客户"), color: PALETTE.amber },
    { id: "non-customer", label: t("Non-customer", "非客户"), color: PALETTE.red },
  ],
  model: {
    kind: "rules",
    rules: [
      {
        grade: "lost",
        when: { all: [{ field: "orderCount", op: ">=", value: 1 }, { field: "daysSinceLastOrder", op: ">", value: { param: "lostDays" } }] },
      },
      { grade: "actual", when: { field: "orderCount", op: ">=", value: 1 } },
      { grade: "target", when: yes("targeted") },
      { grade: "potential", when: yes("hasNeed") },
    ],
    otherwise: "non-customer",
  },
  readings: [
    t(
      "The source defines the five states in words; lostDays (365) is an example default. Days since the last order are not needed for a customer with no orders.",
      "原文只用文字定义五种状态；流失天数 365 为示例默认值。没有订单的客户不需要填写距上次订单天数。",
    ),
  ],
};

export const wealthRisk5: Template = {
  id: "wealth-risk-5",
  version: 1,
  category: "credit-risk",
  name: t("Wealth product risk R1–R5", "理财产品风险等级 R1–R5"),
  description: t(
    "R5 high risk when losing principal is likely; R4 medium-high when it is possible; R1 very low when the bank guarantees the principal and the expected return is basically achievable; R2 low when the expected return is basically achievable; R3 medium otherwise.",
    "本金亏损可能性较大为 R5 高风险；可能亏损本金为 R4 中高风险；银行保证本金且预期收益基本能实现为 R1 极低风险；预期收益基本能实现为 R2 较低风险；其余为 R3 中等风险。",
  ),
  source: source("s003", "Wealth management product risk levels", "理财产品风险等级"),
  fields: [
    yesno("principalGuaranteed", "Principal guaranteed by the bank", "银行保证本金"),
    yesno("targetLikely", "Expected return basically achievable", "预期收益基本能实现"),
    {
      key: "lossRisk",
      label: t("Chance of losing principal", "本金亏损可能性"),
      type: "category",
      categories: [
        cat("none", "none", "无", ["no", "没有"]),
        cat("possible", "possible", "可能", ["可能亏损"]),
        cat("likely", "likely", "很可能", ["较大", "high", "可能性较大"]),
      ],
    },
  ],
  grades: [
    { id: "R1", label: t("R1 very low risk", "R1 极低风险"), color: ramp(5)[0] },
    { id: "R2", label: t("R2 low risk", "R2 较低风险"), color: ramp(5)[1] },
    { id: "R3", label: t("R3 medium risk", "R3 中等风险"), color: ramp(5)[2] },
    { id: "R4", label: t("R4 medium-high risk", "R4 中高风险"), color: ramp(5)[3] },
    { id: "R5", label: t("R5 high risk", "R5 高风险"), color: ramp(5)[4] },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "R5", when: { field: "lossRisk", is: "likely" } },
      { grade: "R4", when: { field: "lossRisk", is: "possible" } },
      { grade: "R1", when: { all: [yes("principalGuaranteed"), yes("targetLikely")] } },
      { grade: "R2", when: yes("targetLikely") },
    ],
    otherwise: "R3",
  },
  readings: [
    t("The rules are tried in the order R5, R4, R1, R2: the chance of loss decides first.", "按 R5、R4、R1、R2 顺序判断：先看本金亏损可能性。"),
  ],
};

export const defeat3: Template = {
  id: "defeat-3",
  version: 1,
  category: "pipeline",
  name: t("Defeated car-sales customers: active / quasi-defeated / defeated", "战败客户界定 跟进中/准战败/战败"),
  description: t(
    "Defeated (战败) when the customer bought a competitor's vehicle or lost contact; quasi-defeated (准战败) when the customer gave up buying, the intent was misjudged, or the lead has stayed open longer than staleDays days without a deal; active (跟进中) otherwise. The reason (战败原因: price too high, brand not accepted, model not satisfying, funds not in place, no stock, unreasonable demands, slow follow-up, other) and the series (车型系列, e.g. light truck / pickup / Transit) are carried through for analysis (the share of each reason within each series), not used for the grade.",
    "已购竞品车辆或失联为战败；放弃购买、判断失误或长期未成交（首次接触后超过 staleDays 天未成交）为准战败；其余为跟进中。战败原因（价格高、品牌不认可、车型不满意、资金不到位、无存货、不合理要求、跟进不及时、其他）和车型系列（如轻卡/皮卡/全顺）仅随行保留供分析（各车型系列内各原因的占比），不参与定级。",
  ),
  source: source("s004", "Defeated customers", "战败客户界定"),
  fields: [
    modifier("boughtCompetitor", "Bought a competitor's vehicle", "已购竞品车辆"),
    modifier("lostContact", "Lost contact", "失联"),
    modifier("gaveUp", "Gave up buying", "放弃购买"),
    modifier("misjudged", "Intent misjudged", "判断失误"),
    num("daysOpen", "Days since first contact without a deal", "首次接触后未成交天数", { min: 0, unit: "days", required: false, sinceDate: true }),
    { key: "reason", label: t("Defeat reason", "战败原因"), type: "text", required: false },
    { key: "series", label: t("Series", "车型系列"), type: "text", required: false },
  ],
  params: [{ key: "staleDays", label: t("Stale after (days without a deal)", "长期未成交天数"), default: 90, min: 0 }],
  grades: [
    { id: "defeated", label: t("Defeated", "战败"), color: PALETTE.red },
    { id: "quasi-defeated", label: t("Quasi-defeated", "准战败"), color: PALETTE.amber },
    { id: "active", label: t("Active", "跟进中"), color: PALETTE.green },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "defeated", when: { any: [yes("boughtCompetitor"), yes("lostContact")] } },
      {
        grade: "quasi-defeated",
        when: { any: [yes("gaveUp"), yes("misjudged"), { field: "daysOpen", op: ">", value: { param: "staleDays" } }] },
      },
    ],
    otherwise: "active",
  },
  readings: [
    t(
      "staleDays (90) stands for the source's 'no deal for a long time' (长期未成交) and is an example default. Reason and series are for analysis only.",
      "staleDays（90 天）对应原文的“长期未成交”，为示例默认值。战败原因和车型系列仅供分析。",
    ),
  ],
};
