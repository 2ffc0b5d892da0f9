import { createExcelHost } from "../../src/host";

function seededHost() {
  const host = createExcelHost({ sheets: ["Data", "Report"] });
  host.setValues("Data", "A1", [
    ["Customer", "Revenue", "Grade"],
    ["Acme", 1200, "A"],
    ["Beta", 300, "C"],
  ]);
  host.setCell("Data", "D2", { formula: "=B2*2", value: 2400, numberFormat: "#,##0", fill: "#FFF2CC", font: { bold: true } });
  host.setSetting("gradekit.version", 1);
  return host;
}

describe("snapshot", () => {
  test("is JSON-comparable and unchanged by read-only work", async () => {
    const host = seededHost();
    await host.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Data").getRange("C2:C3").conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      cf.cellValue.rule = { operator: "EqualTo", formula1: '="A"' };
      cf.cellValue.format.fill.color = "#C6EFCE";
      context.workbook.customXmlParts.add('<cfg xmlns="urn:gk"/>');
      await context.sync();
    });
    const before = host.snapshot();
    expect(JSON.parse(JSON.stringify(before))).toEqual(before);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getUsedRange().load("values, formulas, numberFormat, address, text, valueTypes");
      sheet.getRange("C2:C3").conditionalFormats.load("items/type");
      sheet.getRange("A1").getSurroundingRegion().load("address");
      context.workbook.settings.load("items/value");
      await context.sync();
    });
    expect(host.snapshot()).toEqual(before);
  });

  test("captures cells, formulas, formats, conditional formats, settings and custom XML", async () => {
    const host = seededHost();
    const snap = host.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Data", "Report"]);
    const data = snap.sheets[0];
    expect(data.usedRange).toBe("A1:D3");
    expect(data.values).toEqual([
      ["Customer", "Revenue", "Grade", ""],
      ["Acme", 1200, "A", 2400],
      ["Beta", 300, "C", ""],
    ]);
    expect(data.formulas).toEqual({ D2: "=B2*2" });
    expect(data.formats).toEqual([{ range: "D2", format: { numberFormat: "#,##0", fill: "#FFF2CC", bold: true } }]);
    expect(snap.sheets[1]).toMatchObject({ name: "Report", usedRange: null, values: [], formats: [] });
    expect(snap.settings).toEqual({ "gradekit.version": 1 });
    expect(snap.activeSheet).toBe("Data");
  });

  test("detects a change made by an operation, and the snapshot is a deep copy", async () => {
    const host = seededHost();
    const before = host.snapshot();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("C3").format.fill.color = "#FFC7CE";
    });
    const after = host.snapshot();
    expect(after).not.toEqual(before);
    expect(after.sheets[0].formats).toContainEqual({ range: "C3", format: { fill: "#FFC7CE" } });
    expect(before.sheets[0].formats).not.toContainEqual({ range: "C3", format: { fill: "#FFC7CE" } });
    after.sheets[0].values[0][0] = "mutated";
    expect(host.getCell("Data", "A1").value).toBe("Customer");
  });

  test("formats are reported as runs, merged across columns", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["a", "b", "c"]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").format.font.bold = true;
      sheet.getRange("B2:B1000").format.fill.color = "#DDEBF7";
      sheet.getRange("E:E").numberFormat = [["0.00"]];
    });
    const s = host.snapshot().sheets[0];
    expect(s.formats).toEqual([
      { range: "A1:C1", format: { bold: true } },
      { range: "B2:B1000", format: { fill: "#DDEBF7" } },
    ]);
    expect(s.columnFormats).toEqual({ E: { numberFormat: "0.00" } });
  });
});
