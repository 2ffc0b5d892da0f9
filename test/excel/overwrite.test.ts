/**
 * Non-empty target cells: nothing is written without confirmation; with it, the old contents
 * (values, formulas, text that looks like numbers, error constants, number formats, fonts, fills,
 * conditional formats) come back exactly on undo. Also: re-applying, text that Excel would run as
 * a formula, targetColumn, outputs.
 */
import { createWorkbookActions, needsTextGuard, textCell } from "../../src/excel";
import type { ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { oracle, sample, seededHost } from "./helpers";

const pipeline = getBuiltinTemplate("sales-pipeline")!;
const s = sample("sales-pipeline"); // A1:E16, outputs go to F:G
const N = s.rows.length;

function host(): ExcelHost {
  return seededHost([s.headers, ...s.rows]);
}

/** Puts all kinds of content in the target area F1:G16 and a conditional format over F. */
function fillTargets(h: ExcelHost): void {
  h.setCell("Data", "F1", { value: "old header", fill: "#00FF00", font: { bold: true, color: "#0000FF" } });
  h.setValues("Data", "F3", [[42]]);
  h.setFormat("Data", "F3", { numberFormat: "0.00%" });
  h.setFormulas("Data", "F4", [["=B2&\"!\""]]);
  h.setCell("Data", "G5", { value: "123" }); // text that looks like a number
  h.setCell("Data", "G6", { value: "=not a formula" }); // text that starts with "="
  h.setValues("Data", "G7", [["#N/A"]]); // an error constant
  h.setValues("Data", "G8", [[true]]);
  h.setCell("Data", "F9", { value: "keep?", fill: "#FF0000", font: { italic: true } });
  h.setFormat("Data", "G10", { numberFormat: "@" });
  h.setCell("Data", "G10", { value: "0012" });
  h.setCell("Data", "G11", { value: "  padded" });
  h.setValues("Data", "H1", [["outside"]]);
  h.setFormat("Data", "F12:G14", { fill: "#FFFF00", numberFormat: "#,##0" });
  h.setCell("Data", "G16", { value: "last" });
}

async function addOldRule(h: ExcelHost): Promise<void> {
  await h.Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem("Data").getRange("F1:F100").conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = "#123456";
    cf.cellValue.rule = { formula1: "=42", operator: "EqualTo" };
  });
  await h.Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem("Data").getRange("A1:Z100").conditionalFormats.add("PresetCriteria");
    cf.preset.format.fill.color = "#EEEEEE";
    cf.preset.rule = { criterion: "NonBlanks" };
  });
}

describe("non-empty targets", () => {
  test("needsConfirmation writes nothing; confirmOverwrite writes; undo restores every kind of content", async () => {
    const h = host();
    fillTargets(h);
    await addOldRule(h);
    // the old contents touch the table, so the region would include them: select the table
    h.setSelection("Data", "A1:E16");
    const before = h.snapshot();
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(pipeline);
    expect(read.table.address).toBe("Data!A1:E16");

    h.resetStats();
    const ask = await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table });
    expect(ask).toEqual({ status: "needsConfirmation", cellsToReplace: 11, address: "Data!F1:G16" });
    expect(h.snapshot()).toEqual(before);
    expect(h.stats.cellsWritten).toBe(0);
    expect(h.stats.formatOps).toBe(0);
    expect(await actions.canUndo()).toBe(false);

    const res = await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table, confirmOverwrite: true });
    expect(res.status).toBe("applied");
    const expected = oracle(pipeline, read.rows, read.match.mapping);
    const grades = h.getValues("Data", "F2:F16").map((r) => r[0]);
    expect(grades).toEqual(read.rows.map((_, i) => expected.grade(i) ?? ""));
    expect(h.getValues("Data", "H1")).toEqual([["outside"]]);
    // our rules sit above the older ones: grade colours show even over the old NonBlanks rule
    for (let i = 0; i < N; i++) {
      if (expected.status(i) === "graded") expect(h.getCell("Data", `F${i + 2}`).effectiveFill).toBe(expected.row(i).color);
    }
    expect(h.getCell("Data", "F1").font.bold).toBe(true);
    expect(h.getCell("Data", "G1").font.bold).toBe(true);

    await actions.undoLastApply();
    expect(h.snapshot()).toEqual(before);
    expect(h.getFormulas("Data", "F4")).toEqual([['=B2&"!"']]);
    expect(h.getCell("Data", "G5")).toMatchObject({ value: "123", valueType: "String" });
    expect(h.getCell("Data", "G6")).toMatchObject({ value: "=not a formula", formula: null });
    expect(h.getCell("Data", "G7")).toMatchObject({ valueType: "Error" });
    expect(h.getCell("Data", "G10")).toMatchObject({ value: "0012", numberFormat: "@" });
  });

  test("a single non-empty cell below the header is enough to ask", async () => {
    const h = host();
    h.setValues("Data", "G16", [[0]]);
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(pipeline);
    expect(await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table })).toEqual({
      status: "needsConfirmation",
      cellsToReplace: 1,
      address: "Data!F1:G16",
    });
  });

  test("re-applying from the same selection replaces the previous outputs (after confirmation) without piling up rules", async () => {
    const h = host();
    h.setSelection("Data", "C5");
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(pipeline);
    const first = await actions.apply({ template: pipeline, mapping: read.match.mapping });
    expect(first).toMatchObject({ status: "applied", address: "Data!F1:G16" });
    const afterFirst = h.snapshot();
    // the region around C5 now includes F:G; the adapter recognises its own columns
    const again = await actions.readSelection(pipeline);
    expect(again.table.address).toBe("Data!A1:E16");
    const ask = await actions.apply({ template: pipeline, mapping: again.match.mapping });
    expect(ask).toMatchObject({ status: "needsConfirmation", address: "Data!F1:G16", cellsToReplace: 2 * (N + 1) - 2 });
    const second = await actions.apply({ template: pipeline, mapping: again.match.mapping, confirmOverwrite: true });
    expect(second.status).toBe("applied");
    expect(h.snapshot().sheets[0].conditionalFormats).toHaveLength(afterFirst.sheets[0].conditionalFormats.length);
    expect(h.snapshot()).toEqual(afterFirst);
    await actions.undoLastApply();
    expect(h.snapshot()).toEqual(afterFirst); // undo of the second apply = state after the first
  });
});

describe("what is written", () => {
  test("text Excel would read as a formula, number or boolean stays text", async () => {
    expect(["=SUM(A1)", "+1", "-x", "@a", "'q", "12", "1,200", "12%", "TRUE", "false", "#N/A", " a", "Jan 5", "$5"].every(needsTextGuard)).toBe(true);
    expect(["A", "VIP", "Z121", "优质", "C112L", "score 5", "no data", "无数据"].filter(needsTextGuard)).toEqual([]);
    expect(textCell("=x")).toBe("'=x");
    expect(textCell("=x", "@")).toBe("=x");
    // a template whose labels and reasons start with "=", "+", "-", "@" and digits
    const t = {
      ...getBuiltinTemplate("spend-5")!,
      id: "formula-like",
      grades: getBuiltinTemplate("spend-5")!.grades.map((g, i) => ({ ...g, id: ["=VIP", "+P", "-G", "@S", "1"][i], label: { en: ["=VIP", "+P", "-G", "@S", "1"][i], zh: ["=贵宾", "+白金", "-金卡", "@银卡", "1"][i] } })),
    } as typeof pipeline;
    const model = t.model as { kind: "bands"; bands: { grade: string }[]; otherwise?: string };
    const ids = ["=VIP", "+P", "-G", "@S", "1"];
    t.model = { ...model, bands: model.bands.map((b, i) => ({ ...b, grade: ids[i] })), otherwise: model.otherwise ? "1" : undefined } as typeof t.model;
    const h = seededHost([["Annual spend"], [600000], [250000], [120000], [60000], [10]]);
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(t);
    const res = await actions.apply({ template: t, mapping: read.match.mapping });
    expect(res.status).toBe("applied");
    expect(h.getValues("Data", "B2:B6").map((r) => r[0])).toEqual(ids);
    for (let r = 2; r <= 6; r++) expect(h.getCell("Data", `B${r}`).formula).toBeNull();
    expect(h.getCell("Data", "B6").valueType).toBe("String");
    // colours follow the text, quotes and all
    expect(h.getCell("Data", "B2").effectiveFill).toBe(t.grades[0].color);
    expect(h.getCell("Data", "B6").effectiveFill).toBe(t.grades[4].color);
    const zh = createWorkbookActions(h.Excel);
    h.setSelection("Data", "A1");
    await zh.apply({ template: t, mapping: read.match.mapping, lang: "zh-CN", targetColumn: 5, confirmOverwrite: true });
    expect(h.getValues("Data", "F1:F6").map((r) => r[0])).toEqual(["等级", "=贵宾", "+白金", "-金卡", "@银卡", "1"]);
    expect(h.getCell("Data", "F2").effectiveFill).toBe(t.grades[0].color);
  });

  test("targetColumn, outputs and scores; without a header row no header is written", async () => {
    const t = getBuiltinTemplate("multi-factor-5")!;
    const rows = [
      [90, 85, 80, 95, 75],
      [50, 50, 50, 50, 50],
      ["x", 50, 50, 50, 50],
    ];
    const h = seededHost(rows);
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(t);
    expect(read.table).toMatchObject({ hasHeader: false, address: "Data!A1:E3", rowCount: 3, headers: ["A", "B", "C", "D", "E"] });
    expect(read.match.mapping).toEqual({});
    const mapping = { purchaseBehavior: 0, amount: 1, frequency: 2, satisfaction: 3, referral: 4 };
    const res = await actions.apply({ template: t, mapping, table: read.table, targetColumn: 7, outputs: { reason: false } });
    expect(res).toMatchObject({ status: "applied", address: "Data!H1:I3", errors: 1 });
    const out = h.getValues("Data", "H1:I3");
    expect(out[0]).toEqual(["Platinum", 85.25]);
    expect(out[2]).toEqual(["", ""]);
    if (res.status !== "needsConfirmation") expect(res.badRows).toEqual([{ row: 2, address: "Data!A3", reason: expect.stringContaining("'x'") }]);
    // without a reason column the bad-row rule looks at the inputs
    expect(h.getCell("Data", "H3").effectiveFill).toBe("#FFC7CE");
    expect(h.getCell("Data", "H1").effectiveFill).not.toBe("#FFC7CE");
  });

  test("outputs: reason only writes one column and no grade colours", async () => {
    const t = getBuiltinTemplate("spend-5")!;
    const h = seededHost([["年消费额"], [600000], ["abc"]]);
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(t);
    const res = await actions.apply({ template: t, mapping: read.match.mapping, outputs: { grade: false, reason: true }, lang: "zh-CN" });
    expect(res).toMatchObject({ status: "applied", address: "Data!B1:B3" });
    expect(h.getValues("Data", "B1:B1")).toEqual([["原因"]]);
    expect(h.snapshot().sheets[0].conditionalFormats).toEqual([]);
  });

  test("colour: false adds no grade rules", async () => {
    const t = getBuiltinTemplate("spend-5")!;
    const h = seededHost([["Annual spend"], [600000], [1]]);
    const actions = createWorkbookActions(h.Excel);
    const read = await actions.readSelection(t);
    await actions.apply({ template: t, mapping: read.match.mapping, colour: false });
    expect(h.snapshot().sheets[0].conditionalFormats.map((c) => c.type)).toEqual(["Custom"]);
  });
});
