/**
 * The two drawers of the sheet-layout model write the same sheet: a layout using every part of
 * the model drawn by the Office.js drawer (src/excel/draw) on the in-memory host and by the xlsx
 * drawer (src/cli/xlsx-draw.ts) then read back with exceljs give the same cells, formats, merges,
 * conditional formats, validation, frozen panes, sizes and print setup, and both match the
 * layout. Plus the Office drawer's round trips: by payload, never by cell or rule.
 */
import ExcelJS from "exceljs";
import { areaA1, cellA1, headerFooterString, pointsToExcelColumnWidth, SheetBuilder, styleAt, area, type SheetLayout } from "../../src/engine";
import { drawSheet } from "../../src/excel/draw";
import { drawXlsxSheet, newXlsxWorkbook } from "../../src/cli/xlsx-draw";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { kitchenSink, SINK_NAME } from "./kitchen-sink";

const ROWS = 13;
const COLS = 10;
const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const XH: Record<string, string> = { left: "Left", center: "Center", right: "Right" };
const XV: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom" };

interface Seen {
  content: unknown;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
}

interface Drawn {
  cells: Record<string, Seen>;
  merges: string[];
  rules: { ref: string; kind: string; formula: string; fill: string; font: string | null }[];
  validations: Record<string, unknown>;
  freeze: { rows: number; cols: number };
  widths: number[];
  heights: Record<string, number>;
  print: Record<string, unknown>;
}

async function drawOffice(layout: SheetLayout): Promise<{ host: ExcelHost; printSetup: boolean; charts: string[] }> {
  const host = createExcelHost({ sheets: ["Data"] });
  const r = await host.Excel.run(async (context) => {
    const d = await drawSheet(context, layout, { sheet: () => context.workbook.worksheets.add(layout.sheetName) });
    return { printSetup: d.printSetup, charts: d.charts.map((c) => c.name) };
  });
  return { host, ...r };
}

function fromHost(host: ExcelHost, name: string): Drawn {
  const sheet = host.snapshot().sheets.find((s) => s.name === name)!;
  const cells: Record<string, Seen> = {};
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++) {
      const x = host.getCell(name, cellA1(r, c));
      cells[cellA1(r, c)] = {
        content: x.formula ?? x.value,
        numberFormat: x.numberFormat,
        bold: x.font.bold,
        italic: x.font.italic,
        size: x.font.size,
        color: x.font.color,
        fill: x.fill,
        hAlign: x.horizontalAlignment,
        vAlign: x.verticalAlignment,
        wrap: x.wrapText,
      };
    }
  const validations: Record<string, unknown> = {};
  for (const v of sheet.dataValidations as { ranges: string[]; rule: Record<string, Record<string, unknown>>; prompt: Record<string, unknown>; errorAlert: Record<string, unknown> }[]) {
    const [kind, rule] = Object.entries(v.rule)[0];
    const formulas = kind === "list" ? [String(rule.source).replace(/^=/, "")] : [rule.formula1, rule.formula2].filter((x) => x !== undefined).map(Number);
    validations[v.ranges[0]] = { kind, operator: kind === "list" ? null : rule.operator, formulas, prompt: [v.prompt.title, v.prompt.message], error: [v.errorAlert.style, v.errorAlert.title, v.errorAlert.message] };
  }
  const pl = sheet.pageLayout as Record<string, unknown> & { zoom: Record<string, number>; headersFooters: { defaultForAllPages: Record<string, string> } };
  const hf = pl.headersFooters.defaultForAllPages;
  return {
    cells,
    merges: [...sheet.merges].sort(),
    rules: sheet.conditionalFormats.map((cf) => {
      const rule = cf.rule as Record<string, string>;
      return { ref: cf.ranges[0], kind: cf.type, formula: (rule.formula1 ?? rule.formula).replace(/^=/, ""), fill: cf.format.fill as string, font: (cf.format.fontColor as string | null) ?? null };
    }),
    validations,
    freeze: sheet.freeze,
    widths: Array.from({ length: 6 }, (_, i) => pointsToExcelColumnWidth(sheet.columnWidths[String.fromCharCode(65 + i)])),
    heights: sheet.rowHeights,
    print: {
      orientation: String(pl.orientation).toLowerCase(),
      paper: pl.paperSize,
      fit: [pl.zoom.horizontalFitToPages, pl.zoom.verticalFitToPages],
      centered: pl.centerHorizontally,
      margins: [pl.leftMargin, pl.rightMargin, pl.topMargin, pl.bottomMargin, pl.headerMargin, pl.footerMargin].map((x) => Number(x) / 72),
      titleRows: pl.printTitleRows,
      area: (pl.printArea as string[])[0],
      header: headerFooterString({ left: hf.leftHeader, center: hf.centerHeader, right: hf.rightHeader }),
      footer: headerFooterString({ left: hf.leftFooter, center: hf.centerFooter, right: hf.rightFooter }),
    },
  };
}

async function drawFile(layout: SheetLayout): Promise<{ ws: ExcelJS.Worksheet; chartsLeftOut: number }> {
  const wb = newXlsxWorkbook();
  const { chartsLeftOut } = drawXlsxSheet(wb, layout);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { ws: back.getWorksheet(layout.sheetName)!, chartsLeftOut };
}

const hex = (c: { argb?: string } | undefined, fallback: string | null) => (c?.argb ? "#" + c.argb.slice(2) : fallback);

function fromFile(ws: ExcelJS.Worksheet): Drawn {
  const cells: Record<string, Seen> = {};
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++) {
      const x = ws.getCell(r + 1, c + 1);
      const v = x.value as unknown;
      const merged = x.isMerged && x.master !== x;
      const fill = x.fill as ExcelJS.FillPattern | undefined;
      cells[cellA1(r, c)] = {
        content: merged ? "" : v && typeof v === "object" && "formula" in v ? `=${(v as { formula: string }).formula}` : (v ?? ""),
        numberFormat: x.numFmt || "General",
        bold: !!x.font?.bold,
        italic: !!x.font?.italic,
        size: x.font?.size ?? 11,
        color: hex(x.font?.color, "#000000")!,
        fill: fill?.pattern === "solid" ? hex(fill.fgColor, null) : null,
        hAlign: x.alignment?.horizontal ? XH[x.alignment.horizontal] : "General",
        vAlign: x.alignment?.vertical ? XV[x.alignment.vertical] : "Bottom",
        wrap: !!x.alignment?.wrapText,
      };
    }
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation & { operator?: string }> } }).dataValidations.model;
  const byRule = new Map<string, string[]>();
  for (const [cell, v] of Object.entries(model)) if (v) byRule.set(JSON.stringify(v), [...(byRule.get(JSON.stringify(v)) ?? []), cell]);
  const validations: Record<string, unknown> = {};
  const XOP: Record<string, string> = { between: "Between", greaterThanOrEqual: "GreaterThanOrEqualTo", lessThanOrEqual: "LessThanOrEqualTo" };
  for (const [json, cellsOfRule] of byRule) {
    const v = JSON.parse(json) as ExcelJS.DataValidation & { operator?: string };
    const sorted = [...cellsOfRule].sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
    const ref = sorted.length === 1 ? sorted[0] : `${sorted[0]}:${sorted[sorted.length - 1]}`;
    const formulas = v.type === "list" ? [String(v.formulae[0]).replace(/^"|"$/g, "")] : v.formulae.map(Number);
    validations[ref] = { kind: v.type, operator: v.type === "list" ? null : XOP[v.operator ?? "between"], formulas, prompt: [v.promptTitle, v.prompt], error: [v.errorStyle === "stop" ? "Stop" : v.errorStyle, v.errorTitle, v.error] };
  }
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } }; font?: { color: { argb: string } } } }[] }[] }).conditionalFormattings;
  const p = ws.pageSetup;
  const heights: Record<string, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height) heights[String(n)] = row.height;
  });
  const freeze = ws.views[0] as { xSplit?: number; ySplit?: number };
  return {
    cells,
    merges: [...(ws.model as unknown as { merges: string[] }).merges].sort(),
    rules: [...cfs]
      .sort((a, b) => (a.rules[0] as unknown as { priority: number }).priority - (b.rules[0] as unknown as { priority: number }).priority)
      .map((cf) => ({ ref: cf.ref, kind: cf.rules[0].type === "cellIs" ? "CellValue" : "Custom", formula: cf.rules[0].formulae[0], fill: hex(cf.rules[0].style.fill.bgColor, null)!, font: hex(cf.rules[0].style.font?.color, null) })),
    validations,
    freeze: { rows: freeze.ySplit ?? 0, cols: freeze.xSplit ?? 0 },
    widths: Array.from({ length: 6 }, (_, i) => Math.round((ws.getColumn(i + 1).width ?? 0) * 100) / 100),
    heights,
    print: {
      orientation: p.orientation,
      paper: p.paperSize === 9 ? "A4" : p.paperSize,
      fit: [p.fitToWidth, p.fitToHeight],
      centered: p.horizontalCentered,
      margins: [p.margins!.left, p.margins!.right, p.margins!.top, p.margins!.bottom, p.margins!.header, p.margins!.footer],
      titleRows: p.printTitlesRow ? p.printTitlesRow.replace(/\$/g, "") : null,
      area: String(p.printArea).replace(/\$/g, ""),
      header: ws.headerFooter.oddHeader,
      footer: ws.headerFooter.oddFooter,
    },
  };
}

/** What the layout says, in the same terms. */
function fromLayout(l: SheetLayout): Pick<Drawn, "merges" | "rules" | "freeze"> & { cells: Record<string, Seen> } {
  const cells: Record<string, Seen> = {};
  const content = new Map<string, unknown>();
  for (const b of l.blocks) b.values.forEach((row, i) => row.forEach((v, j) => content.set(cellA1(b.row + i, b.col + j), v)));
  for (const c of l.cells) content.set(cellA1(c.row, c.col), "formula" in c ? `=${c.formula}` : c.value);
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++) {
      const s = styleAt(l, r, c);
      cells[cellA1(r, c)] = {
        content: content.get(cellA1(r, c)) ?? "",
        numberFormat: s.numberFormat ?? "General",
        bold: s.bold ?? false,
        italic: s.italic ?? false,
        size: s.size ?? 11,
        color: s.color ?? "#000000",
        fill: s.fill ?? null,
        hAlign: s.hAlign ? H[s.hAlign] : "General",
        vAlign: s.vAlign ? V[s.vAlign] : "Bottom",
        wrap: s.wrap ?? false,
      };
    }
  return {
    cells,
    merges: l.merges.map((m) => areaA1(m)).sort(),
    rules: l.conditionalFormats.map((cf) => ({
      ref: areaA1(cf.area),
      kind: cf.kind === "equals" ? "CellValue" : "Custom",
      formula: cf.kind === "equals" ? `"${cf.text.replace(/"/g, '""')}"` : `ISERROR(${cellA1(cf.area.row, cf.area.col)})`,
      fill: cf.fill,
      font: cf.fontColor ?? null,
    })),
    freeze: l.freeze!,
  };
}

describe("a layout with every part of the model, drawn both ways", () => {
  const layout = kitchenSink();
  let office: Drawn;
  let file: Drawn;
  let officeRun: Awaited<ReturnType<typeof drawOffice>>;
  let chartsLeftOut: number;
  let fileSheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    officeRun = await drawOffice(layout);
    office = fromHost(officeRun.host, SINK_NAME);
    const f = await drawFile(layout);
    fileSheet = f.ws;
    file = fromFile(f.ws);
    chartsLeftOut = f.chartsLeftOut;
  });

  test("cells: texts (guarded so they stay text), numbers, booleans, formulas; the same in both", () => {
    const want = fromLayout(layout);
    for (const [at, cell] of Object.entries(want.cells)) {
      expect([at, office.cells[at].content]).toEqual([at, cell.content]);
      expect([at, file.cells[at].content]).toEqual([at, cell.content]);
    }
    expect(office.cells.A4.content).toBe("=not a formula");
    expect(office.cells.F4.content).toBe("007");
    expect(office.cells.E4.content).toBe("=B4*2");
  });

  test("formats: fonts, fills, alignment, wrap, number formats; the same in both", () => {
    const want = fromLayout(layout);
    for (const [at, cell] of Object.entries(want.cells)) {
      const { content: _c, ...style } = cell;
      void _c;
      const pick = (s: Seen) => ({ numberFormat: s.numberFormat, bold: s.bold, italic: s.italic, size: s.size, color: s.color, fill: s.fill, hAlign: s.hAlign, vAlign: s.vAlign, wrap: s.wrap });
      expect([at, pick(office.cells[at])]).toEqual([at, style]);
      expect([at, pick(file.cells[at])]).toEqual([at, style]);
    }
  });

  test("borders: thin grid lines and signature lines, per cell the same in both", () => {
    const edges = new Map<string, Set<string>>();
    const add = (r: number, c: number, e: string) => {
      const k = cellA1(r, c);
      if (!edges.has(k)) edges.set(k, new Set());
      edges.get(k)!.add(e);
    };
    for (const b of officeRun.host.snapshot().sheets[1].borders) {
      expect([b.style, b.weight, b.color]).toEqual(["Continuous", "Thin", "#808080"]);
      const [tl, br] = b.range.split(":");
      const at = (ref: string) => ({ r: Number(ref.replace(/[A-Z]+/, "")) - 1, c: ref.replace(/\d+/, "").charCodeAt(0) - 65 });
      const a = at(tl);
      const z = at(br ?? tl);
      for (let r = a.r; r <= z.r; r++)
        for (let c = a.c; c <= z.c; c++) {
          if (b.index === "EdgeTop" && r === a.r) add(r, c, "top");
          if (b.index === "EdgeBottom" && r === z.r) add(r, c, "bottom");
          if (b.index === "EdgeLeft" && c === a.c) add(r, c, "left");
          if (b.index === "EdgeRight" && c === z.c) add(r, c, "right");
          if (b.index === "InsideHorizontal") [r > a.r && "top", r < z.r && "bottom"].forEach((e) => e && add(r, c, e));
          if (b.index === "InsideVertical") [c > a.c && "left", c < z.c && "right"].forEach((e) => e && add(r, c, e));
        }
    }
    const ws = fileSheet;
    for (let r = 0; r < ROWS; r++)
      for (let c = 0; c < COLS; c++) {
        const border = ws.getCell(r + 1, c + 1).border ?? {};
        const inFile = (["top", "bottom", "left", "right"] as const).filter((e) => border[e]?.style === "thin");
        expect([cellA1(r, c), inFile.sort()]).toEqual([cellA1(r, c), [...(edges.get(cellA1(r, c)) ?? [])].sort()]);
      }
    expect([...edges.get("B9")!]).toEqual(["bottom"]);
    expect(edges.get("A4")!.size).toBe(4);
  });

  test("merges, conditional formats (priority order), data validation, frozen panes", () => {
    const want = fromLayout(layout);
    expect(office.merges).toEqual(want.merges);
    expect(file.merges).toEqual(want.merges);
    expect(office.rules).toEqual(want.rules);
    expect(file.rules).toEqual(want.rules);
    expect(office.validations).toEqual(file.validations);
    expect(Object.keys(office.validations).sort()).toEqual(layout.validations.map((v) => areaA1(v.area)).sort());
    expect(office.validations["A4:A7"]).toMatchObject({ kind: "list", formulas: ["$I$4:$I$6"] });
    expect(office.validations["D4:D7"]).toMatchObject({ kind: "list", formulas: ["yes,no"] });
    expect(office.freeze).toEqual(want.freeze);
    expect(file.freeze).toEqual(want.freeze);
  });

  test("widths, heights, print setup; the chart in Office only", () => {
    expect(office.widths).toEqual(layout.columns.map((c) => c.width));
    expect(file.widths).toEqual(layout.columns.map((c) => c.width));
    expect(office.heights).toEqual({ "1": 30, "9": 28, "10": 28 });
    expect(file.heights).toEqual(office.heights);
    expect(office.print).toEqual(file.print);
    expect(office.print).toMatchObject({ orientation: "landscape", paper: "A4", titleRows: "3:3", area: "A1:F9", header: "&LSales && Co&RGradeKit" });
    expect(officeRun.printSetup).toBe(true);
    const charts = officeRun.host.snapshot().sheets[1].charts;
    expect(charts).toEqual([expect.objectContaining({ chartType: "ColumnClustered", seriesBy: "Columns", title: expect.objectContaining({ text: "Counts" }), legend: expect.objectContaining({ visible: false }) })]);
    expect(officeRun.charts).toEqual([charts[0].name]);
    expect(chartsLeftOut).toBe(1);
    expect(officeRun.host.snapshot().activeSheet).toBe(SINK_NAME);
    expect(officeRun.host.snapshot().selection).toEqual({ sheet: SINK_NAME, address: "B4" });
  });
});

describe("the Office.js drawer's round trips and choices", () => {
  test("a small layout: one sync, plus one for the print setup; a refused print setup leaves the sheet drawn", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    await host.Excel.run(async (context) => {
      host.resetStats();
      const r = await drawSheet(context, kitchenSink({ margins: -1 }), { sheet: () => context.workbook.worksheets.add("x") });
      expect(r.printSetup).toBe(false);
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.getCell("x", "A1").value).toBe("Kitchen sink: every part of the model");
    expect(host.snapshot().sheets[1].conditionalFormats).toHaveLength(3);
  });

  test("syncs follow the payload (20,000 rows / 4 MB a batch), not the number of cells, styles or rules", async () => {
    const big = (rows: number, styles: number) => {
      const b = new SheetBuilder("big");
      b.block(0, 0, Array.from({ length: rows }, (_, i) => [`customer-${i}`, i, i % 2 === 0]));
      for (let k = 0; k < styles; k++) b.style(area(k, 0, 1, 3), { bold: true }).conditional({ kind: "equals", area: area(0, 1, rows, 1), text: String(k), fill: "#C6EFCE" });
      return b.done();
    };
    const run = async (layout: SheetLayout) => {
      const host = createExcelHost({ sheets: ["Data"] });
      host.resetStats();
      await host.Excel.run((context) => drawSheet(context, layout, { sheet: () => context.workbook.worksheets.add("big") }));
      return host;
    };
    const a = await run(big(50_000, 1));
    const b = await run(big(50_000, 300));
    expect(a.stats.syncs).toBe(3); // 20,000 + 20,000 + 10,000 rows
    expect(b.stats.syncs).toBe(a.stats.syncs);
    for (const batch of b.stats.batches) expect(batch.requestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(b.getCell("big", "A50000").value).toBe("customer-49999");
    expect(b.snapshot().sheets[1].conditionalFormats).toHaveLength(300);
    expect((await run(big(10, 1))).stats.syncs).toBe(1);
    const formats = (h: ExcelHost) => h.stats.formatOps;
    expect(formats(await run(big(10, 5)))).toBe(formats(await run(big(40_000, 5))));
  });

  test("columns fitted to their contents: autofit in Office, the layout's widths in the file", async () => {
    const layout = kitchenSink({ fit: true });
    const { host } = await drawOffice(layout);
    const office = fromHost(host, SINK_NAME);
    expect(office.widths).not.toEqual(layout.columns.map((c) => c.width));
    expect(fromFile((await drawFile(layout)).ws).widths).toEqual(layout.columns.map((c) => c.width));
  });

  test("without activate, the sheet is drawn where it is and nothing is selected", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    await host.Excel.run((context) => drawSheet(context, kitchenSink(), { sheet: () => context.workbook.worksheets.add("quiet"), activate: false }));
    expect(host.snapshot().activeSheet).toBe("Data");
    expect(host.getCell("quiet", "E4").formula).toBe("=B4*2");
  });
});
