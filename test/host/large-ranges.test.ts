/**
 * Large ranges through the host: correctness only. How long they take is measured in
 * bench/host/run.js (bench/RESULTS.md), not asserted here.
 */
import { createExcelHost } from "../../src/host";

const ROWS = 200_000;
const CHUNK = 50_000; // ~1.5 MB of JSON per request, under the 5 MB limit

function makeRows(start: number, count: number): (string | number)[][] {
  const out: (string | number)[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    out[i] = [`C${n}`, n % 1000, (n * 7) % 101];
  }
  return out;
}

describe("large ranges", () => {
  test(`${ROWS.toLocaleString("en-US")}-row write/read round trip in chunks keeps every batch under the payload limit`, async () => {
    const host = createExcelHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < ROWS; start += CHUNK) {
        sheet.getRangeByIndexes(start, 0, CHUNK, 3).values = makeRows(start, CHUNK);
        await context.sync();
      }
      const used = sheet.getUsedRange(true).load("address, rowCount");
      await context.sync();
      expect(used.address).toBe(`Sheet1!A1:C${ROWS}`);
      let checked = 0;
      for (let start = 0; start < ROWS; start += CHUNK) {
        const r = sheet.getRangeByIndexes(start, 0, CHUNK, 3).load("values");
        await context.sync();
        const expected = makeRows(start, CHUNK);
        for (let i = 0; i < CHUNK; i += 997) expect(r.values[i]).toEqual(expected[i]);
        checked += r.values.length;
      }
      expect(checked).toBe(ROWS);
      // colour a column and add a rule over the whole block
      const grade = sheet.getRange(`C1:C${ROWS}`);
      grade.format.fill.color = "#EEEEEE";
      const cf = grade.conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      cf.cellValue.rule = { operator: "GreaterThan", formula1: "=50" };
      cf.cellValue.format.fill.color = "#00B050";
      await context.sync();
    });
    expect(host.getCell("Sheet1", `A${ROWS}`).value).toBe(`C${ROWS - 1}`);
    // eslint-disable-next-line no-constant-condition -- spells out the rule: C2 holds 7, the rule colours values > 50
    expect(host.getCell("Sheet1", "C2").effectiveFill).toBe(7 > 50 ? "#00B050" : "#EEEEEE");
    expect(host.stats.batches.every((b) => b.requestBytes < 5 * 1024 * 1024 && b.responseBytes < 5 * 1024 * 1024)).toBe(true);
  });

  test("1,000,000 x 3 values in one write (payload limit off) read back", async () => {
    const host = createExcelHost({ payloadLimitBytes: null, maxCellsPerRead: 5_000_000 });
    const data = makeRows(0, 1_000_000);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1000000").values = data;
      await context.sync();
      const r = sheet.getRange("A999999:C1000000").load("values");
      await context.sync();
      expect(r.values).toEqual(data.slice(999_998));
    });
  }, 30_000);
});
