/** The view and the page of a layout through Office.js: frozen panes, fitted columns, charts, print setup. */
import { cellA1, type ChartKind, type PrintSetup, type SheetLayout } from "../../engine";
import { rangeOf } from "./batches";

const CHART_TYPE: Record<ChartKind, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

export function drawFreeze(ws: Excel.Worksheet, layout: SheetLayout): void {
  const f = layout.freeze;
  if (!f || (!f.rows && !f.cols)) return;
  if (f.rows && f.cols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.cols));
  else if (f.rows) ws.freezePanes.freezeRows(f.rows);
  else ws.freezePanes.freezeColumns(f.cols);
}

/** Columns fitted to their contents (after the values and fonts are in place). */
export function drawFittedColumns(ws: Excel.Worksheet, layout: SheetLayout): void {
  if (layout.fitColumns) rangeOf(ws, layout.fitColumns).format.autofitColumns();
}

/** The charts, their names queued for loading. */
export function drawCharts(ws: Excel.Worksheet, layout: SheetLayout): Excel.Chart[] {
  return layout.charts.map((c) => {
    const chart = ws.charts.add(CHART_TYPE[c.kind], rangeOf(ws, c.source), c.seriesBy === "rows" ? "Rows" : "Columns");
    chart.title.text = c.title;
    chart.legend.visible = c.legend;
    chart.setPosition(cellA1(c.at.row, c.at.col), cellA1(c.at.row + c.at.rows - 1, c.at.col + c.at.cols - 1));
    chart.load("name");
    return chart;
  });
}

/** Paper, orientation, fit to pages, margins (inches -> points), repeated rows, print area, header and footer (ExcelApi 1.9). */
export function drawPrintSetup(ws: Excel.Worksheet, p: PrintSetup): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.paperSize = "A4";
  pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  pl.centerHorizontally = p.centerHorizontally;
  pl.leftMargin = p.margins.left * 72;
  pl.rightMargin = p.margins.right * 72;
  pl.topMargin = p.margins.top * 72;
  pl.bottomMargin = p.margins.bottom * 72;
  pl.headerMargin = p.margins.header * 72;
  pl.footerMargin = p.margins.footer * 72;
  if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  pl.setPrintArea(rangeOf(ws, p.area));
  const hf = pl.headersFooters.defaultForAllPages;
  hf.leftHeader = p.header.left;
  hf.centerHeader = p.header.center;
  hf.rightHeader = p.header.right;
  hf.leftFooter = p.footer.left;
  hf.centerFooter = p.footer.center;
  hf.rightFooter = p.footer.right;
}
