/** Ad-hoc templates (bands, percentile tiers): built as engine templates that pass checkTemplate and grade as the spec says. */
import { checkTemplate, gradeTable, type Template } from "../../src/engine";
import {
  ADHOC_BANDS_ID,
  ADHOC_PERCENTILE_ID,
  DEFAULT_BAND_ROWS,
  DEFAULT_TIER_ROWS,
  buildBandsTemplate,
  buildFromRows,
  buildPercentileTemplate,
  gradeColors,
  nextLabel,
  parseCut,
  parseThreshold,
} from "../../src/taskpane/adhoc";

function ok(r: ReturnType<typeof buildBandsTemplate>): Template {
  if (!r.ok) throw new Error(`expected a template, got ${JSON.stringify(r.problems)}`);
  return r.template;
}

describe("ad-hoc bands", () => {
  test("spec example: 100000/50000/20000 -> A/B/C/D, higher is better, inclusive on the better side", () => {
    const t = ok(buildBandsTemplate({ thresholds: [100000, 50000, 20000], labels: ["A", "B", "C", "D"], direction: "higher" }));
    expect(t.id).toBe(ADHOC_BANDS_ID);
    expect(t.category).toBe("custom");
    expect(checkTemplate(t).ok).toBe(true);
    expect(t.model).toEqual({
      kind: "bands",
      field: "value",
      bands: [
        { grade: "A", op: ">=", value: 100000 },
        { grade: "B", op: ">=", value: 50000 },
        { grade: "C", op: ">=", value: 20000 },
      ],
      otherwise: "D",
    });
    expect(t.grades.map((g) => g.id)).toEqual(["A", "B", "C", "D"]);
    for (const g of t.grades) expect(g.color).toMatch(/^#[0-9A-F]{6}$/i);
    expect(new Set(t.grades.map((g) => g.color)).size).toBe(4);
    const r = gradeTable(t, { columns: { value: [100000, 99999.99, 50000, 20000, 19999, "10万", "abc", ""] } });
    expect([0, 1, 2, 3, 4, 5].map((i) => r.grade(i))).toEqual(["A", "B", "B", "C", "D", "A"]);
    expect(r.status(6)).toBe("error");
    expect(r.error(6)?.field).toBe("value");
    expect(r.status(7)).toBe("empty");
  });

  test("thresholds in any order are sorted best first; lower is better uses <=", () => {
    const t = ok(buildBandsTemplate({ thresholds: [30, 10, 20], labels: ["Fast", "OK", "Slow", "Late"], direction: "lower" }));
    expect(checkTemplate(t).ok).toBe(true);
    expect(t.model).toMatchObject({ bands: [{ grade: "Fast", op: "<=", value: 10 }, { grade: "OK", op: "<=", value: 20 }, { grade: "Slow", op: "<=", value: 30 }], otherwise: "Late" });
    const r = gradeTable(t, { columns: { value: [5, 10, 11, 30, 31] } });
    expect([0, 1, 2, 3, 4].map((i) => r.grade(i))).toEqual(["Fast", "Fast", "OK", "Slow", "Late"]);
  });

  test("names and descriptions are bilingual; the value field takes the column header", () => {
    const t = ok(buildBandsTemplate({ thresholds: [10], labels: ["Hi", "Lo"], direction: "higher", valueLabel: "Revenue" }));
    expect(t.name.en).toBe("Ad-hoc bands");
    expect(t.name.zh).toBe("临时阈值分级");
    expect(t.description.en).toContain("Hi ≥ 10");
    expect(t.description.zh).toContain("越高越好");
    expect(t.fields[0].label).toEqual({ en: "Revenue", zh: "Revenue" });
    expect(gradeTable(t, { columns: { value: [12] } }).reason(0, "en")).toBe("Hi: Revenue 12 ≥ 10");
  });

  test("problems: label count, blank and duplicate labels (case-insensitive), duplicate thresholds, too few grades", () => {
    const bad = (c: Parameters<typeof buildBandsTemplate>[0]) => {
      const r = buildBandsTemplate(c);
      if (r.ok) throw new Error("expected problems");
      return r.problems.map((p) => p.code);
    };
    expect(bad({ thresholds: [1, 2], labels: ["A", "B"], direction: "higher" })).toContain("labelCount");
    expect(bad({ thresholds: [1], labels: ["A", " "], direction: "higher" })).toContain("emptyLabel");
    expect(bad({ thresholds: [1], labels: ["a", "A"], direction: "higher" })).toContain("duplicateLabel");
    expect(bad({ thresholds: [5, 5], labels: ["A", "B", "C"], direction: "higher" })).toContain("duplicateThreshold");
    expect(bad({ thresholds: [], labels: ["A"], direction: "higher" })).toContain("tooFewGrades");
    expect(bad({ thresholds: [NaN], labels: ["A", "B"], direction: "higher" })).toContain("badNumber");
  });

  test("editor rows: default rows build; thresholds typed as people type them", () => {
    const r = buildFromRows("bands", DEFAULT_BAND_ROWS);
    expect(r.ok && checkTemplate(r.template).ok).toBe(true);
    expect(parseThreshold("100,000")).toBe(100000);
    expect(parseThreshold("10万")).toBe(100000);
    expect(parseThreshold("100K")).toBe(100000);
    expect(parseThreshold("abc")).toBeNull();
    const bad = buildFromRows("bands", [{ label: "A", value: "x" }, { label: "B", value: "" }]);
    expect(bad.ok ? [] : bad.problems).toEqual([{ code: "badNumber", row: 0, text: "x" }]);
  });
});

describe("ad-hoc percentile tiers", () => {
  test("default 20/60/20 -> 1/2/3, spec semantics (10 distinct values: 2 / 6 / 2)", () => {
    const t = ok(buildPercentileTemplate({ cuts: [0.2, 0.8], labels: ["1", "2", "3"], grouped: false }));
    expect(t.id).toBe(ADHOC_PERCENTILE_ID);
    expect(checkTemplate(t).ok).toBe(true);
    expect(t.model).toEqual({ kind: "percentile", field: "value", cuts: [0.2, 0.8] });
    const r = gradeTable(t, { columns: { value: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] } });
    expect(Array.from({ length: 10 }, (_, i) => r.grade(i)).join("")).toBe("1122222233");
  });

  test("grouped: a text field 'group' and groupBy; tiers within each group", () => {
    const t = ok(buildPercentileTemplate({ cuts: [0.5], labels: ["Top", "Rest"], grouped: true, valueLabel: "Sales", groupLabel: "Region" }));
    expect(checkTemplate(t).ok).toBe(true);
    expect(t.model).toEqual({ kind: "percentile", field: "value", groupBy: "group", cuts: [0.5] });
    expect(t.fields.map((f) => [f.key, f.type, f.label.en])).toEqual([
      ["value", "number", "Sales"],
      ["group", "text", "Region"],
    ]);
    const r = gradeTable(t, { columns: { value: [1, 2, 100, 200], group: ["N", "N", "S", "S"] } });
    expect([0, 1, 2, 3].map((i) => r.grade(i))).toEqual(["Rest", "Top", "Rest", "Top"]);
  });

  test("cut points: percent input, range and order problems", () => {
    expect(parseCut("20")).toBeCloseTo(0.2);
    expect(parseCut("20%")).toBeCloseTo(0.2);
    expect(parseCut("x")).toBeNull();
    const r = buildFromRows("percentile", DEFAULT_TIER_ROWS);
    expect(r.ok && checkTemplate(r.template).ok).toBe(true);
    const order = buildPercentileTemplate({ cuts: [0.8, 0.2], labels: ["1", "2", "3"], grouped: false });
    expect(order.ok ? [] : order.problems.map((p) => p.code)).toEqual(["cutOrder"]);
    const range = buildFromRows("percentile", [{ label: "1", value: "120" }, { label: "2", value: "" }]);
    expect(range.ok ? [] : range.problems.map((p) => p.code)).toEqual(["badCut"]);
  });

  test("deciles: 9 cut points, 10 tiers, 10 distinct colours; the checker accepts it", () => {
    const cuts = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k / 10);
    const t = ok(buildPercentileTemplate({ cuts, labels: cuts.map((_, k) => `D${k + 1}`).concat("D10"), grouped: false }));
    expect(checkTemplate(t).ok).toBe(true);
    expect(new Set(t.grades.map((g) => g.color)).size).toBe(10);
  });
});

test("gradeColors: light fills, distinct, best first", () => {
  for (const n of [2, 3, 4, 5, 8, 12, 21]) {
    const c = gradeColors(n);
    expect(c).toHaveLength(n);
    expect(new Set(c).size).toBe(n);
    for (const x of c) expect(x).toMatch(/^#[0-9A-F]{6}$/i);
  }
});

test("nextLabel continues letters and numbers", () => {
  expect(nextLabel(["A", "B", "C", "D"])).toBe("E");
  expect(nextLabel(["1", "2", "3"])).toBe("4");
  expect(nextLabel(["Gold", "Silver"])).toBe("3");
});
