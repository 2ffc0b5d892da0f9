/**
 * The workbook model behind the in-memory Excel host: the workbook, its sheets (cells in
 * cells.ts, plus the records each sheet keeps) and the records that point at a sheet (tables,
 * charts, defined names). Plain data + synchronous operations; the proxies queue operations and
 * apply them here at sync().
 */
import { Rect, rectIntersect, rectSubtract } from "../../engine/sheet-address/a1";
import { CellGrid } from "./cells";
import { FormatTable } from "./formats";
import {
  BorderRecord,
  ConditionalFormatRecord,
  CustomXmlPartRecord,
  DataValidationRecord,
  defaultPageLayout,
  PageLayoutRecord,
} from "./records";
import { CellError, ERROR_LITERALS, StoredValue } from "./values";

/** A rectangle on a sheet: what a Range proxy resolves to. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export interface TableRecord {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columnNames: string[];
  columnIds: number[];
}

export interface ChartRecord {
  id: string;
  name: string;
  chartType: string;
  sourceSheet: SheetModel;
  sourceRect: Rect;
  seriesBy: string;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { visible: boolean; position: string; overlay: boolean };
  top: number;
  left: number;
  width: number;
  height: number;
  style: number;
  position: { startCell?: string; endCell?: string };
}

export interface NamedItemRecord {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "=0.5", "=\"text\"" ... */
  formula: string;
  comment: string;
  visible: boolean;
  scope: "Workbook" | "Worksheet";
  sheet: SheetModel | null;
}

// ---------------------------------------------------------------------------------------------
// Sheet
// ---------------------------------------------------------------------------------------------

export class SheetModel extends CellGrid {
  readonly id: string;
  name: string;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  showHeadings = true;
  standardWidth = 8.43;
  /** Column widths in points. */
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freeze = { rows: 0, cols: 0 };
  conditionalFormats: ConditionalFormatRecord[] = [];
  validations: DataValidationRecord[] = [];
  charts: ChartRecord[] = [];
  borders: BorderRecord[] = [];
  /** Merged areas (Range.merge), none overlapping another. */
  merges: Rect[] = [];
  pageLayout: PageLayoutRecord = defaultPageLayout();

  constructor(
    readonly wb: WorkbookModel,
    id: string,
    name: string,
  ) {
    super(wb.formats);
    this.id = id;
    this.name = name;
  }

  protected evaluateFormula(formula: string, r: number, c: number): StoredValue {
    return this.wb.evaluateFormula(formula, this, r, c);
  }

  /** Reset formats of rect to the default (Range.clear("Formats")), including conditional formats and borders inside it. */
  override clearFormats(rect: Rect): void {
    super.clearFormats(rect);
    this.removeConditionalFormatsIn(rect);
    const borders: BorderRecord[] = [];
    for (const b of this.borders) for (const part of rectSubtract(b.rect, rect)) borders.push({ ...b, rect: part });
    this.borders = borders;
  }

  removeConditionalFormatsIn(rect: Rect): void {
    const kept: ConditionalFormatRecord[] = [];
    for (const cf of this.conditionalFormats) {
      const rects: Rect[] = [];
      for (const r of cf.rects) rects.push(...rectSubtract(r, rect));
      cf.rects = rects;
      if (rects.length > 0) kept.push(cf);
    }
    this.conditionalFormats = kept;
  }

  // --- regions -----------------------------------------------------------------------------

  validationsIntersecting(rect: Rect): DataValidationRecord[] {
    return this.validations.filter((v) => v.rects.some((r) => rectIntersect(r, rect)));
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------
export type FormulaEvaluator = (formula: string, where: { sheet: string; row: number; column: number }) => unknown;

export interface WorkbookDefaults {
  fontName: string;
  fontSize: number;
  fontColor: string;
}

export class WorkbookModel {
  name: string;
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect; activeCell?: { r: number; c: number } } | null = null;
  settings = new Map<string, unknown>();
  customXmlParts: CustomXmlPartRecord[] = [];
  names: NamedItemRecord[] = [];
  tables: TableRecord[] = [];
  calculationMode = "Automatic";
  readonly formats: FormatTable;
  formulaEvaluator: FormulaEvaluator | null = null;
  private counters = { sheet: 0, table: 0, chart: 0, cf: 0, xml: 0, tableCol: 0 };

  constructor(name: string, defaults: WorkbookDefaults) {
    this.name = name;
    this.formats = new FormatTable({
      numberFormat: "General",
      fill: null,
      fontColor: defaults.fontColor,
      bold: false,
      italic: false,
      underline: "None",
      strikethrough: false,
      fontName: defaults.fontName,
      fontSize: defaults.fontSize,
      horizontalAlignment: "General",
      verticalAlignment: "Bottom",
      wrapText: false,
      indentLevel: 0,
    });
  }

  nextId(kind: keyof WorkbookModel["counters"]): number {
    return ++this.counters[kind];
  }

  evaluateFormula(formula: string, sheet: SheetModel, r: number, c: number): StoredValue {
    if (!this.formulaEvaluator) return undefined;
    const v = this.formulaEvaluator(formula, { sheet: sheet.name, row: r, column: c });
    if (v === null || v === undefined || v === "") return undefined;
    if (typeof v === "number" || typeof v === "boolean") return v;
    const s = String(v);
    return ERROR_LITERALS.has(s) ? new CellError(s) : s;
  }

  findSheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  findSheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nextSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.findSheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  addSheet(name?: string): SheetModel {
    const id = `{${String(this.nextId("sheet")).padStart(8, "0")}-0000-4000-8000-000000000000}`;
    const sheet = new SheetModel(this, id, name ?? this.nextSheetName());
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  tablesOn(sheet: SheetModel): TableRecord[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }
}

/** Valid Excel sheet name: 1-31 chars, none of : \ / ? * [ ], not starting/ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}
