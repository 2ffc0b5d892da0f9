/**
 * The workbook adapter's period review on the in-memory host: saving periods to the history
 * table (asking before replacing; nothing in other periods changes), listing periods, the review
 * sheet (same cells as the engine layout, coloured regions), and the follow-up schedule.
 */
import { createWorkbookActions, HISTORY_TABLE, ReviewError, type WorkbookActions } from "../../src/excel";
import { comparePeriods, reviewSheet, serialOf } from "../../src/engine/review";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";

const t = getBuiltinTemplate("need-close-5")!;
const HIST = "GradeKit History";

/** A data sheet: id, grade, revenue. */
function hostWith(rows: unknown[][]): ExcelHost {
  const host = createExcelHost({ sheets: ["Data", "Other"] });
  host.setValues("Data", "A1", [["id", "grade", "revenue"], ...rows]);
  host.setSelection("Data", "A1");
  return host;
}

/** Replaces the data sheet's rows (clearing the old ones). */
function setData(host: ExcelHost, rows: unknown[][]): void {
  host.setValues("Data", "A1", Array.from({ length: 30 }, () => ["", "", ""]));
  host.setValues("Data", "A1", [["id", "grade", "revenue"], ...rows]);
  host.setSelection("Data", "A1");
}

const JAN = [
  ["c1", "A", 100],
  ["c2", "B", 200],
  ["c3", "C", 300],
  [1004, "D", 400],
  ["c5", "E", 500],
];
const FEB = [
  ["c1", "B", 110],
  ["c2", "A", 220],
  ["c3", "C", 330],
  [1004, "B", 440],
  ["c6", "A", 50],
];

/** Every cell of the history table's data rows, with the formats a person would notice. */
function historyRows(host: ExcelHost): { period: string; cells: unknown[] }[] {
  const snap = host.snapshot();
  const table = snap.sheets.find((s) => s.name === HIST)!.tables.find((x) => x.name === HISTORY_TABLE)!;
  const [, last] = table.range.split(":");
  const lastRow = Number(last.replace(/[A-Z]+/, ""));
  const out: { period: string; cells: unknown[] }[] = [];
  for (let r = 2; r <= lastRow; r++) {
    const cells = "ABCDEFGHI".split("").map((c) => {
      const x = host.getCell(HIST, `${c}${r}`);
      return { value: x.value, numberFormat: x.numberFormat, fill: x.fill, bold: x.font.bold, text: x.text };
    });
    out.push({ period: String(cells[0].value), cells });
  }
  return out;
}

async function save(actions: WorkbookActions, period: string, date: string, extra: object = {}) {
  return actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 1, measureColumn: 2, period, date, ...extra });
}

describe("savePeriod", () => {
  test("creates the history table, appends periods, asks before replacing, replaces only that period", async () => {
    const host = hostWith(JAN);
    const actions = createWorkbookActions(host.Excel);
    const r1 = await save(actions, "2024-01", "2024-01-31");
    expect(r1).toMatchObject({ status: "saved", rowsSaved: 5, replacedRows: 0, sheet: HIST, address: "'GradeKit History'!A2:I6" });
    expect(host.getValues(HIST, "A1:I3")).toEqual([
      ["Period", "Date", "Key", "Grade", "Score", "Template", "Version", "Measure", "Status"],
      ["2024-01", serialOf(2024, 1, 31), "c1", "A", "", "need-close-5", 1, 100, ""],
      ["2024-01", serialOf(2024, 1, 31), "c2", "B", "", "need-close-5", 1, 200, ""],
    ]);
    expect(host.getValues(HIST, "C5")).toEqual([[1004]]);
    expect(host.getCell(HIST, "B2").numberFormat).toBe("yyyy-mm-dd");
    const snap = host.snapshot().sheets.find((s) => s.name === HIST)!;
    expect(snap.tables).toMatchObject([{ name: HISTORY_TABLE, range: "A1:I6", showHeaders: true }]);

    setData(host, FEB);
    const r2 = await save(actions, "2024-02", "2024-02-29");
    expect(r2).toMatchObject({ status: "saved", rowsSaved: 5, address: "'GradeKit History'!A7:I11" });
    expect(host.snapshot().sheets.find((s) => s.name === HIST)!.tables[0].range).toBe("A1:I11");

    // same label again: a confirmation request, nothing written
    setData(host, [["c1", "D", 1], ["c9", "C", 2]]);
    const before = host.snapshot();
    const rowsBefore = historyRows(host);
    const ask = await save(actions, "2024-01", "2024-01-31");
    expect(ask).toEqual({ status: "needsConfirmation", period: "2024-01", existingRows: 5, sheet: HIST });
    expect(host.snapshot()).toEqual(before);

    // confirmed: the earlier 2024-01 rows are superseded (Status only), the new rows appended
    const r3 = await save(actions, "2024-01", "2024-01-31", { confirmReplace: true });
    expect(r3).toMatchObject({ status: "saved", rowsSaved: 2, replacedRows: 5, address: "'GradeKit History'!A12:I13" });
    const rowsAfter = historyRows(host);
    // nothing in other periods changes (deep compare, values and formats)
    expect(rowsAfter.filter((r) => r.period === "2024-02")).toEqual(rowsBefore.filter((r) => r.period === "2024-02"));
    // the replaced period's rows: only the Status cell changed
    const oldJan = rowsBefore.filter((r) => r.period === "2024-01");
    const janNow = rowsAfter.slice(0, 5);
    janNow.forEach((r, i) => {
      expect(r.cells.slice(0, 8)).toEqual(oldJan[i].cells.slice(0, 8));
      expect((r.cells[8] as { value: unknown }).value).toBe("superseded");
    });
    expect(rowsAfter.slice(10).map((r) => (r.cells as { value: unknown }[]).slice(0, 4).map((c) => c.value))).toEqual([
      ["2024-01", serialOf(2024, 1, 31), "c1", "D"],
      ["2024-01", serialOf(2024, 1, 31), "c9", "C"],
    ]);

    // a third save of 2024-01 supersedes only the two current rows (non-contiguous with the first five)
    const again = await save(actions, "2024-01", "2024-01-31");
    expect(again).toMatchObject({ status: "needsConfirmation", existingRows: 2 });
    const keep = historyRows(host).slice(0, 10);
    const r4 = await save(actions, "2024-01", "2024-01-31", { confirmReplace: true });
    expect(r4).toMatchObject({ replacedRows: 2 });
    expect(historyRows(host).slice(0, 10)).toEqual(keep);

    expect(await actions.listPeriods()).toEqual([
      { period: "2024-01", date: "2024-01-31", rows: 2, supersededRows: 7, templateIds: ["need-close-5"] },
      { period: "2024-02", date: "2024-02-29", rows: 5, supersededRows: 0, templateIds: ["need-close-5"] },
    ]);
  });

  test("grades now with a mapping (no grade column), Chinese labels, blank keys skipped, duplicates reported", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    host.setValues("Data", "A1", [
      ["客户", "需求", "预计成交月数"],
      ["k1", "明显", 1],
      ["", "明显", 2],
      ["k3", "潜在", 2],
      ["k3", "无", 9],
    ]);
    host.setSelection("Data", "B2");
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    const r = await actions.savePeriod({ template: t, table: read.table, keyColumn: 0, mapping: read.match.mapping, period: "Q1", date: 45382, lang: "zh-CN" });
    expect(r).toMatchObject({ status: "saved", rowsSaved: 3, skippedNoKey: 1, duplicateKeys: ["k3"], sheet: "分级历史" });
    expect(host.getValues("分级历史", "A1:I4")).toEqual([
      ["期间", "日期", "键", "等级", "得分", "模板", "版本", "度量", "状态"],
      ["Q1", 45382, "k1", "A", "", "need-close-5", 1, "", ""],
      ["Q1", 45382, "k3", "D", "", "need-close-5", 1, "", ""],
      ["Q1", 45382, "k3", "E", "", "need-close-5", 1, "", ""],
    ]);
    // grade column with Chinese labels is read back to ids
    host.setValues("Data", "D1", [["等级"], ["A"], ["B"], ["D"], ["E（死亡客户）"]]);
    const r2 = await actions.savePeriod({ template: t, table: { ...read.table, columnCount: 4, headers: [...read.table.headers, "等级"] }, keyColumn: 0, gradeColumn: 3, period: "Q2", date: "2024-06-30", lang: "en" });
    expect(r2).toMatchObject({ rowsSaved: 3, unknownGrades: 0 });
    expect(host.getValues("分级历史", "D5:D7")).toEqual([["A"], ["D"], ["E"]]);
  });

  test("bad input: no period label, bad date, a sheet named like the history without its table", async () => {
    const host = hostWith(JAN);
    const actions = createWorkbookActions(host.Excel);
    await expect(save(actions, " ", "2024-01-31")).rejects.toMatchObject({ code: "badPeriod" });
    await expect(save(actions, "x", "2023-02-29")).rejects.toBeInstanceOf(ReviewError);
    host.addSheet(HIST);
    host.setValues(HIST, "A1", [["my notes"]]);
    await expect(save(actions, "x", "2024-01-31")).rejects.toMatchObject({ code: "sheetTaken" });
    expect(host.getValues(HIST, "A1")).toEqual([["my notes"]]);
    await expect(actions.listPeriods()).resolves.toEqual([]);
    await expect(actions.comparePeriods({ previous: "a", current: "b" })).rejects.toMatchObject({ code: "noHistory" });
  });
});

describe("comparePeriods (review sheet)", () => {
  test("the sheet holds the engine's layout; regions are coloured; a re-run replaces it", async () => {
    const host = hostWith(JAN);
    const actions = createWorkbookActions(host.Excel);
    await save(actions, "2024-01", "2024-01-31");
    setData(host, FEB);
    await save(actions, "2024-02", "2024-02-29");
    const res = await actions.comparePeriods({ previous: "2024-01", current: "2024-02", measureName: "revenue" });
    expect(res.order).toBe("template"); // need-close-5 found from the history's template id
    expect(res.sheet).toBe("GradeKit Review");
    const c = res.comparison;
    expect(c.upgraded.map((m) => m.key)).toEqual(["c2", "1004"]);
    expect(c.downgraded.map((m) => m.key)).toEqual(["c1"]);
    expect(c.lost.map((m) => m.key)).toEqual(["c5"]);
    expect(c.added.map((m) => m.key)).toEqual(["c6"]);

    // expected cells: the engine's layout of the same comparison
    const want = reviewSheet(
      comparePeriods(
        { keys: JAN.map((r) => r[0]), grades: JAN.map((r) => r[1]), measure: JAN.map((r) => r[2]), rows: [2, 3, 4, 5, 6] },
        { keys: FEB.map((r) => r[0]), grades: FEB.map((r) => r[1]), measure: FEB.map((r) => r[2]), rows: [7, 8, 9, 10, 11] },
        { template: t },
      ),
      { previous: "2024-01", current: "2024-02", template: t, measureName: "revenue" },
    );
    const sheet = host.snapshot().sheets.find((s) => s.name === "GradeKit Review")!;
    expect(sheet.values).toEqual(want.cells);
    const m = want.matrix.row; // header row of the matrix (0-based)
    const cell = (r: number, col: number) => host.getCell("GradeKit Review", `${"ABCDEFGH"[col]}${r + 1}`);
    expect(cell(m + 2, 1).fill).toBe("#C6EFCE"); // B -> A upgrade
    expect(cell(m + 2, 2).fill).toBe("#DDEBF7"); // B -> B
    expect(cell(m + 2, 3).fill).toBe("#FFC7CE"); // B -> C downgrade
    expect(cell(m + 1, 6).fill).toBe("#EDEDED"); // lost
    expect(cell(m + 6, 1).fill).toBe("#FFF2CC"); // new
    expect(cell(m, 0).font.bold).toBe(true);

    host.setValues("GradeKit Review", "Z1", [["junk"]]);
    await actions.comparePeriods({ previous: "2024-01", current: "2024-02", measureName: "revenue" });
    const again = host.snapshot().sheets.find((s) => s.name === "GradeKit Review")!;
    expect(again.values).toEqual(want.cells);
    expect(again.position).toBe(sheet.position);
  });

  test("an unknown period is refused", async () => {
    const host = hostWith(JAN);
    const actions = createWorkbookActions(host.Excel);
    await save(actions, "2024-01", "2024-01-31");
    await expect(actions.comparePeriods({ previous: "2024-01", current: "2099-01" })).rejects.toMatchObject({ code: "periodMissing" });
  });
});

describe("writeFollowUp", () => {
  const rows = [
    ["k1", "A", "2024-02-28"], // next 02-29: overdue (a date typed as text)
    ["k2", "B", serialOf(2024, 2, 26)], // next 03-04
    ["k3", "E", serialOf(2024, 1, 1)], // none
    ["k4", "C", ""], // no date
    ["k5", "D", serialOf(2023, 12, 31)], // next 2024-01-30: overdue
  ];
  const setup = () => {
    const host = createExcelHost({ sheets: ["Data"] });
    host.setValues("Data", "A1", [["id", "level", "last contact"], ...rows]);
    host.setSelection("Data", "A1");
    return host;
  };

  test("next contact dates, overdue flags with a conditional format, re-run in place", async () => {
    const host = setup();
    const actions = createWorkbookActions(host.Excel);
    const res = await actions.writeFollowUp({ template: t, gradeColumn: 1, lastContactColumn: 2, today: "2024-03-01" });
    expect(res).toMatchObject({ status: "written", address: "Data!D1:F6", today: "2024-03-01", scheduled: 3, overdue: 2, noCadence: 1, noDate: 1 });
    expect(host.getValues("Data", "D1:E6")).toEqual([
      ["Next contact", "Overdue"],
      [serialOf(2024, 2, 29), true],
      [serialOf(2024, 3, 4), false],
      ["", ""],
      ["", ""],
      [serialOf(2024, 1, 30), true],
    ]);
    expect(host.getCell("Data", "D2").numberFormat).toBe("yyyy-mm-dd");
    expect(host.getCell("Data", "F2").value).toBe("A: every 1 day; last contact 2024-02-28 → next 2024-02-29 (overdue by 1 day)");
    expect(host.getCell("Data", "E2").effectiveFill).toBe("#FFC7CE");
    expect(host.getCell("Data", "E3").effectiveFill).toBeNull();
    const cfs = () => host.snapshot().sheets[0].conditionalFormats.length;
    expect(cfs()).toBe(1);

    // re-run with another today: same columns, no second rule, no confirmation needed
    const again = await actions.writeFollowUp({ template: t, gradeColumn: 1, lastContactColumn: 2, today: "2024-03-05" });
    expect(again).toMatchObject({ status: "written", address: "Data!D1:F6", overdue: 3 });
    expect(cfs()).toBe(1);
  });

  test("asks before replacing other content; zh headers", async () => {
    const host = setup();
    host.setValues("Data", "E4", [["note"]]);
    const actions = createWorkbookActions(host.Excel);
    // "note" sits where the follow-up columns go (D:F, after the last header)
    const ask = await actions.writeFollowUp({ template: t, gradeColumn: 1, lastContactColumn: 2, today: "2024-03-01", lang: "zh-CN" });
    expect(ask).toEqual({ status: "needsConfirmation", cellsToReplace: 1, address: "Data!D1:F6" });
    const ok = await actions.writeFollowUp({ template: t, gradeColumn: 1, lastContactColumn: 2, today: "2024-03-01", lang: "zh-CN", confirmOverwrite: true });
    expect(ok.status).toBe("written");
    expect(host.getValues("Data", "D1:F1")).toEqual([["下次联系", "是否逾期", "跟进说明"]]);
  });
});
