/**
 * The playground's workbooks in Node (no browser): the samples made from samples/*.csv, the host's
 * change event, formulas written through Excel.run (evaluator, spills, #SPILL!, recalculation), and
 * the task pane's adapter grading a sample sheet (colours and the bad-input style as a person sees them).
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelHost } from "../../src/host";
import { gradeCells } from "../../src/functions/core";
import { FnError } from "../../src/functions/errors";
import { FAMILY_SAMPLES, SAMPLE_CSV_NAMES, csvRows, sampleWorkbooks, toEnglish, type SampleCsvs } from "../../src/playground/samples";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { getBuiltinTemplate } from "../../src/templates";

const ROOT = path.join(__dirname, "..", "..");
const CSVS = Object.fromEntries(SAMPLE_CSV_NAMES.map((n) => [n, fs.readFileSync(path.join(ROOT, "samples", `${n}.csv`), "utf8")])) as SampleCsvs;
const [EN, ZH] = sampleWorkbooks(CSVS);

describe("host.onChange (additive, src/host)", () => {
  test("called after every Excel.run, also a failing one; not for seeding; removable", async () => {
    const host = createExcelHost({ sheets: ["S"] });
    let n = 0;
    const off = host.onChange(() => n++);
    host.setValues("S", "A1", [[1]]);
    expect(n).toBe(0);
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A2").values = [[2]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("S").getRange("A3").values = [[3]];
    });
    expect(n).toBe(1);
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A4").values = [[4]];
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toThrow();
    expect(n).toBe(2);
    expect(host.getValues("S", "A1:A4")).toEqual([[1], [2], [3], [4]]); // ops before the failure stay applied
    off();
    await host.Excel.run(async (ctx) => ctx.sync());
    expect(n).toBe(2);
  });
});

describe("samples", () => {
  test("English sheets use the templates' English labels, so the task pane maps every field by itself", () => {
    for (const [i, id] of ["sales-pipeline", "mfq-102a", "pharma-score", "tobacco-retail-code"].entries()) {
      const tpl = getBuiltinTemplate(id)!;
      const header = EN.sheets[i].rows[0];
      for (const f of tpl.fields) expect(header).toContain(f.label.en);
      const zhHeader = ZH.sheets[i].rows[0];
      for (const f of tpl.fields) expect(zhHeader).toContain(f.label.zh);
    }
  });

  test("issue 16's family samples: headers are the template's labels in the workbook's language, yes/no words too", () => {
    for (const { id } of FAMILY_SAMPLES) {
      const tpl = getBuiltinTemplate(id)!;
      const en = EN.sheets.find((s) => s.templateId === id)!;
      const zh = ZH.sheets.find((s) => s.templateId === id)!;
      for (const f of tpl.fields) expect(en.rows[0]).toContain(f.label.en);
      for (const f of tpl.fields) expect(zh.rows[0]).toContain(f.label.zh);
      expect(zh.rows[0][0]).not.toBe("Customer");
      const yesno = tpl.fields.filter((f) => f.type === "yesno").map((f) => en.rows[0].indexOf(f.label.en));
      const cells = (rows: string[][]) => rows.slice(1).flatMap((r) => yesno.map((c) => r[c]));
      expect(cells(en.rows)).not.toContain("是");
      expect(cells(zh.rows)).not.toContain("yes");
      // the same rows in both languages, graded the same
      const inputs = (rows: string[][], lang: "en" | "zh") => rows.slice(1).map((r) => tpl.fields.map((f) => r[rows[0].indexOf(f.label[lang])] ?? ""));
      const show = (c: unknown[][]) => c.map((r) => (r[0] instanceof FnError ? r[0].code : r[0]));
      expect(show(gradeCells("grade", id, inputs(en.rows, "en"), "en"))).toEqual(show(gradeCells("grade", id, inputs(zh.rows, "zh"), "en")));
    }
    expect(FAMILY_SAMPLES.some((f) => getBuiltinTemplate(f.id)!.fields.some((x) => x.type === "yesno"))).toBe(true);
  });

  test("English category and yes/no cells grade exactly like the Chinese originals", () => {
    for (const id of ["pharma-score", "tobacco-retail-code"] as const) {
      const tpl = getBuiltinTemplate(id)!;
      const zh = csvRows(CSVS[id]);
      const en = toEnglish(zh, tpl);
      const inputs = (rows: string[][], lang: "en" | "zh") =>
        rows.slice(1).map((r) => tpl.fields.map((f) => r[rows[0].indexOf(f.label[lang])] ?? ""));
      const show = (cells: unknown[][]) => cells.map((r) => (r[0] instanceof FnError ? r[0].code : r[0]));
      expect(show(gradeCells("grade", id, inputs(en, "en"), "en"))).toEqual(show(gradeCells("grade", id, inputs(zh, "zh"), "en")));
      expect(en.slice(1).map((r) => r[0])).toEqual(zh.slice(1).map((r) => r[0])); // names unchanged
    }
  });
});

describe("PlaygroundWorkbook", () => {
  let wb: PlaygroundWorkbook;
  const FN = "GK functions";
  beforeEach(async () => {
    wb = await PlaygroundWorkbook.create(EN, () => "en");
  });

  test("opens with every sample sheet, the first one active, A1 selected", () => {
    expect(wb.host.sheetNames()).toEqual(EN.sheets.map((s) => s.name));
    expect(wb.host.snapshot().selection).toEqual({ sheet: "Sales pipeline", address: "A1" });
    expect(wb.host.getCell("Tobacco retailers", "B2")).toMatchObject({ value: "440103100001", valueType: "String" });
    expect(wb.host.getCell("Tobacco retailers", "A1").effectiveFill).toBe("#1F4E78");
  });

  test("sample formulas are evaluated and spilled; the anchor keeps its formula, spilled cells hold values", () => {
    expect(wb.host.getFormulas(FN, "C2")[0][0]).toBe('=GK.TIER(B2:B9,{500000,200000,50000},{"A","B","C","D"})');
    expect(wb.host.getValues(FN, "C2:C9").map((r) => r[0])).toEqual(["A", "B", "C", "C", "D", "B", "C", "D"]);
    expect(wb.host.getCell(FN, "C3").formula).toBeNull();
    expect(wb.spillRange(FN, 1, 2)).toBe("C2:C9");
    expect(wb.spillAnchor(FN, 4, 2)).toEqual({ address: "C2", formula: '=GK.TIER(B2:B9,{500000,200000,50000},{"A","B","C","D"})' });
  });

  test("entering values recalculates formulas; a blocked spill is #SPILL! until the cells are cleared", async () => {
    await wb.enter(FN, "B2", "10000");
    expect(wb.host.getValues(FN, "C2")[0][0]).toBe("D");
    await wb.enter(FN, "C5", "in the way");
    expect(wb.host.getCell(FN, "C2")).toMatchObject({ value: "#SPILL!", valueType: "Error" });
    expect(wb.errorMessage(FN, 1, 2)).toMatch(/spill range C2:C9 is not empty/);
    expect(wb.host.getValues(FN, "C3")[0][0]).toBe(""); // the old spill is gone
    await wb.clear(FN, "C5");
    expect(wb.host.getValues(FN, "C2:C3").map((r) => r[0])).toEqual(["D", "B"]);
  });

  test("a formula that cannot be read is refused; errors keep their message", async () => {
    expect(await wb.enter(FN, "H1", '=GK.GRADE("x"')).toMatchObject({ ok: false });
    expect(wb.host.getCell(FN, "H1").value).toBe("");
    expect(await wb.enter(FN, "H1", '=GK.GRADE("nope",B2:C2)')).toEqual({ ok: true });
    expect(wb.host.getCell(FN, "H1")).toMatchObject({ value: "#N/A", valueType: "Error", formula: '=GK.GRADE("nope",B2:C2)' });
    expect(wb.errorMessage(FN, 0, 7)).toMatch(/unknown template 'nope'/);
  });

  test("the task pane's adapter grades a sample sheet: grade colours and the bad-input style render", async () => {
    const tpl = getBuiltinTemplate("sales-pipeline")!;
    wb.host.setSelection("Sales pipeline", "A1:E16");
    const read = await wb.actions.readSelection(tpl);
    const res = await wb.actions.apply({
      template: tpl,
      table: read.table,
      mapping: read.match.mapping,
      outputs: { grade: true, score: false, reason: true },
      targetColumn: 5,
      colour: true,
      lang: "en",
      confirmOverwrite: false,
    });
    expect(res.status).toBe("applied");
    const green = tpl.grades.find((g) => g.id === "A")!.color;
    expect(wb.host.getCell("Sales pipeline", "F2")).toMatchObject({ value: "A", effectiveFill: green });
    // row 12 has "TBD" months: no grade, the reason cell in Excel's light red
    expect(wb.host.getCell("Sales pipeline", "F12").value).toBe("");
    expect(wb.host.getCell("Sales pipeline", "G12")).toMatchObject({ effectiveFill: "#FFC7CE", effectiveFontColor: "#9C0006" });
    expect(wb.host.getCell("Sales pipeline", "G10").effectiveFill).toBeNull(); // "no data" is not bad input
    expect(wb.dataVersion).toBeGreaterThan(0);
  });
});
