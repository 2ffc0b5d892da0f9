/**
 * Finding the table: the region around a selected cell (across blank rows), a selected range,
 * whole-column selections, titles above the header, tables away from A1, sheets with spaces in
 * their names, the fallback when getSurroundingRegion is missing; select(address); errors.
 */
import { AdapterError, createWorkbookActions } from "../../src/excel";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { seededHost } from "./helpers";

const pipeline = getBuiltinTemplate("sales-pipeline")!;
const table = [
  ["Customer", "Expected months to close", "Expected monthly deal amount"],
  ["Acme", 2, 35000],
  ["Beta", "soon", 1000],
  ["Gamma", 14, 8000],
];

describe("locating the table", () => {
  test("a table away from A1 on a sheet whose name needs quotes; bad-row addresses use the quoted name", async () => {
    const host = seededHost(table, { sheet: "My data", at: "C5" });
    host.setSelection("My data", "D6");
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(pipeline);
    expect(read.table).toMatchObject({ sheet: "My data", address: "'My data'!C5:E8", rowIndex: 4, columnIndex: 2, rowCount: 3 });
    expect(read.match.mapping).toEqual({ closeMonths: 1, monthlyAmount: 2 });
    const res = await actions.apply({ template: pipeline, mapping: read.match.mapping });
    expect(res).toMatchObject({ status: "applied", address: "'My data'!F5:G8" });
    if (res.status !== "needsConfirmation") expect(res.badRows).toEqual([{ row: 1, address: "'My data'!D7", reason: "Expected months to close: 'soon' is not a number" }]);
    await actions.select("'My data'!D7");
    expect(host.snapshot().selection).toEqual({ sheet: "My data", address: "D7" });
  });

  test("a selected range is the table; a whole-column selection is clipped to the used range", async () => {
    const host = seededHost(table);
    host.setValues("Data", "A7", [["notes below"]]);
    const actions = createWorkbookActions(host.Excel);
    host.setSelection("Data", "A1:C3");
    expect((await actions.readSelection(pipeline)).table).toMatchObject({ address: "Data!A1:C3", rowCount: 2 });
    host.setSelection("Data", "B:C");
    const read = await actions.readSelection(pipeline);
    expect(read.table).toMatchObject({ address: "Data!B1:C7", rowCount: 6, headers: ["Expected months to close", "Expected monthly deal amount"] });
    expect(read.match.mapping).toEqual({ closeMonths: 0, monthlyAmount: 1 });
  });

  test("a title above the header is skipped; blank rows inside the table are crossed, a second table is not", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    host.setValues("Data", "A1", [["Pipeline, November"]]);
    host.setValues("Data", "A2", table);
    host.setValues("Data", "A7", [["Delta", 1, 200000]]); // after one blank row (A6): same table
    host.setValues("Data", "A10", table); // after two blank rows and with its own header: another table
    host.setSelection("Data", "B3");
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(pipeline);
    expect(read.table).toMatchObject({ address: "Data!A2:C7", hasHeader: true, rowCount: 5 });
    expect(read.rows.map((r) => r[0])).toEqual(["Acme", "Beta", "Gamma", "", "Delta"]);
    // from below the blank row, the header above is found too
    host.setSelection("Data", "A7");
    expect((await actions.readSelection(pipeline)).table.address).toBe("Data!A2:C7");
    // the second table, one blank row under "Delta" would be too close: its header stops the scan
    host.setValues("Data", "A8", [["Epsilon", 3, 1]]);
    host.setSelection("Data", "A3");
    expect((await actions.readSelection(pipeline)).table.address).toBe("Data!A2:C8");
    host.setSelection("Data", "B12");
    expect((await actions.readSelection(pipeline)).table.address).toBe("Data!A10:C13");
  });

  test("a table without a header row is read whole, columns named by letter", async () => {
    const host = seededHost([
      [1, 2],
      [3, 4],
    ], { at: "B2" });
    host.setSelection("Data", "B2");
    const read = await createWorkbookActions(host.Excel).readSelection(pipeline);
    expect(read.table).toMatchObject({ hasHeader: false, address: "Data!B2:C3", rowIndex: 1, rowCount: 2, headers: ["B", "C"] });
    expect(read.match).toMatchObject({ mapping: {}, missing: ["closeMonths", "monthlyAmount"], unused: [0, 1] });
  });

  test("without getSurroundingRegion (older Excel) the used range is the table", async () => {
    for (const mode of ["missing", "throws"] as const) {
      const host = seededHost(table);
      host.setValues("Data", "E10", [["far away"]]);
      host.setSelection("Data", "B2");
      const run: typeof host.Excel.run = ((batch: (ctx: Excel.RequestContext) => Promise<unknown>) =>
        host.Excel.run(async (ctx) => {
          const sel = ctx.workbook.getSelectedRange();
          const proto = Object.getPrototypeOf(sel);
          const saved = Object.getOwnPropertyDescriptor(proto, "getSurroundingRegion")!;
          Object.defineProperty(proto, "getSurroundingRegion", {
            configurable: true,
            value:
              mode === "missing"
                ? undefined
                : () => {
                    throw Object.assign(new Error("not here"), { code: "ApiNotFound" });
                  },
          });
          try {
            return await batch(ctx);
          } finally {
            Object.defineProperty(proto, "getSurroundingRegion", saved);
          }
        })) as typeof host.Excel.run;
      const read = await createWorkbookActions({ run }).readSelection(pipeline);
      expect(read.table.address).toBe("Data!A1:E10");
    }
  });

  test("errors a person can fix", async () => {
    const host = seededHost(table);
    const actions = createWorkbookActions(host.Excel);
    host.setSelection("Data", "H20");
    await expect(actions.readSelection(pipeline)).rejects.toMatchObject({ code: "noTable" });
    host.setSelection("Other", "A1:B5");
    await expect(actions.readSelection(pipeline)).rejects.toBeInstanceOf(AdapterError);
    host.setSelection("Data", "A1");
    const read = await actions.readSelection(pipeline);
    await expect(actions.apply({ template: pipeline, mapping: { closeMonths: 9 }, table: read.table })).rejects.toMatchObject({ code: "badMapping" });
    await expect(actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table, targetColumn: 16_383 })).rejects.toMatchObject({ code: "badTarget" });
    const headerOnly = seededHost([table[0]]);
    const a2 = createWorkbookActions(headerOnly.Excel);
    const r2 = await a2.readSelection(pipeline);
    expect(r2.table.rowCount).toBe(0);
    await expect(a2.apply({ template: pipeline, mapping: r2.match.mapping })).rejects.toMatchObject({ code: "noRows" });
    const err = new AdapterError("sheetMissing", "X");
    expect(err.messageIn("zh-CN")).toBe("工作表“X”已不存在。");
    await expect(actions.apply({ template: pipeline, mapping: read.match.mapping, table: { ...read.table, sheet: "Gone" } })).rejects.toMatchObject({ code: "sheetMissing" });
  });
});

describe("select and undo bookkeeping", () => {
  test("select activates the sheet and selects the cell", async () => {
    const host: ExcelHost = seededHost(table);
    const actions = createWorkbookActions(host.Excel);
    await actions.select("Other!B3:C4");
    expect(host.snapshot()).toMatchObject({ activeSheet: "Other", selection: { sheet: "Other", address: "B3:C4" } });
    await actions.select("Data!C3");
    expect(host.snapshot()).toMatchObject({ activeSheet: "Data", selection: { sheet: "Data", address: "C3" } });
  });

  test("undo is per workbook, newest apply first; a deleted sheet makes it a no-op", async () => {
    const host = seededHost(table);
    const actions = createWorkbookActions(host.Excel);
    expect(await actions.canUndo()).toBe(false);
    expect(await actions.undoLastApply()).toEqual({ restored: false });
    const read = await actions.readSelection(pipeline);
    await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table });
    const afterFirst = host.snapshot();
    await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table, targetColumn: 6 });
    await actions.undoLastApply();
    expect(host.snapshot()).toEqual(afterFirst);
    expect(await actions.canUndo()).toBe(true); // several levels (issue 18): the first apply is next

    // one actions object, two workbooks: the undo belongs to the workbook it was made in
    const book2 = seededHost(table, { host: { workbookName: "Second.xlsx" } });
    let current = host;
    const routed = createWorkbookActions({ run: ((b: never) => current.Excel.run(b)) as typeof host.Excel.run });
    await routed.apply({ template: pipeline, mapping: read.match.mapping, table: read.table, targetColumn: 10 });
    expect(await routed.canUndo()).toBe(true);
    current = book2;
    expect(await routed.canUndo()).toBe(false);
    expect(await routed.undoLastApply()).toEqual({ restored: false });
    current = host;
    expect(await routed.undoLastApply()).toMatchObject({ restored: true });
    expect(host.snapshot()).toEqual(afterFirst);

    await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table, targetColumn: 8 });
    expect(await actions.canUndo()).toBe(true);
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").delete();
    });
    expect(await actions.undoLastApply()).toEqual({ restored: false });
    expect(await actions.canUndo()).toBe(false);
  });

  test("installing the host as the global Excel works with the default factory", async () => {
    const host = seededHost(table);
    const uninstall = host.install();
    try {
      const read = await createWorkbookActions().readSelection(pipeline);
      expect(read.table.address).toBe("Data!A1:C4");
    } finally {
      uninstall();
    }
    await expect(createWorkbookActions().readSelection(pipeline)).rejects.toThrow(/Excel is not available/);
  });
});

describe("a data value equal to a field key is not another table's header", () => {
  test("tobacco rows after a blank row, one of them with the value 'lawful', stay in the table", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [
      ["format", "purchaseQty", "market", "lawful"],
      ["Z", 100, "urban", "lawful"],
      ["C", 200, "rural", "lawful"],
      ["", "", "", ""],
      ["Y", 300, "urban", "lawful"],
      ["B", 400, "rural", "violating"],
    ]);
    host.setSelection("Sheet1", "B2");
    const read = await createWorkbookActions(host.Excel).readSelection(getBuiltinTemplate("tobacco-retail-code")!);
    expect(read.table.address).toBe("Sheet1!A1:D6");
    expect(read.table.rowCount).toBe(5);
  });
});
