/**
 * The playground's formula engine and recalculation (src/playground): Excel's array rules on top of
 * fast-formula-parser, the worksheet functions GradeKit's formulas use, LET, recalculation in dependency
 * order (also through spills; circles named), GK.GRADE on a template saved in the workbook (a custom XML
 * part written by the task pane's adapter), and number formats shown with numfmt.
 */
import { gradeTable, type Template } from "../../src/engine";
import { displayText } from "../../src/playground/cell-display";
import { FormulaEngine, type CellReader } from "../../src/playground/formula-engine";
import { FormulaErrorCell } from "../../src/playground/formulas";
import { expandLet } from "../../src/playground/let-expansion";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { getBuiltinTemplate } from "../../src/templates";

/** A reader over one sheet "S" of fixed cells (row-major, 0-based). */
function reader(cells: (string | number | boolean | null)[][]): CellReader {
  const at = (r: number, c: number) => cells[r]?.[c] ?? null;
  return {
    cell: (sheet, r, c) => (sheet === "S" ? at(r, c) : undefined),
    range: (sheet, r0, c0, r1, c1) => {
      if (sheet !== "S") return undefined;
      const last = Math.min(r1, cells.length - 1);
      return Array.from({ length: last - r0 + 1 }, (_, i) =>
        Array.from({ length: c1 - c0 + 1 }, (_, j) => at(r0 + i, c0 + j)),
      );
    },
  };
}

const CELLS = [
  ["Apple", 10, true, null],
  ["banana ", 20, false, "x"],
  [" Cherry  pie", 30, "TRUE", 5],
];
const engine = new FormulaEngine(reader(CELLS), () => "en");
const show = (formula: string) => {
  const r = engine.evaluate(formula, "S");
  if ("syntaxError" in r) return { syntaxError: r.syntaxError };
  return r.cells.map((row) => row.map((v) => (v instanceof FormulaErrorCell ? v.code : v)));
};
const one = (formula: string) => {
  const r = show(formula);
  return Array.isArray(r) ? r[0][0] : r;
};

describe("Excel's rules in the formula engine", () => {
  test("operators work element by element on ranges and array constants; a row with a column makes a table", () => {
    expect(show("=B1:B3*2")).toEqual([[20], [40], [60]]);
    expect(show('=--(A1:A3={"apple","banana "})')).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(show("={1,2,3}+{10;20}")).toEqual([
      [11, 12, 13],
      [21, 22, 23],
    ]);
    expect(show("={1,2}+{1,2,3}")).toEqual([[2, 4, "#N/A"]]); // beyond the shorter array: #N/A
  });

  test('comparison: texts case-insensitively, numbers < texts < TRUE/FALSE, a blank is 0 or ""', () => {
    expect(one('=A1="APPLE"')).toBe(true);
    expect(one('=1<"a"')).toBe(true);
    expect(one('="z"<TRUE')).toBe(true);
    expect(one("=D1=0")).toBe(true);
    expect(one('=D1=""')).toBe(true);
    expect(one("=--C1+C2")).toBe(1); // TRUE and FALSE as numbers
    expect(one('="3"+1')).toBe(4);
    expect(one('="x"+1')).toBe("#VALUE!");
    expect(one("=1/0")).toBe("#DIV/0!");
    expect(one("=B1&C1")).toBe("10TRUE");
  });

  test("GradeKit's worksheet functions", () => {
    expect(show("=TRIM(A1:A3)")).toEqual([["Apple"], ["banana"], ["Cherry pie"]]);
    expect(show("=D1:D2")).toEqual([[0], ["x"]]); // a blank cell spills as 0
    expect(one('=SUBSTITUTE(SUBSTITUTE("a-b_c d","-",""),"_","")')).toBe("abc d");
    expect(one('=SUBSTITUTE("a-a-a","-","+",2)')).toBe("a-a+a");
    expect(one("=ROUND(1.005,2)")).toBe(1.01);
    expect(one("=ROUND(-2.5,0)")).toBe(-3);
    expect(one("=FLOOR(-2.5,1)")).toBe(-3);
    expect(one("=FLOOR(2.5,-1)")).toBe("#NUM!");
    expect(one("=MAX(B1:B3,C1:D3)")).toBe(30); // texts and TRUE in ranges do not count
    expect(one("=MIN(A1:A2)")).toBe(0);
    expect(one("=MATCH(0.5,{0,0.2,0.8},1)")).toBe(2);
    expect(one("=MATCH(0.8,{0,0.2,0.8},1)")).toBe(3);
    expect(one('=MATCH("b*",A1:A3,0)')).toBe(2);
    expect(one("=MATCH(-1,{0,0.2},1)")).toBe("#N/A");
    expect(one('=CHOOSE(2,"a","b")')).toBe("b");
    expect(one('=CHOOSE(3,"a","b")')).toBe("#VALUE!");
    expect(one("=SUMPRODUCT(--(B1:B3>15),B1:B3)")).toBe(50);
    expect(one("=SUMPRODUCT(B1:B3,{1;2})")).toBe("#VALUE!");
    expect(show("=MMULT(--(B1:B3>{15,25}),{1;1})")).toEqual([[0], [1], [2]]);
    expect(one('=OR(A1:A3="apple")')).toBe(true);
    expect(one("=AND(C1:C3)")).toBe(false); // "TRUE" as text in a range is skipped
    expect(one("=ISNUMBER(D3)")).toBe(true);
    expect(show("=ISTEXT(D1:D3)")).toEqual([[false], [true], [false]]);
    expect(one('=EXACT("a","A")')).toBe(false);
    expect(one('=IF(B1>5,"big")')).toBe("big");
    expect(one('=IF(B1>50,"big")')).toBe(false);
    expect(one('=IF(B1>50,"big",)')).toBe(0);
    expect(one("=IF(,1,2)")).toBe(2);
    expect(show('=IF(B1:B3>15,"big","small")')).toEqual([["small"], ["big"], ["big"]]);
    expect(one("=COUNTA(A1:D3)")).toBe(11);
    expect(one("=NA()")).toBe("#N/A");
    expect(one("=IF(TRUE(),#VALUE!,1)")).toBe("#VALUE!");
  });

  test("LET (Excel 365) and the file form's prefixes", () => {
    expect(one("=LET(gk_a,B1,gk_b,gk_a*2,gk_a+gk_b)")).toBe(30);
    expect(one("=_xlfn.LET(_xlpm.x,B2,x*x)")).toBe(400);
    expect(expandLet('LET(v,1,"v"&v)')).toBe('("v"&(1))');
    expect(one('=LET(x,2,"x"&x)')).toBe("x2");
  });

  test("unknown functions are #NAME?, formulas that cannot be read are syntax errors, other sheets #REF!", () => {
    expect(one("=NOSUCH(1)")).toBe("#NAME?");
    expect(show("=1+")).toHaveProperty("syntaxError");
    expect(show('=GK.GRADE("x"')).toHaveProperty("syntaxError");
    expect(one("=Other!A1")).toBe("#REF!");
    expect(one("=Other!A1+1")).toBe("#REF!");
  });
});

describe("recalculation in a playground workbook", () => {
  const blank = () =>
    new PlaygroundWorkbook(
      { id: "t", fileName: "t.xlsx", title: { en: "t", zh: "t" }, lang: "en", sheets: [{ name: "S", rows: [] }] },
      () => "en",
    );

  test("each formula after the formulas it reads (whatever their places), also through a spill", async () => {
    const wb = blank();
    await wb.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:A3").formulas = [["=A2+1"], ["=A3*2"], ["=C1+C2"]]; // A1 reads A2 reads A3 reads C1:C2
      ws.getRange("C1").formulas = [["={5;7}"]]; // spills into C2
      ws.getRange("E1").formulas = [["=SUM(C1:C2)"]];
      await context.sync();
    });
    expect(wb.host.getValues("S", "A1:A3")).toEqual([[25], [24], [12]]);
    expect(wb.host.getValues("S", "E1")).toEqual([[12]]);
    await wb.enter("S", "C1", "={1;2}");
    expect(wb.host.getValues("S", "A1:A3")).toEqual([[7], [6], [3]]);
  });

  test("a formula that reads only a spilled cell, written before the spill in the same batch, gets the spilled value", async () => {
    const wb = blank();
    await wb.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1").formulas = [["=C2*10"]]; // before C1 in sheet order; reads no formula cell yet
      ws.getRange("C1").formulas = [["={5;7}"]];
      await context.sync();
    });
    expect(wb.host.getValues("S", "A1")).toEqual([[70]]);
  });

  test("a circle of references is an error naming its cells, not a value from an arbitrary order", async () => {
    const wb = blank();
    await wb.enter("S", "A1", "=B1+1");
    await wb.enter("S", "B1", "=A1+1");
    expect(wb.host.getCell("S", "A1")).toMatchObject({ value: "#REF!", valueType: "Error" });
    expect(wb.errorMessage("S", 0, 0)).toMatch(/circular reference: S!A1, S!B1/);
    await wb.enter("S", "B1", "5");
    expect(wb.host.getValues("S", "A1")).toEqual([[6]]);
  });

  test("GK.GRADE finds a template saved in this workbook (a custom XML part), and not in another workbook", async () => {
    const base = getBuiltinTemplate("sales-pipeline")!;
    const mine: Template = { ...base, id: "my-pipeline", name: { en: "My pipeline", zh: "我的管道" } };
    const wb = blank();
    const other = blank();
    const rows: (string | number)[][] = [
      [300000, 2],
      [50000, 9],
      [1200000, 1],
    ];
    wb.host.setValues("S", "A1", rows);
    other.host.setValues("S", "A1", rows);
    await wb.actions.saveTemplate(mine); // what the task pane's "Save to workbook" does
    expect(wb.host.workbook.customXmlParts).toHaveLength(1);
    await wb.enter("S", "D1", '=GK.GRADE("my-pipeline",A1:B3)');
    await wb.enter("S", "E1", '=GK.GRADE("My pipeline",A1:B1)');
    const r = gradeTable(mine, { rows, fields: mine.fields.map((f) => f.key) });
    const want = rows.map((_, i) => r.grade(i));
    expect(want.every((g) => typeof g === "string" && g !== "")).toBe(true);
    expect(wb.host.getValues("S", "D1:D3").map((x) => x[0])).toEqual(want);
    expect(wb.host.getValues("S", "E1")[0][0]).toBe(want[0]);
    await other.enter("S", "D1", '=GK.GRADE("my-pipeline",A1:B3)');
    expect(other.host.getCell("S", "D1")).toMatchObject({ value: "#N/A", valueType: "Error" });
    expect(other.errorMessage("S", 0, 3)).toMatch(/unknown template 'my-pipeline'/);
  });
});

describe("number formats in the grid (numfmt)", () => {
  const cell = (value: number | string, numberFormat: string, text = String(value)) => ({ value, numberFormat, text });
  test("dates, decimals, thousands and percentages as Excel shows them; General and texts as the host shows them", () => {
    expect(displayText(cell(46000, "yyyy-mm-dd"), "en")).toBe("2025-12-09");
    expect(displayText(cell(45658, "m/d/yyyy"), "en")).toBe("1/1/2025");
    expect(displayText(cell(1234.5, "#,##0.00"), "en")).toBe("1,234.50");
    expect(displayText(cell(1200.6, "#,##0"), "en")).toBe("1,201");
    expect(displayText(cell(0.1234, "0.0%"), "en")).toBe("12.3%");
    expect(displayText(cell(-5, '0;(0);"zero"'), "en")).toBe("(5)");
    expect(displayText(cell(93.66666667, "General", "93.66666667"), "en")).toBe("93.66666667");
    expect(displayText(cell("10万", "#,##0"), "en")).toBe("10万");
    expect(displayText(cell(46000, "yyyy年m月d日"), "zh-CN")).toBe("2025年12月9日");
  });
});
