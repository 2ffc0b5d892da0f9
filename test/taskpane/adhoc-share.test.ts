/**
 * Ad-hoc ABC analysis (issue 16): a `share`-kind template like value-share-3, built from labels and
 * cumulative shares; the spec's worked example, groups, refused shares named by their row's label
 * (en + zh), and the defaults taken from value-share-3 in both languages.
 */
import { checkTemplate, gradeTable, tr, type Lang, type Template } from "../../src/engine";
import { ADHOC_SHARE_ID, buildFromRows, buildShareTemplate, defaultShareRows } from "../../src/taskpane/adhoc";
import { describeProblem } from "../../src/taskpane/components/AdhocEditor";
import { translate } from "../../src/taskpane/i18n";
import { getBuiltinTemplate } from "../../src/templates";

function ok(r: ReturnType<typeof buildShareTemplate>): Template {
  if (!r.ok) throw new Error(`expected a template, got ${JSON.stringify(r.problems)}`);
  return r.template;
}
const grades = (t: Template, columns: Record<string, unknown[]>) => {
  const r = gradeTable(t, { columns });
  return Array.from({ length: Object.values(columns)[0].length }, (_, i) => r.grade(i));
};
const say = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
const sentences = (r: ReturnType<typeof buildFromRows>, lang: Lang) =>
  r.ok ? [] : r.problems.map((p) => describeProblem(p, say(lang), (x) => (x ? tr(x, lang) : "")));

test("the spec's worked example with chosen labels: 50, 30, 10, 5, 5 -> A, A, B, C, C", () => {
  const t = ok(buildShareTemplate({ shares: [0.7, 0.9], labels: ["A", "B", "C"], grouped: false }));
  expect(t.id).toBe(ADHOC_SHARE_ID);
  expect(t.category).toBe("custom");
  expect(checkTemplate(t).ok).toBe(true);
  expect(t.model).toEqual({ kind: "share", field: "value", shares: [0.7, 0.9] });
  expect(t.model.kind).toBe(getBuiltinTemplate("value-share-3")!.model.kind);
  expect(grades(t, { value: [50, 30, 10, 5, 5] })).toEqual(["A", "A", "B", "C", "C"]);
  // score = share of the total in percent; blanks stay ungraded, junk is an error, 0 is the last grade
  const r = gradeTable(t, { columns: { value: [50, 30, 10, 5, 5, "", "abc", 0] } });
  expect(r.score(0)).toBeCloseTo(50);
  expect(r.status(5)).toBe("empty");
  expect(r.status(6)).toBe("error");
  expect(r.grade(7)).toBe("C");
  expect(t.description.en).toContain("A < 70% / B < 90% / C");
});

test("the editor rows with the defaults of value-share-3 (en and zh) grade the example as value-share-3 does", () => {
  const vs3 = getBuiltinTemplate("value-share-3")!;
  const builtin = gradeTable(vs3, { columns: { amount: [50, 30, 10, 5, 5] } });
  for (const lang of ["en", "zh-CN"] as const) {
    const rows = defaultShareRows(lang);
    expect(rows.map((r) => r.value)).toEqual(["70", "90", ""]);
    expect(rows.map((r) => r.label)).toEqual(vs3.grades.map((g) => tr(g.label, lang)));
    const r = buildFromRows("share", rows);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(grades(r.template, { value: [50, 30, 10, 5, 5] })).toEqual([0, 1, 2, 3, 4].map((i) => tr(vs3.grades.find((g) => g.id === builtin.grade(i))!.label, lang)));
  }
  expect(defaultShareRows("zh-CN").map((r) => r.label)).toEqual(["贵宾客户", "重要客户", "普通客户"]);
  expect(defaultShareRows("en").map((r) => r.label)).toEqual(["VIP", "Important", "Regular"]);
});

test("group column: shares within each group; a row without a group is refused by name", () => {
  const t = ok(buildShareTemplate({ shares: [0.5], labels: ["Top", "Rest"], grouped: true, valueLabel: "Sales", groupLabel: "Region" }));
  expect(checkTemplate(t).ok).toBe(true);
  expect(t.model).toEqual({ kind: "share", field: "value", groupBy: "group", shares: [0.5] });
  expect(t.fields.map((f) => [f.key, f.type, f.label.en])).toEqual([
    ["value", "number", "Sales"],
    ["group", "text", "Region"],
  ]);
  const r = gradeTable(t, { columns: { value: [60, 40, 1, 9, 5], group: ["N", "N", "S", "S", ""] } });
  expect([0, 1, 2, 3].map((i) => r.grade(i))).toEqual(["Top", "Rest", "Rest", "Top"]);
  expect(r.status(4)).toBe("error");
  expect(r.reason(0, "en")).toContain("of the total 100 in N;");
  // the same rows without the group: one total
  const whole = ok(buildShareTemplate({ shares: [0.5], labels: ["Top", "Rest"], grouped: false }));
  expect(grades(whole, { value: [60, 40, 1, 9] })).toEqual(["Top", "Rest", "Rest", "Rest"]);
});

test("shares not increasing in (0, 100) are refused, the sentence naming the grade (en and zh)", () => {
  const rows = (a: string, b: string) => [
    { label: "A", value: a },
    { label: "B", value: b },
    { label: "C", value: "" },
  ];
  const codes = (r: ReturnType<typeof buildFromRows>) => (r.ok ? [] : r.problems.map((p) => p.code));
  expect(codes(buildFromRows("share", rows("0", "90")))).toEqual(["badShare"]);
  expect(codes(buildFromRows("share", rows("70", "100")))).toEqual(["badShare"]);
  expect(codes(buildFromRows("share", rows("-5", "90")))).toEqual(["badShare"]);
  expect(codes(buildFromRows("share", rows("lots", "90")))).toEqual(["badShare"]);
  expect(codes(buildFromRows("share", rows("90", "70")))).toEqual(["shareOrder"]);
  expect(codes(buildFromRows("share", rows("70", "70%")))).toEqual(["shareOrder"]);
  expect(codes(buildFromRows("share", rows("70%", "90%")))).toEqual([]);

  expect(sentences(buildFromRows("share", rows("70", "120")), "en")).toEqual(["“B” cumulative share: “120” must be a percentage above 0 and below 100."]);
  expect(sentences(buildFromRows("share", rows("70", "120")), "zh-CN")).toEqual(["“B”的累计占比：“120”须为大于 0、小于 100 的百分比。"]);
  expect(sentences(buildFromRows("share", rows("90", "70")), "en")).toEqual([
    "“B” cumulative share 70% is not above “A” (90%): shares must increase from the best grade down.",
  ]);
  expect(sentences(buildFromRows("share", rows("90", "70")), "zh-CN")).toEqual(["“B”的累计占比 70% 不高于上一级“A”的 90%：累计占比须自上而下递增。"]);

  // the config path refuses the same, and label problems as the other ad-hoc kinds
  const bad = buildShareTemplate({ shares: [0.9, 0.7], labels: ["A", "B", "C"], grouped: false });
  expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(["shareOrder"]);
  const count = buildShareTemplate({ shares: [0.7], labels: ["A", "a", "C"], grouped: false });
  expect(count.ok ? [] : count.problems.map((p) => p.code).sort()).toEqual(["duplicateLabel", "labelCount"]);
});

test("zh labels: names and descriptions are bilingual, Chinese grade labels grade and explain", () => {
  const r = buildFromRows("share", defaultShareRows("zh-CN"), { valueLabel: "消费额" });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const t = r.template;
  expect(t.name).toEqual({ en: "ABC analysis", zh: "ABC 分析" });
  expect(t.description.zh).toContain("贵宾客户 < 70% / 重要客户 < 90% / 普通客户");
  expect(t.grades.map((g) => g.label.zh)).toEqual(["贵宾客户", "重要客户", "普通客户"]);
  const g = gradeTable(t, { columns: { value: [50, 30, 10, 5, 5] } });
  expect([0, 1, 2, 3, 4].map((i) => g.grade(i))).toEqual(["贵宾客户", "贵宾客户", "重要客户", "普通客户", "普通客户"]);
  expect(g.reason(2, "zh-CN")).toContain("重要客户");
});
