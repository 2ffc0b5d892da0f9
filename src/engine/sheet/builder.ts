/**
 * `SheetBuilder`: the small helper every layout builder (forms, review, reports) writes a sheet
 * with. It only collects; the result is a plain `SheetLayout`.
 *
 * @example
 * const b = new SheetBuilder("Summary");
 * b.put(0, 0, "Title").style(area(0, 0), { bold: true, size: 14 });
 * b.block(2, 0, [["Grade", "Count"], ["A", 3]]);
 * const layout = b.done();
 */
import type { Area, CellStyle, CellValue, ColumnLayout, ConditionalFormat, PrintSetup, SheetChart, SheetLayout, Validation } from "./layout";

export class SheetBuilder {
  private readonly layout: SheetLayout;

  constructor(sheetName: string) {
    this.layout = { sheetName, cells: [], blocks: [], merges: [], styles: [], columns: [], rowHeights: {}, validations: [], conditionalFormats: [], charts: [] };
  }

  /** A constant in one cell; `""` writes nothing. */
  put(row: number, col: number, value: CellValue): this {
    if (value !== "") this.layout.cells.push({ row, col, value });
    return this;
  }

  /** A formula (without `=`) in one cell. */
  formula(row: number, col: number, formula: string): this {
    this.layout.cells.push({ row, col, formula });
    return this;
  }

  /** A rectangle of constants from (`row`, `col`). */
  block(row: number, col: number, values: CellValue[][]): this {
    if (values.length) this.layout.blocks.push({ row, col, values });
    return this;
  }

  /** Merges an area (a single cell is left alone). */
  merge(a: Area): this {
    if (a.rows > 1 || a.cols > 1) this.layout.merges.push(a);
    return this;
  }

  /** Formats an area; later styles add to earlier ones. */
  style(a: Area, style: CellStyle): this {
    this.layout.styles.push({ area: a, style });
    return this;
  }

  rowHeight(row: number, points: number): this {
    this.layout.rowHeights[row] = points;
    return this;
  }

  /** Widths (characters) of columns 0, 1, ... */
  columns(columns: ColumnLayout[]): this {
    this.layout.columns = columns;
    return this;
  }

  validate(v: Validation): this {
    this.layout.validations.push(v);
    return this;
  }

  /** A conditional format; the first added has the highest priority. */
  conditional(cf: ConditionalFormat): this {
    this.layout.conditionalFormats.push(cf);
    return this;
  }

  freeze(rows: number, cols = 0): this {
    this.layout.freeze = { rows, cols };
    return this;
  }

  select(row: number, col: number): this {
    this.layout.select = { row, col };
    return this;
  }

  fitColumns(a: Area): this {
    this.layout.fitColumns = a;
    return this;
  }

  print(p: PrintSetup): this {
    this.layout.print = p;
    return this;
  }

  chart(c: SheetChart): this {
    this.layout.charts.push(c);
    return this;
  }

  /** The layout collected so far. */
  done(): SheetLayout {
    return this.layout;
  }
}
