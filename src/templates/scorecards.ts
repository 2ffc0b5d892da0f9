/** Scorecard templates: points per criterion, summed or weighted, graded by bands or tiers. */
import type { Template } from "../engine/template/schema";
import { PALETTE } from "./palette";
import { cat, num, points, source, t, yesno } from "./common";

const m = (k: number) => num(`m${k}`, `Purchase amount month ${k}`, `第${k}月进货额`, { min: 0, unit: "money" });

export const pharmaScore: Template = {
  id: "pharma-score",
  version: 1,
  category: "scorecard",
  name: t("Pharma customer rating (100 points)", "医药客户等级评定（百分制）"),
  description: t(
    "A 100-point scorecard for pharmaceutical distribution customers: purchase amount and quantity, gross margin, stability, payment days, key-product share, bid-price compliance, purchase method and the analyst's other points.",
    "医药商业客户百分制评分：进货额、进货量、毛利率、进货稳定性、平均回款天数、重点品种占有、中标价执行、采购方式及其他评分。",
  ),
  source: source("s000", "Pharmaceutical customer grade assessment", "医药客户等级评定"),
  params: [
    {
      key: "problemLimitDays",
      label: t("Problem receivable limit (days)", "问题应收界限（天）"),
      default: 90,
      min: 1,
      max: 365,
      description: t("Payment days above this are over the red line (2 points).", "回款天数超过此值即超红线（得 2 分）。"),
    },
  ],
  fields: [
    // Relative to max (spec): a negative value (net purchases after returns) scores 0, it is not refused.
    num("avgMonthlyAmount", "Average monthly purchase amount", "月均进货额", { unit: "money" }),
    num("avgMonthlyQty", "Average monthly purchase quantity", "月均进货量", { unit: "quantity" }),
    num("grossMargin", "Gross margin", "财务毛利率", { max: 1, unit: "percent" }),
    m(1),
    m(2),
    m(3),
    m(4),
    m(5),
    m(6),
    num("avgPaymentDays", "Average payment days", "平均回款天数", { min: 0, unit: "days" }),
    num("keyProductShare", "Key product share", "重点品种占有率", { min: 0, max: 1, unit: "percent" }),
    yesno("bidPriceCompliant", "Follows the bid price", "中标价执行"),
    {
      key: "purchaseMethod",
      label: t("Purchase method", "采购方式"),
      type: "category",
      categories: [
        cat("planned", "planned", "计划补点", ["计划"]),
        cat("consulted", "consulted", "沟通点配", ["沟通"]),
        cat("other", "other", "其他", ["其它"]),
      ],
    },
    points("otherScore", "Other points (analyst)", "其他评分", 10),
  ],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C", "C"), color: PALETTE.amber },
    { id: "D", label: t("D", "D"), color: PALETTE.red },
  ],
  model: {
    kind: "scorecard",
    criteria: [
      { key: "amount", label: t("Purchase amount", "进货额"), points: 20, scoring: { kind: "relativeToMax", field: "avgMonthlyAmount" } },
      { key: "quantity", label: t("Purchase quantity", "进货量"), points: 10, scoring: { kind: "relativeToMax", field: "avgMonthlyQty" } },
      {
        key: "margin",
        label: t("Gross margin", "财务毛利率"),
        points: 12,
        scoring: {
          kind: "formula",
          expr: {
            if: { field: "grossMargin", op: "<", value: 0 },
            then: 0,
            else: { fn: "min", args: [12, { fn: "floor", args: [{ op: "*", args: [{ field: "grossMargin" }, 100] }] }] },
          },
        },
      },
      {
        key: "stability",
        label: t("Purchase stability", "进货稳定性"),
        points: 10,
        scoring: {
          kind: "formula",
          expr: {
            if: { expr: { fn: "mean", args: [{ field: "m1" }, { field: "m2" }, { field: "m3" }, { field: "m4" }, { field: "m5" }, { field: "m6" }] }, op: "=", value: 0 },
            then: 0,
            else: {
              op: "/",
              args: [
                {
                  op: "*",
                  args: [
                    10,
                    {
                      op: "-",
                      args: [
                        { fn: "mean", args: [{ field: "m1" }, { field: "m2" }, { field: "m3" }, { field: "m4" }, { field: "m5" }, { field: "m6" }] },
                        {
                          op: "-",
                          args: [
                            { fn: "max", args: [{ field: "m1" }, { field: "m2" }, { field: "m3" }, { field: "m4" }, { field: "m5" }, { field: "m6" }] },
                            { fn: "min", args: [{ field: "m1" }, { field: "m2" }, { field: "m3" }, { field: "m4" }, { field: "m5" }, { field: "m6" }] },
                          ],
                        },
                      ],
                    },
                  ],
                },
                { fn: "mean", args: [{ field: "m1" }, { field: "m2" }, { field: "m3" }, { field: "m4" }, { field: "m5" }, { field: "m6" }] },
              ],
            },
          },
        },
      },
      {
        key: "payment",
        label: t("Average payment days", "平均回款天数"),
        points: 15,
        scoring: {
          kind: "steps",
          field: "avgPaymentDays",
          steps: [
            { op: ">", value: 365, points: 0 },
            { op: ">", value: { param: "problemLimitDays" }, points: 2 },
          ],
          otherwise: {
            op: "/",
            args: [{ op: "*", args: [15, { op: "-", args: [{ param: "problemLimitDays" }, { field: "avgPaymentDays" }] }] }, { param: "problemLimitDays" }],
          },
        },
      },
      {
        key: "keyProducts",
        label: t("Key product share", "重点品种占有"),
        points: 15,
        scoring: {
          kind: "steps",
          field: "keyProductShare",
          steps: [
            { op: ">=", value: 0.6, points: 15 },
            { op: ">=", value: 0.55, points: 12 },
            { op: ">=", value: 0.5, points: 9 },
            { op: ">=", value: 0.45, points: 6 },
            { op: ">=", value: 0.4, points: 3 },
          ],
          otherwise: 0,
        },
      },
      { key: "bidPrice", label: t("Bid price compliance", "中标价执行"), points: 3, scoring: { kind: "map", field: "bidPriceCompliant", points: { yes: 3, no: 0 } } },
      { key: "method", label: t("Purchase method", "采购方式"), points: 5, scoring: { kind: "map", field: "purchaseMethod", points: { planned: 5, consulted: 3, other: 0 } } },
      { key: "other", label: t("Other", "其他"), points: 10, scoring: { kind: "input", field: "otherScore" } },
    ],
    grading: {
      kind: "bands",
      bands: [
        { grade: "A", op: ">", value: 90 },
        { grade: "B", op: ">", value: 80 },
        { grade: "C", op: ">", value: 70 },
      ],
      otherwise: "D",
    },
  },
  readings: [
    t(
      "The eight criteria in the source add up to 90 points, so A (91+) is unreachable from them alone: the source text is cut off. GradeKit adds 'other points' (0–10, entered by the analyst) so the total can reach 100.",
      "来源中的八项指标合计 90 分，仅靠它们无法达到 A（91 分以上）：原文不完整。GradeKit 增加“其他评分”（0–10 分，人工填写），使总分可达 100。",
    ),
    t(
      "Grades by total: A > 90, B > 80, C > 70, D 70 and below (the source's 91–100 / 81–90 / 71–80 read as half-open intervals, since scores have decimals).",
      "按总分定级：A > 90，B > 80，C > 70，D ≤ 70（来源中的 91–100 / 81–90 / 71–80 因分数有小数按半开区间理解）。",
    ),
    t(
      "Purchase amount and quantity score relative to the largest value among the graded rows. Stability = 10 × (mean − (max − min)) / mean over six months, between 0 and 10.",
      "进货额、进货量按所评各行中的最大值折算。进货稳定性 = 10 ×（均值 −（最大值 − 最小值））/ 均值（六个月），取 0–10。",
    ),
  ],
};

export const realestate6: Template = {
  id: "realestate-6",
  version: 1,
  category: "scorecard",
  name: t("Real-estate service provider: existing customers", "房地产服务商已有客户分级"),
  description: t(
    "Six criteria, 100 points: customer nature plus the analyst's points for strength, growth, profit contribution, relationship and strategic importance.",
    "六项指标共 100 分：客户性质，以及人工评分的客户实力、成长性、利润贡献、客户关系、战略重要性。",
  ),
  source: source("s001", "Customer grading for real-estate service providers", "房地产服务商客户分级"),
  fields: [
    {
      key: "nature",
      label: t("Customer nature", "客户性质"),
      type: "category",
      categories: [
        cat("government", "government or state-owned", "政府/国有企业", ["政府", "国有企业", "国企", "state-owned", "government"]),
        cat("jointStock", "joint-stock company", "股份公司", ["股份制", "joint stock", "joint-stock"]),
        cat("private", "private company", "民营企业", ["民营", "私营", "private"]),
      ],
    },
    points("strength", "Customer strength", "客户实力", 15),
    points("growth", "Growth potential", "客户成长性", 15),
    points("profit", "Profit contribution", "利润贡献", 15),
    points("relationship", "Relationship", "客户关系", 20),
    points("strategic", "Strategic importance", "战略重要性", 20),
  ],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C", "C"), color: PALETTE.amber },
  ],
  model: {
    kind: "scorecard",
    criteria: [
      { key: "nature", label: t("Customer nature", "客户性质"), points: 15, scoring: { kind: "map", field: "nature", points: { government: 15, jointStock: 10, private: 5 } } },
      { key: "strength", label: t("Strength", "客户实力"), points: 15, scoring: { kind: "input", field: "strength" } },
      { key: "growth", label: t("Growth", "客户成长性"), points: 15, scoring: { kind: "input", field: "growth" } },
      { key: "profit", label: t("Profit contribution", "利润贡献"), points: 15, scoring: { kind: "input", field: "profit" } },
      { key: "relationship", label: t("Relationship", "客户关系"), points: 20, scoring: { kind: "input", field: "relationship" } },
      { key: "strategic", label: t("Strategic importance", "战略重要性"), points: 20, scoring: { kind: "input", field: "strategic" } },
    ],
    grading: { kind: "bands", bands: [{ grade: "A", op: ">=", value: 75 }, { grade: "B", op: ">=", value: 60 }], otherwise: "C" },
  },
  readings: [t("Points outside a criterion's range are bad input, not clipped.", "超出指标范围的分数视为无效输入，不会被截断。")],
};

const SPEND_GRADES = [
  { id: "VIP", label: t("VIP", "VIP"), color: PALETTE.purple },
  { id: "Platinum", label: t("Platinum", "白金"), color: PALETTE.silver },
  { id: "Gold", label: t("Gold", "金卡"), color: PALETTE.gold },
  { id: "Silver", label: t("Silver", "银卡"), color: PALETTE.blue },
  { id: "Regular", label: t("Regular", "普通"), color: PALETTE.grey },
];

export const spend5: Template = {
  id: "spend-5",
  version: 1,
  category: "value",
  name: t("Annual spend tiers VIP/Platinum/Gold/Silver/Regular", "年消费额分级 VIP/白金/金卡/银卡/普通"),
  description: t("Five membership tiers by annual spend.", "按年消费额划分五个会员等级。"),
  source: source("s002", "Customer grading management system (new edition)", "客户分级管理新版制度"),
  fields: [num("annualSpend", "Annual spend", "年消费额", { unit: "money" })],
  grades: SPEND_GRADES.map((g) => ({ ...g })),
  model: {
    kind: "bands",
    field: "annualSpend",
    bands: [
      { grade: "VIP", op: ">", value: 500000 },
      { grade: "Platinum", op: ">=", value: 200000 },
      { grade: "Gold", op: ">=", value: 100000 },
      { grade: "Silver", op: ">=", value: 50000 },
    ],
    otherwise: "Regular",
  },
  readings: [
    t(
      "VIP is strictly above 500,000; the other tiers include their threshold. The source's monthly purchase frequencies per tier contradict each other (lower tiers need more purchases) and are left out.",
      "VIP 须严格高于 500,000，其余等级包含阈值本身。来源中各等级的月购买频次互相矛盾（等级越低要求越多），未采用。",
    ),
  ],
};

export const multiFactor5: Template = {
  id: "multi-factor-5",
  version: 1,
  category: "scorecard",
  name: t("Multi-factor weighted score", "多因素综合评分"),
  description: t(
    "Weighted composite of five 0–100 scores: purchase behaviour 30%, amount 20%, frequency 15%, satisfaction 15%, referrals 20%; graded into the five spend tiers.",
    "五项 0–100 分的加权综合：购买行为 30%、金额 20%、频次 15%、满意度 15%、推荐 20%；按五个消费等级定级。",
  ),
  source: source("s002", "Multi-factor composite scoring", "多因素综合评分"),
  fields: [
    num("purchaseBehavior", "Purchase behaviour score", "购买行为得分", { min: 0, max: 100, unit: "points" }),
    num("amount", "Amount score", "消费金额得分", { min: 0, max: 100, unit: "points" }),
    num("frequency", "Frequency score", "消费频次得分", { min: 0, max: 100, unit: "points" }),
    num("satisfaction", "Satisfaction score", "满意度得分", { min: 0, max: 100, unit: "points" }),
    num("referral", "Referral score", "推荐得分", { min: 0, max: 100, unit: "points" }),
  ],
  grades: SPEND_GRADES.map((g) => ({ ...g })),
  model: {
    kind: "scorecard",
    criteria: [
      { key: "purchaseBehavior", label: t("Purchase behaviour", "购买行为"), points: 100, weight: 0.3, scoring: { kind: "input", field: "purchaseBehavior" } },
      { key: "amount", label: t("Amount", "消费金额"), points: 100, weight: 0.2, scoring: { kind: "input", field: "amount" } },
      { key: "frequency", label: t("Frequency", "消费频次"), points: 100, weight: 0.15, scoring: { kind: "input", field: "frequency" } },
      { key: "satisfaction", label: t("Satisfaction", "满意度"), points: 100, weight: 0.15, scoring: { kind: "input", field: "satisfaction" } },
      { key: "referral", label: t("Referral", "推荐"), points: 100, weight: 0.2, scoring: { kind: "input", field: "referral" } },
    ],
    grading: {
      kind: "bands",
      bands: [
        { grade: "VIP", op: ">=", value: 90 },
        { grade: "Platinum", op: ">=", value: 80 },
        { grade: "Gold", op: ">=", value: 70 },
        { grade: "Silver", op: ">=", value: 60 },
      ],
      otherwise: "Regular",
    },
  },
  readings: [
    t(
      "The source's worked example (90, 85, 80, 95, 75) gives 85.25 (the source rounds it to 85). The source gives no score bands: ≥ 90 / ≥ 80 / ≥ 70 / ≥ 60 are example defaults.",
      "来源示例（90、85、80、95、75）得 85.25（来源四舍五入为 85）。来源未给出分数段：≥ 90 / ≥ 80 / ≥ 70 / ≥ 60 为示例默认值。",
    ),
  ],
};

export const weightedValue: Template = {
  id: "weighted-value",
  version: 1,
  category: "value",
  name: t("CRM weighted value: credit 10% / orders 30% / profit 60%", "CRM 综合加权（信用 10% / 订单 30% / 利润 60%）"),
  description: t(
    "Weighted score of credit, order amount and profit (amount and profit scored 0–100 against the largest); customers ranked by score: A top 20%, B middle 60%, C bottom 20%.",
    "信用、订单金额、利润加权评分（金额与利润按最大值折算为 0–100）；按得分排名：A 前 20%，B 中间 60%，C 后 20%。",
  ),
  source: source("s001", "CRM weighted customer value", "CRM 综合加权客户价值"),
  fields: [
    num("creditScore", "Credit score", "信用评分", { min: 0, max: 100, unit: "points" }),
    num("orderAmount", "Order amount", "订单金额", { unit: "money" }),
    num("profit", "Profit", "利润", { unit: "money" }),
  ],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C", "C"), color: PALETTE.amber },
  ],
  model: {
    kind: "scorecard",
    criteria: [
      { key: "credit", label: t("Credit", "信用"), points: 100, weight: 0.1, scoring: { kind: "input", field: "creditScore" } },
      { key: "orders", label: t("Order amount", "订单金额"), points: 100, weight: 0.3, scoring: { kind: "relativeToMax", field: "orderAmount" } },
      { key: "profit", label: t("Profit", "利润"), points: 100, weight: 0.6, scoring: { kind: "relativeToMax", field: "profit" } },
    ],
    grading: { kind: "percentile", cuts: [0.2, 0.8] },
  },
  readings: [
    t(
      "The 20/60/20 split is an example. Ranks use the spec's percentile tiers: ties share a tier. Negative amounts or profits score 0.",
      "20/60/20 的划分为示例。排名采用百分位分档规则：并列者同档。负的金额或利润得 0 分。",
    ),
  ],
};

export const autoBase3: Template = {
  id: "auto-base-3",
  version: 1,
  category: "scorecard",
  name: t("Auto dealer base customers (loyalty + capacity, 20 points)", "汽车基盘客户分级（忠诚度 + 经济能力，20 分）"),
  description: t(
    "Loyalty (10 points) and economic capacity/influence (10 points) of a dealer's base customers: premium, potential, general.",
    "按忠诚度（10 分）和经济能力/影响力（10 分）对经销商基盘客户分级：优质、潜力、一般。",
  ),
  source: source("s004", "Base customer and lost customer grading (dealer)", "基盘客户与战败客户分级管理"),
  fields: [
    points("satisfaction", "Satisfaction with the vehicle", "对车的满意程度", 2),
    points("maintenance", "Regular maintenance", "定期保养", 3),
    points("activity", "Joins events", "参加活动积极性", 2),
    points("promotion", "Promotes the brand (referrals)", "主动正面宣传（转介绍）", 3),
    points("awareness", "Known in the area/industry", "区域及行业内知名度", 2),
    points("operations", "Business in good shape", "经营状况良好", 1),
    points("reputation", "Reputation", "行业内或区域内口碑", 2),
    points("reach", "Business reach", "业务辐射能力", 1),
    points("fleet", "Vehicles held", "前期保有数量", 2),
    points("futurePurchase", "Future purchase plans", "后期购买计划及能力", 2),
  ],
  grades: [
    { id: "Premium", label: t("Premium", "优质"), color: PALETTE.green },
    { id: "Potential", label: t("Potential", "潜力"), color: PALETTE.blue },
    { id: "General", label: t("General", "一般"), color: PALETTE.amber },
  ],
  model: {
    kind: "scorecard",
    criteria: (
      [
        ["satisfaction", "Satisfaction", "满意程度", 2],
        ["maintenance", "Maintenance", "定期保养", 3],
        ["activity", "Events", "活动积极性", 2],
        ["promotion", "Promotion", "正面宣传", 3],
        ["awareness", "Awareness", "知名度", 2],
        ["operations", "Operations", "经营状况", 1],
        ["reputation", "Reputation", "口碑", 2],
        ["reach", "Reach", "辐射能力", 1],
        ["fleet", "Fleet", "保有数量", 2],
        ["futurePurchase", "Future purchase", "购买计划", 2],
      ] as const
    ).map(([key, en, zh, p]) => ({ key, label: t(en, zh), points: p, scoring: { kind: "input" as const, field: key } })),
    grading: { kind: "bands", bands: [{ grade: "Premium", op: ">=", value: 16 }, { grade: "Potential", op: ">=", value: 10 }], otherwise: "General" },
  },
  readings: [
    t(
      "The source leaves the thresholds to each region; premium ≥ 16 and potential ≥ 10 are example defaults. The source analyses counts per region × grade and per industry × grade, this year against last year.",
      "来源将分级阈值交由各区域自定；优质 ≥ 16、潜力 ≥ 10 为示例默认值。来源按区域 × 等级、行业 × 等级统计数量，并与上年对比。",
    ),
  ],
};
