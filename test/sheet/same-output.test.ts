/**
 * The compare sheet (src/excel/review.ts) and the summary sheet (src/excel/summary.ts) as the
 * sheet model's builders (engine `reviewLayout`, reports `summaryLayout`) plus the Office.js
 * drawer (src/excel/draw) write them: the same sheet, cell for cell and format for format, on the
 * in-memory host as the adapter's own writers do today. This is the check the switch of those two
 * writers to the drawer must keep passing.
 */
import { compileTemplate, gradeTable, type Lang, type Template } from "../../src/engine";
import { reviewLayout, reviewSheet } from "../../src/engine/review";
import { createWorkbookActions } from "../../src/excel";
import { drawSheet, replacingSheet } from "../../src/excel/draw";
import { summarize } from "../../src/excel/summary";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { summaryLayout } from "../../src/reports/summary";
import type { SheetLayout } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";
import { sample, seededHost } from "../excel/helpers";

/** Draws a layout as the adapter's writers do: replacing a sheet of the same name at its position. */
async function drawReplacing(host: ExcelHost, layout: SheetLayout): Promise<string[]> {
  return host.Excel.run(async (context) => {
    const wb = context.workbook;
    const old = wb.worksheets.getItemOrNullObject(layout.sheetName);
    old.load("position");
    await context.sync();
    const { charts } = await drawSheet(context, layout, { sheet: replacingSheet(wb, old, layout.sheetName) });
    return charts.map((c) => c.name);
  });
}

/** A sheet of the snapshot without the ids the host hands out. */
function sheetOf(host: ExcelHost, name: string) {
  const snap = host.snapshot();
  const s = snap.sheets.find((x) => x.name === name)!;
  const { id: _id, ...rest } = s;
  void _id;
  return { ...rest, charts: s.charts.map(({ id: _c, ...c }) => (void _c, c)), conditionalFormats: s.conditionalFormats.map(({ id: _f, ...c }) => (void _f, c)), active: snap.activeSheet === name };
}

describe("compare sheet: reviewLayout + drawSheet = comparePeriodsSheet", () => {
  const t = getBuiltinTemplate("need-close-5")!;
  const JAN = [
    ["c1", "A", 100],
    ["c2", "B", 200],
    ["c3", "C", 300],
    [1004, "D", 400],
    ["c5", "E", 500],
    ["c5", "A", 5],
    ["c9", "Q", 7],
  ];
  const FEB = [
    ["c1", "B", 110],
    ["c2", "A", 220],
    ["c3", "C", 330],
    [1004, "B", "n/a"],
    ["c6", "A", 50],
    ["", "B", 1],
  ];
  async function withHistory(): Promise<ExcelHost> {
    const host = createExcelHost({ sheets: ["Data", "Other"] });
    const actions = createWorkbookActions(host.Excel);
    const put = (rows: unknown[][]) => {
      host.setValues("Data", "A1", Array.from({ length: 30 }, () => ["", "", ""]));
      host.setValues("Data", "A1", [["id", "grade", "revenue"], ...rows]);
      host.setSelection("Data", "A1");
    };
    put(JAN);
    await actions.savePeriod!({ template: t, keyColumn: 0, gradeColumn: 1, measureColumn: 2, period: "2024-01", date: "2024-01-31" });
    put(FEB);
    await actions.savePeriod!({ template: t, keyColumn: 0, gradeColumn: 1, measureColumn: 2, period: "2024-02", date: "2024-02-29" });
    return host;
  }

  test.each([
    { lang: "en" as Lang, measureName: "revenue", template: t as Template | undefined },
    { lang: "zh-CN" as Lang, measureName: undefined, template: t },
    { lang: "en" as Lang, measureName: undefined, template: undefined },
  ])("$lang, measure $measureName, template $template.id; a re-run replaces the sheet at its place", async ({ lang, measureName, template }) => {
    const adapter = await withHistory();
    const drawn = await withHistory();
    const actions = createWorkbookActions(adapter.Excel);
    const options = { previous: "2024-01", current: "2024-02", lang, measureName, template };
    const res = await actions.comparePeriods!(options);
    // the adapter picks need-close-5 from the history when no template is given
    const used = template ?? (res.order === "template" ? t : undefined);
    const layout = reviewLayout(reviewSheet(res.comparison, { lang, previous: options.previous, current: options.current, template: used, measureName }));
    expect(layout.sheetName).toBe(res.sheet);
    await drawReplacing(drawn, layout);
    expect(sheetOf(drawn, res.sheet)).toEqual(sheetOf(adapter, res.sheet));
    expect(sheetOf(drawn, res.sheet).formats.length).toBeGreaterThan(3);

    // re-run after moving the review sheet first: replaced in place
    for (const host of [adapter, drawn]) {
      await host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(res.sheet).position = 0;
        context.workbook.worksheets.getItem("Data").activate();
      });
    }
    await actions.comparePeriods!(options);
    await drawReplacing(drawn, layout);
    expect(sheetOf(drawn, res.sheet)).toEqual(sheetOf(adapter, res.sheet));
    expect(sheetOf(drawn, res.sheet).position).toBe(0);
    expect(drawn.sheetNames()).toEqual(adapter.sheetNames());
  });
});

describe("summary sheet: summaryLayout + drawSheet = writeSummary", () => {
  const cases = [
    { id: "weighted-value", measure: "订单金额", group: "区域", lang: "en" as Lang },
    { id: "auto-base-3", measure: "fleet", group: "region", lang: "zh-CN" as Lang },
    { id: "spend-5", measure: undefined, group: "开卡门店", lang: "en" as Lang },
    { id: "sales-pipeline", measure: "预计月度成交金额", group: undefined, lang: "zh-CN" as Lang },
  ];

  test.each(cases)("$id (measure $measure, group $group, $lang)", async ({ id, measure, group, lang }) => {
    const t = getBuiltinTemplate(id)!;
    const s = sample(id);
    const adapter = seededHost([s.headers, ...s.rows]);
    const drawn = seededHost([s.headers, ...s.rows]);
    const actions = createWorkbookActions(adapter.Excel);
    const read = await actions.readSelection(t);
    const measureColumn = measure === undefined ? undefined : s.headers.indexOf(measure);
    const groupColumn = group === undefined ? undefined : s.headers.indexOf(group);
    const res = await actions.writeSummary({ template: t, mapping: read.match.mapping, measureColumn, groupColumn, lang, table: read.table });

    // the same numbers, laid out by the report builder and drawn by the drawer
    const columns: Record<string, unknown[]> = {};
    for (const [f, c] of Object.entries(read.match.mapping)) columns[f] = read.rows.map((r) => r[c]);
    const result = gradeTable(compileTemplate(t), { columns, rowCount: read.rows.length });
    const header = (c: number) => read.table.headers[c];
    const data = summarize(
      result,
      lang,
      measureColumn !== undefined ? { values: read.rows.map((r) => r[measureColumn]) } : undefined,
      groupColumn !== undefined ? { header: header(groupColumn), values: read.rows.map((r) => r[groupColumn]) } : undefined,
    );
    const layout = summaryLayout(data, {
      lang,
      templateName: lang === "zh-CN" ? t.name.zh || t.name.en : t.name.en,
      source: { address: read.table.address, rows: read.table.rowCount },
      measureName: measureColumn !== undefined ? header(measureColumn) : undefined,
    });
    expect(layout.sheetName).toBe(res.sheet);
    const charts = await drawReplacing(drawn, layout);
    expect(charts).toEqual([res.chart]);
    expect(sheetOf(drawn, res.sheet)).toEqual(sheetOf(adapter, res.sheet));
    expect(sheetOf(drawn, res.sheet).charts).toHaveLength(1);
  });
});
