/**
 * styles.xml of a workbook graded in place (xlsx-patch.ts), with the styles the outcome cells use
 * added at the end of their lists: the header cells' (the style of the header cell left of them,
 * its font made bold, as the in-memory path does) and one solid fill per grade colour (the grade
 * cells' fill, as the in-memory path sets it). Anything not laid out as expected throws
 * `XlsxFallback`.
 */
import { argb } from "./cells";
import { XlsxFallback } from "./xlsx-records";

interface Section {
  /** The whole element, from `<name` to `</name>`. */
  start: number;
  end: number;
  open: string;
  items: string[];
}

function section(xml: string, tag: string, item: string): Section {
  const re = new RegExp(`<${tag}\\b[^>]*?(/?)>`);
  const m = re.exec(xml);
  if (!m) throw new XlsxFallback(`styles: no ${tag}`);
  if (m[1] === "/") return { start: m.index, end: m.index + m[0].length, open: m[0].replace(/\s*\/>$/, ">"), items: [] };
  const close = xml.indexOf(`</${tag}>`, m.index);
  if (close < 0) throw new XlsxFallback(`styles: ${tag}`);
  const body = xml.slice(m.index + m[0].length, close);
  const items = body.match(new RegExp(`<${item}\\b[^>]*/>|<${item}\\b[^>]*[^/]>[\\s\\S]*?</${item}>|<${item}>[\\s\\S]*?</${item}>`, "g")) ?? [];
  return { start: m.index, end: close + tag.length + 3, open: m[0], items };
}

function rebuilt(s: Section, tag: string, items: string[]): string {
  let open = s.open.replace(/\scount="\d+"/, "");
  open = open.replace(/>$/, ` count="${items.length}">`);
  return open + items.join("") + `</${tag}>`;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

export interface PatchedStyles {
  xml: string;
  /** Style index of the output header cells. */
  header: number;
  /** Style index of a grade cell, by colour (`#RRGGBB`). */
  fill: Map<string, number>;
}

/**
 * Adds the header style (from cell style `model`, 0 when the header has no cell left of the output
 * columns) and a fill style per colour in `colors`.
 */
export function patchStyles(xml: string, model: number, colors: readonly string[]): PatchedStyles {
  if (/<\w+:(?:styleSheet|fonts|fills|cellXfs)\b/.test(xml)) throw new XlsxFallback("styles: prefixed");
  const fonts = section(xml, "fonts", "font");
  const fills = section(xml, "fills", "fill");
  const xfs = section(xml, "cellXfs", "xf");
  if (fonts.items.length === 0 || xfs.items.length === 0 || fills.items.length < 2) throw new XlsxFallback("styles: lists");
  const order = [fonts, fills, xfs].map((s) => s.start);
  if (!(order[0] < order[1] && order[1] < order[2])) throw new XlsxFallback("styles: order");
  const modelXf = xfs.items[model] ?? xfs.items[0];
  const fontId = Number(/\sfontId="(\d+)"/.exec(modelXf)?.[1] ?? "0");
  const baseFont = fonts.items[fontId] ?? fonts.items[0];
  let bold: string;
  if (/<b\b/.test(baseFont)) bold = baseFont;
  else if (/^<font\b[^>]*\/>$/.test(baseFont)) bold = baseFont.replace(/\s*\/>$/, "><b/></font>");
  else bold = baseFont.replace(/^<font\b[^>]*>/, (t) => t + "<b/>");
  const newFonts = [...fonts.items, bold];
  const newFills = [...fills.items];
  const newXfs = [...xfs.items];
  const modelOpen = /^<xf\b[^>]*?\/?>/.exec(modelXf)?.[0] ?? "<xf/>";
  const selfClosing = modelOpen.endsWith("/>");
  let headerXf = setAttr(setAttr(modelOpen.replace(/\s*\/?>$/, ">"), "fontId", String(newFonts.length - 1)), "applyFont", "1");
  headerXf = selfClosing ? headerXf.replace(/>$/, "/>") : headerXf + modelXf.slice(modelOpen.length);
  newXfs.push(headerXf);
  const header = newXfs.length - 1;
  const fill = new Map<string, number>();
  for (const c of colors) {
    if (fill.has(c)) continue;
    const rgb = argb(c);
    newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor rgb="${rgb}"/></patternFill></fill>`);
    newXfs.push(`<xf numFmtId="0" fontId="0" fillId="${newFills.length - 1}" borderId="0" xfId="0" applyFill="1"/>`);
    fill.set(c, newXfs.length - 1);
  }
  const out =
    xml.slice(0, fonts.start) +
    rebuilt(fonts, "fonts", newFonts) +
    xml.slice(fonts.end, fills.start) +
    rebuilt(fills, "fills", newFills) +
    xml.slice(fills.end, xfs.start) +
    rebuilt(xfs, "cellXfs", newXfs) +
    xml.slice(xfs.end);
  return { xml: out, header, fill };
}
