/**
 * The GK.* functions as pure code: Excel-shaped arguments in, a 2-D array of cells out (strings,
 * numbers, or `FnError` for a cell that is an error). Errors carry both languages and `office.ts`
 * shows them in the display language; `lang` is the language of results (EXPLAIN's reasons), taken
 * by every function for one call shape. Nothing here touches Office; `office.ts` maps the result to
 * what Excel takes and `functions.ts` declares the functions.
 *
 * Shapes: every function returns rows x columns, one result per input row (GRADE/SCORE/EXPLAIN) or per
 * input cell (TIER, PERCENTILE_TIER). A 1x1 result is what a single row / single value gives.
 */
import {
  DEFAULTS,
  fmt,
  gradeTable,
  isBlank,
  msg,
  parseNumber,
  parseYesNo,
  percentileTiers,
  tierOf,
  tr,
  type Bilingual,
  type Lang,
  type ParseProblem,
} from "../engine";
import { FnError, fnError } from "./errors";
import {
  cellCount,
  errorCodeOf,
  isMultiCell,
  isOmitted,
  nonBlankCells,
  numberOrNaN,
  plainCell,
  plainRows,
  shapeOf,
  showShape,
  toMatrix,
  type Matrix,
} from "./excel-values";
import { PopulationCache, groupKey } from "./population-cache";
import { resolveTemplate } from "./templates";

/** One result cell. */
export type Cell = string | number | boolean | FnError;

export type GradeOutput = "grade" | "score" | "reason";

// ---------------------------------------------------------------------------------------------
// GRADE / SCORE / EXPLAIN

/**
 * Grades `inputs` (one row, or a block of rows graded together as one table) with a template and
 * returns, per row, the grade (canonical label: "A", "VIP", "Z121"), the score, or the reason.
 * Blank rows give "" (no data); a bad row gives a #VALUE! cell naming the field.
 */
export function gradeCells(output: GradeOutput, template: unknown, inputs: unknown, lang: Lang): Cell[][] {
  const compiled = resolveTemplate(template);
  const id = compiled.template.id;
  const fields = compiled.template.fields;
  if (output === "score" && !compiled.scores) throw fnError("#N/A", "noScore", { id });
  const rows = plainRows(toMatrix(inputs));
  const { cols } = shapeOf(rows);
  if (cols > fields.length) {
    const args = { id, n: fields.length, m: cols };
    const names = (l: Lang) => fields.map((f) => tr(f.label, l)).join(l === "zh-CN" ? "、" : ", ");
    throw fnError("#VALUE!", "tooManyColumns", { ...args, fields: names("en") }, { ...args, fields: names("zh-CN") });
  }
  if (compiled.population && rows.length === 1) {
    throw fnError("#VALUE!", "population", { id, why: msg("population", "en") }, { id, why: msg("population", "zh-CN") });
  }
  const result = gradeTable(compiled, { rows, fields: fields.map((f) => f.key) });
  const out: Cell[][] = new Array(result.n);
  const idx = result.gradeIndex;
  const grades = compiled.grades;
  for (let i = 0; i < result.n; i++) {
    const g = idx[i];
    let cell: Cell;
    if (g >= 0) {
      if (output === "grade") cell = grades[g].id;
      else if (output === "score") cell = result.score(i) ?? "";
      else cell = result.reason(i, lang);
    } else if (result.status(i) === "empty") cell = "";
    else {
      const e = result.error(i);
      cell = e ? FnError.fromGrade(e) : FnError.value({ en: result.reason(i, "en"), zh: result.reason(i, "zh-CN") });
    }
    out[i] = [cell];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared argument readers

/** A #VALUE! about an argument's cell: `key` names the argument (in each language) and quotes the cell. */
function argError(key: "notNumberArg" | "errorArg" | "notYesNoArg", arg: Bilingual, text: string): FnError {
  return fnError("#VALUE!", key, { arg: arg.en, text }, { arg: arg.zh, text });
}

/** A #VALUE! for a cell that is not a number (or is an error value). */
function notNumber(problem: ParseProblem, arg: Bilingual): FnError {
  return argError(problem.code === "errorValue" ? "errorArg" : "notNumberArg", arg, problem.text);
}

/** Numbers from a range: blanks skipped, anything else a #VALUE! naming the argument. */
function numbersOf(arg: unknown, name: Bilingual): number[] {
  const out: number[] = [];
  for (const v of nonBlankCells(toMatrix(arg))) {
    const r = parseNumber(v);
    if (!r.ok) throw notNumber(r.problem, name);
    out.push(r.value);
  }
  return out;
}

/** Labels from a range: blanks skipped, numbers stay numbers; error cells are #VALUE!. */
function labelsOf(arg: unknown): (string | number | boolean)[] {
  const out: (string | number | boolean)[] = [];
  for (const v of nonBlankCells(toMatrix(arg))) {
    if (typeof v === "number" || typeof v === "boolean") out.push(v);
    else if (typeof v === "string") {
      if (errorText(v)) throw argError("errorArg", ARG_NAMES.labels, v);
      out.push(v);
    } else throw argError("errorArg", ARG_NAMES.labels, String(v));
  }
  return out;
}

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;
const errorText = (s: string): boolean => ERROR_TEXT.test(s.trim());

/** Argument names as messages show them. */
const ARG_NAMES = {
  value: { en: "value", zh: "值" },
  thresholds: { en: "thresholds", zh: "阈值" },
  labels: { en: "labels", zh: "标签" },
  cuts: { en: "cuts", zh: "分档点" },
  higher_is_better: { en: "higher_is_better", zh: "越高越好" },
  values: { en: "values", zh: "数值" },
  population: { en: "the population", zh: "总体" },
} as const satisfies Readonly<Record<string, Bilingual>>;

/** A result with the shape of `m`, one cell per input cell. */
function mapCells(m: Matrix, f: (v: unknown, flat: number) => Cell): Cell[][] {
  const out: Cell[][] = new Array(m.length);
  let k = 0;
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    const o: Cell[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) o[c] = f(row[c], k++);
    out[r] = o;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TIER

/**
 * Ad-hoc bands (spec "Ad-hoc grading"): `labels` best first, one more than `thresholds`; a value on
 * a threshold gets the better band. Thresholds may be in any order. Blank values give "".
 */
export function tierCells(value: unknown, thresholds: unknown, labels: unknown, higherIsBetter: unknown, _lang: Lang): Cell[][] {
  const ts = numbersOf(thresholds, ARG_NAMES.thresholds);
  if (ts.length === 0) throw fnError("#VALUE!", "noThresholds");
  const ls = labelsOf(labels);
  if (ls.length !== ts.length + 1) {
    throw fnError("#VALUE!", "labelCount", { n: ts.length, need: ts.length + 1, got: ls.length });
  }
  const higher = booleanArg(higherIsBetter, true, ARG_NAMES.higher_is_better);
  // Best band first: descending thresholds when higher is better, ascending otherwise.
  const sorted = [...ts].sort((a, b) => (higher ? b - a : a - b));
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k] === sorted[k - 1]) throw fnError("#VALUE!", "duplicateThreshold", { value: fmt(sorted[k]) });
  }
  const n = sorted.length;
  return mapCells(toMatrix(value), (raw) => {
    if (isBlank(raw)) return "";
    const v = plainCell(raw);
    const r = parseNumber(v);
    if (!r.ok) return notNumber(r.problem, ARG_NAMES.value);
    const x = r.value;
    let k = 0;
    if (higher) while (k < n && x < sorted[k]) k++;
    else while (k < n && x > sorted[k]) k++;
    return ls[k];
  });
}

function booleanArg(v: unknown, dflt: boolean, name: Bilingual): boolean {
  const m = toMatrix(v);
  const cell = plainCell(m[0][0]);
  if (cellCount(m) > 1) throw argError("notYesNoArg", name, showShape(shapeOf(m)));
  if (isOmitted(cell) || isBlank(cell)) return dflt;
  const r = parseYesNo(cell);
  if (!r.ok) throw argError("notYesNoArg", name, r.problem.text);
  return r.value;
}

// ---------------------------------------------------------------------------------------------
// PERCENTILE_TIER

/** The module's population cache (scalar PERCENTILE_TIER calls). */
export const populationCache = new PopulationCache();

/**
 * Percentile tiers (spec semantics: `above(x) = count(values > x) / n`, tier k = first cut with
 * `above < cut`; ties share a tier; blank/invalid values get "" and are not in the population).
 *
 * Two forms, told apart by the first two arguments:
 * - block form `(values, [cuts], [labels], [groups])`: tiers every cell of `values` within `values`;
 * - single-value form `(value, population, [cuts], [labels], [population_groups], [value_group])` when
 *   `values` is one cell and the 2nd argument has more than one cell: tiers the value within
 *   `population` (sorted once and cached while its cells are unchanged); `population_groups` has the
 *   population's shape and `value_group` is the value's own group.
 * (A one-cell block is its own one-value population and always tier 1, so a multi-cell 2nd argument
 * after a single value can only sensibly be a population.)
 */
export function percentileTierCells(
  values: unknown,
  arg2: unknown,
  arg3: unknown,
  arg4: unknown,
  arg5: unknown,
  arg6: unknown,
  lang: Lang,
  cache: PopulationCache = populationCache,
): Cell[][] {
  const vm = toMatrix(values);
  const single = !isMultiCell(vm) && !isOmitted(arg2) && isMultiCell(toMatrix(arg2));
  if (single) return singleTier(vm[0][0], toMatrix(arg2), arg3, arg4, arg5, arg6, cache);
  if (!isOmitted(arg5) || !isOmitted(arg6)) throw fnError("#VALUE!", "extraArgs");
  const cuts = cutsArg(arg2);
  const labels = tierLabels(arg3, cuts.length);
  const { rows, cols } = shapeOf(vm);
  const n = cellCount(vm);
  const x = new Float64Array(n);
  let k = 0;
  for (const row of vm) for (const v of row) x[k++] = numberOrNaN(v);
  let groups: Int32Array | undefined;
  if (!isOmitted(arg4) && !isBlankArg(arg4)) {
    const gm = toMatrix(arg4);
    const gs = shapeOf(gm);
    if (gs.rows !== rows || gs.cols !== cols || cellCount(gm) !== n) {
      throw groupsShapeError(ARG_NAMES.values, showShape({ rows, cols }), showShape(gs));
    }
    groups = new Int32Array(n);
    const ids = new Map<string, number>();
    k = 0;
    for (const row of gm) {
      for (const g of row) {
        const key = groupKey(g);
        let id = -1;
        if (key) {
          id = ids.get(key) ?? ids.size;
          if (id === ids.size) ids.set(key, id);
        }
        groups[k++] = id;
      }
    }
  }
  const t = percentileTiers(x, { cuts, groups });
  return mapCells(vm, (_, i) => (t.tier[i] >= 0 ? labels[t.tier[i]] : ""));
}

function singleTier(
  value: unknown,
  population: Matrix,
  cutsArg_: unknown,
  labelsArg: unknown,
  groupsArg: unknown,
  groupArg: unknown,
  cache: PopulationCache,
): Cell[][] {
  const cuts = cutsArg(cutsArg_);
  const labels = tierLabels(labelsArg, cuts.length);
  const x = numberOrNaN(value);
  let groups: Matrix | undefined;
  if (!isOmitted(groupsArg) && !isBlankArg(groupsArg)) {
    groups = toMatrix(groupsArg);
    const ps = shapeOf(population);
    const gs = shapeOf(groups);
    if (gs.rows !== ps.rows || gs.cols !== ps.cols || cellCount(groups) !== cellCount(population)) {
      throw groupsShapeError(ARG_NAMES.population, showShape(ps), showShape(gs));
    }
    if (isOmitted(groupArg) || isBlankArg(groupArg)) throw fnError("#VALUE!", "groupMissing");
  }
  if (x !== x) return [[""]];
  const entry = cache.get(population, groups);
  const pop = groups ? entry.byGroup!.get(groupKey(toMatrix(groupArg)[0][0])) : entry.all!;
  if (!pop) return [[""]];
  const t = tierOf(pop, x, cuts);
  return [[t >= 0 ? labels[t] : ""]];
}

/** Groups of another shape than the values (or population) they group. */
function groupsShapeError(what: Bilingual, want: string, got: string): FnError {
  return fnError("#VALUE!", "groupsShape", { what: what.en, want, got }, { what: what.zh, want, got });
}

/** True for an argument that is one blank cell (a reference to an empty cell). */
function isBlankArg(v: unknown): boolean {
  const m = toMatrix(v);
  return cellCount(m) === 1 && isBlank(plainCell(m[0][0]));
}

/** Cut points: omitted/blank -> the default [0.2, 0.8]; else increasing shares in (0, 1]. */
function cutsArg(arg: unknown): readonly number[] {
  if (isOmitted(arg) || isBlankArg(arg)) return DEFAULTS.cuts;
  const m = toMatrix(arg);
  const cells = nonBlankCells(m);
  const cuts: number[] = [];
  let ok = cells.length > 0;
  for (const v of cells) {
    const r = parseNumber(v);
    if (!r.ok || !(r.value > 0 && r.value <= 1)) ok = false;
    else cuts.push(r.value);
  }
  for (let k = 1; ok && k < cuts.length; k++) if (!(cuts[k] > cuts[k - 1])) ok = false;
  if (!ok) {
    const shown = cells.map((v) => (typeof v === "string" ? v : errorCodeOf(v) ?? String(v))).join(", ");
    throw fnError("#VALUE!", "badCuts", { cuts: shown || "—" });
  }
  return cuts;
}

/** Tier labels: omitted/blank -> 1, 2, ... (k+1 numbers); else exactly k+1 labels. */
function tierLabels(arg: unknown, cutCount: number): (string | number | boolean)[] {
  const need = cutCount + 1;
  if (isOmitted(arg) || isBlankArg(arg)) return Array.from({ length: need }, (_, i) => i + 1);
  const ls = labelsOf(arg);
  if (ls.length !== need) throw fnError("#VALUE!", "cutLabelCount", { k: cutCount, need, got: ls.length });
  return ls;
}
