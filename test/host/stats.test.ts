import { createExcelHost } from "../../src/host";

function rows(n: number, width = 3): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (string | number)[] = [`id-${i}`];
    for (let j = 1; j < width; j++) row.push(i * j);
    out.push(row);
  }
  return out;
}

describe("sync and payload accounting", () => {
  test("counts sync calls and round trips; empty syncs are not round trips", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      await context.sync(); // nothing queued: counted as a call, not a round trip
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      sheet.getRange("A2").values = [[2]];
      await context.sync();
      sheet.getRange("A1:A2").load("values");
      await context.sync();
      sheet.getRange("A3").values = [[3]]; // flushed by Excel.run itself
    });
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.runs).toBe(1);
    expect(host.stats.batches.map((b) => [b.ops, b.sets, b.loads, b.calls])).toEqual([
      [2, 2, 0, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
    ]);
    expect(host.stats.batches[1].responseBytes).toBeGreaterThan(JSON.stringify([[1], [2]]).length);
    host.resetStats();
    expect(host.stats.syncs).toBe(0);
    expect(host.stats.batches).toEqual([]);
  });

  test("request bytes track the JSON size of the written values", async () => {
    const host = createExcelHost();
    const data = rows(1000);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1000").values = data;
      await context.sync();
    });
    const [batch] = host.stats.batches;
    const payload = Buffer.byteLength(JSON.stringify(data), "utf8");
    expect(batch.requestBytes).toBeGreaterThanOrEqual(payload);
    expect(batch.requestBytes).toBeLessThan(payload + 1000);
    expect(batch.cellsWritten).toBe(3000);
    expect(host.stats.largestBatch).toBe(batch);
  });

  test("multi-byte text is counted in UTF-8 bytes", async () => {
    const host = createExcelHost();
    const data = [["客户分级"], ["Ünïcødé \"quoted\" \n"]];
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = data;
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").load("values");
      await context.sync();
    });
    const [batch] = host.stats.batches;
    expect(batch.requestBytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(data), "utf8"));
    expect(batch.responseBytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(data), "utf8"));
  });

  test("formatting operations are counted by kind", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10");
      r.format.fill.color = "#FF0000";
      r.format.font.bold = true;
      r.format.font.color = "#FFFFFF";
      r.numberFormat = [["0.00"]];
      const cf = r.conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      cf.cellValue.format.fill.color = "#00FF00";
      cf.cellValue.rule = { formula1: "5", operator: "GreaterThan" };
      r.values = [[1]];
      await context.sync();
    });
    expect(host.stats.formatOps).toBe(7);
    expect(host.stats.formatOpsByKind).toMatchObject({ fill: 1, font: 2, numberFormat: 1, conditionalFormat: 3 });
    expect(host.stats.batches[0].formatOps).toBe(7);
  });

  test("suspend* calls are recorded on the batch they apply to", async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[1]];
      await context.sync();
    });
    expect(host.stats.batches.map((b) => [b.suspendedCalculation, b.suspendedScreenUpdating])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  test("a request over the payload limit fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const host = createExcelHost({ payloadLimitBytes: 50_000 });
    await expect(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("E1").values = [["first"]];
        sheet.getRange("A1:C5000").values = rows(5000);
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    expect(host.usedRange("Sheet1")).toBeNull();
    expect(host.stats.batches[0].error).toBe("RequestPayloadSizeLimitExceeded");

    // the same data in chunks under the limit works
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = rows(5000);
      for (let start = 0; start < data.length; start += 1000) {
        sheet.getRangeByIndexes(start, 0, 1000, 3).values = data.slice(start, start + 1000);
        await context.sync();
      }
    });
    expect(host.usedRange("Sheet1")).toBe("Sheet1!A1:C5000");
    expect(Math.max(...host.stats.batches.slice(1).map((b) => b.requestBytes))).toBeLessThan(50_000);
  });

  test("the default limit is 5 MB, like Excel on the web; null disables it", async () => {
    const big = rows(200_000); // ~ 5.5 MB of JSON
    const web = createExcelHost();
    await expect(
      web.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C200000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const desktop = createExcelHost({ payloadLimitBytes: null });
    await desktop.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C200000").values = big;
      await context.sync();
    });
    expect(desktop.getCell("Sheet1", "A200000").value).toBe("id-199999");
  });

  test("a response over the limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const host = createExcelHost({ payloadLimitBytes: 20_000 });
    host.setValues("Sheet1", "A1", rows(2000));
    await expect(
      host.Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2000").load("values");
        await context.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
