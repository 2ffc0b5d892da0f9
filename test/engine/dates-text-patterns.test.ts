/** Dates (date fields, `since`, elapsed-day columns, as-of) and text patterns through the engine. */
import { checkTemplate, gradeTable, parseDate, isoOf, elapsed, foldText, type Template } from "../../src/engine";

const asOf = "2026-12-03";

describe("parseDate", () => {
  it("reads serials, Date objects, ISO, slashes, Chinese dates", () => {
    expect(parseDate("2026-12-03")).toEqual({ ok: true, value: 46359 });
    expect(parseDate("2026/12/03")).toEqual({ ok: true, value: 46359 });
    expect(parseDate("2026年12月3日")).toEqual({ ok: true, value: 46359 });
    expect(parseDate("２０２６－１２－０３")).toEqual({ ok: true, value: 46359 });
    expect(parseDate(new Date(Date.UTC(2026, 11, 3)))).toEqual({ ok: true, value: 46359 });
    expect(parseDate(46359)).toEqual({ ok: true, value: 46359 });
    expect(parseDate(46359.75)).toEqual({ ok: true, value: 46359 });
    expect(isoOf(46359)).toBe("2026-12-03");
  });
  it("reads a/b/yyyy only with a day/month order", () => {
    expect(parseDate("12/3/2026", "mdy")).toEqual({ ok: true, value: 46359 });
    expect(parseDate("3/12/2026", "dmy")).toEqual({ ok: true, value: 46359 });
    expect(parseDate("03/04/2026")).toEqual({ ok: false, problem: { code: "ambiguousDate", text: "03/04/2026" } });
    expect(parseDate("13/04/2026", "mdy")).toEqual({ ok: false, problem: { code: "noSuchDate", text: "13/04/2026" } });
  });
  it("refuses days that do not exist and text that is no date", () => {
    expect(parseDate("2026-02-30")).toEqual({ ok: false, problem: { code: "noSuchDate", text: "2026-02-30" } });
    expect(parseDate("2025-02-29").ok).toBe(false);
    expect(parseDate("2024-02-29").ok).toBe(true);
    expect(parseDate("next week")).toEqual({ ok: false, problem: { code: "notDate", text: "next week" } });
    expect(parseDate(12).ok).toBe(false);
  });
  it("counts whole days, months and years", () => {
    const d = (s: string) => (parseDate(s) as { value: number }).value;
    expect(elapsed(d("2026-10-19"), d(asOf), "days")).toBe(45);
    expect(elapsed(d("2026-01-31"), d("2026-02-28"), "months")).toBe(0);
    expect(elapsed(d("2026-01-31"), d("2026-03-01"), "months")).toBe(1);
    expect(elapsed(d("2023-12-04"), d(asOf), "years")).toBe(2);
    expect(elapsed(d("2023-12-03"), d(asOf), "years")).toBe(3);
    expect(elapsed(d("2026-12-10"), d(asOf), "days")).toBe(-7);
  });
});

const tenure: Template = {
  id: "tenure-test",
  name: { en: "Tenure", zh: "客户年限" },
  version: 1,
  description: { en: "test", zh: "测试" },
  category: "value",
  fields: [{ key: "since", label: { en: "Customer since", zh: "开户日期" }, type: "date" }],
  grades: [
    { id: "Loyal", label: { en: "Loyal", zh: "忠诚" }, color: "#1E8E3E" },
    { id: "New", label: { en: "New", zh: "新客" }, color: "#9AA0A6" },
  ],
  model: { kind: "rules", rules: [{ grade: "Loyal", when: { expr: { since: "since", unit: "years" }, op: ">=", value: 3 } }], otherwise: "New" },
} as Template;

describe("date fields and since", () => {
  it("checks: since needs a date field", () => {
    expect(checkTemplate(tenure).ok).toBe(true);
    const bad = { ...tenure, fields: [{ ...tenure.fields[0], type: "number" }] } as Template;
    const r = checkTemplate(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message.en).join()).toMatch(/expected date/);
  });
  it("grades by years since, with the as-of date in the reason", () => {
    const r = gradeTable(tenure, { columns: { since: ["2023-12-03", "2023/12/04", "2026年1月5日", "2026-02-30", "03/04/2020", ""] }, asOf });
    expect([0, 1, 2, 3, 4, 5].map((i) => r.grade(i))).toEqual(["Loyal", "New", "New", null, null, null]);
    expect(r.asOf).toBe(46359);
    expect(r.reason(0)).toBe("Loyal: years since Customer since (2023-12-03) to 2026-12-03: 3 ≥ 3; as of 2026-12-03");
    expect(r.reason(0, "zh-CN")).toContain("截至 2026-12-03");
    expect(r.reason(3)).toBe("Customer since: '2026-02-30' is not a day of the calendar");
    expect(r.reason(4)).toMatch(/^Customer since: '03\/04\/2020' could be day\/month or month\/day; choose the date order/);
    const dmy = gradeTable(tenure, { columns: { since: ["03/04/2020"] }, asOf, dateOrder: "dmy" });
    expect(dmy.grade(0)).toBe("Loyal");
  });
  it("defaults the as-of date to today", () => {
    const r = gradeTable(tenure, { columns: { since: ["2000-01-01"] } });
    const now = new Date();
    expect(isoOf(r.asOf!)).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`);
  });
});

const dormancy: Template = {
  id: "dormancy-test",
  name: { en: "Dormancy", zh: "沉睡" },
  version: 1,
  description: { en: "test", zh: "测试" },
  category: "value",
  fields: [{ key: "daysSince", label: { en: "Days since last order", zh: "距上次下单天数" }, type: "number", unit: "days", min: 0, sinceDate: true }],
  grades: [
    { id: "Active", label: { en: "Active", zh: "活跃" }, color: "#1E8E3E" },
    { id: "Dormant", label: { en: "Dormant", zh: "沉睡" }, color: "#9AA0A6" },
  ],
  model: { kind: "bands", field: "daysSince", bands: [{ grade: "Active", op: "<=", value: 90 }], otherwise: "Dormant" },
} as Template;

describe("an elapsed-days field from a date column", () => {
  it("takes day counts as before, or dates when the mapping says the column holds dates", () => {
    const counts = gradeTable(dormancy, { columns: { daysSince: [45, 120] } });
    expect([counts.grade(0), counts.grade(1)]).toEqual(["Active", "Dormant"]);
    expect(counts.asOf).toBeUndefined();
    const dates = gradeTable(dormancy, { columns: { daysSince: ["2026-10-19", new Date(Date.UTC(2026, 7, 5)), "2026-12-10"] }, dateColumns: { daysSince: true }, asOf });
    expect(dates.grade(0)).toBe("Active");
    expect(dates.reason(0)).toBe("Active: Days since last order 45 ≤ 90; as of 2026-12-03");
    expect(dates.grade(1)).toBe("Dormant"); // 120 days
    expect(dates.grade(2)).toBeNull(); // after the as-of date: -7 days
    expect(dates.reason(2)).toMatch(/below the minimum/);
  });
  it("refuses a bad as-of date", () => {
    expect(() => gradeTable(dormancy, { columns: { daysSince: ["2026-10-19"] }, dateColumns: { daysSince: true }, asOf: "2026-13-01" })).toThrow(/as-of date '2026-13-01' is not a date/);
  });
});

const leads: Template = {
  id: "lead-title-test",
  name: { en: "Lead title", zh: "线索职位" },
  version: 1,
  description: { en: "test", zh: "测试" },
  category: "pipeline",
  fields: [
    { key: "title", label: { en: "Job title", zh: "职位" }, type: "text" },
    {
      key: "dept",
      label: { en: "Department", zh: "部门" },
      type: "category",
      required: false,
      categories: [
        { value: "mkt", label: { en: "Marketing", zh: "市场部" } },
        { value: "it", label: { en: "IT", zh: "信息技术部" } },
      ],
    },
  ],
  grades: [
    { id: "A", label: { en: "A", zh: "A" }, color: "#1E8E3E" },
    { id: "B", label: { en: "B", zh: "B" }, color: "#F9AB00" },
    { id: "C", label: { en: "C", zh: "C" }, color: "#9AA0A6" },
  ],
  model: {
    kind: "rules",
    rules: [
      { grade: "A", when: { any: [{ field: "title", startsWith: ["CMO", "VP"] }, { field: "title", endsWith: ["总监"] }] } },
      { grade: "B", when: { any: [{ field: "title", contains: ["marketing", "市场"] }, { field: "dept", contains: ["market"] }] } },
    ],
    otherwise: "C",
  },
} as Template;

describe("text patterns", () => {
  it("fold full width, case and spaces", () => {
    expect(foldText("  ＭＡＲＫＥＴＩＮＧ　 Manager ")).toBe("marketing manager");
  });
  it("grade by contains / startsWith / endsWith, case- and width-insensitive, in both languages", () => {
    const titles = ["cmo", "Ｖｐ of Sales", "市场总监", "Senior ＭＡＲＫＥＴＩＮＧ manager", "高级市场专员", "Engineer", "Engineer", "Engineer*"];
    const depts = ["", "", "", "", "", "市场部", "", ""];
    const r = gradeTable(leads, { columns: { title: titles, dept: depts } });
    expect(titles.map((_, i) => r.grade(i))).toEqual(["A", "A", "A", "B", "B", "B", "C", "C"]);
    expect(r.reason(3)).toBe("B: Job title “Senior ＭＡＲＫＥＴＩＮＧ manager” contains “marketing”, “市场”");
    expect(r.reason(4, "zh-CN")).toBe("B：职位“高级市场专员”包含 “marketing”、“市场”");
    expect(r.reason(5)).toBe("B: Department “Marketing” contains “market”");
  });
  it("equalsAny matches whole cells only", () => {
    const t = { ...leads, model: { kind: "rules", rules: [{ grade: "A", when: { field: "title", equalsAny: ["CEO", "总经理"] } }], otherwise: "C" } } as Template;
    const r = gradeTable(t, { columns: { title: ["ceo", " ＣＥＯ ", "CEO office", "总经理"] } });
    expect([0, 1, 2, 3].map((i) => r.grade(i))).toEqual(["A", "A", "C", "A"]);
  });
  it("the checker refuses patterns on number fields and blank words", () => {
    const onNumber = { ...dormancy, model: { kind: "rules", rules: [{ grade: "Active", when: { field: "daysSince", contains: ["1"] } }], otherwise: "Dormant" } } as Template;
    const r1 = checkTemplate(onNumber);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.issues.map((i) => i.message.en).join()).toMatch(/expected text or category/);
    const blankWord = { ...leads, model: { kind: "rules", rules: [{ grade: "A", when: { field: "title", contains: ["　"] } }], otherwise: "C" } } as Template;
    const r2 = checkTemplate(blankWord);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues.map((i) => i.message.en).join()).toMatch(/blank word/);
  });
});
