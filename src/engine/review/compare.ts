/**
 * Comparing two periods' grades: the migration matrix (from-grade × to-grade counts and the share
 * of a measure), and who moved up, down, stayed, appeared or disappeared.
 *
 * - Grade order is the template's (best -> worst); a grade text is matched to a grade by its id
 *   or its English/Chinese label (case and spaces ignored). Without a template the order is the
 *   order of first appearance: the previous period's rows top-down, then the current period's.
 * - A key found more than once in a period is a duplicate: it is reported with all its rows (both
 *   periods) and left out of the matrix and the lists — never merged or picked.
 * - A grade text the template does not know is reported (with its rows); those customers are
 *   left out too, as are rows with a blank grade (not graded: bad input or no data), reported as
 *   `ungraded`. Being left out applies to both periods: the matrix only counts keys with one
 *   known grade (or none = new/lost) on each side.
 * - Rows with a blank key are reported and ignored.
 * - Measure: the current period's value; for lost customers the previous period's. Blank counts
 *   0; a value that is not a number counts 0 and is reported.
 */
import { compileTemplate } from "../eval/grade";
import { tr } from "../text/display";
import type { Lang } from "../text/lang";
import { isBlank, normalizeWord, parseNumber } from "../input/parse";
import type { Template, Text } from "../template/schema";

/** One period's rows. `rows` labels each row in reports (file or sheet row numbers); default 1, 2, 3 ... */
export interface PeriodRows {
  keys: ArrayLike<unknown>;
  grades: ArrayLike<unknown>;
  measure?: ArrayLike<unknown>;
  rows?: ArrayLike<number>;
}

export type Side = "previous" | "current";
export type Change = "up" | "down" | "same" | "new" | "lost";

export interface GradeSlot {
  /** Canonical id (template) or the text found (no template). */
  id: string;
  label: Text;
  color?: string;
}

export interface Movement {
  key: string;
  change: Change;
  from: string | null;
  to: string | null;
  /** Levels moved: positive = up (towards the best grade), negative = down; 0 for same/new/lost. */
  steps: number;
  previousRow?: number;
  currentRow?: number;
  measure: number;
}

export interface Comparison {
  /** Best -> worst. */
  grades: GradeSlot[];
  /** True when the order comes from a template, false for first appearance. */
  templateOrder: boolean;
  templateId?: string;
  /**
   * counts[f][t]: customers with grade f before and t now. Index G (= grades.length) is "none":
   * row G holds new customers, column G lost ones; counts[G][G] is always 0.
   */
  counts: number[][];
  /** Sums of the measure per cell (same shape), when a measure was given. */
  measure?: number[][];
  measureTotal?: number;
  /** Every compared customer: the previous period's order, then new customers in current order. */
  movements: Movement[];
  upgraded: Movement[];
  downgraded: Movement[];
  unchanged: Movement[];
  added: Movement[];
  lost: Movement[];
  duplicates: { key: string; previousRows: number[]; currentRows: number[] }[];
  unknownGrades: { grade: string; side: Side; rows: number[] }[];
  ungraded: { key: string; side: Side; row: number }[];
  blankKeys: { side: Side; row: number }[];
  measureProblems: { side: Side; row: number; text: string }[];
}

/** A key as text: trimmed strings, numbers in full, TRUE/FALSE, dates as ISO. */
export function keyText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Maps grade texts to slots: the template's grades, or first appearance. */
export class GradeOrder {
  readonly grades: GradeSlot[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly template?: Template) {
    if (template) {
      const compiled = compileTemplate(template);
      compiled.grades.forEach((g, k) => {
        this.grades.push({ id: g.id, label: { ...g.label }, color: g.color });
        for (const w of [g.id, g.label.en, g.label.zh]) {
          const n = normalizeWord(w);
          if (n && !this.index.has(n)) this.index.set(n, k);
        }
      });
    }
  }
  /** Slot of a grade text; -1 when a template does not know it (without a template, new texts are added). */
  slot(text: string): number {
    const n = normalizeWord(text);
    const k = this.index.get(this.template ? n : text);
    if (k !== undefined) return k;
    if (this.template) return -1;
    this.index.set(text, this.grades.length);
    this.grades.push({ id: text, label: { en: text, zh: text } });
    return this.grades.length - 1;
  }
}

interface Entry {
  key: string;
  grade: number;
  row: number;
  i: number;
}

/**
 * Compares two periods.
 *
 * @example comparePeriods({ keys: ["a","b"], grades: ["A","B"] }, { keys: ["a","c"], grades: ["B","A"] }, { template })
 */
export function comparePeriods(previous: PeriodRows, current: PeriodRows, opts: { template?: Template } = {}): Comparison {
  const order = new GradeOrder(opts.template);
  const hasMeasure = previous.measure !== undefined || current.measure !== undefined;
  const unknown = new Map<string, { grade: string; side: Side; rows: number[] }>();
  const ungraded: Comparison["ungraded"] = [];
  const blankKeys: Comparison["blankKeys"] = [];
  const measureProblems: Comparison["measureProblems"] = [];
  const excluded = new Set<string>();

  const collect = (p: PeriodRows, side: Side) => {
    const byKey = new Map<string, Entry[]>();
    const n = p.keys.length;
    for (let i = 0; i < n; i++) {
      const row = p.rows ? p.rows[i] : i + 1;
      const key = keyText(p.keys[i]);
      if (key === "") {
        if (!isBlank(p.grades[i])) blankKeys.push({ side, row });
        continue;
      }
      const g = p.grades[i];
      let grade = -1;
      if (isBlank(g)) {
        ungraded.push({ key, side, row });
        excluded.add(key);
      } else {
        const text = keyText(g);
        grade = order.slot(text);
        if (grade < 0) {
          const uk = `${side}\u0000${text}`;
          const u = unknown.get(uk) ?? { grade: text, side, rows: [] };
          u.rows.push(row);
          unknown.set(uk, u);
          excluded.add(key);
        }
      }
      const list = byKey.get(key);
      const e = { key, grade, row, i };
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    return byKey;
  };
  const prev = collect(previous, "previous");
  const cur = collect(current, "current");

  const duplicates: Comparison["duplicates"] = [];
  const dupKeys = new Set<string>();
  const noteDup = (key: string) => {
    if (dupKeys.has(key)) return;
    dupKeys.add(key);
    duplicates.push({ key, previousRows: (prev.get(key) ?? []).map((e) => e.row), currentRows: (cur.get(key) ?? []).map((e) => e.row) });
  };
  for (const [key, list] of prev) if (list.length > 1) noteDup(key);
  for (const [key, list] of cur) if (list.length > 1) noteDup(key);

  const G = order.grades.length;
  const counts = Array.from({ length: G + 1 }, () => new Array<number>(G + 1).fill(0));
  const measure = hasMeasure ? Array.from({ length: G + 1 }, () => new Array<number>(G + 1).fill(0)) : undefined;
  const measureOf = (p: PeriodRows, side: Side, e: Entry): number => {
    if (!p.measure) return 0;
    const v = p.measure[e.i];
    if (isBlank(v)) return 0;
    const r = parseNumber(v);
    if (r.ok) return r.value;
    measureProblems.push({ side, row: e.row, text: keyText(v) });
    return 0;
  };
  const movements: Movement[] = [];
  const add = (key: string, a: Entry | undefined, b: Entry | undefined) => {
    if (dupKeys.has(key) || excluded.has(key)) return;
    const f = a ? a.grade : G;
    const t = b ? b.grade : G;
    const m = b ? measureOf(current, "current", b) : a ? measureOf(previous, "previous", a) : 0;
    counts[f][t]++;
    if (measure) measure[f][t] += m;
    const change: Change = !a ? "new" : !b ? "lost" : f === t ? "same" : t < f ? "up" : "down";
    const mv: Movement = {
      key,
      change,
      from: a ? order.grades[f].id : null,
      to: b ? order.grades[t].id : null,
      steps: a && b ? f - t : 0,
      measure: m,
    };
    if (a) mv.previousRow = a.row;
    if (b) mv.currentRow = b.row;
    movements.push(mv);
  };
  for (const [key, list] of prev) add(key, list[0], cur.get(key)?.[0]);
  for (const [key, list] of cur) if (!prev.has(key)) add(key, undefined, list[0]);

  // keys excluded for an unknown/blank grade that are also duplicates are reported as duplicates only once
  const result: Comparison = {
    grades: order.grades,
    templateOrder: !!opts.template,
    counts,
    movements,
    upgraded: movements.filter((m) => m.change === "up"),
    downgraded: movements.filter((m) => m.change === "down"),
    unchanged: movements.filter((m) => m.change === "same"),
    added: movements.filter((m) => m.change === "new"),
    lost: movements.filter((m) => m.change === "lost"),
    duplicates,
    unknownGrades: [...unknown.values()],
    ungraded,
    blankKeys,
    measureProblems,
  };
  if (opts.template) result.templateId = opts.template.id;
  if (measure) {
    result.measure = measure;
    result.measureTotal = measure.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  }
  return result;
}

/** A grade's text as shown: the id in English, the Chinese label in zh-CN (like the grade column). */
export function slotText(g: GradeSlot, lang: Lang): string {
  return lang === "zh-CN" ? tr(g.label, lang) || g.id : g.id;
}

/**
 * The matrix as CSV records `from,to,count` (+ `measure,measure_share` with a measure), header
 * first. Order: each from-grade best -> worst, and within it each to-grade best -> worst then
 * the lost cell (`to` empty); then the new customers (`from` empty) per to-grade best -> worst.
 * Every cell is listed, zeros included: (G + 1)² − 1 data rows. Grades are canonical ids (with a
 * template) or the texts found; the same in every language.
 */
export function migrationRecords(c: Comparison): string[][] {
  const G = c.grades.length;
  const head = ["from", "to", "count"];
  if (c.measure) head.push("measure", "measure_share");
  const out: string[][] = [head];
  const id = (k: number) => (k === G ? "" : c.grades[k].id);
  const cell = (f: number, t: number) => {
    const r = [id(f), id(t), String(c.counts[f][t])];
    if (c.measure) {
      const m = c.measure[f][t];
      r.push(String(m), String(c.measureTotal ? m / c.measureTotal : 0));
    }
    out.push(r);
  };
  for (let f = 0; f < G; f++) for (let t = 0; t <= G; t++) cell(f, t);
  for (let t = 0; t < G; t++) cell(G, t);
  return out;
}
