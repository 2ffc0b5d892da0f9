/**
 * writeSummary: counts, shares and measure sums (computed here independently from the engine's
 * grades), the group × grade cross-tab, the chart record, and re-running replacing only the
 * summary sheet.
 */
import { createWorkbookActions, type SummaryResult } from "../../src/excel";
import { isBlank, parseNumber, type Lang } from "../../src/engine";
import type { ExcelHost } from "../../src/host";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";
import { oracle, sample, seededHost } from "./helpers";

function withoutSheet(snapshot: ReturnType<ExcelHost["snapshot"]>, name: string) {
  return { ...snapshot, activeSheet: null, selection: null, sheets: snapshot.sheets.filter((s) => s.name !== name) };
}

const cases = [
  { id: "weighted-value", measure: "订单金额", group: "区域", lang: "en" as Lang },
  { id: "auto-base-3", measure: "fleet", group: "region", lang: "zh-CN" as Lang },
  { id: "spend-5", measure: "年消费额", group: "开卡门店", lang: "en" as Lang },
  { id: "sales-pipeline", measure: "预计月度成交金额", group: undefined, lang: "zh-CN" as Lang },
];

describe.each(cases)("summary of $id (measure $measure, group $group, $lang)", ({ id, measure, group, lang }) => {
  const t = getBuiltinTemplate(id)!;
  const s = sample(id);

  test("counts, shares, measure sums, cross-tab, chart; re-running replaces only the summary sheet", async () => {
    const host = seededHost([s.headers, ...s.rows]);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    const measureColumn = s.headers.indexOf(measure);
    const groupColumn = group === undefined ? undefined : s.headers.indexOf(group);
    expect(measureColumn).toBeGreaterThanOrEqual(0);
    const before = host.snapshot();
    const res = await actions.writeSummary({ template: t, mapping: read.match.mapping, measureColumn, groupColumn, lang, table: read.table });
    const sheetName = lang === "zh-CN" ? "分级汇总" : "GradeKit Summary";
    expect(res.sheet).toBe(sheetName);

    // independent computation
    const r = oracle(t, read.rows, read.match.mapping);
    const grades = r.compiled.grades;
    const num = (v: unknown) => {
      if (isBlank(v)) return 0;
      const p = parseNumber(v);
      return p.ok ? p.value : 0;
    };
    const withData = read.rows.map((_, i) => i).filter((i) => r.status(i) !== "empty");
    const total = withData.length;
    const mTotal = withData.reduce((a, i) => a + num(read.rows[i][measureColumn]), 0);
    const want = grades.map((g) => {
      const rows = withData.filter((i) => r.grade(i) === g.id);
      const m = rows.reduce((a, i) => a + num(read.rows[i][measureColumn]), 0);
      return { grade: g.id, label: lang === "zh-CN" ? g.label.zh : g.id, count: rows.length, share: rows.length / total, measure: m, measureShare: m / mTotal };
    });
    expect(res.rows.map((x) => ({ ...x, share: round(x.share), measureShare: round(x.measureShare!) }))).toEqual(
      want.map((x) => ({ ...x, share: round(x.share), measureShare: round(x.measureShare) })),
    );
    const errors = withData.filter((i) => r.status(i) === "error").length;
    expect(res).toMatchObject({ total, errors, empty: read.rows.length - total, measureTotal: mTotal });
    expect(res.rows.reduce((a, x) => a + x.count, 0) + errors).toBe(total);

    // the sheet: rows 4.. hold the table; the chart plots labels and counts
    const snap = host.snapshot();
    const sheet = snap.sheets.find((x) => x.name === sheetName)!;
    const G = grades.length;
    const table = sheet.values.slice(3, 3 + G + 4).map((row) => row.slice(0, 5));
    expect(table[0]).toEqual(lang === "zh-CN" ? ["等级", "数量", "占比", `${measure}合计`, `${measure}占比`] : ["Grade", "Count", "Share", `Sum of ${measure}`, `Share of ${measure}`]);
    want.forEach((w, k) => expect(table[1 + k]).toEqual([w.label, w.count, w.share, w.measure, w.measureShare]));
    expect(table[G + 3][1]).toBe(total);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ chartType: "ColumnClustered", source: `${sheetName.includes(" ") ? `'${sheetName}'` : sheetName}!$A$4:$B$${4 + G}`, seriesBy: "Columns" });
    expect(res.chart).toBe(sheet.charts[0].name);

    // cross-tab
    if (groupColumn !== undefined) {
      const ct = res.crossTab!;
      const names: string[] = [];
      for (const i of withData) {
        const v = read.rows[i][groupColumn];
        const name = isBlank(v) ? (lang === "zh-CN" ? "（空）" : "(blank)") : String(v).trim();
        if (!names.includes(name)) names.push(name);
      }
      expect(ct.groups).toEqual(names);
      const key = (i: number) => {
        const v = read.rows[i][groupColumn];
        return isBlank(v) ? (lang === "zh-CN" ? "（空）" : "(blank)") : String(v).trim();
      };
      names.forEach((name, gi) => {
        grades.forEach((g, k) => expect(ct.counts[gi][k]).toBe(withData.filter((i) => key(i) === name && r.grade(i) === g.id).length));
        expect(ct.errors[gi]).toBe(withData.filter((i) => key(i) === name && r.status(i) === "error").length);
      });
      // and the same numbers on the sheet
      const top = 3 + G + 4 + 2; // title row of the cross-tab (0-based)
      expect(sheet.values[top + 1][0]).toBe(group);
      names.forEach((name, gi) => expect(sheet.values[top + 2 + gi].slice(0, G + 3)).toEqual([name, ...ct.counts[gi], ct.errors[gi], ct.counts[gi].reduce((a, b) => a + b, 0) + ct.errors[gi]]));
    } else {
      expect(res.crossTab).toBeUndefined();
    }

    // the data sheet and the other sheet are untouched
    expect(withoutSheet(snap, sheetName)).toEqual(withoutSheet(before, sheetName));
    expect(snap.activeSheet).toBe(sheetName);

    // re-running (selection now on the summary sheet) replaces only the summary sheet
    host.setSelection("Data", "A1");
    host.setSelection(sheetName, "B7");
    const again: SummaryResult = await actions.writeSummary({ template: t, mapping: read.match.mapping, measureColumn, groupColumn, lang });
    expect(again.rows).toEqual(res.rows);
    const snap2 = host.snapshot();
    expect(snap2.sheets.map((x) => x.name)).toEqual(snap.sheets.map((x) => x.name));
    const s2 = snap2.sheets.find((x) => x.name === sheetName)!;
    expect(s2.values).toEqual(sheet.values);
    expect(s2.formats).toEqual(sheet.formats);
    expect(s2.charts.map(({ id, name, ...rest }) => rest)).toEqual(sheet.charts.map(({ id, name, ...rest }) => rest));
    expect(withoutSheet(snap2, sheetName)).toEqual(withoutSheet(before, sheetName));
  });
});

test("measures that are not numbers count as 0; no measure, no group", async () => {
  const t = getBuiltinTemplate("spend-5")!;
  const host = seededHost([
    ["Annual spend", "Revenue"],
    [600000, "10万"],
    [1000, "n/a"],
    ["", ""],
    ["bad", 5],
  ]);
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(t);
  const res = await actions.writeSummary({ template: t, mapping: read.match.mapping, measureColumn: 1 });
  expect(res.total).toBe(3);
  expect(res.errors).toBe(1);
  expect(res.empty).toBe(1);
  expect(res.measureTotal).toBe(100005);
  expect(res.rows.find((x) => x.grade === "VIP")).toMatchObject({ count: 1, measure: 100000 });
  const plain = await actions.writeSummary({ template: t, mapping: read.match.mapping, table: read.table });
  expect(plain.rows.every((x) => x.measure === undefined)).toBe(true);
  expect(host.sheetNames()).toEqual(["Data", "Other", "GradeKit Summary"]);
});

test("every built-in template can be summarised", async () => {
  for (const t of BUILTIN_TEMPLATES) {
    const s = sample(t.id);
    const host = seededHost([s.headers, ...s.rows]);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    const res = await actions.writeSummary({ template: t, mapping: read.match.mapping, groupColumn: 0, lang: "zh-CN" });
    const r = oracle(t, read.rows, read.match.mapping);
    const counts = r.counts();
    expect(res.rows.map((x) => [x.grade, x.label, x.count])).toEqual(counts.grades.map((c) => [c.grade.id, c.grade.label.zh, c.count]));
    expect([res.errors, res.empty]).toEqual([counts.errors, counts.empty]);
    expect(res.rows.reduce((a, x) => a + x.count, 0) + res.errors!).toBe(res.total);
    // every data row with data has its own group (column 0 holds names): one row per group
    expect(res.crossTab!.counts.map((c, i) => c.reduce((a, b) => a + b, 0) + res.crossTab!.errors[i]).reduce((a, b) => a + b, 0)).toBe(res.total);
    expect(host.sheetNames()).toEqual(["Data", "Other", "分级汇总"]);
  }
});

function round(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}
