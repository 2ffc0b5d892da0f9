/**
 * The month-end supply review through the add-in adapter (`WorkbookActions.supplyReview`) on the
 * in-memory host: every case of the table (one sheet per month, the table starting wherever the
 * user put it), the review sheet equal to the layout the CLI writes, bad cells named by sheet row,
 * parameters and their checker, and refusals by name (no month, a missing sheet, a missing column).
 */
import { createWorkbookActions, ReviewError } from "../../src/excel";
import { reviewSupply, supplyParams, type SupplyMonth } from "../../src/engine/analysis";
import { tr } from "../../src/engine";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { supplyReviewLayout } from "../../src/reports/supply-review";
import { CASES, monthsOf } from "./supply-cases";

const HEAD = ["id", "购进量", "守法等级", "供量档位", "受到行政处罚", "升档申请"];

/** One sheet per month (M1, M2, …); the table's top-left cell at `at` (e.g. "B3"). */
function hostOf(months: SupplyMonth[], at = "A1"): ExcelHost {
  const host = createExcelHost({ sheets: ["Data", ...months.map((m) => m.name)] });
  for (const m of months) {
    const rows = m.rows.map((r) => [r.key, r.purchaseQty, r.lawGrade, r.tier, r.penalized, r.upgradeApproved].map((v) => (v === undefined || v === null ? "" : v)));
    host.setValues(m.name, at, [HEAD, ...rows]);
  }
  host.setSelection("Data", "A1");
  return host;
}

describe("every case through the adapter", () => {
  it.each(CASES.map((c, i) => ({ ...c, i })))("$name", async (c) => {
    const months = monthsOf({ r1: c.cells, other: c.cells.map(() => "30 A") });
    const host = hostOf(months, c.i % 2 ? "C4" : "A1");
    const actions = createWorkbookActions(host.Excel);
    const { holidays, ...rest } = c.params ?? {};
    const holidayNext = holidays?.includes(months.length + 1) ?? false;
    const res = await actions.supplyReview({ months: months.map((m) => ({ sheet: m.name })), key: "id", params: rest, holidayNext });
    const r1 = res.results.find((r) => r.key === "r1")!;
    expect([r1.oldTier, r1.newTier, r1.change, r1.ceiling]).toEqual([c.old, c.next, c.next - c.old, c.ceiling]);
    for (const w of c.en ?? []) expect(r1.reason).toContain(w);
    expect(res.results.find((r) => r.key === "other")).toBeDefined();
    expect(res.month).toBe(months[months.length - 1].name);

    // the review sheet is the layout the CLI draws, cell for cell
    const p = { ...supplyParams(rest), holidays: holidayNext ? [...supplyParams(rest).holidays, months.length + 1] : supplyParams(rest).holidays };
    const layout = supplyReviewLayout(reviewSupply(months, p).last, { lang: "en", months: months.map((m) => m.name), params: p });
    expect(res.sheet).toBe(layout.sheetName);
    for (const cell of layout.blocks.flatMap((b) => b.values.flatMap((row, i) => row.map((v, j) => ({ r: b.row + i, c: b.col + j, v }))))) {
      if (cell.v === "" || cell.v === null) continue;
      expect(host.getValues(res.sheet, `${String.fromCharCode(65 + cell.c)}${cell.r + 1}`)[0][0]).toEqual(cell.v);
    }

    // in Chinese: the same numbers, the reason names step 6
    const zh = await actions.supplyReview({ months: months.map((m) => ({ sheet: m.name })), key: "id", params: rest, holidayNext, lang: "zh-CN" });
    const z1 = zh.results.find((r) => r.key === "r1")!;
    expect([z1.oldTier, z1.newTier, z1.ceiling]).toEqual([c.old, c.next, c.ceiling]);
    for (const w of c.zh ?? []) expect(z1.reason).toContain(w);
    expect(z1.reason).toContain("第6步");
  });
});

describe("sheets, names, bad cells and refusals", () => {
  const months = monthsOf({ r1: ["30 A", { purchaseQty: "abc", lawGrade: "A" }, "30 A"], r2: ["30 A", "30 A", "30 A"] });

  test("month names the user chose; a bad cell is named by its sheet row; counts and the chart", async () => {
    const host = hostOf(months, "B3");
    const actions = createWorkbookActions(host.Excel);
    const res = await actions.supplyReview({ months: months.map((m, i) => ({ sheet: m.name, name: `2026-0${i + 1}` })), key: "id" });
    expect(res.month).toBe("2026-03");
    const r1 = res.results.find((r) => r.key === "r1")!;
    expect(r1.status).toBe("bad");
    // the table starts at B3: header row 3, r1 is on row 4
    expect(r1.reason).toContain("2026-02, row 4");
    expect(r1.reason).toContain("purchaseQty: 'abc' is not a number");
    expect(res.counts).toEqual({ up: 0, down: 0, same: 1, new: 0, lost: 0, bad: 1 });
    expect(res.chart).not.toBe("");
    expect(host.snapshot().sheets.find((s) => s.name === res.sheet)!.charts).toHaveLength(1);
    // an engine review of the same months gives the same results
    const engine = reviewSupply(
      months.map((m, i) => ({ name: `2026-0${i + 1}`, rows: m.rows.map((r) => ({ ...r, row: (r.row ?? 0) + 2 })) })),
      supplyParams({}),
    );
    expect(res.results.map((r) => [r.key, r.status, r.newTier, r.ceiling, r.reason])).toEqual(
      engine.last.map((r) => [r.key, r.status, r.newTier, r.ceiling, tr(r.reason, "en")]),
    );
    // running again replaces the review sheet (one of it)
    await actions.supplyReview({ months: months.map((m) => ({ sheet: m.name })), key: "id" });
    expect(host.snapshot().sheets.filter((s) => s.name === res.sheet)).toHaveLength(1);
  });

  test("refused by name: no month, a sheet that is not there, a missing column, a holiday share above 30%", async () => {
    const host = hostOf(months);
    const actions = createWorkbookActions(host.Excel);
    await expect(actions.supplyReview({ months: [], key: "id" })).rejects.toMatchObject({ code: "noMonths" });
    await expect(actions.supplyReview({ months: [{ sheet: "M1" }, { sheet: "March" }], key: "id" })).rejects.toThrow(
      "The month sheet 'March' does not exist.",
    );
    await expect(actions.supplyReview({ months: [{ sheet: "M1" }], key: "retailer" })).rejects.toThrow(ReviewError);
    await expect(actions.supplyReview({ months: [{ sheet: "M1" }], key: "retailer" })).rejects.toThrow("M1: 'retailer'");
    host.setValues("M2", "C1", [["x"]]); // 守法等级 header gone in M2
    await expect(actions.supplyReview({ months: [{ sheet: "M1" }, { sheet: "M2" }], key: "id" })).rejects.toThrow("M2: 'lawGrade'");
    await expect(actions.supplyReview({ months: [{ sheet: "M1" }], key: "id", params: { holidayShare: 0.35 } })).rejects.toThrow("0.35");
    expect(host.sheetNames()).not.toContain("Supply review");
  });

  test("counts: each retailer in one class — raised, lowered, same, new (under 3 months), no row this month, bad", async () => {
    const ms = monthsOf({
      up: ["99 B t4", "100 A", "99 B"],
      down: ["10 A t5", "20 A", "30 A"],
      same: ["30 A", "30 A", "30 A"],
      fresh: [null, null, "30 A"],
      gone: ["30 A", "30 A", null],
      bad: ["30 A", { purchaseQty: "x", lawGrade: "A" }, "30 A"],
    });
    const host = hostOf(ms);
    const res = await createWorkbookActions(host.Excel).supplyReview({ months: ms.map((m) => ({ sheet: m.name })), key: "id" });
    expect(res.counts).toEqual({ up: 1, down: 1, same: 1, new: 1, lost: 1, bad: 1 });
    // the sheet's counts block and its chart over all six classes
    const sheet = host.snapshot().sheets.find((x) => x.name === res.sheet)!;
    expect(host.getValues(res.sheet, "H6:I12")).toEqual([
      ["Result", "Retailers"],
      ["raised", 1],
      ["lowered", 1],
      ["same", 1],
      ["new (under 3 months)", 1],
      ["no row this month", 1],
      ["bad input", 1],
    ]);
    expect(sheet.charts[0].source).toBe("'Supply review'!$H$6:$I$12");
  });

  test("listSheets gives the tab order", async () => {
    const host = hostOf(months);
    expect(await createWorkbookActions(host.Excel).listSheets()).toEqual(["Data", "M1", "M2", "M3"]);
  });
});
