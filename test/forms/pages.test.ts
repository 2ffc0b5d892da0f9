/**
 * The printed form's layout details: page breaks (pure planning), number formats that show the
 * decimals entered, grade labels in Chinese forms, the scope note in the source's words.
 */
import { compileTemplate, styleAt } from "../../src/engine";
import { formLayout, isFormRefusal, type FormLayout } from "../../src/forms";
import { pageBreaks } from "../../src/forms/pages";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

const layoutOf = (id: string, rows: number, lang: "en" | "zh-CN" = "en"): FormLayout => {
  const l = formLayout(getBuiltinTemplate(id)!, { rows, lang });
  if (isFormRefusal(l)) throw new Error(l.reason.en);
  return l;
};

describe("page breaks", () => {
  // rows 0-1 top, 2 header (repeated), data rows 3..(3+n-1) of 20 pt, then the legend block
  const plan = (n: number, bottom: number[], pageH: number) => {
    const heights = [30, 20, 30, ...Array.from({ length: n }, () => 20), ...bottom];
    return pageBreaks({ height: (r) => heights[r] ?? 15, titleFirst: 2, headerRow: 2, first: 3, last: 3 + n - 1, total: heights.length, widths: [10] }, pageH);
  };

  test("no break when everything fits; data rows fill each page under the repeated header", () => {
    expect(plan(5, [20, 20], 400)).toEqual([]);
    // page 1: 80 + 16 rows = 400; later pages 30 + 18 rows = 390
    expect(plan(40, [15], 400).slice(0, 2)).toEqual([3 + 16, 3 + 16 + 18]);
  });

  test("a legend that does not fit under the last row takes the last rows with it, never a page of headers only", () => {
    // 15 rows fill page 1 (80 + 300 = 380); the legend (60) does not fit: rows 15..17 (0-based data 12..14) go with it
    expect(plan(15, [20, 20, 20], 400)).toEqual([3 + 12]);
    for (let n = 1; n <= 60; n++) {
      const breaks = plan(n, [20, 40, 20, 28], 400);
      const starts = [3, ...breaks];
      // every page starts with a data row and holds at least one
      starts.forEach((s, k) => {
        const end = k + 1 < starts.length ? starts[k + 1] - 1 : 3 + n - 1;
        expect([n, k, s <= end]).toEqual([n, k, true]);
      });
    }
  });
});

describe("what a printed form shows", () => {
  test("number columns show the decimals entered (no #,##0), percentages up to four decimals", () => {
    for (const t of BUILTIN_TEMPLATES) {
      const l = formLayout(t, { rows: 3 });
      if (isFormRefusal(l)) continue;
      for (const [key, col] of Object.entries(l.fieldColumns)) {
        const f = t.fields.find((x) => x.key === key)!;
        const nf = styleAt(l, l.dataRows.first, col).numberFormat;
        expect([t.id, key, nf]).toEqual([t.id, key, f.type === "number" && f.unit === "percent" ? "0.0###%" : undefined]);
      }
    }
  });

  test("a Chinese form's grade cells and colour rules use the Chinese labels; the English form the ids", () => {
    const zh = layoutOf("spend-5", 4, "zh-CN");
    const en = layoutOf("spend-5", 4, "en");
    const grade = (l: FormLayout) => {
      const c = l.cells.find((x) => "formula" in x && x.col === l.gradeColumn)!;
      return "formula" in c ? c.formula : "";
    };
    expect(grade(zh)).toMatch(/^IFERROR\(INDEX\(\{"VIP";"白金";"金卡";"银卡";"普通"\},MATCH\(.*\{"VIP";"Platinum";"Gold";"Silver";"Regular"\},0\)\),/);
    expect(grade(en)).not.toMatch(/IFERROR\(INDEX/);
    expect(zh.conditionalFormats.filter((c) => c.kind === "equals").map((c) => c.kind === "equals" && c.text)).toEqual(["VIP", "白金", "金卡", "银卡", "普通"]);
    expect(zh.conditionalFormats.filter((c) => c.kind === "equals").map((c) => c.kind === "equals" && c.grade)).toEqual(compileTemplate(getBuiltinTemplate("spend-5")!).grades.map((g) => g.id));
    // labels that hold the id keep the id (A（战略性） -> A)
    expect(layoutOf("mfq-102a", 3).conditionalFormats.filter((c) => c.kind === "equals").map((c) => c.kind === "equals" && c.text)).toEqual(["A", "B", "C"]);
  });

  test("the MF/Q scope note is the source's (移动电池), the legend and notes of scorecards carry cut-offs and the numbers' origin", () => {
    const mfq = layoutOf("mfq-102a", 3);
    const texts = (l: FormLayout) => l.cells.map((c) => ("value" in c ? String(c.value) : ""));
    expect(texts(mfq)).toContain("说明：分类及等级划分仅包括聚合物移动电池和电芯客户。（Scope: polymer mobile batteries and cells customers.）");
    expect(texts(mfq).join("\n")).not.toContain("手机");
    const auto = layoutOf("auto-base-3", 3, "zh-CN");
    expect(texts(auto)).toEqual(expect.arrayContaining(["得分 ≥ 16", "得分 ≥ 10", "其余"]));
    expect(texts(auto).some((s) => s.startsWith("示例默认值") && s.includes("优质 ≥ 16"))).toBe(true);
  });
});
