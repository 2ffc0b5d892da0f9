import { createExcelHost } from "../../src/host";

type Host = ReturnType<typeof createExcelHost>;

async function addCellValue(host: Host, address: string, rule: Excel.ConditionalCellValueRule, fill: string, extra?: (cf: Excel.ConditionalFormat) => void) {
  await host.Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem("Sheet1").getRange(address).conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
    cf.cellValue.format.fill.color = fill;
    cf.cellValue.rule = rule;
    if (extra) extra(cf);
    await context.sync();
  });
}

function fills(host: Host, addresses: string[]): (string | null)[] {
  return addresses.map((a) => host.getCell("Sheet1", a).effectiveFill);
}

describe("conditional formats", () => {
  test("cellValue operators with numbers", async () => {
    const ops: [Excel.ConditionalCellValueRule, (string | null)[]][] = [
      [{ operator: "EqualTo", formula1: "=2" }, [null, "#00FF00", null, null]],
      [{ operator: "NotEqualTo", formula1: "2" }, ["#00FF00", null, "#00FF00", "#00FF00"]],
      [{ operator: "GreaterThan", formula1: "=2" }, [null, null, "#00FF00", null]],
      [{ operator: "GreaterThanOrEqual", formula1: "=2" }, [null, "#00FF00", "#00FF00", null]],
      [{ operator: "LessThan", formula1: "=2" }, ["#00FF00", null, null, "#00FF00"]], // a blank cell counts as 0
      [{ operator: "LessThanOrEqual", formula1: "=2" }, ["#00FF00", "#00FF00", null, "#00FF00"]],
      [{ operator: "Between", formula1: "=1", formula2: "=2" }, ["#00FF00", "#00FF00", null, null]],
      [{ operator: "Between", formula1: "=2", formula2: "=1" }, ["#00FF00", "#00FF00", null, null]], // bounds in any order
      [{ operator: "NotBetween", formula1: "=1", formula2: "=2" }, [null, null, "#00FF00", "#00FF00"]],
    ];
    for (const [rule, expected] of ops) {
      const host = createExcelHost();
      host.setValues("Sheet1", "A1", [[1], [2], [3]]);
      await addCellValue(host, "A1:A4", rule, "#00FF00");
      expect({ rule, got: fills(host, ["A1", "A2", "A3", "A4"]) }).toEqual({ rule, got: expected });
    }
  });

  test("cellValue with quoted strings (case-insensitive) and cell references", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["A", 90], ["b", 60], ["C", 75]]);
    host.setValues("Sheet1", "E1", [[70]]);
    await addCellValue(host, "A1:A3", { operator: "EqualTo", formula1: '="a"' }, "#C6EFCE");
    await addCellValue(host, "B1:B3", { operator: "GreaterThan", formula1: "=$E$1" }, "#FFC7CE");
    expect(fills(host, ["A1", "A2", "A3"])).toEqual(["#C6EFCE", null, null]);
    expect(fills(host, ["B1", "B2", "B3"])).toEqual(["#FFC7CE", null, "#FFC7CE"]);
  });

  test("relative references are relative to the top-left cell of the applies-to range", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[5, 4], [5, 6], [5, 5]]);
    await addCellValue(host, "A1:A3", { operator: "GreaterThan", formula1: "=B1" }, "#FF0000");
    expect(fills(host, ["A1", "A2", "A3"])).toEqual(["#FF0000", null, null]);
  });

  test("text comparison rules", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["Gold member"], ["silver"], ["GOLD"], [""], ["old gold"]]);
    const cases: [Excel.ConditionalTextComparisonRule["operator"], (string | null)[]][] = [
      ["Contains", ["#1", null, "#1", null, "#1"]],
      ["NotContains", [null, "#1", null, "#1", null]],
      ["BeginsWith", ["#1", null, "#1", null, null]],
      ["EndsWith", [null, null, "#1", null, "#1"]],
    ];
    for (const [operator, expected] of cases) {
      const h = createExcelHost();
      h.setValues("Sheet1", "A1", host.getValues("Sheet1", "A1:A5"));
      await h.Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.add(h.Excel.ConditionalFormatType.containsText);
        cf.textComparison.format.fill.color = "#111111";
        cf.textComparison.rule = { operator, text: "gold" };
        await context.sync();
      });
      expect({ operator, got: fills(h, ["A1", "A2", "A3", "A4", "A5"]) }).toEqual({
        operator,
        got: expected.map((x) => (x ? "#111111" : null)),
      });
    }
  });

  test("priority order: the first matching rule wins per attribute; later rules fill in other attributes", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[95], [85], [50]]);
    host.setFormat("Sheet1", "A1:A3", { fill: "#DDDDDD" });
    await host.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      cf.cellValue.format.fill.color = "#FFC000";
      cf.cellValue.format.font.color = "#0000FF";
      cf.cellValue.rule = { operator: "GreaterThanOrEqual", formula1: "=80" };
      await context.sync();
    });
    // added last => priority 0 (a new rule goes to the top, as in Excel)
    await addCellValue(host, "A1:A3", { operator: "GreaterThanOrEqual", formula1: "=90" }, "#00B050");
    const a1 = host.getCell("Sheet1", "A1");
    expect(a1.effectiveFill).toBe("#00B050"); // priority 0 wins the fill
    expect(a1.effectiveFontColor).toBe("#0000FF"); // priority 1 still sets the font colour
    expect(a1.fill).toBe("#DDDDDD"); // the cell's own fill is unchanged
    expect(host.getCell("Sheet1", "A2").effectiveFill).toBe("#FFC000");
    expect(host.getCell("Sheet1", "A3").effectiveFill).toBe("#DDDDDD");
    expect(a1.conditionalFormats.matched).toHaveLength(2);
  });

  test("stopIfTrue stops lower-priority rules", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[95]]);
    await host.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      cf.cellValue.format.font.color = "#FF0000";
      cf.cellValue.rule = { operator: "GreaterThan", formula1: "=0" };
      await context.sync();
    });
    // added last => top priority
    await addCellValue(host, "A1", { operator: "GreaterThan", formula1: "=90" }, "#00B050", (cf) => {
      cf.stopIfTrue = true;
    });
    expect(host.getCell("Sheet1", "A1")).toMatchObject({ effectiveFill: "#00B050", effectiveFontColor: "#000000" });
  });

  test("changing priority reorders; negative priority counts from the back", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[95]]);
    await addCellValue(host, "A1", { operator: "GreaterThan", formula1: "=90" }, "#000001");
    await addCellValue(host, "A1", { operator: "GreaterThan", formula1: "=80" }, "#000002", (cf) => {
      cf.priority = 0;
    });
    expect(host.getCell("Sheet1", "A1").effectiveFill).toBe("#000002");
    await host.Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats;
      const first = cfs.getItemAt(0);
      first.priority = -1;
      await context.sync();
      cfs.load("items/priority, items/type");
      await context.sync();
      expect(cfs.items.map((x) => x.priority)).toEqual([0, 1]);
    });
    expect(host.getCell("Sheet1", "A1").effectiveFill).toBe("#000001");
  });

  test("collection: getCount, items, rule read-back, clearAll", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[1], [2], [3], [4]]);
    await addCellValue(host, "A1:A4", { operator: "EqualTo", formula1: "=1" }, "#FF0000");
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const cfs = sheet.getRange("A1:A4").conditionalFormats;
      const count = cfs.getCount();
      const outside = sheet.getRange("C1").conditionalFormats.getCount();
      cfs.load("items/type, items/id, items/stopIfTrue");
      await context.sync();
      expect(count.value).toBe(1);
      expect(outside.value).toBe(0);
      expect(cfs.items[0].type).toBe("CellValue");
      const cv = cfs.items[0].cellValue.load("rule");
      const fill = cfs.items[0].cellValue.format.fill.load("color");
      await context.sync();
      expect(cv.rule).toEqual({ operator: "EqualTo", formula1: "=1" });
      expect(fill.color).toBe("#FF0000");
      sheet.getRange("A1:A2").conditionalFormats.clearAll(); // only trims the cleared part
      await context.sync();
    });
    expect(fills(host, ["A1", "A3"])).toEqual([null, null]);
    const snap = host.snapshot();
    expect(snap.sheets[0].conditionalFormats[0].ranges).toEqual(["A3:A4"]);
  });

  test("wrong accessor for the type is ItemNotFound; the OrNullObject accessor is a null object", async () => {
    const host = createExcelHost();
    await expect(
      host.Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add(host.Excel.ConditionalFormatType.containsText);
        cf.cellValue.format.fill.color = "#FF0000";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await host.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A2").conditionalFormats.add(host.Excel.ConditionalFormatType.containsText);
      const maybe = cf.cellValueOrNullObject;
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
  });

  test("invalid rules are InvalidArgument", async () => {
    const host = createExcelHost();
    await expect(addCellValue(host, "A1", { operator: "Between", formula1: "=1" } as Excel.ConditionalCellValueRule, "#FF0000")).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(addCellValue(host, "A1", { operator: "Bigger", formula1: "=1" } as unknown as Excel.ConditionalCellValueRule, "#FF0000")).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("custom rules are stored; evaluated only with a customRuleEvaluator", async () => {
    const setup = async (host: Host) => {
      host.setValues("Sheet1", "A1", [[1], [2]]);
      await host.Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").conditionalFormats.add(host.Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = "=ISODD(A1)";
        cf.custom.format.fill.color = "#ABCDEF";
        await context.sync();
      });
    };
    const plain = createExcelHost();
    await setup(plain);
    const a1 = plain.getCell("Sheet1", "A1");
    expect(a1.effectiveFill).toBeNull();
    expect(a1.conditionalFormats.unevaluated).toHaveLength(1);
    expect(plain.snapshot().sheets[0].conditionalFormats[0].rule).toEqual({ formula: "=ISODD(A1)" });

    const evaluated = createExcelHost({
      customRuleEvaluator: (formula, where) => {
        expect(formula).toBe("=ISODD(A1)");
        return where.row % 2 === 0; // rows 1, 3, ... (0-based 0, 2, ...)
      },
    });
    await setup(evaluated);
    expect(fills(evaluated, ["A1", "A2"])).toEqual(["#ABCDEF", null]);
  });

  test("clear('Formats') removes conditional formats inside the range", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [[1]]);
    await addCellValue(host, "A1", { operator: "EqualTo", formula1: "=1" }, "#FF0000");
    expect(host.getCell("Sheet1", "A1").effectiveFill).toBe("#FF0000");
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A:A").clear("Formats");
    });
    expect(host.getCell("Sheet1", "A1").effectiveFill).toBeNull();
    expect(host.getCell("Sheet1", "A1").value).toBe(1);
  });
});

describe("conditional format priority", () => {
  test("a new conditional format goes to the top priority, like Excel", async () => {
    const host = createExcelHost();
    host.setValues("Sheet1", "A1", [["A"], ["A"], ["A"]]);
    const priorities = await host.Excel.run(async (context: Excel.RequestContext) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      const first = range.conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      first.cellValue.format.fill.color = "#FF0000";
      first.cellValue.rule = { formula1: '="A"', operator: "EqualTo" };
      const second = range.conditionalFormats.add(host.Excel.ConditionalFormatType.cellValue);
      second.cellValue.format.fill.color = "#00FF00";
      second.cellValue.rule = { formula1: '="A"', operator: "EqualTo" };
      first.load("priority");
      second.load("priority");
      await context.sync();
      return [first.priority, second.priority];
    });
    expect(priorities).toEqual([1, 0]);
    expect(host.getCell("Sheet1", "A1").effectiveFill).toBe("#00FF00");
  });
});
