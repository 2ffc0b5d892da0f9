/** Pipeline templates: potential customers by deal size, need and time to close. */
import type { Template } from "../engine/template/schema";
import { PALETTE } from "./palette";
import { cat, num, source, t } from "./common";

export const salesPipeline: Template = {
  id: "sales-pipeline",
  version: 1,
  category: "pipeline",
  name: t("Sales pipeline A/B/C/D", "销售客户等级划分标准"),
  description: t(
    "Potential customers in four levels by expected months to close and expected monthly deal amount; the better of the two grades wins.",
    "按预计成交月数和预计月度成交金额将潜在客户分为四级，两者取较高等级。",
  ),
  source: source("s000", "Sales customer grading standard", "销售客户等级划分标准"),
  fields: [
    num("closeMonths", "Expected months to close", "预计成交月数", { required: false, min: 0, unit: "months" }),
    num("monthlyAmount", "Expected monthly deal amount", "预计月度成交金额", { required: false, min: 0, unit: "money" }),
  ],
  requireOneOf: [["closeMonths", "monthlyAmount"]],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C", "C"), color: PALETTE.amber },
    { id: "D", label: t("D", "D"), color: PALETTE.red },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { any: [{ field: "closeMonths", op: "<=", value: 3 }, { field: "monthlyAmount", op: ">=", value: 100000 }] } },
      { grade: "B", when: { any: [{ field: "closeMonths", op: "<=", value: 6 }, { field: "monthlyAmount", op: ">=", value: 50000 }] } },
      { grade: "C", when: { any: [{ field: "closeMonths", op: "<=", value: 12 }, { field: "monthlyAmount", op: ">=", value: 20000 }] } },
    ],
    otherwise: "D",
  },
  readings: [
    t(
      "The source says \"amount first, a short close time may grade higher\": the better of the two grades wins (OR). \"10万以上\" includes 100,000. At least one of the two fields must be present.",
      "来源称“以金额为主，成交时间短的可上调等级”：取两者中较高的等级（或）。“10万以上”包含 100,000。两个字段至少填写一个。",
    ),
  ],
  reviewCadence: t("Re-grade at every month end.", "每月月底重新评级。"),
};

export const mfq102a: Template = {
  id: "mfq-102a",
  version: 1,
  category: "value",
  name: t("Customer classification form MF/Q 102/A", "客户分类/等级划分表 MF/Q 102/A"),
  description: t(
    "Three levels by cumulative number of orders and cumulative order quantity, as on form MF/Q 102/A (polymer mobile batteries and cells customers).",
    "按累计订单次数和累计订单量分为三级，对应表单 MF/Q 102/A（聚合物手机电池及电芯客户）。",
  ),
  source: source("s000", "Customer classification / grading form MF/Q 102/A", "客户分类/等级划分表 MF/Q 102/A"),
  fields: [
    num("orderCount", "Cumulative number of orders", "累计订单次数", { min: 0, unit: "count" }),
    num("orderVolume", "Cumulative order quantity", "累计订单量", { min: 0, unit: "quantity" }),
  ],
  grades: [
    { id: "A", label: t("A (strategic)", "A（战略性）"), color: PALETTE.green },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C (sporadic orders)", "C（零星订单）"), color: PALETTE.amber },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { all: [{ field: "orderCount", op: ">", value: 5 }, { field: "orderVolume", op: ">", value: 100000 }] } },
      { grade: "B", when: { all: [{ field: "orderCount", op: ">", value: 3 }, { field: "orderVolume", op: ">=", value: 10000 }] } },
    ],
    otherwise: "C",
  },
  readings: [
    t(
      "The source's B band says \"10~100K\"; a customer with 4 orders and 500K volume is graded B, not C.",
      "来源中 B 级写作“10~100K”；4 次订单、订单量 500K 的客户评为 B 而非 C。",
    ),
  ],
};

export const needClose5: Template = {
  id: "need-close-5",
  version: 1,
  category: "pipeline",
  name: t("Customer levels A–E by need and time to close", "客户等级划分 A–E（需求与成交时间）"),
  description: t(
    "Five levels from the customer's need (explicit, potential, none) and the expected months to close, with a follow-up log per level.",
    "按客户需求（明显、潜在、无）和预计成交月数分为五级，并按级别建立客户追踪志。",
  ),
  source: source("s000", "Customer level division (complete edition)", "（完整版）客户等级划分"),
  fields: [
    {
      key: "need",
      label: t("Need", "需求"),
      type: "category",
      categories: [
        cat("explicit", "explicit", "明显", ["明显需求", "明确", "目标客户"]),
        cat("potential", "potential", "潜在", ["潜在需求"]),
        cat("none", "none", "无", ["无需求", "没有需求", "死亡"]),
      ],
    },
    num("closeMonths", "Expected months to close", "预计成交月数", { min: 0, unit: "months", requiredUnless: { field: "need", is: "none" } }),
  ],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green, cadenceDays: 1, action: t("Daily log: follow up and refresh the record every day", "客户追踪日志：每天跟踪处理并刷新记录") },
    { id: "B", label: t("B", "B"), color: PALETTE.blue, cadenceDays: 7, action: t("Weekly log: follow up at least once a week", "客户追踪周志：每周至少处理一次") },
    { id: "C", label: t("C", "C"), color: PALETTE.amber, cadenceDays: 15, action: t("Half-month log: follow up every 15 days", "客户追踪半月志：每 15 天处理一次") },
    { id: "D", label: t("D", "D"), color: PALETTE.orange, cadenceDays: 30, action: t("Monthly log: follow up at least every 30 days", "客户追踪月志：每 30 天至少处理一次") },
    { id: "E", label: t("E (dead)", "E（死亡客户）"), color: PALETTE.grey, action: t("No follow-up log", "不建立追踪志") },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "E", when: { field: "need", is: "none" } },
      { grade: "A", when: { all: [{ field: "need", is: "explicit" }, { field: "closeMonths", op: "<=", value: 1 }] } },
      { grade: "B", when: { all: [{ field: "need", is: "explicit" }, { field: "closeMonths", op: "<=", value: 3 }] } },
      { grade: "C", when: { all: [{ field: "need", is: "explicit" }, { field: "closeMonths", op: "<=", value: 6 }] } },
    ],
    otherwise: "D",
  },
  readings: [
    t(
      "The source lists the four follow-up logs right after the five levels; the mapping A daily, B weekly, C every 15 days, D every 30 days, E none is GradeKit's reading.",
      "来源在五个等级之后列出四种追踪志；A 日志、B 周志、C 半月志、D 月志、E 不追踪的对应关系为 GradeKit 的解读。",
    ),
    t(
      "Expected months to close is required, except for a customer with no need (E), where it does not apply.",
      "预计成交月数为必填项；无需求客户（E）不适用，可以为空。",
    ),
  ],
};

export const eduIntent5: Template = {
  id: "edu-intent-5",
  version: 1,
  category: "pipeline",
  name: t("Training school S/A/B/C/D leads", "培训机构五级分类 S/A/B/C/D"),
  description: t(
    "Five levels of enrolment leads by intent and expected days until the enrolment decision.",
    "按报名意向和预计决定天数将咨询客户分为五级。",
  ),
  source: source("s003", "Five customer levels (training schools)", "客户分级五个级别"),
  fields: [
    { key: "intent", label: t("Intent", "意向"), type: "yesno" },
    num("decisionDays", "Expected days until the decision", "预计决定天数", {
      min: 0,
      unit: "days",
      requiredUnless: { field: "intent", is: "no" },
    }),
  ],
  grades: [
    { id: "S", label: t("S", "S"), color: PALETTE.green },
    { id: "A", label: t("A", "A"), color: PALETTE.teal },
    { id: "B", label: t("B", "B"), color: PALETTE.blue },
    { id: "C", label: t("C", "C"), color: PALETTE.amber },
    { id: "D", label: t("D (just looking)", "D（随便看看）"), color: PALETTE.grey },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "D", when: { field: "intent", is: "no" } },
      { grade: "S", when: { field: "decisionDays", op: "<=", value: 7 } },
      { grade: "A", when: { field: "decisionDays", op: "<=", value: 15 } },
      { grade: "B", when: { field: "decisionDays", op: "<=", value: 30 } },
    ],
    otherwise: "C",
  },
  readings: [
    t(
      "Also described in seed 004. C is a lead with some intent that will not decide within the next 30 days. Expected days are required, except for a lead with no intent (D), where they do not apply.",
      "种子文档 004 亦有描述。C 为有一定意向、但 30 天内不会决定的客户。预计决定天数为必填项；无意向客户（D）不适用，可以为空。",
    ),
  ],
};

export const relationship4: Template = {
  id: "relationship-4",
  version: 1,
  category: "pipeline",
  name: t("Customer relationship A/B/C/D", "客户关系等级划分 A/B/C/D"),
  description: t(
    "Four relationship levels from the customer's stage, each with the source's follow-up advice.",
    "按客户所处阶段划分四个关系等级，并给出来源中的跟进建议。",
  ),
  source: source("s000", "Customer relationship levels", "客户关系等级划分"),
  fields: [
    {
      key: "stage",
      label: t("Stage", "客户阶段"),
      type: "category",
      categories: [
        cat("committed", "committed", "明确合作意向且有消费能力", ["明确合作", "有意向有能力"]),
        cat("hesitant", "hesitant", "有需求有意向但犹豫", ["犹豫", "犹豫不决"]),
        cat("latent", "latent", "潜在需求", ["潜在"]),
        cat("refused", "refused", "明确拒绝/无需求", ["明确拒绝", "拒绝", "无需求"]),
      ],
    },
  ],
  grades: [
    { id: "A", label: t("A", "A"), color: PALETTE.green, action: t("Talk often and look after the relationship until the deal closes", "多沟通多关怀，搞好客情，最终达成合作") },
    { id: "B", label: t("B", "B"), color: PALETTE.blue, action: t("Find what makes them hesitate (competitors, budget) and help them decide", "找出客户犹豫的问题所在（同行对比、超出预算等），帮助客户快速决定") },
    { id: "C", label: t("C", "C"), color: PALETTE.amber, action: t("Uncover the need and stimulate it with the product's strengths", "发现挖掘需求，利用产品优势刺激消费") },
    { id: "D", label: t("D", "D"), color: PALETTE.red, action: t("Keep in touch long-term with regular visits; they or their friends may need it later", "长期跟踪关怀、定期回访，客户或其身边的人日后可能有需求") },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { field: "stage", is: "committed" } },
      { grade: "B", when: { field: "stage", is: "hesitant" } },
      { grade: "C", when: { field: "stage", is: "latent" } },
      { grade: "D", when: { field: "stage", is: "refused" } },
    ],
  },
};
