/**
 * Turns raw cell values into typed columns, once per table: numbers into a Float64Array (NaN for
 * blank or bad), categories and yes/no into an Int32Array of value indexes (-1 blank, -2 bad).
 * Problems are recorded per row with a reason naming the field; nothing is guessed.
 */
import { fmt, tr } from "../text/display";
import type { Lang } from "../text/lang";
import { msg, type MessageKey } from "../text/messages";
import { isBlank, normalizeWord, parseNumberIn, parseYesNo, showValue, type ParseProblem } from "./parse";
import type { Field, Template, Text } from "../template/schema";
import { readDateColumn, readElapsedColumn, type DateReading } from "./date-columns";

/**
 * A table to grade: either columns keyed by field key, or rows whose cells follow `fields`
 * (field keys, in order; `undefined`/missing cells are blank).
 */
export type TableInput = (
  | { columns: Readonly<Record<string, ArrayLike<unknown> | undefined>>; rowCount?: number }
  | { rows: ArrayLike<ArrayLike<unknown> | null | undefined>; fields: readonly string[] }
) & {
  /**
   * Number field key -> factor from a unit in the column's header (`年消费额（万元）`: 10000; see
   * `headerUnits`). Plain numbers there are scaled; a cell with its own unit (`50万`) is not.
   */
  scale?: Readonly<Record<string, number>>;
} & DateReading;

/** The header-unit factor of a field in a table (1 when none). */
export function scaleOf(table: TableInput, key: string): number {
  const f = table.scale && Object.prototype.hasOwnProperty.call(table.scale, key) ? table.scale[key] : undefined;
  return typeof f === "number" && Number.isFinite(f) && f > 0 ? f : 1;
}

export interface NumberColumn {
  type: "number";
  field: Field;
  v: Float64Array;
  /** 1 where the cell itself was blank (before any default). */
  blank: Uint8Array;
}

export interface CategoryColumn {
  type: "category";
  field: Field;
  /** Index into `values`; -1 blank, -2 bad. */
  v: Int32Array;
  blank: Uint8Array;
  /** Canonical values (`yes`, `no` for yes/no fields). */
  values: readonly string[];
  labels: readonly Text[];
}

export type Column = NumberColumn | CategoryColumn;

/** An error value with a reason, in both languages (like a spreadsheet's #VALUE! with a message). */
export interface GradeError {
  /** `#VALUE!` for bad or missing input, `#N/A` when nothing applies. */
  type: "#VALUE!" | "#N/A";
  code: string;
  /** The field the error is about, when there is one. */
  field?: string;
  message: Text;
}

export function makeError(
  type: GradeError["type"],
  code: MessageKey,
  args: (lang: Lang) => Record<string, string | number>,
  field?: string,
): GradeError {
  return { type, code, field, message: { en: msg(code, "en", args("en")), zh: msg(code, "zh-CN", args("zh-CN")) } };
}

export interface ParsedTable {
  n: number;
  columns: Map<string, Column>;
  /** Per row, the problems found (bad values, missing required fields). */
  errors: Map<number, GradeError[]>;
  /** Number of template fields blank in each row (raw). */
  blankCount: Uint8Array;
  /** 1 where the row has at least one entry in `errors`. */
  bad: Uint8Array;
  fieldCount: number;
  /** The as-of date (Excel serial) dates were measured to; set when the template or table has dates. */
  asOf?: number;
}

export const YES_NO_VALUES: readonly string[] = ["yes", "no"];
const YES_NO_LABELS: readonly Text[] = [
  { en: "yes", zh: "是" },
  { en: "no", zh: "否" },
];

/** Category word -> index, matching value, en/zh labels and aliases, case- and space-insensitive. */
export function categoryIndex(field: Field): Map<string, number> {
  const m = new Map<string, number>();
  (field.categories ?? []).forEach((c, idx) => {
    for (const w of [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]) {
      const k = normalizeWord(w);
      if (k && !m.has(k)) m.set(k, idx);
    }
  });
  return m;
}

export function rowCountOf(table: TableInput): number {
  if ("rows" in table) return table.rows.length;
  if (table.rowCount !== undefined) return table.rowCount;
  let n = 0;
  for (const k of Object.keys(table.columns)) n = Math.max(n, table.columns[k]?.length ?? 0);
  return n;
}

/** A field's raw cells as one array (rows input is turned into a column once). */
export function rawColumn(table: TableInput, key: string, n: number): ArrayLike<unknown> {
  if ("rows" in table) {
    const ci = table.fields.indexOf(key);
    const out = new Array<unknown>(n);
    if (ci < 0) return out;
    const rows = table.rows;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      out[i] = r ? r[ci] : undefined;
    }
    return out;
  }
  const col = Object.prototype.hasOwnProperty.call(table.columns, key) ? table.columns[key] : undefined;
  return col ?? new Array<unknown>(n);
}

function problemMessage(field: Field, p: ParseProblem, allowed: (lang: Lang) => string): GradeError {
  const code: MessageKey = p.code;
  return makeError("#VALUE!", code, (lang) => ({ field: tr(field.label, lang), text: p.text, allowed: allowed(lang) }), field.key);
}

/** What reading a cell may report: a problem for row i. */
export type AddError = (i: number, e: GradeError) => void;

/**
 * Reads one number cell the slow way (blank, text, out of range), writing `v[i]`, `blank[i]`,
 * `blankCount[i]` and reporting problems. Numbers in range take a faster path in the callers.
 */
export function readNumberCell(
  field: Field,
  x: unknown,
  i: number,
  v: Float64Array,
  blank: Uint8Array,
  blankCount: Uint8Array,
  addError: AddError,
  factor = 1,
): void {
  const lo = field.min ?? -Infinity;
  const hi = field.max ?? Infinity;
  if (isBlank(x)) {
    blank[i] = 1;
    blankCount[i]++;
    v[i] = typeof field.default === "number" ? field.default : NaN;
    if (field.required !== false && field.default === undefined && field.requiredUnless === undefined) {
      addError(i, makeError("#VALUE!", "required", (l) => ({ field: tr(field.label, l) }), field.key));
    }
    return;
  }
  const r = parseNumberIn(x, factor);
  if (!r.ok) {
    v[i] = NaN;
    addError(i, problemMessage(field, r.problem, () => ""));
    return;
  }
  const num = r.value;
  if (num < lo || num > hi) {
    v[i] = NaN;
    addError(
      i,
      makeError(
        "#VALUE!",
        lo === -Infinity ? "aboveMax" : hi === Infinity ? "belowMin" : "outOfRange",
        (l) => ({ field: tr(field.label, l), value: fmt(num, field.unit), min: fmt(lo, field.unit), max: fmt(hi, field.unit) }),
        field.key,
      ),
    );
    return;
  }
  v[i] = num;
}

const NO_ROWS: readonly number[] = Object.freeze([]);

/**
 * The number columns' fast pass, for every kind: copies the cells that are already finite JS
 * numbers within [lo, hi] into `v` (no string work, no allocation per cell) and returns the other
 * rows (blank, text, out of range, ±Infinity, NaN) for `readNumberCell`. A small function of its
 * own so that V8 optimises this loop alone, whatever the caller's other branches do.
 */
export function copyNumbers(raw: ArrayLike<unknown>, v: Float64Array, lo: number, hi: number): readonly number[] {
  const n = v.length;
  let i = 0;
  // Most columns are all numbers: no list until the first other cell.
  for (; i < n; i++) {
    const x = raw[i];
    if (typeof x === "number" && x >= lo && x <= hi && x - x === 0) v[i] = x;
    else break;
  }
  if (i === n) return NO_ROWS;
  const slow: number[] = [];
  for (; i < n; i++) {
    const x = raw[i];
    if (typeof x === "number" && x >= lo && x <= hi && x - x === 0) v[i] = x;
    else slow.push(i);
  }
  return slow;
}

/** Adds "one of these is needed" errors to rows where a whole group is blank. */
export function checkRequireOneOf(template: Template, parsed: ParsedTable, addError: AddError): void {
  const { n, columns, blankCount, fieldCount } = parsed;
  for (const group of template.requireOneOf ?? []) {
    const cols = group.map((k) => columns.get(k)).filter((c): c is Column => c !== undefined);
    const names = (l: Lang) => cols.map((c) => tr(c.field.label, l)).join(l === "zh-CN" ? "、" : " / ");
    const blanks = cols.map((c) => c.blank);
    for (let i = 0; i < n; i++) {
      if (blankCount[i] === 0 || blankCount[i] === fieldCount) continue;
      let all = true;
      for (let k = 0; k < blanks.length && all; k++) all = blanks[k][i] === 1;
      if (all) addError(i, makeError("#VALUE!", "requireOneOf", (l) => ({ fields: names(l) })));
    }
  }
}

/** An error list per row, with the row's "bad" flag kept in step. */
export function errorSink(bad: Uint8Array): { errors: Map<number, GradeError[]>; addError: AddError } {
  const errors = new Map<number, GradeError[]>();
  const addError: AddError = (i, e) => {
    bad[i] = 1;
    const list = errors.get(i);
    if (list) list.push(e);
    else errors.set(i, [e]);
  };
  return { errors, addError };
}

/**
 * Parses every field of a template from a table.
 *
 * @example parseTable(template, { columns: { annualSpend: [600000, "10万", ""] } })
 */
export function parseTable(template: Template, table: TableInput): ParsedTable {
  const n = rowCountOf(table);
  const columns = new Map<string, Column>();
  const blankCount = new Uint8Array(n); // at most 200 fields (schema)
  const bad = new Uint8Array(n);
  const { errors, addError } = errorSink(bad);

  let asOf: number | undefined;
  for (const field of template.fields) {
    const blank = new Uint8Array(n);
    const required = field.required !== false && field.default === undefined && field.requiredUnless === undefined;
    const elapsed = field.type === "number" && field.sinceDate === true && table.dateColumns?.[field.key] === true;
    if (field.type === "date" || elapsed) {
      const raw = rawColumn(table, field.key, n);
      const read = field.type === "date" ? readDateColumn : readElapsedColumn;
      const fail = (i: number, code: MessageKey, args: (l: Lang) => Record<string, string | number>, key: string) => addError(i, makeError("#VALUE!", code, args, key));
      const r = read(field, raw, table, { blank, blankCount, fail, required });
      asOf = r.asOf;
      columns.set(field.key, { type: "number", field, v: r.v, blank });
    } else if (field.type === "number") {
      const v = new Float64Array(n);
      const lo = field.min ?? -Infinity;
      const hi = field.max ?? Infinity;
      const raw = rawColumn(table, field.key, n);
      const factor = scaleOf(table, field.key);
      // Fast pass: numbers in range (no header unit). Everything else is looked at once more below.
      const slow = factor === 1 ? copyNumbers(raw, v, lo, hi) : null;
      if (slow === null) for (let i = 0; i < n; i++) readNumberCell(field, raw[i], i, v, blank, blankCount, addError, factor);
      else for (const i of slow) readNumberCell(field, raw[i], i, v, blank, blankCount, addError, factor);
      columns.set(field.key, { type: "number", field, v, blank });
    } else if (field.type === "text") {
      // Free text: interned, so equal words (after trimming) share an index.
      const ids = new Map<string, number>();
      const values: string[] = [];
      const v = new Int32Array(n);
      const raw = rawColumn(table, field.key, n);
      for (let i = 0; i < n; i++) {
        const x = raw[i];
        if (isBlank(x)) {
          blank[i] = 1;
          blankCount[i]++;
          v[i] = -1;
          if (required) addError(i, makeError("#VALUE!", "required", (l) => ({ field: tr(field.label, l) }), field.key));
          continue;
        }
        const w = typeof x === "string" ? x.trim() : showValue(x);
        let k = ids.get(w);
        if (k === undefined) {
          k = values.length;
          ids.set(w, k);
          values.push(w);
        }
        v[i] = k;
      }
      columns.set(field.key, { type: "category", field, v, blank, values, labels: values.map((w) => ({ en: w, zh: w })) });
    } else {
      const isYesNo = field.type === "yesno";
      const values = isYesNo ? YES_NO_VALUES : (field.categories ?? []).map((c) => c.value);
      const labels = isYesNo ? YES_NO_LABELS : (field.categories ?? []).map((c) => c.label);
      const index = isYesNo ? null : categoryIndex(field);
      const def = typeof field.default === "string" ? values.indexOf(field.default) : -1;
      const allowed = (lang: Lang) => labels.map((l) => tr(l, lang)).join(" / ");
      const v = new Int32Array(n);
      const raw = rawColumn(table, field.key, n);
      // Words seen before in this column -> value index (columns repeat a few words).
      const memo = new Map<unknown, number>();
      for (let i = 0; i < n; i++) {
        const x = raw[i];
        const known = memo.get(x);
        if (known !== undefined) {
          v[i] = known;
          continue;
        }
        if (isBlank(x)) {
          blank[i] = 1;
          blankCount[i]++;
          v[i] = def;
          if (required) addError(i, makeError("#VALUE!", "required", (l) => ({ field: tr(field.label, l) }), field.key));
          continue;
        }
        if (isYesNo) {
          const r = parseYesNo(x);
          if (r.ok) {
            v[i] = r.value ? 0 : 1;
            if (typeof x !== "object") memo.set(x, v[i]);
          } else {
            v[i] = -2;
            addError(i, problemMessage(field, r.problem, allowed));
          }
        } else {
          const k = typeof x === "string" || typeof x === "number" ? index!.get(normalizeWord(String(x))) : undefined;
          if (k !== undefined) {
            v[i] = k;
            memo.set(x, k);
          } else {
            v[i] = -2;
            const text = showValue(x);
            const errorText = /^#/.test(text) || (x !== null && typeof x === "object");
            addError(i, problemMessage(field, { code: errorText ? "errorValue" : "notCategory", text }, allowed));
          }
        }
      }
      columns.set(field.key, { type: "category", field, v, blank, values, labels });
    }
  }

  const parsed: ParsedTable = { n, columns, errors, blankCount, bad, fieldCount: template.fields.length, asOf };
  checkRequireOneOf(template, parsed, addError);
  return parsed;
}
