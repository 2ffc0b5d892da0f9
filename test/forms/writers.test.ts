/**
 * The two writers of a form layout draw the same form: "Insert form" through Office.js (src/excel/
 * forms.ts against the strict in-memory host) and the CLI's exceljs workbook (read back from
 * .xlsx). Each is compared with the pure layout model: cells and formulas, merges, styles,
 * borders, data validation, conditional formats, frozen rows, column widths, row heights, print
 * setup and page header/footer.
 */
import ExcelJS from "exceljs";
import type { Template } from "../../src/engine";
import { createWorkbookActions, insertForm, FormError, uniqueSheetName } from "../../src/excel";
import { formWorkbook } from "../../src/cli/commands/form";
import { areaA1, formLayout, headerFooterString, isFormRefusal, pointsToExcelColumnWidth, styleAt, type Area, type FormLayout } from "../../src/forms";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { PageLayoutProxy } from "../../src/host/proxies/page-layout";
import { getBuiltinTemplate } from "../../src/templates";

const CASES: { id: string; lang: "en" | "zh-CN"; rows: number }[] = [
  { id: "mfq-102a", lang: "en", rows: 15 },
  { id: "pharma-score", lang: "zh-CN", rows: 8 },
  { id: "tobacco-retail-code", lang: "en", rows: 6 },
];

function layoutOf(t: Template, lang: "en" | "zh-CN", rows: number): FormLayout {
  const l = formLayout(t, { lang, rows });
  if (isFormRefusal(l)) throw new Error(l.reason.en);
  return l;
}

function cellsOf(a: Area): [number, number][] {
  const out: [number, number][] = [];
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) out.push([r, c]);
  return out;
}

const a1 = (r: number, c: number) => areaA1({ row: r, col: c, rows: 1, cols: 1 });
const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Every cell of the printed form plus the list columns: [row, col]. */
function everyCell(l: FormLayout): [number, number][] {
  const width = Math.max(l.width, ...l.cells.map((c) => c.col + 1));
  return cellsOf({ row: 0, col: 0, rows: l.height, cols: width });
}

describe.each(CASES)("Insert form through Office.js (in-memory host): $id", ({ id, lang, rows }) => {
  const template = getBuiltinTemplate(id)!;
  const layout = layoutOf(template, lang, rows);
  let host: ExcelHost;
  let sheet: ReturnType<ExcelHost["snapshot"]>["sheets"][number];
  let result: Awaited<ReturnType<typeof insertForm>>;

  beforeAll(async () => {
    host = createExcelHost({ sheets: ["Data"] });
    result = await insertForm(host.Excel, { template, rows, lang });
    sheet = host.snapshot().sheets.find((s) => s.name === result.sheet)!;
  });

  test("a new, active sheet named after the form; the first cell to fill is selected", () => {
    expect(result.sheet).toBe(layout.sheetName);
    expect(result.rows).toBe(rows);
    expect(result.printSetup).toBe(true);
    expect(sheet.position).toBe(1);
    const snap = host.snapshot();
    expect(snap.activeSheet).toBe(layout.sheetName);
    expect(snap.selection).toEqual({ sheet: layout.sheetName, address: a1(layout.dataRows.first, 0) });
    expect(result.address).toMatch(new RegExp(`!${a1(layout.dataRows.first, 0)}:${a1(layout.dataRows.last, layout.width - 1)}$`));
  });

  test("cells: the layout's texts and numbers, grade/score formulas, nothing else", () => {
    for (const [r, c] of everyCell(layout)) {
      const want = layout.cells.find((x) => x.row === r && x.col === c);
      const got = host.getCell(sheet.name, a1(r, c));
      if (!want) expect([a1(r, c), got.value, got.formula]).toEqual([a1(r, c), "", null]);
      else if ("formula" in want) expect([a1(r, c), got.formula]).toEqual([a1(r, c), `=${want.formula}`]);
      else expect([a1(r, c), got.value]).toEqual([a1(r, c), want.value]);
    }
  });

  test("merges, styles and borders", () => {
    expect([...sheet.merges].sort()).toEqual(layout.merges.map((m) => areaA1(m)).sort());
    for (const [r, c] of everyCell(layout)) {
      const s = styleAt(layout, r, c);
      const got = host.getCell(sheet.name, a1(r, c));
      const at = a1(r, c);
      expect([at, got.font.bold]).toEqual([at, s.bold ?? false]);
      expect([at, got.font.italic]).toEqual([at, s.italic ?? false]);
      expect([at, got.font.size]).toEqual([at, s.size ?? 11]);
      expect([at, got.font.color]).toEqual([at, s.color ?? "#000000"]);
      expect([at, got.fill]).toEqual([at, s.fill ?? null]);
      expect([at, got.horizontalAlignment]).toEqual([at, s.hAlign ? H[s.hAlign] : "General"]);
      expect([at, got.verticalAlignment]).toEqual([at, s.vAlign ? V[s.vAlign] : "Bottom"]);
      expect([at, got.wrapText]).toEqual([at, s.wrap ?? false]);
      expect([at, got.numberFormat]).toEqual([at, s.numberFormat ?? "General"]);
    }
    const borders = new Set(sheet.borders.map((b) => `${b.range} ${b.index} ${b.style} ${b.weight}`));
    for (const { area, style } of layout.styles) {
      if (!style.border) continue;
      const edges = style.border === "bottom" ? ["EdgeBottom"] : ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...(area.cols > 1 ? ["InsideVertical"] : []), ...(area.rows > 1 ? ["InsideHorizontal"] : [])];
      for (const e of edges) expect(borders).toContain(`${areaA1(area)} ${e} Continuous Thin`);
    }
  });

  test("column widths and row heights", () => {
    layout.columns.forEach((c, i) => expect(pointsToExcelColumnWidth(sheet.columnWidths[String.fromCharCode(65 + i)])).toBeCloseTo(c.width, 1));
    const heights: Record<string, number> = {};
    for (const [r, h] of Object.entries(layout.rowHeights)) heights[String(Number(r) + 1)] = h;
    expect(sheet.rowHeights).toEqual(heights);
  });

  test("data validation: rules, input messages and stop alerts", () => {
    const want = layout.validations.map((v) => ({
      ranges: [areaA1(v.area)],
      rule:
        v.rule.kind === "list"
          ? { list: { inCellDropDown: true, source: v.rule.source ? `=${areaA1(v.rule.source, true)}` : v.rule.items.join(",") } }
          : {
              decimal:
                v.rule.min !== undefined && v.rule.max !== undefined
                  ? { operator: "Between", formula1: v.rule.min, formula2: v.rule.max }
                  : v.rule.min !== undefined
                    ? { operator: "GreaterThanOrEqualTo", formula1: v.rule.min }
                    : v.rule.max !== undefined
                      ? { operator: "LessThanOrEqualTo", formula1: v.rule.max }
                      : { operator: "Between", formula1: -1e307, formula2: 1e307 },
            },
      errorAlert: { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message },
      prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.message },
      ignoreBlanks: true,
    }));
    expect(sheet.dataValidations).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
  });

  test("conditional formats: one per grade (in grade order, best on top), then errors", () => {
    expect(sheet.conditionalFormats.map((c) => ({ type: c.type, ranges: c.ranges, rule: c.rule, fill: c.format.fill, font: c.format.fontColor }))).toEqual(
      layout.conditionalFormats.map((cf) =>
        cf.kind === "equals"
          ? { type: "CellValue", ranges: [areaA1(cf.area)], rule: { formula1: `="${cf.text}"`, operator: "EqualTo" }, fill: cf.fill, font: null }
          : { type: "Custom", ranges: [areaA1(cf.area)], rule: { formula: `=ISERROR(${a1(cf.area.row, cf.area.col)})` }, fill: cf.fill, font: cf.fontColor },
      ),
    );
  });

  test("frozen header rows; A4, orientation, fit to width, print titles and area, margins, header and footer", () => {
    expect(sheet.freeze).toEqual(layout.freeze);
    const p = layout.print;
    const hf = (sheet.pageLayout.headersFooters as { defaultForAllPages: Record<string, string> }).defaultForAllPages;
    expect(sheet.pageLayout).toMatchObject({
      orientation: p.orientation === "landscape" ? "Landscape" : "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      leftMargin: p.margins.left * 72,
      topMargin: p.margins.top * 72,
      headerMargin: p.margins.header * 72,
      printTitleRows: `${p.titleRows.first + 1}:${p.titleRows.last + 1}`,
      printArea: [areaA1(p.area)],
    });
    expect(hf).toEqual({ leftHeader: p.header.left, centerHeader: p.header.center, rightHeader: p.header.right, leftFooter: p.footer.left, centerFooter: p.footer.center, rightFooter: p.footer.right });
    if (id === "mfq-102a") expect(hf.rightHeader + hf.rightFooter).toBe("MF/Q 102/AMF/Q 102/A");
  });
});

describe("Insert form: the adapter around it", () => {
  test("a taken sheet name gets (2), (3)...; WorkbookActions.insertForm is the same function; syncs do not grow with rows", async () => {
    expect(uniqueSheetName("Form", ["form", "Form (2)"])).toBe("Form (3)");
    expect(uniqueSheetName("x".repeat(31), ["x".repeat(31)])).toBe("x".repeat(27) + " (2)");
    const host = createExcelHost({ sheets: ["客户分类等级划分表"] });
    const actions = createWorkbookActions(host.Excel);
    const t = getBuiltinTemplate("mfq-102a")!;
    const r1 = await actions.insertForm({ template: t, rows: 5 });
    expect(r1.sheet).toBe("客户分类等级划分表 (2)");
    host.resetStats();
    const r2 = await actions.insertForm({ template: t, rows: 400 });
    expect(r2.sheet).toBe("客户分类等级划分表 (3)");
    expect(host.stats.syncs).toBeLessThanOrEqual(5);
    expect(host.getCell(r2.sheet, "I405").formula).toMatch(/^=IF\(/);
  });

  test("Excel without the page layout API (before ExcelApi 1.9): the form is inserted, printSetup false", async () => {
    const proto = PageLayoutProxy.prototype as unknown as { setPrintTitleRows: (...a: unknown[]) => void };
    const original = proto.setPrintTitleRows;
    proto.setPrintTitleRows = () => {
      throw Object.assign(new Error("This API is not supported"), { code: "ApiNotFound" });
    };
    try {
      const host = createExcelHost({ sheets: ["Data"] });
      const r = await insertForm(host.Excel, { template: getBuiltinTemplate("spend-5")!, rows: 3 });
      expect(r.printSetup).toBe(false);
      expect(host.getCell(r.sheet, "C5").formula).toMatch(/^=IF\(/);
      expect(host.snapshot().sheets[1].conditionalFormats.length).toBeGreaterThan(0);
    } finally {
      proto.setPrintTitleRows = original;
    }
  });

  test("a template the compiler refuses: FormError with the reason in both languages, nothing inserted", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    const code = getBuiltinTemplate("tobacco-retail-code")!;
    const bad = { ...code, id: "code-with-cap", post: [{ cap: "Z111", when: { field: "chain", is: "yes" } }] } as Template;
    const e = await insertForm(host.Excel, { template: bad }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FormError);
    expect((e as FormError).code).toBe("notExpressible");
    expect((e as FormError).messageIn("zh-CN")).toMatch(/无法编译/);
    expect(host.sheetNames()).toEqual(["Data"]);
  });
});

describe.each(CASES)("the CLI's xlsx (exceljs, read back): $id", ({ id, lang, rows }) => {
  const layout = layoutOf(getBuiltinTemplate(id)!, lang, rows);
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const buffer = await formWorkbook(layout).xlsx.writeBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as ArrayBuffer);
    ws = wb.worksheets[0];
  });

  test("sheet, cells and formulas (no cached results), merges", () => {
    expect(ws.name).toBe(layout.sheetName);
    for (const [r, c] of everyCell(layout)) {
      const want = layout.cells.find((x) => x.row === r && x.col === c);
      const got = ws.getCell(r + 1, c + 1);
      const at = a1(r, c);
      if (got.isMerged && got.master !== got) expect([at, want]).toEqual([at, undefined]); // exceljs shows the master's value here
      else if (!want) expect([at, got.value]).toEqual([at, null]);
      else if ("formula" in want) expect([at, got.formula, (got.value as { result?: unknown }).result]).toEqual([at, want.formula, undefined]);
      else expect([at, got.value]).toEqual([at, want.value]);
    }
    expect([...(ws.model as unknown as { merges: string[] }).merges].sort()).toEqual(layout.merges.map((m) => areaA1(m)).sort());
  });

  test("styles: fonts, fills, alignment, number formats, borders", () => {
    for (const [r, c] of everyCell(layout)) {
      const s = styleAt(layout, r, c);
      const cell = ws.getCell(r + 1, c + 1);
      const at = a1(r, c);
      expect([at, !!cell.font?.bold, !!cell.font?.italic]).toEqual([at, !!s.bold, !!s.italic]);
      if (s.size) expect([at, cell.font?.size]).toEqual([at, s.size]);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      expect([at, fill?.pattern === "solid" ? fill.fgColor?.argb : undefined]).toEqual([at, s.fill ? "FF" + s.fill.slice(1) : undefined]);
      expect([at, cell.alignment?.horizontal, !!cell.alignment?.wrapText]).toEqual([at, s.hAlign, !!s.wrap]);
      expect([at, cell.numFmt || undefined]).toEqual([at, s.numberFormat]);
    }
    for (const { area, style } of layout.styles) {
      if (style.border === "grid") for (const [r, c] of cellsOf(area)) expect(ws.getCell(r + 1, c + 1).border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } });
      if (style.border === "bottom") expect(ws.getCell(area.row + area.rows, area.col + 1).border?.bottom).toMatchObject({ style: "thin" });
    }
    layout.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(c.width, 2));
    for (const [r, h] of Object.entries(layout.rowHeights)) expect(ws.getRow(Number(r) + 1).height).toBe(h);
  });

  test("data validation on every data cell of its column", () => {
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    let n = 0;
    for (const v of layout.validations) {
      for (const [r, c] of cellsOf(v.area)) {
        n++;
        const got = model[a1(r, c)];
        expect(got).toMatchObject({ allowBlank: true, showInputMessage: true, showErrorMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message, errorTitle: v.error.title, error: v.error.message });
        if (v.rule.kind === "list") expect(got).toMatchObject({ type: "list", formulae: [v.rule.source ? areaA1(v.rule.source, true) : `"${v.rule.items.join(",")}"`] });
        else expect(got.type).toBe("decimal");
        if (v.rule.kind === "decimal" && v.rule.min !== undefined) expect(got.formulae[0]).toBe(v.rule.min);
      }
    }
    expect(Object.keys(model).filter((k) => model[k])).toHaveLength(n);
  });

  test("conditional formats, frozen rows, page setup, header and footer", () => {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; priority: number; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cfs.map((x) => ({ ref: x.ref, type: x.rules[0].type, formula: x.rules[0].formulae[0], fill: x.rules[0].style.fill.bgColor.argb, priority: x.rules[0].priority }))).toEqual(
      layout.conditionalFormats.map((cf, i) => ({
        ref: areaA1(cf.area),
        type: cf.kind === "equals" ? "cellIs" : "expression",
        formula: cf.kind === "equals" ? `"${cf.text}"` : `ISERROR(${a1(cf.area.row, cf.area.col)})`,
        fill: "FF" + cf.fill.slice(1),
        priority: i + 1,
      })),
    );
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: layout.freeze.rows, xSplit: 0 });
    const p = layout.print;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: areaA1(p.area),
      printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}`,
      margins: p.margins,
    });
    expect(ws.headerFooter).toMatchObject({ oddHeader: headerFooterString(p.header), oddFooter: headerFooterString(p.footer) });
  });
});
