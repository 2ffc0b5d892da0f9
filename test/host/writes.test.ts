import { createExcelHost } from "../../src/host";

async function inSheet<T>(host: ReturnType<typeof createExcelHost>, fn: (sheet: Excel.Worksheet, context: Excel.RequestContext) => Promise<T> | T): Promise<T> {
  return host.Excel.run(async (context) => fn(context.workbook.worksheets.getItem("Sheet1"), context));
}

describe("range writes", () => {
  test("values must match the range shape, else InvalidArgument at sync", async () => {
    const host = createExcelHost();
    const run = (address: string, values: unknown) =>
      inSheet(host, async (sheet, context) => {
        sheet.getRange(address).values = values as unknown[][];
        await context.sync();
      });
    await expect(run("A1:B2", [[1, 2, 3], [4, 5, 6]])).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "InvalidArgument",
      message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
    await expect(run("A1:B2", [[1, 2]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run("A1:B2", [[1, 2], [3]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run("A1:A2", [1, 2])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run("A1", [[{ not: "a value" }]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run("A1", [[NaN]])).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.usedRange("Sheet1")).toBeNull();
  });

  test("a single value or a 1x1 array is applied to every cell; null leaves a cell unchanged", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["keep", "x"]]);
    await inSheet(host, async (sheet, context) => {
      (sheet.getRange("A2:B3") as unknown as { values: unknown }).values = 7;
      sheet.getRange("C1:C2").values = [["same"]];
      sheet.getRange("A1:B1").values = [[null, "changed"]];
      await context.sync();
    });
    expect(host.getValues("Sheet1", "A1:C3")).toEqual([
      ["keep", "changed", "same"],
      [7, 7, "same"],
      [7, 7, ""],
    ]);
  });

  test("addresses outside A1:XFD1048576 are InvalidArgument", async () => {
    const host = createExcelHost();
    const load = (make: (sheet: Excel.Worksheet) => Excel.Range) =>
      inSheet(host, async (sheet, context) => {
        make(sheet).load("address");
        await context.sync();
      });
    await expect(load((s) => s.getRange("XFE1"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRange("A1048577"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRange("A1:XFD1048577"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRange("not an address"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRangeByIndexes(1048575, 0, 2, 1))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRangeByIndexes(0, 16384, 1, 1))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRange("A1").getOffsetRange(-1, 0))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(load((s) => s.getRange("XFD1").getResizedRange(0, 1))).rejects.toMatchObject({ code: "InvalidArgument" });
    // the last cell is fine
    await inSheet(host, async (sheet, context) => {
      const r = sheet.getRange("XFD1048576").load("address, rowIndex, columnIndex");
      await context.sync();
      expect(r.address).toBe("Sheet1!XFD1048576");
      expect([r.rowIndex, r.columnIndex]).toEqual([1048575, 16383]);
    });
  });

  test("address forms and derived ranges", async () => {
    const host = createExcelHost({ sheets: ["Sheet1", "My Data"] });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const loads = {
        col: sheet.getRange("B:B"),
        cols: sheet.getRange("B:D"),
        row: sheet.getRange("2:2"),
        abs: sheet.getRange("$A$1:$C$3"),
        qualified: sheet.getRange("Sheet1!C3"),
        byIdx: sheet.getRangeByIndexes(1, 2, 3, 4),
        cell: sheet.getRange("B2:D4").getCell(1, 1),
        offset: sheet.getRange("B2:D4").getOffsetRange(1, -1),
        resized: sheet.getRange("B2").getResizedRange(2, 1),
        row1: sheet.getRange("B2:D4").getRow(1),
        col2: sheet.getRange("B2:D4").getColumn(2),
        entireCol: sheet.getRange("B2:C4").getEntireColumn(),
        entireRow: sheet.getRange("B2:C4").getEntireRow(),
        lastRow: sheet.getRange("B2:D5").getLastRow(),
        lastCol: sheet.getRange("B2:D5").getLastColumn(),
        lastCell: sheet.getRange("B2:D5").getLastCell(),
        inter: sheet.getRange("A1:C3").getIntersection("B2:D4"),
        bound: sheet.getRange("A1:B2").getBoundingRect("D4"),
        above: sheet.getRange("B3:C4").getRowsAbove(2),
        after: sheet.getRange("B3:C4").getColumnsAfter(),
        other: context.workbook.worksheets.getItem("My Data").getRange("A1:B2"),
      };
      for (const r of Object.values(loads)) r.load("address");
      await context.sync();
      const got = Object.fromEntries(Object.entries(loads).map(([k, r]) => [k, r.address]));
      expect(got).toEqual({
        col: "Sheet1!B:B",
        cols: "Sheet1!B:D",
        row: "Sheet1!2:2",
        abs: "Sheet1!A1:C3",
        qualified: "Sheet1!C3",
        byIdx: "Sheet1!C2:F4",
        cell: "Sheet1!C3",
        offset: "Sheet1!A3:C5",
        resized: "Sheet1!B2:C4",
        row1: "Sheet1!B3:D3",
        col2: "Sheet1!D2:D4",
        entireCol: "Sheet1!B:C",
        entireRow: "Sheet1!2:4",
        lastRow: "Sheet1!B5:D5",
        lastCol: "Sheet1!D2:D5",
        lastCell: "Sheet1!D5",
        inter: "Sheet1!B2:C3",
        bound: "Sheet1!A1:D4",
        above: "Sheet1!B1:C2",
        after: "Sheet1!D3:D4",
        other: "'My Data'!A1:B2",
      });
    });
  });

  test("getIntersection without overlap: ItemNotFound, or a null object for the OrNullObject variant", async () => {
    const host = createExcelHost();
    await expect(
      inSheet(host, async (sheet, context) => {
        sheet.getRange("A1:B2").getIntersection("D4:E5").load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await inSheet(host, async (sheet, context) => {
      const r = sheet.getRange("A1:B2").getIntersectionOrNullObject("D4:E5");
      await context.sync();
      expect(r.isNullObject).toBe(true);
    });
  });

  test("strings are typed like Excel input: numbers, booleans, percentages, errors, formulas, apostrophes", async () => {
    const host = createExcelHost();
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("A1:A9").values = [["12.5"], ["TRUE"], ["50%"], ["#N/A"], ["=SUM(B1:B2)"], ["'007"], ["007"], ["1,234"], ["abc"]];
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("B1").values = [["007"]];
      await context.sync();
    });
    expect(host.getValues("Sheet1", "A1:A9")).toEqual([[12.5], [true], [0.5], ["#N/A"], [""], ["007"], [7], [1234], ["abc"]]);
    expect(host.getCell("Sheet1", "A3").numberFormat).toBe("0%");
    expect(host.getCell("Sheet1", "A4").valueType).toBe("Error");
    expect(host.getCell("Sheet1", "A5").formula).toBe("=SUM(B1:B2)");
    expect(host.getCell("Sheet1", "B1").value).toBe("007");
    await inSheet(host, async (sheet, context) => {
      const r = sheet.getRange("A1:A9").load("formulas, valueTypes, text");
      await context.sync();
      expect(r.formulas.map((x) => x[0])).toEqual([12.5, true, 0.5, "#N/A", "=SUM(B1:B2)", "007", 7, 1234, "abc"]);
      expect(r.valueTypes.map((x) => x[0])).toEqual(["Double", "Boolean", "Double", "Error", "String", "String", "Double", "Double", "String"]);
      expect(r.text.map((x) => x[0])).toEqual(["12.5", "TRUE", "50%", "#N/A", "", "007", "7", "1,234", "abc"]);
    });
  });

  test("formula values come from the optional evaluator", async () => {
    const host = createExcelHost({ formulaEvaluator: (f) => (f === "=1+1" ? 2 : "#NAME?") });
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("A1:A2").formulas = [["=1+1"], ["=NOPE()"]];
      await context.sync();
    });
    expect(host.getValues("Sheet1", "A1:A2")).toEqual([[2], ["#NAME?"]]);
    expect(host.getFormulas("Sheet1", "A1:A2")).toEqual([["=1+1"], ["=NOPE()"]]);
  });

  test("formatting writes and reads (uniform value, null when mixed, #FFFFFF for no fill)", async () => {
    const host = createExcelHost();
    await inSheet(host, async (sheet, context) => {
      const r = sheet.getRange("A1:B2");
      r.format.fill.color = "yellow";
      r.format.font.bold = true;
      r.format.font.color = "#1f4e79";
      r.format.horizontalAlignment = "Center";
      r.format.wrapText = true;
      r.numberFormat = [["0.00", "0%"], ["@", "General"]];
      sheet.getRange("B2").format.fill.clear();
      sheet.getRange("A:A").format.columnWidth = 120;
      await context.sync();
      const a1 = sheet.getRange("A1").load("numberFormat, format/fill/color, format/font/color, format/font/bold, format/columnWidth");
      const all = sheet.getRange("A1:B2").load("format/fill/color, format/font/bold, format/columnWidth");
      const none = sheet.getRange("D4").load("format/fill/color, format/font/name, format/font/size, format/columnWidth");
      await context.sync();
      expect(a1.numberFormat).toEqual([["0.00"]]);
      expect(a1.format.fill.color).toBe("#FFFF00");
      expect(a1.format.font.color).toBe("#1F4E79");
      expect(a1.format.font.bold).toBe(true);
      expect(a1.format.columnWidth).toBe(120);
      expect(all.format.fill.color).toBeNull();
      expect(all.format.font.bold).toBe(true);
      expect(all.format.columnWidth).toBeNull();
      expect(none.format.fill.color).toBe("#FFFFFF");
      expect(none.format.font.name).toBe("Calibri");
      expect(none.format.font.size).toBe(11);
      expect(none.format.columnWidth).toBe(48);
    });
    const b2 = host.getCell("Sheet1", "B2");
    expect(b2.fill).toBeNull();
    expect(b2.font.bold).toBe(true);
    expect(b2.horizontalAlignment).toBe("Center");
    await expect(
      inSheet(host, async (sheet, context) => {
        sheet.getRange("A1").format.fill.color = "not-a-colour";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("whole-column formatting does not materialize a million cells and applies to new cells", async () => {
    const host = createExcelHost();
    const t0 = Date.now();
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("C:C").numberFormat = [["0.0"]];
      sheet.getRange("C:C").format.fill.color = "#E2EFDA";
      await context.sync();
      sheet.getRange("C5").values = [[3]];
      await context.sync();
    });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(host.getCell("Sheet1", "C1000000").numberFormat).toBe("0.0");
    expect(host.getCell("Sheet1", "C5").text).toBe("3.0");
    expect(host.getCell("Sheet1", "C5").fill).toBe("#E2EFDA");
    expect(host.usedRange("Sheet1")).toBe("Sheet1!C5");
  });

  test("clear(applyTo)", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[1, 2], [3, 4]]);
    host.setFormat("Sheet1", "A1:B2", { fill: "#FF0000", bold: true });
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("A1:B1").clear("Contents");
      sheet.getRange("A2").clear("Formats");
      sheet.getRange("B2").clear();
      await context.sync();
    });
    expect(host.getCell("Sheet1", "A1")).toMatchObject({ value: "", fill: "#FF0000" });
    expect(host.getCell("Sheet1", "A2")).toMatchObject({ value: 3, fill: null });
    expect(host.getCell("Sheet1", "B2")).toMatchObject({ value: "", fill: null });
  });

  test("range.set() sets several properties", async () => {
    const host = createExcelHost();
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("A1:B1").set({ values: [["a", "b"]], format: { fill: { color: "#00FF00" }, font: { italic: true } } });
      await context.sync();
    });
    expect(host.getCell("Sheet1", "B1")).toMatchObject({ value: "b", fill: "#00FF00", font: { italic: true } });
  });

  test("reading more than maxCellsPerRead cells fails like Excel's limit", async () => {
    const host = createExcelHost({ maxCellsPerRead: 1000 });
    await expect(
      inSheet(host, async (sheet, context) => {
        sheet.getRange("A1:J101").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  test("clearing formats inside a formatted column pins those cells to the default format", async () => {
    const host = createExcelHost();
    await inSheet(host, async (sheet, context) => {
      sheet.getRange("D:D").format.fill.color = "#FF0000";
      sheet.getRange("2:2").format.font.bold = true;
      sheet.getRange("A1:B1").format.borders.getItem("EdgeBottom").style = "Continuous";
      await context.sync();
      sheet.getRange("D5:D6").clear("Formats");
      sheet.getRange("A1:B1").clear("Formats");
      await context.sync();
      const border = sheet.getRange("A1:B1").format.borders.getItem("EdgeBottom").load("style");
      await context.sync();
      expect(border.style).toBe("None");
    });
    expect(host.getCell("Sheet1", "D4").fill).toBe("#FF0000");
    expect(host.getCell("Sheet1", "D5").fill).toBeNull();
    expect(host.getCell("Sheet1", "D2")).toMatchObject({ fill: "#FF0000", font: { bold: true } });
    expect(host.getCell("Sheet1", "C2").font.bold).toBe(true);
  });

  test("values can't be written to unbounded ranges (too many cells)", async () => {
    const host = createExcelHost();
    await expect(
      inSheet(host, async (sheet, context) => {
        sheet.getRange().values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    // formats broadcast to whole columns are fine
    await inSheet(host, async (sheet, context) => {
      sheet.getRange().numberFormat = [["@"]];
      await context.sync();
    });
    expect(host.getCell("Sheet1", "Z999").numberFormat).toBe("@");
  });

  test("newContext() gives a context outside Excel.run for code that takes one", async () => {
    const host = createExcelHost();
    const adapter = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["from adapter"]];
      await context.sync();
    };
    await adapter(host.newContext());
    expect(host.getCell("Sheet1", "A1").value).toBe("from adapter");
  });
});
