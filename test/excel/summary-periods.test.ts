/**
 * Summaries of periods (issue 17, add-in side): a summary of a period has its own sheet, so a
 * second period's summary never deletes the first; a summary of the same period asks before it
 * replaces the earlier one; the working summary (no period) still replaces only itself. And the
 * period comparison sheet from the saved history: counts and shares per grade and period
 * (computed here by hand), the change between the last two, a chart with one series per period.
 */
import { createWorkbookActions, ReviewError } from "../../src/excel";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { summarySheetName } from "../../src/reports/summary";
import { TREND_SHEETS } from "../../src/reports/period-trend";
import { getBuiltinTemplate } from "../../src/templates";

const spend = getBuiltinTemplate("spend-5")!;

function dataHost(spends: number[]): ExcelHost {
  const host = createExcelHost({ sheets: ["Data"] });
  host.setValues("Data", "A1", [["id", "Annual spend"], ...spends.map((s, i) => [`c${i + 1}`, s])]);
  host.setSelection("Data", "A1");
  return host;
}

const sheetNames = (host: ExcelHost) => host.snapshot().sheets.map((s) => s.name);

describe("summaries of periods", () => {
  test("a second period's summary keeps the first; the same period asks, then replaces only itself", async () => {
    const host = dataHost([600000, 1000, 250000]);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(spend);
    const base = { template: spend, mapping: read.match.mapping, table: read.table };

    const nov = await actions.writeSummary({ ...base, period: "2026-11" });
    expect(nov.status).toBe("written");
    expect(nov.sheet).toBe("GradeKit Summary 2026-11");
    const novValues = host.getValues(nov.sheet, "A1:C9");
    expect(novValues[0][0]).toBe("GradeKit summary: Spend tiers (5 levels), 2026-11".replace("Spend tiers (5 levels)", spend.name.en));

    // December: other data, its own sheet; November's sheet is untouched
    host.setValues("Data", "B2", [[1000], [1000], [1000]]);
    host.setSelection("Data", "A1");
    const dec = await actions.writeSummary({ ...base, period: "2026-12" });
    expect(dec.sheet).toBe("GradeKit Summary 2026-12");
    expect(sheetNames(host)).toEqual(expect.arrayContaining(["Data", "GradeKit Summary 2026-11", "GradeKit Summary 2026-12"]));
    expect(host.getValues(nov.sheet, "A1:C9")).toEqual(novValues);
    const decCount = dec.rows.reduce((a, r) => a + r.count, 0);
    expect(decCount).toBe(3);

    // November again: nothing written until the user says yes
    host.setSelection("Data", "A1");
    const ask = await actions.writeSummary({ ...base, period: "2026-11" });
    expect(ask).toMatchObject({ status: "needsConfirmation", sheet: "GradeKit Summary 2026-11", rows: [] });
    expect(host.getValues(nov.sheet, "A1:C9")).toEqual(novValues);
    host.setSelection("Data", "A1");
    const replaced = await actions.writeSummary({ ...base, period: "2026-11", confirmReplace: true });
    expect(replaced.status).toBe("written");
    expect(replaced.rows).toEqual(dec.rows);
    expect(host.getValues(dec.sheet, "A4:C9")).toEqual(host.getValues(nov.sheet, "A4:C9"));
    expect(sheetNames(host).filter((n) => n.startsWith("GradeKit Summary"))).toHaveLength(2);
  });

  test("the working summary (no period) is replaced without asking and leaves period summaries alone", async () => {
    const host = dataHost([600000, 1000]);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(spend);
    const base = { template: spend, mapping: read.match.mapping, table: read.table };
    await actions.writeSummary({ ...base, period: "Q4" });
    const w1 = await actions.writeSummary(base);
    host.setSelection("Data", "A1");
    const w2 = await actions.writeSummary(base);
    expect([w1.status, w2.status]).toEqual(["written", "written"]);
    expect(w2.sheet).toBe("GradeKit Summary");
    expect(sheetNames(host).filter((n) => n.startsWith("GradeKit Summary")).sort()).toEqual(["GradeKit Summary", "GradeKit Summary Q4"]);
  });

  test("period names are made valid sheet names (Chinese, characters Excel refuses, 31 characters)", () => {
    expect(summarySheetName("zh-CN", "2026年11月")).toBe("分级汇总 2026年11月");
    expect(summarySheetName("en", "2026/11")).toBe("GradeKit Summary 2026_11");
    expect(summarySheetName("en", "a very long period name that goes on").length).toBeLessThanOrEqual(31);
    expect(summarySheetName("en", "  ")).toBe("GradeKit Summary");
  });
});

describe("period comparison from the saved history", () => {
  const t = getBuiltinTemplate("need-close-5")!;
  const PERIODS: [string, string, string[]][] = [
    ["2026-10", "2026-10-31", ["A", "B", "B", "C", "E"]],
    ["2026-11", "2026-11-30", ["A", "A", "B", "D", "D", "E"]],
    ["2026-12", "2026-12-31", ["A", "B", "C", "C"]],
  ];

  async function saved(lang: "en" | "zh-CN" = "en") {
    const host = createExcelHost({ sheets: ["Data"] });
    const actions = createWorkbookActions(host.Excel);
    for (const [period, date, grades] of PERIODS) {
      host.setValues("Data", "A1", Array.from({ length: 10 }, () => ["", ""]));
      host.setValues("Data", "A1", [["id", "grade"], ...grades.map((g, i) => [`c${i}`, g])]);
      host.setSelection("Data", "A1");
      const r = await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 1, period, date, lang });
      expect(r.status).toBe("saved");
    }
    return { host, actions };
  }

  test("counts and shares per grade and period, change between the last two, a chart per period", async () => {
    const { host, actions } = await saved();
    // superseded rows are left out: replace November with other grades
    host.setValues("Data", "A1", Array.from({ length: 10 }, () => ["", ""]));
    host.setValues("Data", "A1", [["id", "grade"], ["c0", "A"], ["c1", "A"], ["c2", "B"], ["c3", "D"], ["c4", "D"], ["c5", "D"]]);
    host.setSelection("Data", "A1");
    expect((await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 1, period: "2026-11", date: "2026-11-30", confirmReplace: true })).status).toBe("saved");
    const nov = ["A", "A", "B", "D", "D", "D"];

    const res = await actions.periodTrend({});
    expect(res.sheet).toBe(TREND_SHEETS.en);
    expect(res.periods).toEqual(["2026-10", "2026-11", "2026-12"]);
    const ids = t.grades.map((g) => g.id);
    expect(res.grades).toEqual(ids);
    const lists = [PERIODS[0][2], nov, PERIODS[2][2]];
    const byHand = lists.map((gs) => ids.map((id) => gs.filter((g) => g === id).length));
    expect(res.counts).toEqual(byHand);

    // the sheet: header, one row per grade (label), total, change Nov → Dec
    const G = ids.length;
    const values = host.getValues(res.sheet, `A4:E${4 + G + 1}`);
    expect(values[0]).toEqual(["Grade", "2026-10", "2026-11", "2026-12", "Change 2026-11 → 2026-12"]);
    ids.forEach((id, k) => expect(values[1 + k]).toEqual([t.grades[k].label.en, byHand[0][k], byHand[1][k], byHand[2][k], byHand[2][k] - byHand[1][k]]));
    expect(values[1 + G]).toEqual(["Total", 5, 6, 4, -2]);
    // shares of each period's total, and the change in percentage points
    const shareTop = 4 + G + 2 + 2;
    const shares = host.getValues(res.sheet, `A${shareTop + 1}:E${shareTop + G}`);
    ids.forEach((_, k) => {
      expect(shares[k][1]).toBeCloseTo(byHand[0][k] / 5, 12);
      expect(shares[k][3]).toBeCloseTo(byHand[2][k] / 4, 12);
      expect(shares[k][4]).toBeCloseTo((byHand[2][k] / 4 - byHand[1][k] / 6) * 100, 3);
    });
    expect(host.getCell(res.sheet, `B${shareTop + 1}`).numberFormat).toBe("0.0%");

    // a clustered column chart over the counts: one series per period
    const sheet = host.snapshot().sheets.find((s) => s.name === res.sheet)!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ chartType: "ColumnClustered", seriesBy: "Columns", source: `'${res.sheet}'!$A$4:$D$${4 + G}` });
    expect(res.chart).toBe(sheet.charts[0].name);

    // a chosen pair, and running again replaces the sheet (one trend sheet)
    const two = await actions.periodTrend({ periods: ["2026-10", "2026-12"] });
    expect(two.counts).toEqual([byHand[0], byHand[2]]);
    expect(host.snapshot().sheets.filter((s) => s.name === TREND_SHEETS.en)).toHaveLength(1);
  });

  test("in Chinese, and refusals by name: no history, a period that was never saved", async () => {
    const { actions } = await saved("zh-CN");
    const zh = await actions.periodTrend({ lang: "zh-CN" });
    expect(zh.sheet).toBe("分级趋势");
    await expect(actions.periodTrend({ periods: ["2025-01"] })).rejects.toThrow(ReviewError);
    await expect(actions.periodTrend({ periods: ["2025-01"] })).rejects.toThrow("2025-01");
    const empty = createWorkbookActions(createExcelHost({ sheets: ["Data"] }).Excel);
    await expect(empty.periodTrend({})).rejects.toMatchObject({ code: "noHistory" });
  });
});
