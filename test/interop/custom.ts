/**
 * Custom templates for the interop test: the constructs the built-in templates do not use
 * (free-text groups, defaults, expression conditions, min/max/abs/mean/if, floor of a rounded
 * product, steps with expression points, percentile-graded scorecards, lower-is-better bands,
 * caps and floors, rules without a default grade, code parts on yes/no fields, blank tiers).
 */
import type { Template, Text } from "../../src/engine";

const t = (en: string, zh: string): Text => ({ en, zh });
const grade = (id: string, color = "#C9DAF8") => ({ id, label: t(id, id), color });
const base = (id: string) => ({ id, version: 1, name: t(id, id), description: t(id, id), category: "custom" as const });

export const CUSTOM_TEMPLATES: Template[] = [
  {
    ...base("custom-region-tiers"),
    fields: [
      { key: "region", label: t("Region", "区域"), type: "text" },
      { key: "sales", label: t("Sales", "销售额"), type: "number", min: 0 },
    ],
    grades: ["Q1", "Q2", "Q3", "Q4"].map((g) => grade(g)),
    model: { kind: "percentile", field: "sales", groupBy: "region", cuts: [0.25, 0.5, 0.75] },
  },
  {
    ...base("custom-expressions"),
    fields: [
      { key: "a", label: t("A", "甲"), type: "number", min: 0, max: 100 },
      { key: "b", label: t("B", "乙"), type: "number", required: false },
      { key: "c", label: t("C", "丙"), type: "number", default: 5, min: -50, max: 50 },
      {
        key: "kind",
        label: t("Kind", "类型"),
        type: "category",
        default: "std",
        categories: [
          { value: "std", label: t("standard", "标准"), aliases: ["normal"] },
          { value: "premium", label: t("premium", "高级"), aliases: ["=premium+1, {x;y}"] },
          { value: "basic", label: t("basic", "基础") },
        ],
      },
      { key: "flag", label: t("Flag", "标记"), type: "yesno", required: false, default: "no" },
    ],
    grades: ["P", "Q", "R", "S"].map((g) => grade(g)),
    model: {
      kind: "rules",
      rules: [
        {
          grade: "P",
          when: {
            all: [
              { field: "kind", in: ["premium", "basic"] },
              { expr: { op: "/", args: [{ field: "a" }, { fn: "max", args: [{ field: "c" }, 1] }] }, op: ">=", value: 10 },
            ],
          },
        },
        { grade: "Q", when: { expr: { fn: "mean", args: [{ field: "a" }, { field: "b" }] }, op: ">", value: 50 } },
        { grade: "R", when: { all: [{ field: "b", blank: false }, { not: { field: "flag", is: "yes" } }, { field: "b", op: "!=", value: 0 }] } },
        {
          grade: "S",
          when: {
            expr: {
              if: { field: "a", op: "<", value: 20 },
              then: { fn: "abs", args: [{ op: "-", args: [{ field: "a" }, { field: "c" }] }] },
              else: { fn: "sum", args: [{ field: "a" }, { op: "*", args: [{ field: "c" }, -1] }] },
            },
            op: "<=",
            value: 10,
          },
        },
      ],
    },
  },
  {
    ...base("custom-ranked-scorecard"),
    fields: [
      { key: "x", label: t("X", "X"), type: "number", min: -1, max: 1 },
      { key: "y", label: t("Y", "Y"), type: "number", min: 0, max: 50 },
      { key: "z", label: t("Z", "Z"), type: "number", required: false },
      {
        key: "tier",
        label: t("Tier", "档"),
        type: "category",
        default: "bronze",
        categories: [
          { value: "gold", label: t("gold", "金") },
          { value: "silver", label: t("silver", "银") },
          { value: "bronze", label: t("bronze", "铜") },
        ],
      },
      { key: "pts", label: t("Points", "分"), type: "number", min: 0, max: 10, default: 3 },
    ],
    grades: ["H", "M", "L"].map((g) => grade(g)),
    model: {
      kind: "scorecard",
      criteria: [
        { key: "m", label: t("M", "M"), points: 30, scoring: { kind: "formula", expr: { fn: "floor", args: [{ op: "*", args: [{ field: "x" }, 100] }] } } },
        {
          key: "s",
          label: t("S", "S"),
          points: 25,
          scoring: {
            kind: "steps",
            field: "y",
            steps: [
              { op: ">=", value: 40, points: { op: "-", args: [{ field: "y" }, 20] } },
              { op: ">", value: 10, points: 5 },
            ],
            otherwise: { fn: "min", args: [{ field: "y" }, { field: "z" }] },
          },
        },
        { key: "t", label: t("T", "T"), points: 10, scoring: { kind: "map", field: "tier", points: { gold: 10, silver: 6 }, otherwise: 1 } },
        { key: "p", label: t("P", "P"), points: 10, scoring: { kind: "input", field: "pts" } },
        { key: "r", label: t("R", "R"), points: 20, scoring: { kind: "relativeToMax", field: "y" } },
      ],
      grading: { kind: "percentile", cuts: [0.3, 0.7] },
    },
  },
  {
    ...base("custom-days-bands"),
    fields: [
      { key: "days", label: t("Days", "天数"), type: "number", min: 0, max: 365 },
      { key: "vip", label: t("VIP", "贵宾"), type: "yesno" },
    ],
    grades: ["A", "B", "C"].map((g) => grade(g)),
    model: {
      kind: "bands",
      field: "days",
      bands: [
        { grade: "A", op: "<", value: 30 },
        { grade: "B", op: "<=", value: 90 },
        { grade: "C", op: "<=", value: 365 },
      ],
    },
    post: [
      { cap: "B", when: { field: "vip", is: "no" } },
      { floor: "B", when: { field: "days", op: "=", value: 100 } },
    ],
  },
  {
    ...base("custom-member-code"),
    fields: [
      { key: "member", label: t("Member", "会员"), type: "yesno" },
      { key: "spend", label: t("Spend", "消费"), type: "number", min: 0, required: false },
    ],
    grades: [],
    model: {
      kind: "code",
      parts: [
        { kind: "category", field: "member", codes: { yes: "M", no: "N" } },
        { kind: "tier", field: "spend", cuts: [0.5], codes: ["H", "L"], labels: [t("high", "高"), t("low", "低")] },
        { kind: "flag", when: { any: [{ field: "spend", op: ">", value: 250 }, { field: "member", is: "yes" }] }, code: "+", label: t("plus", "加") },
      ],
      colors: { part: 1, byCode: { H: "#00FF00", L: "#FF0000" } },
    },
  },
];
