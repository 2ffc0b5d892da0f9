/**
 * One playground workbook: the strict in-memory Excel host (src/host), the real workbook adapter over
 * it (src/excel `createWorkbookActions(host.Excel)`, what the task pane uses), and the formula layer:
 *
 * - formulas are evaluated by the formula engine (`formula-engine.ts`: fast-formula-parser with Excel's
 *   array rules, GradeKit's worksheet functions and GK.*; templates saved in this workbook are found
 *   by GK.* while it calculates, `workbook-templates.ts`);
 * - the host's `formulaEvaluator` gives formula cells their value whenever a formula is written
 *   (`range.formulas = ...` in any Excel.run: the formula bar, undo restoring a formula, seeding);
 * - after every Excel.run batch (`host.onChange`) and every formula bar entry, `recalc()` re-evaluates
 *   every formula cell in dependency order (`recalc-order.ts`: each after the formulas it reads,
 *   including cells they spilled into, once more when a spill area changed; circles of references
 *   show #REF! naming the cells) and spills array results into the cells below / right (`#SPILL!`
 *   when they are not empty), like Excel's dynamic arrays. Spilled cells hold plain values (as in Excel, where only the anchor cell has the
 *   formula).
 *
 * Views subscribe with `subscribe(listener)` and re-render; `version` counts the changes.
 */
import type { Lang } from "../engine";
import { createWorkbookActions } from "../excel";
import type { WorkbookActions } from "../excel/contract";
import { createExcelHost, parseAddress, type ExcelHost } from "../host";
import { fullAddress, rectToA1, type Rect } from "../engine/sheet-address/a1";
import { errorWith, type Matrix, type Value } from "./excel-values";
import { FormulaEngine, type CellReader } from "./formula-engine";
import { evaluateFormula, FormulaErrorCell, parseFormula, type Expr, type ResultCell, type Scalar } from "./formulas";
import { anchorKey, recalcOrder, type Anchor } from "./recalc-order";
import { partsTemplateSource, withTemplateSource } from "./workbook-templates";
import type { SheetSpec, WorkbookSpec } from "./samples";

interface Spill {
  sheet: string;
  rect: Rect;
  /** the values written, row-major, anchor included */
  values: ResultCell[][];
}

export interface EntryResult {
  ok: boolean;
  /** Why the entry was refused (a formula that cannot be read). */
  message?: string;
}

const cellKey = (sheet: string, r: number, c: number) => `${sheet}\u0000${r}\u0000${c}`;

/** A value as the host stores it from `range.values`: errors as their code (the host turns "#N/A" into an error). */
function hostValue(v: ResultCell): Scalar {
  return v instanceof FormulaErrorCell ? v.code : v;
}

export class PlaygroundWorkbook {
  readonly host: ExcelHost;
  readonly actions: WorkbookActions;
  /** Changes counter: bumped after every batch and every selection change. */
  version = 0;
  /** Bumped after every batch (cell contents or formats may have changed). */
  dataVersion = 0;
  private readonly listeners = new Set<() => void>();
  private spills = new Map<string, Spill>();
  /** error messages of error cells made by formulas, by cell key */
  private errorMessages = new Map<string, string>();
  /** anchor values computed by recalc(), handed to the host's formula evaluator while it writes them */
  private readonly pending = new Map<string, ResultCell>();
  private recalculating = false;
  private readonly engine: FormulaEngine;
  /** GK.* formulas find the templates saved in this workbook (its custom XML parts) first. */
  private readonly templates = partsTemplateSource(() => this.host.workbook.customXmlParts);

  constructor(
    readonly spec: WorkbookSpec,
    /** the language formulas explain themselves in (Excel's display language: the UI language here) */
    private readonly lang: () => Lang,
  ) {
    this.host = createExcelHost({
      workbookName: spec.fileName,
      sheets: spec.sheets.map((s) => s.name),
      selection: { sheet: spec.sheets[0].name, address: "A1" },
      displayLanguage: spec.lang === "zh-CN" ? "zh-CN" : "en-US",
      payloadLimitBytes: null,
      formulaEvaluator: (formula, where) => this.anchorValue(formula, where.sheet, where.row, where.column),
      // GradeKit's bad-input style is a Custom rule (=AND($F2="",$G2<>"",...)): evaluated like a formula
      customRuleEvaluator: (formula, where) => this.customRule(formula, where),
    });
    this.actions = createWorkbookActions(this.host.Excel);
    this.engine = new FormulaEngine(this.reader(), lang);
    this.host.onChange(() => this.changed());
  }

  /** The cells formulas read: typed values (errors as error values with their message), blanks as null. */
  private reader(): CellReader {
    const value = (sheet: string, r: number, c: number): Value => {
      const ws = this.host.workbook.findSheet(sheet)!;
      const v = ws.getValue(r, c);
      if (v === undefined) return null;
      if (typeof v === "object") return errorWith(v.code, this.errorMessages.get(cellKey(sheet, r, c)) ?? v.code);
      return v;
    };
    return {
      cell: (sheet, r, c) => (this.host.workbook.findSheet(sheet) ? value(sheet, r, c) : undefined),
      range: (sheet, r0, c0, r1, c1) => {
        const ws = this.host.workbook.findSheet(sheet);
        if (!ws) return undefined;
        if (r1 >= 1048575) {
          const used = ws.usedRect(true);
          r1 = Math.max(r0, used ? used.r1 : r0);
        }
        const out: Matrix = [];
        for (let r = r0; r <= r1; r++) {
          const row: Value[] = [];
          for (let c = c0; c <= c1; c++) row.push(value(sheet, r, c));
          out.push(row);
        }
        return out;
      },
    };
  }

  /** Builds the workbook: values, formats and formulas through Excel.run (the same API the add-in uses). */
  static async create(spec: WorkbookSpec, lang: () => Lang): Promise<PlaygroundWorkbook> {
    const wb = new PlaygroundWorkbook(spec, lang);
    await wb.host.Excel.run(async (context) => {
      for (const sheet of spec.sheets) seedSheet(context, sheet);
      await context.sync();
      for (const sheet of spec.sheets) {
        const ws = context.workbook.worksheets.getItem(sheet.name);
        for (const f of sheet.formulas ?? []) ws.getRange(f.address).formulas = [[f.formula]];
      }
      context.workbook.worksheets.getItem(spec.sheets[0].name).activate();
      await context.sync();
    });
    wb.host.setSelection(spec.sheets[0].name, "A1");
    return wb;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Message of an error cell made by a formula (shown in the formula bar and as the cell's tooltip). */
  errorMessage(sheet: string, r: number, c: number): string | undefined {
    return this.errorMessages.get(cellKey(sheet, r, c));
  }

  /** The anchor cell and formula of the spill covering a cell (not the anchor itself), if any. */
  spillAnchor(sheet: string, r: number, c: number): { address: string; formula: string } | undefined {
    for (const s of this.spills.values()) {
      const { rect } = s;
      if (s.sheet === sheet && r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1 && !(r === rect.r0 && c === rect.c0)) {
        const ws = this.host.workbook.findSheet(sheet);
        const formula = ws?.getFormula(rect.r0, rect.c0);
        if (formula) return { address: rectToA1({ r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 }), formula };
      }
    }
    return undefined;
  }

  /** The spilled range of an anchor cell ("C2:C9"), if its formula spilled. */
  spillRange(sheet: string, r: number, c: number): string | undefined {
    const s = this.spills.get(cellKey(sheet, r, c));
    return s ? rectToA1(s.rect) : undefined;
  }

  /**
   * Types `text` into a cell as a person would in the formula bar: `=...` is a formula (checked
   * first: a formula that cannot be read is refused, nothing is written), anything else a value with
   * Excel's input rules; "" clears the cell. Written with Excel.run like any add-in would.
   */
  async enter(sheet: string, address: string, text: string): Promise<EntryResult> {
    const isFormula = text.startsWith("=") && text.length > 1;
    if (isFormula) {
      const parsed = withTemplateSource(this.templates, () => this.engine.evaluate(text, sheet));
      if ("syntaxError" in parsed) {
        return { ok: false, message: parsed.syntaxError };
      }
    }
    await this.host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      if (text === "") range.clear("Contents");
      else if (isFormula) range.formulas = [[text]];
      else range.values = [[text]];
      await context.sync();
    });
    return { ok: true };
  }

  /** Clears the contents of a range (the Delete key). */
  async clear(sheet: string, address: string): Promise<void> {
    await this.host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).clear("Contents");
      await context.sync();
    });
  }

  /** Re-evaluates every formula cell and re-spills array results. Synchronous, not an Excel.run batch. */
  recalc(): void {
    if (this.recalculating) return;
    // A spill area that appeared or moved may be read by a formula ordered before its anchor: once more then.
    const spillAreas = () => JSON.stringify([...this.spills].map(([k, v]) => [k, v.rect]).sort());
    for (let pass = 0; pass < 2; pass++) {
      const before = spillAreas();
      this.recalcPass();
      if (spillAreas() === before) break;
    }
  }

  private recalcPass(): void {
    this.recalculating = true;
    try {
      const host = this.host;
      // 1. Remove the old spills (cells still holding the value spilled there; a person may have typed over one).
      for (const s of this.spills.values()) {
        const ws = host.workbook.findSheet(s.sheet);
        if (!ws) continue;
        for (let r = s.rect.r0; r <= s.rect.r1; r++) {
          for (let c = s.rect.c0; c <= s.rect.c1; c++) {
            if (r === s.rect.r0 && c === s.rect.c0) continue;
            if (ws.getFormula(r, c) !== undefined) continue;
            const now = host.getValues(s.sheet, rectToA1({ r0: r, c0: c, r1: r, c1: c }))[0][0];
            if (now === hostValue(s.values[r - s.rect.r0][c - s.rect.c0]) || now === "") {
              host.setValues(s.sheet, rectToA1({ r0: r, c0: c, r1: r, c1: c }), [[""]]);
            }
          }
        }
      }
      const lastSpills = new Map([...this.spills].map(([k, v]) => [k, v.rect]));
      this.spills = new Map();
      this.errorMessages = new Map();
      // 2. Every formula after the formulas it reads (spill areas of the last calculation count as read).
      const anchors: Anchor[] = [];
      for (const ws of host.workbook.sheets) {
        const here: Anchor[] = [];
        ws.cols.forEach((col, c) => {
          col?.f?.forEach((formula, r) => {
            if (formula !== undefined) here.push({ sheet: ws.name, r, c, formula });
          });
        });
        here.sort((a, b) => a.r - b.r || a.c - b.c);
        anchors.push(...here);
      }
      const { order, circular } = recalcOrder(anchors, lastSpills);
      withTemplateSource(this.templates, () => {
        for (const a of order) this.recalcCell(a.sheet, a.r, a.c, a.formula, circular.has(anchorKey(a.sheet, a.r, a.c)) ? circular : undefined);
      });
    } finally {
      this.recalculating = false;
    }
  }

  private recalcCell(sheet: string, r: number, c: number, formula: string, circle?: ReadonlySet<string>): void {
    const host = this.host;
    const result = circle ? [[circularError(circle, this.lang())]] : this.compute(formula, sheet, r, c);
    const rows = result.length;
    const cols = Math.max(...result.map((x) => x.length));
    let anchor: ResultCell = result[0][0];
    if (rows * cols > 1) {
      const rect: Rect = { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 };
      const ws = host.workbook.findSheet(sheet)!;
      let blocked = false;
      for (let i = rect.r0; i <= rect.r1 && !blocked; i++) {
        for (let j = rect.c0; j <= rect.c1; j++) {
          if (i === r && j === c) continue;
          if (!ws.isEmpty(i, j)) {
            blocked = true;
            break;
          }
        }
      }
      if (blocked) {
        const zh = this.lang() === "zh-CN";
        anchor = new FormulaErrorCell(
          "#SPILL!",
          zh ? `溢出区域 ${rectToA1(rect)} 不为空：请清空这些单元格` : `the spill range ${rectToA1(rect)} is not empty: clear those cells`,
        );
      } else {
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            if (i === 0 && j === 0) continue;
            const v = result[i][j] ?? "";
            this.writeValue(sheet, r + i, c + j, v);
          }
        }
        this.spills.set(cellKey(sheet, r, c), { sheet, rect, values: result });
      }
    }
    if (anchor instanceof FormulaErrorCell) this.errorMessages.set(cellKey(sheet, r, c), anchor.message);
    const key = cellKey(sheet, r, c);
    this.pending.set(key, anchor);
    try {
      host.setFormulas(sheet, rectToA1({ r0: r, c0: c, r1: r, c1: c }), [[formula]]); // the evaluator returns `anchor`
    } finally {
      this.pending.delete(key);
    }
  }

  private writeValue(sheet: string, r: number, c: number, v: ResultCell): void {
    const address = rectToA1({ r0: r, c0: c, r1: r, c1: c });
    if (v instanceof FormulaErrorCell) {
      this.host.setValues(sheet, address, [[v.code]]);
      this.errorMessages.set(cellKey(sheet, r, c), v.message);
    } else if (typeof v === "string") this.host.setValues(sheet, address, [[v]], { raw: v !== "" });
    else this.host.setValues(sheet, address, [[v]]);
  }

  private readonly parsedRules = new Map<string, Expr | null>();

  /** A Custom conditional format's formula for one cell: relative references move with the cell. */
  private customRule(formula: string, w: { sheet: string; row: number; column: number; anchorRow: number; anchorColumn: number }): boolean {
    let expr = this.parsedRules.get(formula);
    if (expr === undefined) {
      try {
        expr = parseFormula(formula);
      } catch {
        expr = null;
      }
      this.parsedRules.set(formula, expr);
    }
    if (!expr) return false;
    const v = evaluateFormula(expr, { ...this.evalContext(w.sheet), shift: { rows: w.row - w.anchorRow, columns: w.column - w.anchorColumn } })[0]?.[0];
    return v === true || (typeof v === "number" && v !== 0);
  }

  /** The host's formula evaluator: the value of a formula cell being written. */
  private anchorValue(formula: string, sheet: string, r: number, c: number): unknown {
    const key = cellKey(sheet, r, c);
    if (this.pending.has(key)) return hostValue(this.pending.get(key)!);
    const v = withTemplateSource(this.templates, () => this.compute(formula, sheet, r, c))[0][0];
    if (v instanceof FormulaErrorCell) this.errorMessages.set(key, v.message);
    return hostValue(v);
  }

  private compute(formula: string, sheet: string, r: number, c: number): ResultCell[][] {
    const parsed = this.engine.evaluate(formula, sheet, r, c);
    if ("syntaxError" in parsed) return [[new FormulaErrorCell("#NAME?", parsed.syntaxError)]];
    return parsed.cells.length && parsed.cells[0].length ? parsed.cells : [[""]];
  }

  private evalContext(sheet: string) {
    const host = this.host;
    return {
      sheet,
      lang: this.lang(),
      read: (sheetName: string, ref: string): Scalar[][] => {
        const ws = host.workbook.findSheet(sheetName);
        if (!ws) throw new Error(`no sheet ${sheetName}`);
        const p = parseAddress(ref);
        if (!p) throw new Error(`bad reference ${ref}`);
        let rect = p.rect;
        const whole = rect.r0 === 0 && rect.r1 >= 1048575;
        if (whole) {
          const used = ws.usedRect(true);
          if (!used) return [[""]];
          rect = { ...rect, r1: Math.max(0, used.r1) };
        }
        return host.getValues(ws.name, rectToA1(rect));
      },
    };
  }

  /** After an Excel.run batch: recalculate, then tell the views. */
  private changed(): void {
    this.recalc();
    this.dataVersion++;
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** Tells the views about a change made outside Excel.run (selection, active sheet). */
  touch(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** "Sheet1!A1:B2" of the current selection, for the name box. */
  selectionAddress(): string | null {
    const sel = this.host.workbook.selection;
    return sel ? fullAddress(sel.sheet.name, sel.rect) : null;
  }
}

/** The error of a formula in a circle of references (Excel warns and shows 0; the playground names the cells). */
function circularError(circle: ReadonlySet<string>, lang: Lang): FormulaErrorCell {
  const cells = [...circle].slice(0, 6).map((k) => {
    const [sheet, r, c] = k.split("\u0000");
    return fullAddress(sheet, { r0: Number(r), c0: Number(c), r1: Number(r), c1: Number(c) });
  });
  const list = cells.join(", ");
  return new FormulaErrorCell("#REF!", lang === "zh-CN" ? `循环引用：${list} 互相引用` : `circular reference: ${list} read each other`);
}

/** Values (with Excel's input rules) and formats of one sample sheet, queued on a context. */
function seedSheet(context: Excel.RequestContext, sheet: SheetSpec): void {
  const ws = context.workbook.worksheets.getItem(sheet.name);
  for (const col of sheet.textColumns ?? []) ws.getRange(`${col}:${col}`).numberFormat = [["@"]];
  const rows = sheet.rows;
  if (rows.length) {
    const width = rows[0].length;
    const range = ws.getRangeByIndexes(0, 0, rows.length, width);
    range.values = rows;
    if (sheet.header) {
      for (const row of sheet.headerRows ?? [1]) {
        const header = ws.getRangeByIndexes(row - 1, 0, 1, rows[row - 1]?.filter((v) => v !== "").length || width);
        header.format.fill.color = sheet.header.fill;
        if (sheet.header.fontColor) header.format.font.color = sheet.header.fontColor;
        if (sheet.header.bold) header.format.font.bold = true;
      }
    }
  }
  for (const nf of sheet.numberFormats ?? []) ws.getRange(nf.address).numberFormat = [[nf.format]];
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
}
