import { createExcelHost } from "../../src/host";

async function addressOf(host: ReturnType<typeof createExcelHost>, make: (sheet: Excel.Worksheet) => Excel.Range): Promise<string> {
  return host.Excel.run(async (context) => {
    const r = make(context.workbook.worksheets.getItem("Sheet1")).load("address");
    await context.sync();
    return r.address;
  });
}

describe("regions", () => {
  test("getSurroundingRegion is the block bounded by empty rows and columns (Ctrl+Shift+8)", async () => {
    const host = createExcelHost();
    //      B      C      D      E   F      G
    // 2    Name   Score  Grade
    // 3    Ann    91     A
    // 4    Bob    78
    // 5           60     C
    // 7                                    far
    host.setValues("Sheet1", "B2", [
      ["Name", "Score", "Grade"],
      ["Ann", 91, "A"],
      ["Bob", 78, ""],
      ["", 60, "C"],
    ]);
    host.setValues("Sheet1", "G7", [["far"]]);
    host.setValues("Sheet1", "E6", [["diagonal"]]); // touches D5 diagonally => part of the region
    expect(await addressOf(host, (s) => s.getRange("C3").getSurroundingRegion())).toBe("Sheet1!B2:E6");
    expect(await addressOf(host, (s) => s.getRange("B2:Z100").getSurroundingRegion())).toBe("Sheet1!B2:E6"); // top-left cell decides
    expect(await addressOf(host, (s) => s.getRange("G7").getSurroundingRegion())).toBe("Sheet1!G7");
    expect(await addressOf(host, (s) => s.getRange("K20").getSurroundingRegion())).toBe("Sheet1!K20"); // empty, no neighbours
    expect(await addressOf(host, (s) => s.getRange("A1").getSurroundingRegion())).toBe("Sheet1!A1:E6"); // empty cell touching the block
    expect(host.currentRegion("Sheet1", "D4")).toBe("Sheet1!B2:E6");
  });

  test("getSurroundingRegion on a large block stays fast", async () => {
    const host = createExcelHost();
    const data: number[][] = [];
    for (let i = 0; i < 100_000; i++) data.push([i, i * 2, i * 3]);
    host.setValues("Sheet1", "A1", data);
    const t0 = Date.now();
    expect(await addressOf(host, (s) => s.getRange("B500").getSurroundingRegion())).toBe("Sheet1!A1:C100000");
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("used range with and without formatting", async () => {
    const host = createExcelHost();
    expect(await addressOf(host, (s) => s.getUsedRange())).toBe("Sheet1!A1"); // blank sheet => A1, no error
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject();
      await context.sync();
      expect(r.isNullObject).toBe(true);
    });
    host.setValues("Sheet1", "B2", [[1, 2], [3, 4]]);
    host.setFormat("Sheet1", "F10", { fill: "#FF0000" });
    expect(await addressOf(host, (s) => s.getUsedRange())).toBe("Sheet1!B2:F10");
    expect(await addressOf(host, (s) => s.getUsedRange(true))).toBe("Sheet1!B2:C3");
    expect(await addressOf(host, (s) => s.getRange("A1:B2").getUsedRange(true))).toBe("Sheet1!B2");
    await expect(addressOf(host, (s) => s.getRange("X1:Y2").getUsedRange(true))).rejects.toMatchObject({ code: "ItemNotFound" });
    // clearing shrinks it again
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C2:C3").clear();
    });
    expect(host.usedRange("Sheet1", true)).toBe("Sheet1!B2:B3");
  });

  test("selection and active cell", async () => {
    const host = createExcelHost({ sheets: ["Data", "Other"], selection: { sheet: "Data", address: "B2:D10", activeCell: "C3" } });
    await host.Excel.run(async (context) => {
      const sel = context.workbook.getSelectedRange().load("address");
      const cell = context.workbook.getActiveCell().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([sel.address, cell.address, active.name]).toEqual(["Data!B2:D10", "Data!C3", "Data"]);
      context.workbook.worksheets.getItem("Other").getRange("E5:F6").select();
      await context.sync();
      const sel2 = context.workbook.getSelectedRange().load("address");
      const active2 = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([sel2.address, active2.name]).toEqual(["Other!E5:F6", "Other"]);
    });
  });
});
