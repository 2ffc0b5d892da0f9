/**
 * Native charts in an xlsx written by exceljs (which cannot write charts): the layouts' charts
 * (`SheetChart`: clustered column or bar charts over a cell area) are added to the file's zip
 * with jszip — one chart part, one drawing part per sheet, their relationships, the sheet's
 * `<drawing>` element and the content types. Excel and LibreOffice open them as ordinary charts.
 */
import type { SheetChart, SheetLayout } from "../engine";
import { areaA1 } from "../engine";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ref = (sheet: string, row: number, col: number, rows = 1, cols = 1) =>
  `'${sheet.replace(/'/g, "''")}'!${areaA1({ row, col, rows, cols }, true)}`;

function chartXml(sheet: string, c: SheetChart): string {
  const s = c.source;
  const series: string[] = [];
  const byCols = c.seriesBy === "columns";
  const n = byCols ? s.cols - 1 : s.rows - 1;
  for (let k = 0; k < n; k++) {
    const name = byCols ? ref(sheet, s.row, s.col + 1 + k) : ref(sheet, s.row + 1 + k, s.col);
    const cat = byCols ? ref(sheet, s.row + 1, s.col, s.rows - 1, 1) : ref(sheet, s.row, s.col + 1, 1, s.cols - 1);
    const val = byCols
      ? ref(sheet, s.row + 1, s.col + 1 + k, s.rows - 1, 1)
      : ref(sheet, s.row + 1 + k, s.col + 1, 1, s.cols - 1);
    series.push(
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${esc(name)}</c:f></c:strRef></c:tx><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(cat)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(val)}</c:f></c:numRef></c:val></c:ser>`,
    );
  }
  const dir = c.kind === "bar" ? "bar" : "col";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${dir === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === "bar" ? "l" : "b"}"/><c:crossAx val="1002"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === "bar" ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:crossAx val="1001"/></c:valAx>` +
    `</c:plotArea>${c.legend ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : ""}<c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: SheetChart[], firstRel: number): string {
  const anchors = charts.map((c, i) => {
    const a = c.at;
    const pos = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor><xdr:from>${pos(a.col, a.row)}</xdr:from><xdr:to>${pos(a.col + a.cols, a.row + a.rows)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId${firstRel + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join("")}</xdr:wsDr>`;
}

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join("")}</Relationships>`;

/** The xlsx bytes (written by exceljs from these layouts) with the layouts' charts added. */
export async function withXlsxCharts(bytes: Uint8Array, layouts: readonly SheetLayout[]): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a workbook has charts
  const JSZip = require("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNo = 0;
  let drawingNo = 0;
  for (const layout of layouts) {
    if (!layout.charts.length) continue;
    const sheet = [...wbXml.matchAll(/<sheet\b[^>]*>/g)]
      .map((m) => m[0])
      .find((tag) => tag.includes(`name="${esc(layout.sheetName)}"`));
    const rid = sheet?.match(/r:id="([^"]+)"/)?.[1];
    const target = rid
      ? new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(wbRels)?.[0].match(/Target="([^"]+)"/)?.[1]
      : undefined;
    if (!target) throw new Error(`withXlsxCharts: no sheet '${layout.sheetName}' in the workbook`);
    const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const sheetRelsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    drawingNo++;
    const drawingPath = `xl/drawings/gkdrawing${drawingNo}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const [i, c] of layout.charts.entries()) {
      chartNo++;
      zip.file(`xl/charts/gkchart${chartNo}.xml`, chartXml(layout.sheetName, c));
      chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/gkchart${chartNo}.xml` });
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/gkchart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`,
      );
    }
    zip.file(drawingPath, drawingXml(layout.charts, 1));
    zip.file(drawingPath.replace(/([^/]+)$/, "_rels/$1.rels"), rels(chartRels));
    types = types.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`);
    const old = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async("string") : rels([]);
    const drawingRel = `<Relationship Id="rIdGkDrawing" Type="${REL_DRAWING}" Target="../drawings/gkdrawing${drawingNo}.xml"/>`;
    zip.file(sheetRelsPath, old.replace("</Relationships>", `${drawingRel}</Relationships>`));
    let xml = await zip.file(sheetPath)!.async("string");
    if (!/xmlns:r=/.test(xml.slice(0, 1000))) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
    const at = [
      "<legacyDrawing",
      "<legacyDrawingHF",
      "<picture",
      "<oleObjects",
      "<controls",
      "<webPublishItems",
      "<tableParts",
      "<extLst",
      "</worksheet>",
    ]
      .map((t) => xml.indexOf(t))
      .filter((i) => i >= 0);
    const pos = Math.min(...at);
    zip.file(sheetPath, xml.slice(0, pos) + `<drawing r:id="rIdGkDrawing"/>` + xml.slice(pos));
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
