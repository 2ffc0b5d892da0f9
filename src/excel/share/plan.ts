/**
 * What each `GK.*` formula of the workbook becomes for a colleague without GradeKit: portable
 * formulas from the engine's compiler (`compileFormulaRows`, the same as "write grades as
 * formulas"), or its current values, with the reason. Pure: the loaded sheets in, the plan out.
 *
 * - `GK.GRADE` / `GK.SCORE(template, inputs)`: the inputs' columns are the template's fields in
 *   order; a block of rows spills one result per row, so each row's cell gets that row's formula.
 *   Refused (kept as values): a template not written as text or not found, inputs that are not a
 *   plain range on the formula's sheet or do not cover every field, one row of a template that
 *   compares rows, a template without scores for SCORE, text in number cells the engine reads
 *   and formulas cannot (`1,200`; in a population any text), a spill area in the way.
 * - `GK.TIER`, `GK.PERCENTILE_TIER`: bands and percentile templates built from the arguments.
 * - `GK.EXPLAIN` and GK calls inside larger formulas: values.
 */
import {
  compileFormulaRows,
  compileTemplate,
  DEFAULTS,
  EXCEL_LIMITS,
  isBlank,
  isRefusal,
  normalizeWord,
  parseNumber,
  parseYesNo,
  wordGroups,
  type Bilingual,
  type Field,
  type CompiledTemplate,
  type Formulas,
  type Refusal,
  type Template,
} from "../../engine";
import { BUILTIN_TEMPLATES } from "../../templates";
import { cellA1, columnLetters, sheetAddress, type Rect } from "../address";
import { textCell } from "../cell-text";
import type { ShareItem, ShareTarget } from "../contract";
import { percentileTemplate, tierTemplate, VALUE_FIELD } from "./adhoc-templates";
import { hasGkCall, parseGkFormula, type GkArg, type GkCall } from "./gk-formula";
import { reason, SHARE_ARGS } from "./reasons";

/** A sheet's used range as loaded: its top-left cell and its formulas and values. */
export interface LoadedSheet {
  name: string;
  r0: number;
  c0: number;
  formulas: unknown[][];
  values: unknown[][];
}

export type CellInput = string | number | boolean;

/** One item of the plan: the cells it writes, and what undo writes back. */
export interface PlannedItem {
  item: ShareItem;
  sheet: string;
  rect: Rect;
  write: CellInput[][];
  /** The formula in its cell, "" in the cells it spilled into. */
  restore: CellInput[][];
}

/** Templates by id or English/Chinese name (workbook ones first), as GK.* finds them. */
export function templateIndex(stored: readonly Template[]): Map<string, Template> {
  const index = new Map<string, Template>();
  for (const t of [...stored, ...BUILTIN_TEMPLATES]) {
    for (const key of [t.id, t.name.en, t.name.zh]) {
      const k = normalizeWord(key);
      if (k && !index.has(k)) index.set(k, t);
    }
  }
  return index;
}

const ERROR_LITERAL = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** The cell input that writes a value back as it shows (text guarded, error literals as errors). */
function asInput(v: unknown): CellInput {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  const s = String(v);
  return ERROR_LITERAL.test(s) ? s : textCell(s, "General");
}

class Workbook {
  private readonly byName = new Map<string, LoadedSheet>();
  constructor(readonly sheets: readonly LoadedSheet[]) {
    for (const s of sheets) this.byName.set(s.name.toLowerCase(), s);
  }
  sheet(name: string): LoadedSheet | undefined {
    return this.byName.get(name.toLowerCase());
  }
  value(sheet: LoadedSheet, r: number, c: number): unknown {
    return sheet.values[r - sheet.r0]?.[c - sheet.c0] ?? "";
  }
  formula(sheet: LoadedSheet, r: number, c: number): unknown {
    return sheet.formulas[r - sheet.r0]?.[c - sheet.c0] ?? "";
  }
  cells(sheet: LoadedSheet, rect: Rect): unknown[][] {
    const out: unknown[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: unknown[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.value(sheet, r, c));
      out.push(row);
    }
    return out;
  }
}

class Refused {
  constructor(readonly why: Bilingual) {}
}

type Range = { sheet: LoadedSheet; rect: Rect };

interface Context {
  wb: Workbook;
  sheet: LoadedSheet;
  r: number;
  c: number;
  target: ShareTarget;
  templates: Map<string, Template>;
}

/** A range argument on the formula's own sheet (the compiled formulas name no sheet). */
function rangeArg(ctx: Context, arg: GkArg | undefined, name: Bilingual): Range {
  if (!arg || arg.kind !== "range") throw new Refused(reason("notRange", { arg: name.en }, { arg: name.zh }));
  const sheet = arg.sheet === undefined ? ctx.sheet : ctx.wb.sheet(arg.sheet);
  if (!sheet || sheet !== ctx.sheet) throw new Refused(reason("otherSheet", { arg: name.en, sheet: arg.sheet ?? "" }, { arg: name.zh, sheet: arg.sheet ?? "" }));
  return { sheet, rect: arg.rect };
}

/** Cells of an array, range (any sheet) or scalar argument, blanks skipped. */
function listArg(ctx: Context, arg: GkArg, name: Bilingual): unknown[] {
  let cells: unknown[];
  if (arg.kind === "array") cells = arg.values.flat();
  else if (arg.kind === "number" || arg.kind === "string" || arg.kind === "boolean") cells = [arg.value];
  else if (arg.kind === "range") {
    const sheet = arg.sheet === undefined ? ctx.sheet : ctx.wb.sheet(arg.sheet);
    if (!sheet) throw new Refused(reason("badArgument", { arg: name.en, detail: arg.sheet ?? "" }, { arg: name.zh, detail: arg.sheet ?? "" }));
    cells = ctx.wb.cells(sheet, arg.rect).flat();
  } else throw new Refused(reason("notRange", { arg: name.en }, { arg: name.zh }));
  return cells.filter((v) => !isBlank(v));
}

function numbersArg(ctx: Context, arg: GkArg, name: Bilingual): number[] {
  return listArg(ctx, arg, name).map((v) => {
    const r = parseNumber(v);
    if (!r.ok) throw new Refused(reason("badArgument", { arg: name.en, detail: String(v) }, { arg: name.zh, detail: String(v) }));
    return r.value;
  });
}

const isOmitted = (a: GkArg | undefined): boolean => !a || a.kind === "omitted";

/**
 * Labels as grade ids, and whether the results must be numbers (GK returns a number label as a
 * number; the compiled formula gives text, so it is turned back with `--`).
 */
function labelsArg(ctx: Context, arg: GkArg | undefined, count: number): { ids: string[]; numeric: boolean } {
  if (isOmitted(arg)) return { ids: Array.from({ length: count }, (_, i) => String(i + 1)), numeric: true };
  const cells = listArg(ctx, arg!, SHARE_ARGS.labels);
  const numbers = cells.filter((v) => typeof v === "number").length;
  const texts = cells.filter((v) => typeof v === "string");
  const bad = cells.find((v) => typeof v !== "number" && typeof v !== "string");
  // a text label that reads as a number would come back as a number: refused rather than changed
  const numericText = numbers > 0 ? texts.find((s) => Number.isFinite(Number(s)) && s.trim() !== "") : undefined;
  if (bad !== undefined || numericText !== undefined) {
    const detail = String(bad ?? numericText);
    throw new Refused(reason("badArgument", { arg: SHARE_ARGS.labels.en, detail }, { arg: SHARE_ARGS.labels.zh, detail }));
  }
  return { ids: cells.map(String), numeric: numbers > 0 };
}

/** Number cells the formulas read differently from GK (text; in a population, any non-number). */
function textCells(ctx: Context, sheet: LoadedSheet, rect: Rect, population: boolean): string[] {
  const found: string[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = ctx.wb.value(sheet, r, c);
      if (isBlank(v) || typeof v === "number") continue;
      if (population || (typeof v === "string" && parseNumber(v).ok)) found.push(`${cellA1(r, c)} '${String(v)}'`);
    }
  }
  return found;
}

/** A word as the formulas compare it: spaces, `-` and `_` removed, nothing else (no tabs); `=` ignores letter case. */
const formulaWord = (s: string): string => s.replace(/[ \-_]/g, "").toLowerCase();

/**
 * Word cells GradeKit reads and the formulas cannot (full-width letters, tabs, yes/no words such
 * as √): that row would be #VALUE!, and in a population the other rows' results would change.
 */
function unreadWords(ctx: Context, sheet: LoadedSheet, c: number, rows: Rect, field: Field): string[] {
  const keys = new Set(wordGroups(field).flat().map((k) => k.toLowerCase()));
  const found: string[] = [];
  for (let r = rows.r0; r <= rows.r1; r++) {
    const v = ctx.wb.value(sheet, r, c);
    if (typeof v !== "string" || isBlank(v)) continue;
    const engineReads = field.type === "yesno" ? parseYesNo(v).ok : keys.has(normalizeWord(v));
    if (engineReads && !keys.has(formulaWord(v))) found.push(`${cellA1(r, c)} '${v}'`);
  }
  return found;
}

function listed(cells: string[]): string {
  return cells.length > 3 ? `${cells.slice(0, 3).join(", ")} (+${cells.length - 3})` : cells.join(", ");
}

function compiled(template: Template, ctx: Context, columns: Record<string, string>, rows: Rect): Formulas[] {
  const out: Formulas[] | Refusal = compileFormulaRows(template, { target: ctx.target, columns, firstRow: rows.r0 + 1, lastRow: rows.r1 + 1 });
  if (isRefusal(out)) throw new Refused(reason("notCompiled", { detail: out.reason.en }, { detail: out.reason.zh }));
  return out;
}

/** `--` around a formula giving a number label as text (`""` and errors stay); refused past Excel's formula length. */
function asNumber(f: string): string {
  const out = `IFERROR(--(${f}),${f})`;
  if (out.length + 1 > EXCEL_LIMITS.chars) {
    throw new Refused(reason("notCompiled", { detail: `formula longer than ${EXCEL_LIMITS.chars} characters` }, { detail: `公式超过 ${EXCEL_LIMITS.chars} 个字符` }));
  }
  return out;
}

/** The rows of formulas one GK call becomes (one column), or a refusal. */
interface Conversion {
  template?: string;
  /** Output cells, from the formula's cell down. */
  formulas: string[];
}

function gradeCall(ctx: Context, fn: "GRADE" | "SCORE", args: GkArg[]): Conversion {
  const t = args[0];
  if (!t || t.kind !== "string") throw new Refused(reason("templateNotText"));
  const template = ctx.templates.get(normalizeWord(t.value.trim()));
  if (!template) throw new Refused(reason("templateUnknown", { name: t.value }));
  let ct: CompiledTemplate;
  try {
    ct = compileTemplate(template);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new Refused(reason("templateBroken", { name: t.value, detail }));
  }
  const inputs = rangeArg(ctx, args[1], SHARE_ARGS.inputs);
  const { rect } = inputs;
  const fields = ct.template.fields;
  const cols = rect.c1 - rect.c0 + 1;
  const names = { name: template.id, got: cols, want: fields.length };
  if (cols > fields.length) throw new Refused(reason("tooManyColumns", names));
  if (cols < fields.length) throw new Refused(reason("tooFewColumns", names));
  if (ct.population && rect.r0 === rect.r1) throw new Refused(reason("singleRowPopulation", { name: template.id }));
  if (fn === "SCORE" && !ct.scores) throw new Refused(reason("noScore", { name: template.id }));
  const bad: string[] = [];
  fields.forEach((f, j) => {
    if (f.type === "number") bad.push(...textCells(ctx, inputs.sheet, { r0: rect.r0, r1: rect.r1, c0: rect.c0 + j, c1: rect.c0 + j }, ct.population));
  });
  if (bad.length) throw new Refused(reason("textNumbers", { detail: listed(bad) }));
  const words: string[] = [];
  fields.forEach((f, j) => {
    if (f.type === "category" || f.type === "yesno") words.push(...unreadWords(ctx, inputs.sheet, rect.c0 + j, rect, f));
  });
  if (words.length) throw new Refused(reason("wordsDiffer", { detail: listed(words) }));
  const columns: Record<string, string> = {};
  fields.forEach((f, j) => (columns[f.key] = columnLetters(rect.c0 + j)));
  const rows = compiled(ct.template, ctx, columns, rect);
  return { template: template.id, formulas: rows.map((r) => (fn === "GRADE" ? r.grade : r.score!)) };
}

function singleColumn(ctx: Context, arg: GkArg | undefined, name: Bilingual): Range {
  const range = rangeArg(ctx, arg, name);
  if (range.rect.c0 !== range.rect.c1) throw new Refused(reason("notRange", { arg: name.en }, { arg: name.zh }));
  return range;
}

function tierCall(ctx: Context, args: GkArg[]): Conversion {
  const value = singleColumn(ctx, args[0], SHARE_ARGS.value);
  const thresholds = numbersArg(ctx, args[1] ?? { kind: "omitted" }, SHARE_ARGS.thresholds);
  const labels = labelsArg(ctx, args[2] ?? { kind: "omitted" }, 0);
  let higher = true;
  const h = args[3];
  if (h && h.kind === "boolean") higher = h.value;
  else if (h && h.kind === "number") higher = h.value !== 0;
  else if (!isOmitted(h)) throw new Refused(reason("badArgument", { arg: SHARE_ARGS.higherIsBetter.en, detail: "" }, { arg: SHARE_ARGS.higherIsBetter.zh, detail: "" }));
  const bad = textCells(ctx, value.sheet, value.rect, false);
  if (bad.length) throw new Refused(reason("textNumbers", { detail: listed(bad) }));
  if (labels.ids.length !== thresholds.length + 1) throw new Refused(reason("badArgument", { arg: SHARE_ARGS.labels.en, detail: String(labels.ids.length) }, { arg: SHARE_ARGS.labels.zh, detail: String(labels.ids.length) }));
  const built = tierTemplate(thresholds, labels.ids, higher);
  if (!built.ok) throw new Refused(reason("notCompiled", { detail: built.why.en }, { detail: built.why.zh }));
  const rows = compiled(built.template, ctx, { [VALUE_FIELD]: columnLetters(value.rect.c0) }, value.rect);
  return { formulas: rows.map((r) => (labels.numeric ? asNumber(r.grade) : r.grade)) };
}

function percentileCall(ctx: Context, args: GkArg[]): Conversion {
  const first = rangeArg(ctx, args[0], SHARE_ARGS.values);
  const single = first.rect.r0 === first.rect.r1 && first.rect.c0 === first.rect.c1 && args[1]?.kind === "range";
  const population = single ? singleColumn(ctx, args[1], SHARE_ARGS.population) : singleColumn(ctx, args[0], SHARE_ARGS.values);
  const rest = single ? args.slice(2) : args.slice(1);
  if (!isOmitted(rest[2]) || !isOmitted(rest[3])) throw new Refused(reason("groups"));
  const cuts = isOmitted(rest[0]) ? [...DEFAULTS.cuts] : numbersArg(ctx, rest[0], SHARE_ARGS.cuts);
  const labels = labelsArg(ctx, rest[1], cuts.length + 1);
  const { rect } = population;
  if (single && !(first.rect.c0 === rect.c0 && first.rect.r0 >= rect.r0 && first.rect.r0 <= rect.r1)) throw new Refused(reason("population"));
  const bad = textCells(ctx, population.sheet, rect, true);
  if (bad.length) throw new Refused(reason("populationText", { detail: listed(bad) }));
  const built = percentileTemplate(cuts, labels.ids);
  if (!built.ok) throw new Refused(reason("notCompiled", { detail: built.why.en }, { detail: built.why.zh }));
  const rows = compiled(built.template, ctx, { [VALUE_FIELD]: columnLetters(rect.c0) }, rect);
  const formulas = rows.map((r) => (labels.numeric ? asNumber(r.grade) : r.grade));
  return { formulas: single ? [formulas[first.rect.r0 - rect.r0]] : formulas };
}

/** How many result rows a call spills (from its inputs), when that can be read from the formula. */
function spillRows(call: GkCall): number {
  if (call.kind !== "call") return 1;
  const a = call.fn === "TIER" || call.fn === "PERCENTILE_TIER" ? call.args[0] : call.args[1];
  if (!a || a.kind !== "range") return 1;
  if (call.fn === "PERCENTILE_TIER" && a.rect.r0 === a.rect.r1 && call.args[1]?.kind === "range") return 1;
  return a.rect.r1 - a.rect.r0 + 1;
}

function convert(ctx: Context, call: GkCall): Conversion {
  if (call.kind !== "call") throw new Refused(reason("nested"));
  switch (call.fn) {
    case "GRADE":
    case "SCORE":
      return gradeCall(ctx, call.fn, call.args);
    case "TIER":
      return tierCall(ctx, call.args);
    case "PERCENTILE_TIER":
      return percentileCall(ctx, call.args);
    default: {
      // EXPLAIN: the template still named, for the list
      const t = call.args[0];
      const found = t?.kind === "string" ? ctx.templates.get(normalizeWord(t.value.trim())) : undefined;
      throw Object.assign(new Refused(reason("explain")), { template: found?.id });
    }
  }
}

function planCell(ctx: Context, formula: string): PlannedItem {
  const { wb, sheet, r, c } = ctx;
  const call = parseGkFormula(formula);
  const anchorValue = wb.value(sheet, r, c);
  const address = sheetAddress(sheet.name, { r0: r, c0: c, r1: r, c1: c });
  const base = { address, formula, fn: call.kind === "call" ? call.fn : undefined };
  const column = (n: number): Rect => ({ r0: r, c0: c, r1: r + n - 1, c1: c });
  const restoreOf = (n: number): CellInput[][] => Array.from({ length: n }, (_, i) => [i === 0 ? formula : ""]);
  try {
    const conv = convert(ctx, call);
    const n = conv.formulas.length;
    if (n > 1) {
      const inTheWay: string[] = [];
      if (anchorValue === "#SPILL!") inTheWay.push(cellA1(r, c));
      for (let i = 1; i < n; i++) if (hasFormula(wb.formula(sheet, r + i, c))) inTheWay.push(cellA1(r + i, c));
      if (inTheWay.length) throw new Refused(reason("spillBlocked", { detail: listed(inTheWay) }));
    }
    const write = conv.formulas.map((f) => [`=${f}`]);
    const item: ShareItem = { ...base, area: sheetAddress(sheet.name, column(n)), becomes: "formula", preview: `=${conv.formulas[0]}` };
    if (conv.template) item.template = conv.template;
    return { item, sheet: sheet.name, rect: column(n), write, restore: restoreOf(n) };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    // an error result does not spill; else the spill area as far as the formula tells it
    const n = typeof anchorValue === "string" && ERROR_LITERAL.test(anchorValue) ? 1 : spillRows(call);
    const rect = column(n);
    const write = wb.cells(sheet, rect).map((row) => row.map(asInput));
    const item: ShareItem = { ...base, area: sheetAddress(sheet.name, rect), becomes: "value", preview: String(write[0][0]), reason: e.why };
    const template = (e as { template?: string }).template ?? templateOfCall(ctx, call);
    if (template) item.template = template;
    return { item, sheet: sheet.name, rect, write, restore: restoreOf(n) };
  }
}

function templateOfCall(ctx: Context, call: GkCall): string | undefined {
  if (call.kind !== "call" || (call.fn !== "GRADE" && call.fn !== "SCORE")) return undefined;
  const t = call.args[0];
  return t?.kind === "string" ? ctx.templates.get(normalizeWord(t.value.trim()))?.id : undefined;
}

const hasFormula = (f: unknown): boolean => typeof f === "string" && f.startsWith("=");

/** Every GK formula of the loaded sheets (row by row, sheets in the order given) and what it becomes. */
export function planShare(sheets: readonly LoadedSheet[], stored: readonly Template[], target: ShareTarget): PlannedItem[] {
  const wb = new Workbook(sheets);
  const templates = templateIndex(stored);
  const out: PlannedItem[] = [];
  for (const sheet of sheets) {
    sheet.formulas.forEach((row, i) => {
      row.forEach((f, j) => {
        if (hasGkCall(f)) out.push(planCell({ wb, sheet, r: sheet.r0 + i, c: sheet.c0 + j, target, templates }, f));
      });
    });
  }
  return out;
}
