/**
 * The records a sheet or workbook stores beside its cells: conditional formats, data validation,
 * borders, page layout, custom XML parts. Plain data; the proxies edit them at sync time.
 * (Records that point at a sheet, such as tables, charts and names, live in workbook.ts.)
 */
import type { Rect } from "../../engine/sheet-address/a1";

export interface ConditionalFormatStyle {
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: string | null;
  numberFormat: string | null;
}

export interface ConditionalFormatRecord {
  id: string;
  /** An Excel.ConditionalFormatType value: "CellValue", "ContainsText", "Custom", ... */
  type: string;
  rects: Rect[];
  stopIfTrue: boolean;
  /** cellValue: {formula1, formula2?, operator}; containsText: {operator, text}; custom: {formula};
   *  presetCriteria: {criterion}; topBottom: {rank, type}; others: null */
  rule: Record<string, unknown> | null;
  format: ConditionalFormatStyle;
  /** Settings of colour scales, data bars and icon sets (stored, not rendered). */
  extra: Record<string, unknown>;
}

export function emptyStyle(): ConditionalFormatStyle {
  return { fill: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null, numberFormat: null };
}

export interface DataValidationRecord {
  rects: Rect[];
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface BorderRecord {
  rect: Rect;
  /** an Excel.BorderIndex value: EdgeTop, EdgeBottom, EdgeLeft, EdgeRight, InsideVertical, InsideHorizontal, DiagonalDown, DiagonalUp */
  index: string;
  style: string;
  color: string;
  weight: string;
}

export interface HeaderFooterRecord {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutRecord {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printOrder: string;
  printComments: string;
  printErrors: string;
  firstPageNumber: number | "";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printArea: Rect[] | null;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterRecord;
    firstPage: HeaderFooterRecord;
    evenPages: HeaderFooterRecord;
    oddPages: HeaderFooterRecord;
  };
}

function emptyHeaderFooter(): HeaderFooterRecord {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

export function defaultPageLayout(): PageLayoutRecord {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    firstPageNumber: "",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
    },
  };
}

export interface CustomXmlPartRecord {
  id: string;
  namespaceUri: string;
  xml: string;
}
