import { createExcelHost } from "../../src/host";

describe("worksheets", () => {
  test("add, getItem, items, position, rename, visibility, activate, delete", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Grades");
      added.load("name, position, visibility, id");
      const unnamed = sheets.add().load("name");
      await context.sync();
      expect([added.name, added.position, added.visibility]).toEqual(["Grades", 1, "Visible"]);
      expect(unnamed.name).toBe("Sheet3");
      added.activate();
      added.position = 0;
      unnamed.name = "Notes";
      unnamed.visibility = host.Excel.SheetVisibility.hidden;
      sheets.load("items/name, items/position, items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ["Grades", 0, "Visible"],
        ["Sheet1", 1, "Visible"],
        ["Notes", 2, "Hidden"],
      ]);
      const active = sheets.getActiveWorksheet().load("name");
      const byId = sheets.getItem(added.id).load("name");
      const first = sheets.getFirst().load("name");
      const lastVisible = sheets.getLast(true).load("name");
      const next = sheets.getItem("Grades").getNext().load("name");
      await context.sync();
      expect([active.name, byId.name, first.name, lastVisible.name, next.name]).toEqual(["Grades", "Grades", "Grades", "Sheet1", "Sheet1"]);
      sheets.getItem("Notes").delete();
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Grades", "Sheet1"]);
  });

  test("errors: duplicate names, invalid names, deleting the last sheet", async () => {
    const host = createExcelHost();
    const attempt = (fn: (ws: Excel.WorksheetCollection) => void) =>
      host.Excel.run(async (context) => {
        fn(context.workbook.worksheets);
        await context.sync();
      });
    await expect(attempt((ws) => ws.add("sheet1"))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(attempt((ws) => ws.add("bad/name"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ws) => ws.add("x".repeat(32)))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ws) => ws.getItem("Sheet1").delete())).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(attempt((ws) => (ws.getItem("Sheet1").visibility = "Hidden"))).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("freeze panes", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const none = sheet.freezePanes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      sheet.freezePanes.freezeRows(1);
      const loc = sheet.freezePanes.getLocation().load("address");
      await context.sync();
      expect(loc.address).toBe("Sheet1!1:1");
      sheet.freezePanes.freezeAt("A1:B2");
      await context.sync();
    });
    expect(host.snapshot().sheets[0].freeze).toEqual({ rows: 2, cols: 2 });
  });
});

describe("settings and custom XML parts", () => {
  test("settings round trip (values are JSON copies)", async () => {
    const host = createExcelHost();
    const config = { version: 2, tiers: [{ name: "A", min: 90 }], enabled: true };
    await host.Excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add("gradekit.config", config);
      settings.add("gradekit.count", 3);
      await context.sync();
      config.version = 99; // not shared with the stored copy
      const missing = settings.getItemOrNullObject("nope");
      const got = settings.getItem("gradekit.config").load("value, key");
      const count = settings.getCount();
      settings.load("items/key");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(got.key).toBe("gradekit.config");
      expect(got.value).toEqual({ version: 2, tiers: [{ name: "A", min: 90 }], enabled: true });
      expect(count.value).toBe(2);
      expect(settings.items.map((s) => s.key)).toEqual(["gradekit.config", "gradekit.count"]);
      got.value = { version: 3 };
      settings.getItem("gradekit.count").delete();
      await context.sync();
    });
    expect(host.getSetting("gradekit.config")).toEqual({ version: 3 });
    expect(host.snapshot().settings).toEqual({ "gradekit.config": { version: 3 } });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.settings.getItem("gradekit.count").load("value");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("custom XML parts: add, getByNamespace, getItem, getXml, setXml, delete", async () => {
    const host = createExcelHost();
    const ns = "urn:gradekit:rules:v1";
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rules xmlns="${ns}"><tier name="A" min="90"/></rules>`;
    let id = "";
    await host.Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.add(xml);
      part.load("id, namespaceUri");
      context.workbook.customXmlParts.add(`<other xmlns="urn:other"/>`);
      await context.sync();
      id = part.id;
      expect(part.id).toMatch(/^\{[0-9A-F-]{36}\}$/i);
      expect(part.namespaceUri).toBe(ns);
      const scoped = context.workbook.customXmlParts.getByNamespace(ns);
      const count = scoped.getCount();
      const only = scoped.getOnlyItem();
      const text = only.getXml();
      await context.sync();
      expect(count.value).toBe(1);
      expect(text.value).toBe(xml);
      context.workbook.customXmlParts.getItem(id).setXml(`<rules xmlns="${ns}"><tier name="B" min="80"/></rules>`);
      await context.sync();
      const again = context.workbook.customXmlParts.getItem(id).getXml();
      await context.sync();
      expect(again.value).toContain('name="B"');
    });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.customXmlParts.add("<unclosed>");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await host.Excel.run(async (context) => {
      context.workbook.customXmlParts.getItem(id).delete();
      const gone = context.workbook.customXmlParts.getItemOrNullObject(id);
      const all = context.workbook.customXmlParts.load("items/namespaceUri");
      await context.sync();
      expect(gone.isNullObject).toBe(true);
      expect(all.items.map((p) => p.namespaceUri)).toEqual(["urn:other"]);
    });
  });
});

describe("tables, charts, validation, names, page layout", () => {
  test("tables: add with headers, rows.add, ranges, names", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["Customer", "Revenue"], ["Acme", 100], ["Zed", 50]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const table = sheet.tables.add("A1:B3", true);
      table.name = "Customers";
      table.rows.add(undefined, [["New", 10]]);
      const body = table.getDataBodyRange().load("address, values");
      const header = table.getHeaderRowRange().load("values");
      const col = table.columns.getItem("Revenue").getDataBodyRange().load("address");
      table.load("name, showTotals");
      await context.sync();
      expect(table.name).toBe("Customers");
      expect(body.address).toBe("Sheet1!A2:B4");
      expect(body.values).toEqual([["Acme", 100], ["Zed", 50], ["New", 10]]);
      expect(header.values).toEqual([["Customer", "Revenue"]]);
      expect(col.address).toBe("Sheet1!B2:B4");
      const byName = context.workbook.tables.getItem("customers").load("id");
      const tables = context.workbook.tables.load("count");
      await context.sync();
      expect(byName.id).toBeTruthy();
      expect(tables.count).toBe(1);
      expect(() => tables.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add("B2:C3", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("tables without headers get generated headers and the data shifts down", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[1, 2], [3, 4]]);
    await host.Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", false);
      const r = t.getRange().load("address");
      await context.sync();
      expect(r.address).toBe("Sheet1!A1:B3");
    });
    expect(host.getValues("Sheet1", "A1:B3")).toEqual([["Column1", "Column2"], [1, 2], [3, 4]]);
  });

  test("charts are stored as records", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["Grade", "Count"], ["A", 3], ["B", 5]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add(host.Excel.ChartType.columnClustered, sheet.getRange("A1:B3"), host.Excel.ChartSeriesBy.columns);
      chart.title.text = "Customers per grade";
      chart.legend.visible = false;
      chart.setPosition("D2", "J15");
      chart.load("name, chartType");
      const count = sheet.charts.getCount();
      await context.sync();
      expect(chart.chartType).toBe("ColumnClustered");
      expect(count.value).toBe(1);
    });
    const [chart] = host.snapshot().sheets[0].charts;
    expect(chart).toMatchObject({
      chartType: "ColumnClustered",
      source: "Sheet1!$A$1:$B$3",
      seriesBy: "Columns",
      title: { text: "Customers per grade" },
      legend: { visible: false },
      position: { startCell: "D2", endCell: "J15" },
    });
  });

  test("data validation rules are stored per range", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "C1", [["A"], ["B"], ["X"]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const dv = sheet.getRange("C1:C3").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "A,B,C" } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: "Grade", message: "Pick A, B or C" };
      const other = sheet.getRange("D1:D3").dataValidation;
      other.rule = { wholeNumber: { operator: host.Excel.DataValidationOperator.between, formula1: 0, formula2: 100 } };
      await context.sync();
      dv.load("type, rule, errorAlert, valid");
      const part = sheet.getRange("C1:C2").dataValidation.load("valid");
      const none = sheet.getRange("E1").dataValidation.load("type");
      const mixed = sheet.getRange("C1:D1").dataValidation.load("type");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: "A,B,C" } });
      expect(dv.errorAlert.message).toBe("Pick A, B or C");
      expect(dv.valid).toBeNull(); // "X" is not in the list
      expect(part.valid).toBe(true);
      expect(none.type).toBe("None");
      expect(mixed.type).toBe("Inconsistent");
    });
    expect(host.getCell("Sheet1", "D2").validation).toEqual({ wholeNumber: { operator: "Between", formula1: 0, formula2: 100 } });
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "x" }, custom: { formula: "=1" } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("named items", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[10], [20]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Scores", sheet.getRange("A1:A2"), "score column");
      context.workbook.names.add("Threshold", "=0.5");
      await context.sync();
      const scores = context.workbook.names.getItem("scores").load("name, type, value, formula, comment");
      const threshold = context.workbook.names.getItem("Threshold").load("type, value");
      const range = context.workbook.names.getItem("Scores").getRange().load("values");
      const viaSheet = sheet.getRange("Scores").load("address");
      await context.sync();
      expect([scores.name, scores.type, scores.value, scores.formula, scores.comment]).toEqual([
        "Scores",
        "Range",
        "Sheet1!$A$1:$A$2",
        "=Sheet1!$A$1:$A$2",
        "score column",
      ]);
      expect([threshold.type, threshold.value]).toEqual(["Double", 0.5]);
      expect(range.values).toEqual([[10], [20]]);
      expect(viaSheet.address).toBe("Sheet1!A1:A2");
    });
  });

  test("page layout is stored", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      const pl = context.workbook.worksheets.getItem("Sheet1").pageLayout;
      pl.orientation = host.Excel.PageOrientation.landscape;
      pl.setPrintTitleRows("$1:$1");
      pl.headersFooters.defaultForAllPages.centerHeader = "GradeKit report";
      pl.setPrintMargins("Inches", { left: 0.5, right: 0.5 });
      await context.sync();
      const titles = pl.getPrintTitleRows().load("address");
      pl.load("orientation, leftMargin");
      await context.sync();
      expect(titles.address).toBe("Sheet1!1:1");
      expect(pl.orientation).toBe("Landscape");
      expect(pl.leftMargin).toBe(36);
    });
    expect(host.snapshot().sheets[0].pageLayout).toMatchObject({
      orientation: "Landscape",
      printTitleRows: "1:1",
      headersFooters: { defaultForAllPages: { centerHeader: "GradeKit report" } },
    });
  });
});

describe("globals", () => {
  test("install() provides Excel, Office and OfficeExtension so Office.js code runs unchanged", async () => {
    const host = createExcelHost({ displayLanguage: "zh-CN" });
    const g = globalThis as unknown as Record<string, unknown>;
    expect(g.Excel).toBeUndefined();
    const uninstall = host.install();
    try {
      const info = await Office.onReady();
      expect(info.host).toBe("Excel");
      expect(Office.context.displayLanguage).toBe("zh-CN");
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
      await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        r.values = [["hello"]];
        r.format.fill.color = "#FFFF00";
        const cf = r.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
        cf.textComparison.format.font.color = "#FF0000";
        cf.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: "ell" };
        await context.sync();
      });
      expect(host.getCell("Sheet1", "A1")).toMatchObject({ value: "hello", fill: "#FFFF00", effectiveFontColor: "#FF0000" });
      let caught: unknown;
      try {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem("missing").load("name");
          await context.sync();
        });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(OfficeExtension.Error);
      expect((caught as OfficeExtension.Error).code).toBe(Excel.ErrorCodes.itemNotFound);
      // Office.context.document.settings shares the workbook's settings store after saveAsync
      Office.context.document.settings.set("lang", "zh");
      await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
      expect(host.getSetting("lang")).toBe("zh");
    } finally {
      uninstall();
    }
    expect(g.Excel).toBeUndefined();
    expect(g.Office).toBeUndefined();
  });
});
