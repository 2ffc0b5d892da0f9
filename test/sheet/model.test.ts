/**
 * The sheet-layout model (src/engine/sheet): the builder, areas, styles per cell, print setup,
 * text measures; and the purity of the model and of the report builders (src/reports).
 */
import * as fs from "fs";
import * as path from "path";
import {
  a4Print,
  area,
  areaA1,
  cellsOf,
  excelColumnWidthToPoints,
  headerFooterLiteral,
  headerFooterString,
  inArea,
  numberFormatAt,
  pointsToExcelColumnWidth,
  rowHeightFor,
  SheetBuilder,
  styleAt,
  textWidth,
  wrappedLines,
} from "../../src/engine";
import { reviewLayout, reviewSheet, comparePeriods } from "../../src/engine/review";
import { SUMMARY_SHEETS, summaryLayout } from "../../src/reports/summary";

describe("SheetBuilder", () => {
  test("collects cells, blocks, merges, styles, sizes, rules, view, print and charts as plain data", () => {
    const b = new SheetBuilder("S");
    b.put(0, 0, "title").put(0, 1, "").formula(1, 2, "A1&B1").block(2, 0, [["a", 1], [true]]);
    b.merge(area(0, 0, 1, 3)).merge(area(5, 5)).style(area(0, 0, 1, 3), { bold: true }).style(area(0, 0), { size: 14, numberFormat: "@" });
    b.rowHeight(0, 30).columns([{ width: 12 }]).freeze(1).select(2, 0).fitColumns(area(2, 0, 2, 2));
    b.validate({ area: area(2, 1, 2, 1), rule: { kind: "decimal", min: 0 }, prompt: { title: "t", message: "m" }, error: { title: "e", message: "x" } });
    b.conditional({ kind: "error", area: area(1, 2), fill: "#FFC7CE", fontColor: "#9C0006" });
    b.print(a4Print(area(0, 0, 4, 3))).chart({ kind: "bar", source: area(2, 0, 2, 2), seriesBy: "rows", title: "c", legend: true, at: area(0, 5, 10, 5) });
    const l = b.done();
    expect(l.cells).toEqual([
      { row: 0, col: 0, value: "title" },
      { row: 1, col: 2, formula: "A1&B1" },
    ]);
    expect(l.blocks).toEqual([{ row: 2, col: 0, values: [["a", 1], [true]] }]);
    expect(l.merges).toEqual([area(0, 0, 1, 3)]); // a single cell is not merged
    expect(styleAt(l, 0, 0)).toEqual({ bold: true, size: 14, numberFormat: "@" });
    expect(styleAt(l, 0, 2)).toEqual({ bold: true });
    expect(numberFormatAt(l, 0, 0)).toBe("@");
    expect(numberFormatAt(l, 0, 1)).toBeUndefined();
    expect(l).toMatchObject({ sheetName: "S", rowHeights: { 0: 30 }, columns: [{ width: 12 }], freeze: { rows: 1, cols: 0 }, select: { row: 2, col: 0 }, fitColumns: area(2, 0, 2, 2) });
    expect(l.validations).toHaveLength(1);
    expect(l.conditionalFormats).toHaveLength(1);
    expect(l.charts[0].kind).toBe("bar");
    expect(JSON.parse(JSON.stringify(l))).toEqual(l); // plain data
  });

  test("areas and their A1 references", () => {
    expect(areaA1(area(0, 0))).toBe("A1");
    expect(areaA1(area(4, 1, 3, 27))).toBe("B5:AB7");
    expect(areaA1(area(4, 1, 3, 1), true)).toBe("$B$5:$B$7");
    expect(cellsOf(area(1, 1, 2, 2))).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
    expect([inArea(area(1, 1, 2, 2), 2, 2), inArea(area(1, 1, 2, 2), 3, 1)]).toEqual([true, false]);
  });

  test("print setup: A4 defaults, header/footer strings with Excel's codes", () => {
    const p = a4Print(area(0, 0, 10, 5), { orientation: "landscape", titleRows: { first: 2, last: 3 } });
    expect(p).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, titleRows: { first: 2, last: 3 }, centerHorizontally: true });
    expect(a4Print(area(0, 0, 1, 1)).titleRows).toBeUndefined();
    expect(headerFooterString({ left: headerFooterLiteral("A&B"), center: "", right: "&P" })).toBe("&LA&&B&R&P");
  });

  test("text measures: CJK counts double, wrapped lines, row heights, column width units", () => {
    expect(textWidth("ab客户")).toBe(6);
    expect(wrappedLines("one two three four", 10)).toBe(3); // "one two " | "three " | "four"
    expect(wrappedLines("a\nb", 40)).toBe(2);
    expect(rowHeightFor(2)).toBe(34);
    expect(pointsToExcelColumnWidth(excelColumnWidthToPoints(12.5))).toBeCloseTo(12.5, 2);
  });
});

describe("builders on the model", () => {
  test("reviewLayout: the grid as one block, title 14 pt, bold rows, fills, percentages, fitted columns", () => {
    const c = comparePeriods({ keys: ["a", "b"], grades: ["A", "B"], measure: [1, 2] }, { keys: ["a", "b"], grades: ["B", "B"], measure: [1, 3] });
    const sheet = reviewSheet(c, { previous: "p", current: "c", measureName: "m" });
    const l = reviewLayout(sheet);
    expect(l.sheetName).toBe(sheet.name);
    expect(l.blocks).toEqual([{ row: 0, col: 0, values: sheet.cells }]);
    expect(styleAt(l, 0, 0)).toMatchObject({ size: 14, bold: true });
    expect(styleAt(l, sheet.percent[0].row, sheet.percent[0].col).numberFormat).toBe("0.0%");
    for (const f of sheet.fills) expect(styleAt(l, f.row, f.col).fill).toBe(f.color);
    expect(l.fitColumns).toEqual(area(sheet.matrix.row, 0, sheet.cells.length - sheet.matrix.row, sheet.width));
    expect(l.columns.map((x) => x.width)).toEqual([22, ...new Array(sheet.width - 1).fill(12)]);
  });

  test("summaryLayout: title, table, cross-tab, formats and the chart of rows per grade", () => {
    const l = summaryLayout(
      {
        rows: [
          { label: "A", count: 2, share: 0.5, measure: 10, measureShare: 0.25 },
          { label: "B", count: 1, share: 0.25, measure: 30, measureShare: 0.75 },
        ],
        total: 4,
        errors: 1,
        empty: 2,
        errorsMeasure: 0,
        measureTotal: 40,
        crossTab: { groupHeader: "region", groups: ["N", "S"], grades: ["A", "B"], counts: [[2, 0], [0, 1]], errors: [1, 0], totals: [3, 1] },
      },
      { lang: "en", templateName: "T", source: { address: "Data!A1:C7", rows: 6 }, measureName: "revenue" },
    );
    expect(l.sheetName).toBe(SUMMARY_SHEETS.en);
    expect(l.blocks.map((b) => [b.row, b.values[0]])).toEqual([
      [0, ["GradeKit summary: T"]],
      [3, ["Grade", "Count", "Share", "Sum of revenue", "Share of revenue"]],
      [11, ["region × grade"]],
    ]);
    expect(l.blocks[1].values.slice(3)).toEqual([
      ["Not graded (bad input)", 1, 0.25, 0, 0],
      ["No data", 2, "", "", ""],
      ["Total", 4, 1, 40, 1],
    ]);
    expect(l.blocks[2].values[l.blocks[2].values.length - 1]).toEqual(["Total", 2, 1, 1, 4]);
    expect(styleAt(l, 4, 3).numberFormat).toBe("#,##0.00");
    expect(styleAt(l, 8, 0).bold).toBe(true);
    expect(l.charts).toEqual([{ kind: "column", source: area(3, 0, 3, 2), seriesBy: "columns", title: "Rows per grade", legend: false, at: area(3, 6, 17, 8) }]);
    expect(SUMMARY_SHEETS["zh-CN"]).toBe("分级汇总");
  });
});

describe("purity", () => {
  test.each(["src/engine/sheet", "src/reports"])("%s imports only the engine (no Node, DOM, React or Office)", (dir) => {
    const full = path.join(__dirname, "..", "..", dir);
    const files = fs.readdirSync(full).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const src = fs.readFileSync(path.join(full, f), "utf8");
      const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const i of imports) expect([f, i, /^\.\/|^\.\.\/(sheet-address\/a1|engine|sheet)$/.test(i)]).toEqual([f, i, true]);
      expect([f, /\b(document|window|process|require|Excel|Office)\s*[.(]/.test(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))]).toEqual([f, false]);
    }
  });
});
