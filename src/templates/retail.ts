/** Retail, banking, lifecycle and risk templates. */
import type { Template, Text } from "../engine/template/schema";
import { PALETTE, ramp } from "./palette";
import { cat, modifier, num, points, source, t, yesno } from "./common";

const FORMATS: [string, string, string, string[]][] = [
  ["Z", "grocery store", "食杂店", ["grocery"]],
  ["B", "convenience store", "便利店", ["convenience"]],
  ["C", "supermarket", "超市", ["supermarket"]],
  ["S", "shopping mall", "商场", ["mall", "shopping mall"]],
  ["Y", "tobacco & liquor shop", "烟酒商店", ["tobacco & liquor", "烟酒店"]],
  ["F", "entertainment/service", "娱乐服务类", ["entertainment", "service", "娱乐服务"]],
  ["Q", "other", "其他类", ["其他", "其它"]],
];

const formatField = {
  key: "format",
  label: t("Business format", "业态"),
  type: "category" as const,
  categories: FORMATS.map(([code, en, zh, aliases]) => cat(code, en, zh, aliases)),
};

const SCALE_LABELS: Text[] = [t("large", "大"), t("medium", "中"), t("small", "小")];

export const tobaccoRetailCode: Template = {
  id: "tobacco-retail-code",
  version: 1,
  category: "retail",
  name: t("Cigarette retailer type code (84 types)", "卷烟零售客户分类标识（84 类）"),
  description: t(
    "Retailer code = format letter + scale (1 large top 20%, 2 medium, 3 small bottom 20% of purchase quantity within the same format) + market (1 urban, 2 rural) + legal (1 lawful, 2 violating), plus L for a chain supermarket. New retailers get scale X and legal 1.",
    "零售客户编码 = 业态字母 + 规模（同业态内购进数量前 20% 为 1 大、中间 60% 为 2 中、后 20% 为 3 小）+ 市场（1 城市、2 农村）+ 守法（1 守法、2 违规），连锁超市另加 L。新零售户规模为 X、守法为 1。",
  ),
  source: source("s000", "Cigarette retail customer classification", "卷烟零售客户分类标识"),
  fields: [
    formatField,
    num("purchaseQty", "Quantity bought from the company", "购进卷烟数量", {
      min: 0,
      unit: "quantity",
      requiredUnless: { field: "isNew", is: "yes" },
    }),
    {
      key: "market",
      label: t("Market", "市场类型"),
      type: "category",
      categories: [cat("urban", "urban", "城市", ["城镇", "city"]), cat("rural", "rural", "农村", ["乡村", "countryside"])],
    },
    {
      key: "lawful",
      label: t("Legal status", "守法情况"),
      type: "category",
      requiredUnless: { field: "isNew", is: "yes" },
      categories: [
        cat("lawful", "lawful", "守法", ["合法", "law-abiding", "legal"]),
        cat("violating", "violating", "违规", ["非法", "违法", "illegal"]),
      ],
    },
    modifier("isNew", "New retailer", "新零售户"),
    modifier("chain", "Chain supermarket", "连锁超市"),
  ],
  grades: [],
  model: {
    kind: "code",
    parts: [
      { kind: "category", field: "format", codes: Object.fromEntries(FORMATS.map(([c]) => [c, c])) },
      {
        kind: "tier",
        field: "purchaseQty",
        groupBy: "format",
        cuts: [0.2, 0.8],
        codes: ["1", "2", "3"],
        labels: SCALE_LABELS,
        except: { when: { field: "isNew", is: "yes" }, code: "X", label: t("new retailer", "新零售户") },
      },
      { kind: "category", field: "market", codes: { urban: "1", rural: "2" } },
      {
        kind: "category",
        field: "lawful",
        codes: { lawful: "1", violating: "2" },
        except: { when: { field: "isNew", is: "yes" }, code: "1", label: t("lawful (new retailer)", "守法（新零售户）") },
      },
      {
        kind: "flag",
        when: { all: [{ field: "chain", is: "yes" }, { field: "format", is: "C" }] },
        code: "L",
        label: t("chain supermarket", "连锁超市"),
      },
    ],
    colors: { part: 1, byCode: { "1": PALETTE.green, "2": PALETTE.blue, "3": PALETTE.amber, X: PALETTE.grey } },
  },
  readings: [
    t(
      "7 formats × 3 scales × 2 markets × 2 legal statuses = 84 types. Scale is the percentile tier of the quantity bought within the same format (ties share a tier). A new retailer (no history) gets scale X and legal digit 1 and is left out of its format's population; its quantity and legal status may be blank. L is added for a chain supermarket (format C only).",
      "7 种业态 × 3 种规模 × 2 种市场 × 2 种守法情况 = 84 类。规模为同业态内购进数量的百分位档次（并列同档）。新零售户（无历史）规模为 X、守法为 1，不计入该业态的排名；其购进数量与守法情况可为空。连锁超市（仅业态 C）加 L。",
    ),
    t("Examples: Z121, C112L, YX11.", "示例：Z121、C112L、YX11。"),
  ],
};

export const tobaccoRetailScore: Template = {
  id: "tobacco-retail-score",
  version: 1,
  category: "retail",
  name: t("Cigarette retailer evaluation and supply tier (1–8)", "卷烟零售客户经营评价与供量档位（1–8 档）"),
  description: t(
    "100-point evaluation (quantity 45, average price 15, number of brands 15 relative to the largest; cooperation 15 and growth 10 entered by the analyst) mapped to supply tiers 1–8, capped by the law grade (C at most tier 2, D tier 1).",
    "百分制经营评价（购进数量 45、购进均价 15、规格数量 15 按最大值折算；合作度 15、成长性 10 人工评分），对应供量档位 1–8，并按守法等级封顶（C 最高 2 档，D 为 1 档）。",
  ),
  source: source("s000", "Cigarette retail customer business evaluation and supply tiers", "卷烟零售客户经营评价与供量档位"),
  fields: [
    // Relative to max (spec): a negative value (net purchases after returns) scores 0, it is not refused.
    num("purchaseQty", "Quantity bought", "购进数量", { unit: "quantity" }),
    num("avgPrice", "Average price bought", "购进均价", { unit: "money" }),
    num("specCount", "Number of brands/specs", "规格数量", { unit: "count" }),
    points("cooperation", "Cooperation", "合作度", 15),
    points("growth", "Growth", "成长性", 10),
    {
      key: "lawGrade",
      label: t("Law grade", "守法等级"),
      type: "category",
      categories: [cat("A", "A", "A"), cat("B", "B", "B"), cat("C", "C", "C"), cat("D", "D", "D")],
    },
  ],
  grades: ["8", "7", "6", "5", "4", "3", "2", "1"].map((id, k) => ({
    id,
    label: t(`Tier ${id}`, `${id} 档`),
    color: ramp(8)[k],
  })),
  model: {
    kind: "scorecard",
    criteria: [
      { key: "quantity", label: t("Quantity", "购进数量"), points: 45, scoring: { kind: "relativeToMax", field: "purchaseQty" } },
      { key: "price", label: t("Average price", "购进均价"), points: 15, scoring: { kind: "relativeToMax", field: "avgPrice" } },
      { key: "specs", label: t("Brands/specs", "规格数量"), points: 15, scoring: { kind: "relativeToMax", field: "specCount" } },
      { key: "cooperation", label: t("Cooperation", "合作度"), points: 15, scoring: { kind: "input", field: "cooperation" } },
      { key: "growth", label: t("Growth", "成长性"), points: 10, scoring: { kind: "input", field: "growth" } },
    ],
    grading: {
      kind: "bands",
      bands: [90, 80, 70, 60, 50, 40, 30].map((v, k) => ({ grade: String(8 - k), op: ">=" as const, value: v })),
      otherwise: "1",
    },
  },
  post: [
    { cap: "2", when: { field: "lawGrade", is: "C" }, note: t("law grade C: at most tier 2", "守法等级 C：最高 2 档") },
    { cap: "1", when: { field: "lawGrade", is: "D" }, note: t("law grade D: tier 1", "守法等级 D：1 档") },
  ],
  readings: [
    t(
      "The source's tier table is empty and its automatic scoring of quantity, price and brands is not spelled out: relative-to-max scoring and the tier bands (≥ 90 → 8, ≥ 80 → 7, … ≥ 30 → 2, else 1) are example defaults; the law-grade caps are the source's.",
      "来源的档位表为空，购进数量、均价、规格数量的自动计分方法未写明：按最大值折算与档位分数段（≥ 90 为 8 档、≥ 80 为 7 档……≥ 30 为 2 档，其余 1 档）为示例默认值；守法等级封顶为来源规定。",
    ),
    t(
      "Month-end review (source): raise one tier when, for each of the last 3 months, the law grade was B or better and the quantity reached 90% of the tier's upper bound; lower to the tier matching the 3-month average when the quantity stayed below the tier's lower bound for 3 months; at most +2 tiers per review; holiday increase at most 30% of the tier's upper bound.",
      "月末复核（来源）：连续 3 个月守法等级为 B 及以上且购进量达到本档上限的 90%，上调一档；连续 3 个月购进量低于本档下限，按 3 个月平均值调整到对应档位；每次复核最多上调 2 档；节假日增量不超过本档上限的 30%。",
    ),
  ],
  reviewCadence: t("Review at every month end.", "每月月末复核。"),
  review: {
    periods: 3,
    bounds: [
      [8, 200, 300],
      [7, 150, 200],
      [6, 100, 150],
      [5, 80, 100],
      [4, 60, 80],
      [3, 40, 60],
      [2, 20, 40],
      [1, 0, 20],
    ].map(([g, lower, upper]) => ({ grade: String(g), lower, upper })),
    raise: [
      {
        when: {
          all: [
            { field: "lawGrade", in: ["A", "B"] },
            { field: "purchaseQty", op: ">=", value: { bound: "upper", times: 0.9 } },
          ],
        },
        steps: 1,
        repeat: true,
        note: t("law grade B or better and quantity ≥ 90% of the tier's upper bound", "守法等级 B 及以上且购进量达到本档上限的 90%"),
      },
    ],
    lower: [
      {
        when: { field: "purchaseQty", op: "<", value: { bound: "lower" } },
        to: { fn: "mean", field: "purchaseQty" },
        note: t("quantity below the tier's lower bound", "购进量低于本档下限"),
      },
    ],
    maxRaise: 2,
    caps: [
      { grade: "2", when: { field: "lawGrade", is: "C" }, note: t("law grade C: at most tier 2", "守法等级 C：最高 2 档") },
      { grade: "1", when: { field: "lawGrade", is: "D" }, note: t("law grade D: tier 1", "守法等级 D：1 档") },
    ],
    readings: [
      t(
        "One period = one month; purchaseQty is that month's quantity bought. The source's tier table is empty: the quantity bounds per tier (1: 0–20, 2: 20–40, 3: 40–60, 4: 60–80, 5: 80–100, 6: 100–150, 7: 150–200, 8: 200–300; lower bound included, upper excluded) are example defaults.",
        "一期为一个月；购进数量为当月购进量。来源的档位表为空：各档购进量上下限（1 档 0–20、2 档 20–40、3 档 40–60、4 档 60–80、5 档 80–100、6 档 100–150、7 档 150–200、8 档 200–300；含下限、不含上限）为示例默认值。",
      ),
      t(
        "Each month is judged against the tier the retailer was in during that month. Raise: when, in each of the last 3 months, the law grade was B or better and the quantity reached 90% of the tier's upper bound, one tier up; the conditions are then tested again against the next tier's upper bound, so a retailer buying far above its tier can rise two tiers in one review, never more (source: at most two tiers per raise). Lower: when the quantity was below the tier's lower bound in each of the last 3 months, to the tier whose bounds hold the 3-month mean. Lowering is tested first. Caps (law grade C at most tier 2, D tier 1) use the reviewed month's law grade and apply after the raise or lower.",
        "每个月按零售户当月所在档位判断。上调：最近 3 个月每月守法等级均为 B 及以上且购进量达到本档上限的 90%，上调一档；随后按上一档的上限再次判断，因此购进量远超本档的零售户一次复核最多可上调两档（来源：原则上每次升档不超过两档）。下调：最近 3 个月每月购进量均低于本档下限，按 3 个月平均购进量所在档位定档。先判断下调。封顶（守法等级 C 最高 2 档、D 为 1 档）按复核当月的守法等级，在上调或下调之后执行。",
      ),
      t(
        "Not modelled: the holiday increase (at most 30% of the tier's upper bound) concerns supply quantities, not tiers; raises on application and lowering after an administrative penalty are decided by people.",
        "未纳入：节假日增量（不超过本档上限的 30%）针对供货量而非档位；客户申请升档和因行政处罚降档由人工决定。",
      ),
    ],
  },
};

export const bocomTier: Template = {
  id: "bocom-tier",
  version: 1,
  category: "value",
  name: t("Bank customer tiers by assets (Diamond/VIP/Wealth/Ordinary)", "交通银行客户分级（钻石/沃德 VIP/理财/普通）"),
  description: t(
    "Bank customer tiers by financial assets held; a platinum credit card (limit ≥ 50,000) gives at least VIP.",
    "按在行金融资产分级；持有白金信用卡（额度 5 万以上）的客户至少为 VIP。",
  ),
  source: source("s001", "Bank of Communications customer tiers", "交通银行客户分级"),
  fields: [
    num("assets", "Financial assets held", "在行金融资产", { unit: "money" }),
    modifier("platinumCard", "Platinum credit card (limit ≥ 50,000)", "白金信用卡（额度 5 万以上）"),
  ],
  grades: [
    { id: "Diamond", label: t("Diamond", "钻石"), color: PALETTE.diamond },
    { id: "VIP", label: t("VIP", "沃德 VIP"), color: PALETTE.purple },
    { id: "Wealth", label: t("Wealth", "理财"), color: PALETTE.gold },
    { id: "Ordinary", label: t("Ordinary", "普通"), color: PALETTE.grey },
  ],
  model: {
    kind: "bands",
    field: "assets",
    bands: [
      { grade: "Diamond", op: ">=", value: 5000000 },
      { grade: "VIP", op: ">=", value: 500000 },
      { grade: "Wealth", op: ">=", value: 50000 },
    ],
    otherwise: "Ordinary",
  },
  post: [{ floor: "VIP", when: { field: "platinumCard", is: "yes" }, note: t("platinum credit card", "持有白金信用卡") }],
  readings: [
    t(
      "The platinum card floor is applied after the assets rule: it raises Wealth/Ordinary to VIP and never lowers Diamond.",
      "白金信用卡规则在资产分级之后生效：将理财/普通提升为 VIP，不会降低钻石等级。",
    ),
  ],
};

export const lifecycle5: Template = {
  id: "lifecycle-5",
  version: 1,
  category: "lifecycle",
  name: t("Customer lifecycle: potential / new / mature / loyal / dormant", "客户分层：潜在 / 新 / 老 / 忠诚 / 沉睡"),
  description: t(
    "Lifecycle stage from the number of orders and the days since the last order.",
    "按订单次数和距上次下单天数划分客户生命周期阶段。",
  ),
  source: source("s001", "Customer layering by lifecycle", "客户分层"),
  params: [
    { key: "dormantDays", label: t("Dormant after (days)", "沉睡天数"), default: 180, min: 1 },
    { key: "loyalOrders", label: t("Loyal from (orders)", "忠诚订单数"), default: 10, min: 2 },
    { key: "loyalRecentDays", label: t("Loyal: ordered within (days)", "忠诚：最近下单天数"), default: 90, min: 1 },
  ],
  fields: [
    num("orderCount", "Number of orders", "订单次数", { min: 0, unit: "count" }),
    num("daysSinceLastOrder", "Days since last order", "距上次下单天数", {
      min: 0,
      unit: "days",
      sinceDate: true,
      requiredUnless: { field: "orderCount", op: "=", value: 0 },
    }),
  ],
  grades: [
    { id: "loyal", label: t("loyal", "忠诚"), color: PALETTE.green },
    { id: "mature", label: t("mature", "老"), color: PALETTE.blue },
    { id: "new", label: t("new", "新"), color: PALETTE.teal },
    { id: "potential", label: t("potential", "潜在"), color: PALETTE.amber },
    { id: "dormant", label: t("dormant", "沉睡"), color: PALETTE.grey },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "potential", when: { field: "orderCount", op: "=", value: 0 } },
      { grade: "dormant", when: { field: "daysSinceLastOrder", op: ">", value: { param: "dormantDays" } } },
      { grade: "new", when: { field: "orderCount", op: "=", value: 1 } },
      {
        grade: "loyal",
        when: {
          all: [
            { field: "orderCount", op: ">=", value: { param: "loyalOrders" } },
            { field: "daysSinceLastOrder", op: "<=", value: { param: "loyalRecentDays" } },
          ],
        },
      },
    ],
    otherwise: "mature",
  },
  readings: [
    t(
      "First match: potential (0 orders), dormant (no order for more than dormantDays), new (1 order), loyal (≥ loyalOrders and ordered within loyalRecentDays), otherwise mature. Days since the last order may be blank only for customers with no orders.",
      "首条匹配：潜在（0 单）、沉睡（超过沉睡天数未下单）、新（1 单）、忠诚（≥ 忠诚订单数且在最近下单天数内下单），其余为老客户。仅无订单客户的距上次下单天数可为空。",
    ),
    t("The thresholds are parameters with example defaults (180 days, 10 orders, 90 days).", "阈值为参数，默认值为示例（180 天、10 单、90 天）。"),
  ],
};

export const risk3: Template = {
  id: "risk-3",
  version: 1,
  category: "credit-risk",
  name: t("Customer risk level (high / medium / low)", "客户风险等级（高 / 中 / 低）"),
  description: t(
    "High when the customer has an overdue loan, suspicious transactions or violations; low when none of these and the identity is verified; medium otherwise.",
    "有贷款逾期、可疑交易或违规记录为高风险；三者均无且身份信息真实为低风险；其余为中风险。",
  ),
  source: source("s003", "Customer risk levels", "客户风险等级"),
  fields: [
    yesno("overdue", "Overdue loan record", "贷款逾期记录"),
    yesno("suspicious", "Suspicious transactions", "可疑交易"),
    yesno("violation", "Violation record", "违规记录"),
    yesno("verified", "Identity verified", "身份信息真实"),
  ],
  grades: [
    { id: "low", label: t("low", "低"), color: PALETTE.green },
    { id: "medium", label: t("medium", "中"), color: PALETTE.amber },
    { id: "high", label: t("high", "高"), color: PALETTE.red },
  ],
  model: {
    kind: "rules",
    rules: [
      {
        grade: "high",
        when: { any: [{ field: "overdue", is: "yes" }, { field: "suspicious", is: "yes" }, { field: "violation", is: "yes" }] },
      },
      {
        grade: "low",
        when: {
          all: [{ field: "overdue", is: "no" }, { field: "suspicious", is: "no" }, { field: "violation", is: "no" }, { field: "verified", is: "yes" }],
        },
      },
    ],
    otherwise: "medium",
  },
};

