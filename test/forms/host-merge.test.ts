/**
 * The in-memory host's Range.merge/unmerge (added for the forms): areas recorded in the snapshot,
 * only the top-left value kept, merge across rows, partial overlaps refused, clearing formats unmerges.
 */
import { createExcelHost } from "../../src/host";

test("merge, merge across, unmerge, overlaps, clear", async () => {
  const host = createExcelHost({ sheets: ["S"] });
  host.setValues("S", "A1", [["keep", "drop"], ["drop", "drop"], ["row3", "x"], ["row4", "y"]]);
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1:B2").merge();
    ws.getRange("A3:B4").merge(true);
    await context.sync();
  });
  const merges = () => host.snapshot().sheets[0].merges;
  expect(merges()).toEqual(["A1:B2", "A3:B3", "A4:B4"]);
  expect(host.getValues("S", "A1:B4")).toEqual([["keep", ""], ["", ""], ["row3", ""], ["row4", ""]]);

  const err = await host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("S").getRange("B2:C2").merge();
    await context.sync();
  }).catch((e: { code?: string }) => e);
  expect((err as { code?: string }).code).toBe("InvalidOperation");

  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C5").merge(); // absorbs the merges inside it
    await context.sync();
  });
  expect(merges()).toEqual(["A1:C5"]);
  await host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("S").getRange("C5").unmerge();
    await context.sync();
  });
  expect(merges()).toEqual([]);
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("D1:E1").merge();
    ws.getRange("D2:E2").merge();
    ws.getRange("E1").clear("Contents");
    await context.sync();
    expect(merges()).toEqual(["D1:E1", "D2:E2"]);
    ws.getRange("E2").clear("Formats");
    await context.sync();
  });
  expect(merges()).toEqual(["D1:E1"]);
});
