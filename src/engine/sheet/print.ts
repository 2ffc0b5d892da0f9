/** Print setup of a sheet layout: A4 defaults and Excel's header/footer strings. */
import type { Area, HeaderFooterText, PrintSetup } from "./layout";

const NO_TEXT: HeaderFooterText = Object.freeze({ left: "", center: "", right: "" });

/** Text for a header/footer section: `&` doubled (Excel reads `&x` as a code). */
export function headerFooterLiteral(s: string): string {
  return s.replace(/&/g, "&&");
}

/** The three sections as one Excel header/footer string (`&L...&C...&R...`), as stored in .xlsx. */
export function headerFooterString(h: HeaderFooterText): string {
  return (h.left ? `&L${h.left}` : "") + (h.center ? `&C${h.center}` : "") + (h.right ? `&R${h.right}` : "");
}

/**
 * An A4 print setup of `area`, one page wide: narrow margins (inches), centred across the page,
 * no header or footer unless given.
 */
export function a4Print(printArea: Area, options: Partial<Omit<PrintSetup, "paper" | "area">> = {}): PrintSetup {
  return {
    paper: "A4",
    orientation: options.orientation ?? "portrait",
    fitToWidth: options.fitToWidth ?? 1,
    fitToHeight: options.fitToHeight ?? 0,
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    area: printArea,
    header: options.header ?? { ...NO_TEXT },
    footer: options.footer ?? { ...NO_TEXT },
    margins: options.margins ?? { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: options.centerHorizontally ?? true,
  };
}
