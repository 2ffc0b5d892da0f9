import { createExcelHost, RichApiError } from "../../src/host";

const NOT_LOADED_MESSAGE =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function seeded() {
  const host = createExcelHost();
  host.setValues("Sheet1", "A1", [
    ["Name", "Score"],
    ["Ann", 91],
    ["Bob", 78],
  ]);
  return host;
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

describe("proxy strictness", () => {
  test("reading a scalar property that was never loaded throws PropertyNotLoaded like Office.js", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      const err = caught(() => range.values) as RichApiError;
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe("RichApi.Error");
      expect(err.code).toBe("PropertyNotLoaded");
      expect(err.message).toBe(NOT_LOADED_MESSAGE);
      expect(err.debugInfo.errorLocation).toBe("Range.values");
      for (const read of [() => range.address, () => range.rowCount, () => range.worksheet.name, () => range.format.fill.color]) {
        expect(caught(read)).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded" });
      }
    });
  });

  test("load() without sync is still not readable; after sync the values are there", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      range.load("values, address");
      expect(caught(() => range.values)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
      expect(range.values).toEqual([
        ["Name", "Score"],
        ["Ann", 91],
        ["Bob", 78],
      ]);
      expect(range.address).toBe("Sheet1!A1:B3");
      // only what was loaded is readable
      expect(caught(() => range.rowCount)).toMatchObject({ code: "PropertyNotLoaded" });
    });
  });

  test("all load() forms are accepted", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("A1").load("values");
      const b = sheet.getRange("A2").load(["values", "address"]);
      const c = sheet.getRange("B2").load({ select: "values, rowIndex" });
      const d = sheet.getRange("B3").load({ values: true, format: { fill: { color: true } } });
      const e = sheet.getRange("A1:B1").load();
      const f = sheet.getRange("B2").load("format/font/bold, numberFormat");
      await context.sync();
      expect(a.values).toEqual([["Name"]]);
      expect(b.address).toBe("Sheet1!A2");
      expect(c.rowIndex).toBe(1);
      expect(d.values).toEqual([[78]]);
      expect(d.format.fill.color).toBe("#FFFFFF");
      expect(e.columnCount).toBe(2);
      expect(e.values).toEqual([["Name", "Score"]]);
      expect(f.format.font.bold).toBe(false);
      expect(f.numberFormat).toEqual([["General"]]);
    });
  });

  test("loaded values are snapshots", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2").load("values");
      await context.sync();
      range.values[0][0] = 1000; // mutating the loaded array does not touch the workbook
      expect(host.getCell("Sheet1", "B2").value).toBe(91);
      host.setValues("Sheet1", "B2", [[5]]); // later changes don't change the loaded snapshot
      expect(range.values).toEqual([[1000]]);
    });
  });

  test("queued writes are not applied before sync (and not before the sync promise settles)", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1").values = [["Grade"]];
      sheet.getRange("C1").format.fill.color = "#FF0000";
      expect(host.getCell("Sheet1", "C1").value).toBe("");
      expect(host.getCell("Sheet1", "C1").fill).toBeNull();
      const other = sheet.getRange("C1").load("values");
      const pending = context.sync();
      expect(host.getCell("Sheet1", "C1").value).toBe(""); // not applied synchronously
      await pending;
      expect(host.getCell("Sheet1", "C1").value).toBe("Grade");
      expect(host.getCell("Sheet1", "C1").fill).toBe("#FF0000");
      expect(other.values).toEqual([["Grade"]]);
    });
  });

  test("a written property reads back on the same proxy (Office.js keeps the assigned value)", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      expect(caught(() => range.address)).toMatchObject({ code: "PropertyNotLoaded" });
    });
  });

  test("read-only properties cannot be assigned", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1") as unknown as { address: string };
      expect(() => {
        range.address = "A1";
      }).toThrow(TypeError);
    });
  });

  test("loading a property the host does not know fails loudly", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1");
      expect(caught(() => range.load("valuez"))).toMatchObject({ name: "RichApi.Error", code: "NotImplemented" });
    });
  });

  test("*OrNullObject: isNullObject needs a sync, then tells whether the item exists", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1"); // names are case-insensitive
      expect(caught(() => missing.isNullObject)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // operations on a null object are ignored ("delete if it exists" idiom)
      missing.delete();
      await context.sync();
      expect(host.sheetNames()).toEqual(["Sheet1"]);
    });
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound", async () => {
    const host = seeded();
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
  });

  test("ClientResult.value before sync throws ValueNotLoaded", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(caught(() => count.value)).toMatchObject({ code: "ValueNotLoaded" });
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  test("a failing operation stops the batch; earlier operations stay applied, later ones are dropped", async () => {
    const host = seeded();
    await expect(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("D1").values = [["before"]];
        sheet.getRange("D2:D3").values = [["only one row"]] as unknown as string[][]; // 1x1 broadcasts, fine
        sheet.getRange("D4:E4").values = [["too", "many", "columns"]];
        sheet.getRange("D5").values = [["after"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.getCell("Sheet1", "D1").value).toBe("before");
    expect(host.getCell("Sheet1", "D3").value).toBe("only one row");
    expect(host.getCell("Sheet1", "D5").value).toBe("");
  });

  test("objects cannot be passed to another request context", async () => {
    const host = seeded();
    let foreign: Excel.Range | null = null;
    await host.Excel.run(async (context) => {
      foreign = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    });
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(caught(() => r.getIntersection(foreign as unknown as Excel.Range))).toMatchObject({ code: "InvalidRequestContext" });
    });
  });

  test("Excel.run flushes queued work when the batch resolves; throwing batches discard it", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("E1").values = [["flushed"]];
    });
    expect(host.getCell("Sheet1", "E1").value).toBe("flushed");
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("E2").values = [["dropped"]];
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(host.getCell("Sheet1", "E2").value).toBe("");
  });

  test("using proxies after their Excel.run finished fails with InvalidObjectPath unless tracked", async () => {
    const host = seeded();
    let stale: Excel.Range | null = null;
    let tracked: Excel.Range | null = null;
    await host.Excel.run(async (context) => {
      stale = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      tracked = context.workbook.worksheets.getItem("Sheet1").getRange("A2");
      context.trackedObjects.add(tracked);
    });
    const s = stale as unknown as Excel.Range;
    s.load("values");
    await expect(s.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    const t = tracked as unknown as Excel.Range;
    await host.Excel.run(t, async (context) => {
      t.load("values");
      await context.sync();
      expect(t.values).toEqual([["Ann"]]);
    });
  });

  test("toJSON returns loaded properties", async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("address, values");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(r.toJSON()).toEqual({ address: "Sheet1!A1:B1", values: [["Name", "Score"]] });
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(JSON.parse(JSON.stringify(sheets))).toEqual({ items: [{ name: "Sheet1" }] });
    });
  });
});
