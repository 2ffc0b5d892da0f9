/** `host.snapshot()`: a deep, JSON-comparable copy of the whole workbook. */
import { absoluteAddress, cellA1, columnLetters, rectToA1 } from "../engine/sheet-address/a1";
import { CellFormatData, FORMAT_KEYS } from "./model/formats";
import { deepClone } from "./model/values";
import type { SheetModel, WorkbookModel } from "./model/workbook";

export interface WorkbookSnapshot {
  name: string;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  sheets: SheetSnapshot[];
  names: { name: string; formula: string; comment: string; visible: boolean; scope: string; sheet: string | null }[];
  settings: Record<string, unknown>;
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
}

export interface SheetSnapshot {
  name: string;
  id: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  freeze: { rows: number; cols: number };
  /** the values-only used range ("A1:C10"), or null for a sheet without values */
  usedRange: string | null;
  /** dense values of `usedRange` as the API returns them ("" for empty cells) */
  values: (string | number | boolean)[][];
  /** formula text by cell address */
  formulas: Record<string, string>;
  /** cell formatting that differs from the default, as runs of identical formats */
  formats: { range: string; format: Partial<CellFormatData> }[];
  columnFormats: Record<string, Partial<CellFormatData>>;
  rowFormats: Record<string, Partial<CellFormatData>>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  conditionalFormats: {
    id: string;
    type: string;
    ranges: string[];
    priority: number;
    stopIfTrue: boolean;
    rule: unknown;
    format: Record<string, unknown>;
    extra: Record<string, unknown>;
  }[];
  dataValidations: { ranges: string[]; rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: boolean }[];
  tables: {
    id: string;
    name: string;
    range: string;
    showHeaders: boolean;
    showTotals: boolean;
    style: string;
    columns: string[];
  }[];
  charts: Record<string, unknown>[];
  borders: { range: string; index: string; style: string; color: string; weight: string }[];
  /** merged areas ("A1:I1"), in the order they were merged */
  merges: string[];
  pageLayout: Record<string, unknown>;
}

function formatDiff(f: CellFormatData, def: CellFormatData): Partial<CellFormatData> | undefined {
  let out: Partial<CellFormatData> | undefined;
  for (const k of FORMAT_KEYS) {
    if (f[k] !== def[k]) {
      if (!out) out = {};
      (out as Record<string, unknown>)[k] = f[k];
    }
  }
  return out;
}

function snapshotSheet(model: WorkbookModel, s: SheetModel): SheetSnapshot {
  const def = model.formats.defaultFormat;
  const used = s.usedRect(true);
  const values = used ? s.readValues(used) : [];
  const formulas: Record<string, string> = {};
  // formats as vertical runs of the same (interned) format, merged across adjacent columns
  const diffs = new Map<CellFormatData, Partial<CellFormatData> | undefined>();
  const diffOf = (f: CellFormatData) => {
    if (!diffs.has(f)) diffs.set(f, formatDiff(f, def));
    return diffs.get(f);
  };
  type Run = { r0: number; r1: number; c0: number; c1: number; fmt: CellFormatData };
  const runs: Run[] = [];
  let open = new Map<string, Run>();
  for (let c = 0; c < s.cols.length; c++) {
    const st = s.cols[c];
    const nextOpen = new Map<string, Run>();
    if (st) {
      if (st.f) {
        for (let r = 0; r < st.f.length; r++) {
          const f = st.f[r];
          if (f !== undefined) formulas[cellA1(r, c)] = f;
        }
      }
      const fm = st.fmt;
      if (fm) {
        let r = 0;
        while (r < fm.length) {
          const f = fm[r];
          let end = r;
          while (end + 1 < fm.length && fm[end + 1] === f) end++;
          if (f && f !== def && diffOf(f)) {
            const key = `${r}:${end}:${(f as { id?: number }).id}`;
            const prev = open.get(key);
            if (prev && prev.c1 === c - 1) {
              prev.c1 = c;
              nextOpen.set(key, prev);
            } else {
              const run: Run = { r0: r, r1: end, c0: c, c1: c, fmt: f };
              runs.push(run);
              nextOpen.set(key, run);
            }
          }
          r = end + 1;
        }
      }
    }
    open = nextOpen;
  }
  const formats = runs.map((run) => ({ range: rectToA1(run), format: diffOf(run.fmt) as Partial<CellFormatData> }));
  const columnFormats: Record<string, Partial<CellFormatData>> = {};
  for (const [c, f] of [...s.colFmt].sort((a, b) => a[0] - b[0])) {
    const d = formatDiff(f, def);
    if (d) columnFormats[columnLetters(c)] = d;
  }
  const rowFormats: Record<string, Partial<CellFormatData>> = {};
  for (const [r, f] of [...s.rowFmt].sort((a, b) => a[0] - b[0])) {
    const d = formatDiff(f, def);
    if (d) rowFormats[String(r + 1)] = d;
  }
  const columnWidths: Record<string, number> = {};
  for (const [c, w] of [...s.colWidths].sort((a, b) => a[0] - b[0])) columnWidths[columnLetters(c)] = w;
  const rowHeights: Record<string, number> = {};
  for (const [r, h] of [...s.rowHeights].sort((a, b) => a[0] - b[0])) rowHeights[String(r + 1)] = h;
  const pl = s.pageLayout;
  return {
    name: s.name,
    id: s.id,
    position: model.sheets.indexOf(s),
    visibility: s.visibility,
    tabColor: s.tabColor,
    showGridlines: s.showGridlines,
    freeze: { ...s.freeze },
    usedRange: used ? rectToA1(used) : null,
    values,
    formulas,
    formats,
    columnFormats,
    rowFormats,
    columnWidths,
    rowHeights,
    conditionalFormats: s.conditionalFormats.map((cf, i) => ({
      id: cf.id,
      type: cf.type,
      ranges: cf.rects.map(rectToA1),
      priority: i,
      stopIfTrue: cf.stopIfTrue,
      rule: deepClone(cf.rule),
      format: { ...cf.format },
      extra: deepClone(cf.extra),
    })),
    dataValidations: s.validations.map((v) => ({
      ranges: v.rects.map(rectToA1),
      rule: deepClone(v.rule),
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    })),
    tables: model.tablesOn(s).map((t) => ({
      id: t.id,
      name: t.name,
      range: rectToA1(t.rect),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
      columns: [...t.columnNames],
    })),
    charts: s.charts.map((c) => ({
      id: c.id,
      name: c.name,
      chartType: c.chartType,
      source: absoluteAddress(c.sourceSheet.name, c.sourceRect),
      seriesBy: c.seriesBy,
      title: { ...c.title },
      legend: { ...c.legend },
      top: c.top,
      left: c.left,
      width: c.width,
      height: c.height,
      position: { ...c.position },
    })),
    borders: s.borders.map((b) => ({ range: rectToA1(b.rect), index: b.index, style: b.style, color: b.color, weight: b.weight })),
    merges: s.merges.map(rectToA1),
    pageLayout: {
      ...deepClone({ ...pl, printTitleRows: undefined, printTitleColumns: undefined, printArea: undefined }),
      printTitleRows: pl.printTitleRows ? rectToA1(pl.printTitleRows) : null,
      printTitleColumns: pl.printTitleColumns ? rectToA1(pl.printTitleColumns) : null,
      printArea: pl.printArea ? pl.printArea.map(rectToA1) : null,
    },
  };
}

export function snapshotWorkbook(model: WorkbookModel): WorkbookSnapshot {
  const settings: Record<string, unknown> = {};
  for (const [k, v] of [...model.settings].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) settings[k] = deepClone(v);
  const sel = model.selection && model.sheets.includes(model.selection.sheet) ? model.selection : null;
  return {
    name: model.name,
    activeSheet: model.activeSheet ? model.activeSheet.name : null,
    selection: sel ? { sheet: sel.sheet.name, address: rectToA1(sel.rect) } : null,
    sheets: model.sheets.map((s) => snapshotSheet(model, s)),
    names: model.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      visible: n.visible,
      scope: n.scope,
      sheet: n.sheet ? n.sheet.name : null,
    })),
    settings,
    customXmlParts: model.customXmlParts.map((x) => ({ ...x })),
  };
}
