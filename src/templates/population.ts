/** Templates graded against the whole population: ABC value share (section 19) and RFM (section 23). */
import type { Segment, Template } from "../engine/template/schema";
import { num, source, t } from "./common";
import { PALETTE } from "./palette";

export const valueShare3: Template = {
  id: "value-share-3",
  version: 1,
  category: "value",
  name: t("Value contribution VIP / Important / Regular (ABC)", "按价值贡献分级 贵宾/重要/普通（ABC 分析）"),
  description: t(
    "ABC analysis of each customer's sales or profit in the period, within each group when a group column is given. Customers are ranked by amount; a customer is VIP (贵宾客户: a very high share of the company's sales, few customers) while the larger amounts before it hold less than vipShare (70%) of the total, Important (重要客户) while they hold less than importantShare (90%), Regular (普通客户) otherwise. Ties share a grade; an amount of 0 or less is Regular and not part of the total. Score = the customer's share of the total in percent. Example: 50, 30, 10, 5, 5 -> VIP, VIP, Important, Regular, Regular.",
    "按期内消费额/贡献额做 ABC 分析（给出分组列时在各组内计算）。按金额从大到小排序：比本客户金额更大的客户合计占总额不足 vipShare（70%）为贵宾客户（消费额占企业销售额总量的比例非常高，数量很少），不足 importantShare（90%）为重要客户，其余为普通客户。金额相同的客户同级；金额 ≤ 0 为普通客户且不计入总额。得分 = 本客户占总额的百分比。例：50、30、10、5、5 -> 贵宾、贵宾、重要、普通、普通。",
  ),
  source: source("s003", "Customers by value contribution", "按客户价值分级"),
  fields: [
    num("amount", "Amount (sales or profit)", "消费额", { unit: "money" }),
    { key: "group", label: t("Group", "分组"), type: "text", required: false, description: t("e.g. region; shares are computed within each group", "如区域；在各组内计算占比") },
  ],
  params: [
    { key: "vipShare", label: t("VIP share of the total", "贵宾客户累计占比"), default: 0.7, min: 0, max: 1 },
    { key: "importantShare", label: t("Important share of the total", "重要客户累计占比"), default: 0.9, min: 0, max: 1 },
  ],
  grades: [
    { id: "VIP", label: t("VIP", "贵宾客户"), color: PALETTE.gold },
    { id: "Important", label: t("Important", "重要客户"), color: PALETTE.blue },
    { id: "Regular", label: t("Regular", "普通客户"), color: PALETTE.silver },
  ],
  model: { kind: "share", field: "amount", groupBy: "group", shares: [{ param: "vipShare" }, { param: "importantShare" }] },
  readings: [
    t(
      "The sources name the classes and the Pareto observation (most revenue comes from a few large customers) but give no shares: 70% / 90% are example defaults (classic ABC analysis). Shares are compared at 9 decimals. A row with an amount but a blank group, when the group column is used, gets no grade.",
      "原文给出了分类和帕累托规律（大部分收益来自小部分大客户），但未给出比例：70% / 90% 为示例默认值（经典 ABC 分析）。占比按 9 位小数比较。使用分组列时，分组为空的行不定级。",
    ),
  ],
};

const SEGMENTS: [string, string, string, ("high" | "low")[], string][] = [
  ["important-value", "Important value", "重要价值客户", ["high", "high", "high"], PALETTE.gold],
  ["important-develop", "Important to develop", "重要发展客户", ["high", "low", "high"], PALETTE.green],
  ["important-keep", "Important to keep", "重要保持客户", ["low", "high", "high"], PALETTE.teal],
  ["important-win-back", "Important to win back", "重要挽留客户", ["low", "low", "high"], PALETTE.blue],
  ["general-value", "General value", "一般价值客户", ["high", "high", "low"], PALETTE.purple],
  ["general-develop", "General to develop", "一般发展客户", ["high", "low", "low"], PALETTE.amber],
  ["general-keep", "General to keep", "一般保持客户", ["low", "high", "low"], PALETTE.orange],
  ["general-win-back", "General to win back", "一般挽留客户", ["low", "low", "low"], PALETTE.grey],
];

export const rfm8: Template = {
  id: "rfm-8",
  version: 1,
  category: "value",
  name: t("RFM eight customer segments", "RFM 客户价值八分类"),
  description: t(
    "Recency (days since the last order, lower is better), frequency (orders) and monetary value (total amount) are each high when the customer is at least as good as the mean of all graded customers, else low. The pattern R F M picks the segment: important value HHH, important to develop HLH, important to keep LHH, important to win back LLH, general value HHL, general to develop HLL, general to keep LHL, general to win back LLL. The reason names each measure against its mean.",
    "最近一次消费（距上次订单天数，越小越好）、消费频率（订单数）、消费金额（总金额）分别与全体已定级客户的均值比较：不差于均值为高，否则为低。R F M 的高低组合决定分类：重要价值 高高高、重要发展 高低高、重要保持 低高高、重要挽留 低低高、一般价值 高高低、一般发展 高低低、一般保持 低高低、一般挽留 低低低。原因中列出每个指标与其均值的比较。",
  ),
  source: t(
    "Common eight-segment RFM model; measures from seeds/001_c49d298df30d5d45.txt and seeds/003_121d184207902294.txt",
    "常用 RFM 八分类模型；指标来自 seeds/001_c49d298df30d5d45.txt 和 seeds/003_121d184207902294.txt",
  ),
  fields: [
    num("daysSinceLastOrder", "Days since last order (R)", "距上次消费天数（R）", { min: 0, unit: "days", sinceDate: true }),
    num("orderCount", "Orders (F)", "消费次数（F）", { min: 0, unit: "count" }),
    num("totalAmount", "Total amount (M)", "消费金额（M）", { min: 0, unit: "money" }),
  ],
  grades: SEGMENTS.map(([id, en, zh, , color]) => ({ id, label: t(en, zh), color })),
  model: {
    kind: "segments",
    measures: [
      { field: "daysSinceLastOrder", better: "lower", label: t("R", "R") },
      { field: "orderCount", better: "higher", label: t("F", "F") },
      { field: "totalAmount", better: "higher", label: t("M", "M") },
    ],
    segments: SEGMENTS.map(([grade, , , levels]): Segment => ({ grade, levels })),
  },
  orders: {
    key: ["customerId", "customer id", "customer", "客户编号", "客户ID", "客户"],
    measures: [
      { field: "daysSinceLastOrder", fn: "daysSinceLast", from: ["orderDate", "order date", "date", "下单日期", "订单日期", "日期"] },
      { field: "orderCount", fn: "count" },
      { field: "totalAmount", fn: "sum", from: ["amount", "order amount", "金额", "订单金额", "消费金额"] },
    ],
  },
  readings: [
    t(
      "The common eight-segment RFM model; seeds 001 and 003 grade existing customers by recency of business, purchase frequency and amount. High = at least as good as the population mean (compared at 9 decimals).",
      "常用的 RFM 八分类模型；种子 001 和 003 按最近业务往来、购买频率和金额对现有客户分级。高 = 不差于总体均值（按 9 位小数比较）。",
    ),
  ],
};
