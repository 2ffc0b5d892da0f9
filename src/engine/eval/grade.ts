/**
 * Grading a table: parse once into typed columns, bind the template's model to them (populations
 * computed once), then one tight loop over the rows. Reasons are made on demand, per row.
 */
import { checkTemplate } from "../template/check";
import { compileCondition, describeCondition, type RowPred } from "./expr";
import { TemplateError } from "../template/template-error";
import { tr } from "../text/display";
import type { Lang } from "../text/lang";
import { kindOf } from "../kinds";
import type { BoundModel, GradeInfo, ModelContext } from "../kinds/types";
import { joinParts } from "../text/format";
import { msg } from "../text/messages";
import { isoOf } from "../input/dates";
import type { Adjustment, Template } from "../template/schema";
import { fastGrade } from "./fastpath";
import { collectStats, computeStats } from "./pop-stats";
import { addMeasures, measureNotes } from "./measures";
import { makeError, parseTable, type GradeError, type ParsedTable, type TableInput } from "../input/table";

/** Grade index of a row that is an error. */
export const ERROR = -1;
/** Grade index of a row with no data (every input blank). */
export const NO_DATA = -2;

export interface CompiledTemplate {
  readonly template: Template;
  readonly grades: readonly GradeInfo[];
  readonly gradeIndex: ReadonlyMap<string, number>;
  /** True when the template produces a score. */
  readonly scores: boolean;
  /** True when a row's grade depends on the other rows. */
  readonly population: boolean;
  /** Parameter values (defaults). */
  readonly params: Readonly<Record<string, number>>;
}

const compiledCache = new WeakMap<Template, CompiledTemplate>();

/**
 * Checks a template and prepares it for grading. A template with checker errors is misuse:
 * it throws a `TemplateError` listing them.
 */
export function compileTemplate(template: Template | CompiledTemplate): CompiledTemplate {
  if ("gradeIndex" in template) return template;
  const cached = compiledCache.get(template);
  if (cached) return cached;
  const res = checkTemplate(template);
  if (!res.ok) {
    const errs = res.issues.filter((i) => i.severity === "error");
    throw new TemplateError(`template '${String((template as Template).id)}' has problems: ${errs.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`);
  }
  const kind = kindOf(template.model);
  const grades: GradeInfo[] = kind.deriveGrades ? kind.deriveGrades(template.model, template) : template.grades.map((g) => ({ ...g }));
  const gradeIndex = new Map(grades.map((g, i) => [g.id, i]));
  const params: Record<string, number> = Object.create(null);
  for (const p of template.params ?? []) params[p.key] = p.default;
  const compiled: CompiledTemplate = Object.freeze({
    template,
    grades: Object.freeze(grades),
    gradeIndex,
    scores: kind.scores,
    population: kind.population(template.model) || collectStats(template.model).size > 0 || collectStats(template.post ?? []).size > 0,
    params: Object.freeze(params),
  });
  compiledCache.set(template, compiled);
  return compiled;
}

export interface GradeOptions {
  /** Parameter values overriding the template's defaults (e.g. `{ problemLimitDays: 60 }`). */
  params?: Readonly<Record<string, number>>;
  /**
   * Use the fused kernel for number-only rule and band templates (`fastpath.ts`). Same results
   * either way; `false` forces the generic path (tests compare the two).
   * @default true
   */
  fastPath?: boolean;
}

export type RowStatus = "graded" | "error" | "empty";

/** One row's outcome, ready to show. */
export interface RowOutcome {
  status: RowStatus;
  /** Canonical grade label (`A`, `VIP`, `Z121`), or null. */
  grade: string | null;
  /** Grade label in the requested language, or "". */
  label: string;
  score: number | null;
  reason: string;
  color: string | null;
  error?: GradeError;
}

/** The grades of a table. Arrays are indexed by row; reasons are computed when asked for. */
export class GradeResult {
  constructor(
    readonly compiled: CompiledTemplate,
    readonly n: number,
    /** Grade index per row; `ERROR` (-1) or `NO_DATA` (-2). */
    readonly gradeIndex: Int32Array,
    /** Score per row (NaN where none), or null when the template does not score. */
    readonly scores: Float64Array | null,
    /** Error rows: the reasons, first one first. */
    readonly errors: ReadonlyMap<number, readonly GradeError[]>,
    private readonly model: BoundModel | null,
    private readonly adjust: (i: number, g: number) => { grade: number; note?: (lang: Lang) => string },
    private readonly notes?: (i: number, lang: Lang) => string[],
    /** The as-of date (Excel serial) the table's dates were measured to, when it has dates. */
    readonly asOf?: number,
  ) {}

  status(i: number): RowStatus {
    const g = this.gradeIndex[i];
    return g >= 0 ? "graded" : g === NO_DATA ? "empty" : "error";
  }

  /** Canonical grade label, or null for errors and empty rows. */
  grade(i: number): string | null {
    const g = this.gradeIndex[i];
    return g >= 0 ? this.compiled.grades[g].id : null;
  }

  label(i: number, lang: Lang = "en"): string {
    const g = this.gradeIndex[i];
    return g >= 0 ? tr(this.compiled.grades[g].label, lang) : "";
  }

  score(i: number): number | null {
    if (!this.scores) return null;
    const s = this.scores[i];
    return s === s ? s : null;
  }

  error(i: number): GradeError | undefined {
    return this.errors.get(i)?.[0];
  }

  /** Why the row got its grade (or why it has none), in a language. */
  reason(i: number, lang: Lang = "en"): string {
    const g = this.gradeIndex[i];
    if (g === NO_DATA) return msg("noData", lang);
    if (g === ERROR) {
      const errs = this.errors.get(i) ?? [];
      return joinParts(errs.map((e) => tr(e.message, lang)), lang);
    }
    const explained = this.model ? this.model.explain(i, lang) : "";
    const base = this.notes ? joinParts([...this.notes(i, lang), explained], lang) : explained;
    const adj = this.adjust(i, -1);
    if (!adj.note && this.asOf === undefined) return base;
    const asOf = this.asOf === undefined ? [] : [msg("asOf", lang, { date: isoOf(this.asOf) })];
    return joinParts([base, ...(adj.note ? [adj.note(lang)] : []), ...asOf], lang);
  }

  row(i: number, lang: Lang = "en"): RowOutcome {
    const g = this.gradeIndex[i];
    const out: RowOutcome = {
      status: this.status(i),
      grade: this.grade(i),
      label: this.label(i, lang),
      score: this.score(i),
      reason: this.reason(i, lang),
      color: g >= 0 ? this.compiled.grades[g].color : null,
    };
    const e = this.error(i);
    if (e) out.error = e;
    return out;
  }

  /** Rows per grade (in grade order), plus error and empty counts. */
  counts(): { grades: { grade: GradeInfo; count: number }[]; errors: number; empty: number } {
    const c = new Int32Array(this.compiled.grades.length);
    let errors = 0;
    let empty = 0;
    for (let i = 0; i < this.n; i++) {
      const g = this.gradeIndex[i];
      if (g >= 0) c[g]++;
      else if (g === NO_DATA) empty++;
      else errors++;
    }
    return { grades: this.compiled.grades.map((grade, k) => ({ grade, count: c[k] })), errors, empty };
  }
}

function compileAdjustments(post: readonly Adjustment[], ctx: ModelContext) {
  return post.map((a) => {
    const when: RowPred = compileCondition(a.when, ctx);
    const isFloor = "floor" in a;
    const target = ctx.gradeIndex.get(isFloor ? a.floor : a.cap)!;
    return { a, when, isFloor, target };
  });
}

/**
 * Grades every row of a table.
 *
 * @example
 * const r = gradeTable(salesPipeline, { columns: { closeMonths: [2, 8], monthlyAmount: ["", "6万"] } });
 * r.grade(0) // "A"; r.reason(1, "zh-CN") // "B：预计月度成交金额 60,000 ≥ 50,000"
 */
export function gradeTable(template: Template | CompiledTemplate, table: TableInput, options: GradeOptions = {}): GradeResult {
  const compiled = compileTemplate(template);
  const t = compiled.template;
  const params = paramValues(compiled, options);

  // 1. Read the cells: the fused kernel where the template allows it (defaults only), else the
  //    generic parser. `pre` holds grades the kernel already gave; its slow rows are pending.
  const scaled = Object.values(table.scale ?? {}).some((f) => f !== 1) || Object.values(table.dateColumns ?? {}).some(Boolean);
  const derived = (t.measures ?? []).length > 0 || compiled.population;
  const useFast = options.fastPath !== false && !scaled && !derived && Object.keys(options.params ?? {}).length === 0;
  const fast = useFast ? fastGrade(t, table, compiled.params, compiled.gradeIndex) : undefined;
  return gradeRows(compiled, params, fast ? fast.parsed : parseTable(t, table), fast);
}

/**
 * Grades a table already parsed into typed columns (`parseTable`), e.g. columns gathered chunk by
 * chunk from a file too big to hold as cells. Same results as `gradeTable` on the same cells.
 */
export function gradeParsed(template: Template | CompiledTemplate, parsed: ParsedTable, options: GradeOptions = {}): GradeResult {
  const compiled = compileTemplate(template);
  return gradeRows(compiled, paramValues(compiled, options), parsed, undefined);
}

/** The template's parameter values with `options.params` applied (checked: known, finite, in range). */
function paramValues(compiled: CompiledTemplate, options: GradeOptions): Record<string, number> {
  const t = compiled.template;
  const params: Record<string, number> = Object.assign(Object.create(null), compiled.params);
  for (const [k, v] of Object.entries(options.params ?? {})) {
    if (!(k in compiled.params)) throw new TemplateError(`template '${t.id}' has no parameter '${k}'`);
    if (typeof v !== "number" || !Number.isFinite(v)) throw new TemplateError(`parameter '${k}' must be a finite number`);
    const def = t.params?.find((p) => p.key === k);
    if (def && ((def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max))) {
      throw new TemplateError(`parameter '${k}' must be between ${def.min ?? "-∞"} and ${def.max ?? "∞"}, got ${v}`);
    }
    params[k] = v;
  }
  return params;
}

function gradeRows(
  compiled: CompiledTemplate,
  params: Record<string, number>,
  parsed: ParsedTable,
  fast: ReturnType<typeof fastGrade>,
): GradeResult {
  const t = compiled.template;
  const PENDING = -3;
  const { n, blankCount, fieldCount, bad } = parsed;
  const gradeIndex = fast ? fast.gradeIndex : new Int32Array(n);

  // 2. Row status: no data, error, or valid (the population). After the kernel only its slow rows
  //    and rows with problems need a look; otherwise every row does.
  const errors = new Map<number, GradeError[]>();
  let valid: Uint8Array;
  if (fast) {
    valid = fast.valid;
    for (const i of fast.slow) {
      if (blankCount[i] === fieldCount) gradeIndex[i] = NO_DATA;
      else if (bad[i] === 0) {
        gradeIndex[i] = PENDING;
        valid[i] = 1;
      }
    }
    for (const [i, list] of parsed.errors) {
      if (blankCount[i] === fieldCount) continue;
      gradeIndex[i] = ERROR;
      errors.set(i, list);
      valid[i] = 0;
    }
  } else {
    valid = bad; // the parser's "bad" flags become the population mask in place (1 = valid)
    for (let i = 0; i < n; i++) {
      if (blankCount[i] === fieldCount) {
        gradeIndex[i] = NO_DATA;
        valid[i] = 0;
      } else if (bad[i] === 1) {
        gradeIndex[i] = ERROR;
        errors.set(i, parsed.errors.get(i)!);
        valid[i] = 0;
      } else valid[i] = 1;
    }
  }
  const ctx: ModelContext = {
    columns: parsed.columns,
    params,
    asOf: parsed.asOf,
    template: t,
    grades: compiled.grades,
    gradeIndex: compiled.gradeIndex,
    n,
    valid,
    gradeName(g, lang) {
      const k = typeof g === "number" ? g : compiled.gradeIndex.get(g) ?? -1;
      return k >= 0 && k < compiled.grades.length ? tr(compiled.grades[k].label, lang) : "";
    },
  };
  // Fields required except where a condition holds (checked once the columns are typed).
  for (const f of t.fields) {
    if (!f.requiredUnless) continue;
    const exempt = compileCondition(f.requiredUnless, ctx);
    const blank = parsed.columns.get(f.key)!.blank;
    for (let i = 0; i < n; i++) {
      if (valid[i] === 1 && blank[i] === 1 && !exempt(i)) {
        valid[i] = 0;
        gradeIndex[i] = ERROR;
        errors.set(i, [makeError("#VALUE!", "required", (l) => ({ field: tr(f.label, l) }), f.key)]);
      }
    }
  }
  // Computed measures (a division by zero is the row's error), then population thresholds.
  if (t.measures?.length) {
    addMeasures(t, { columns: parsed.columns, params }, n, (i, e) => {
      if (valid[i] !== 1) return;
      valid[i] = 0;
      gradeIndex[i] = ERROR;
      errors.set(i, [e]);
    });
  }
  const stats = collectStats([t.model, t.post ?? [], t.fields]);
  if (stats.size) computeStats(stats, parsed.columns, valid, n, params);
  const notes = measureNotes(t, ctx);
  const model = kindOf(t.model).bind(t.model, ctx);
  const adjustments = compileAdjustments(t.post ?? [], ctx);
  const scores = model.score ? new Float64Array(n).fill(NaN) : null;

  // 3. Grade: what the kernel left (pending rows, rows no rule took), or everything — in bulk
  //    when the kind offers it — then errors and post adjustments per row.
  const grade = model.grade;
  const score = model.score;
  const nAdj = adjustments.length;
  const bulk = fast !== undefined || model.gradeAll !== undefined;
  if (!fast && model.gradeAll) model.gradeAll(valid, gradeIndex);
  // After the kernel, with nothing per row to add, only its pending rows need a look.
  const onlyPending = fast !== undefined && nAdj === 0 && !scores && fast.complete;
  const rowsToVisit = onlyPending ? fast.slow.length : n;
  for (let r = 0; r < rowsToVisit; r++) {
    const i = onlyPending ? fast.slow[r] : r;
    if (valid[i] === 0) continue;
    let g = bulk ? gradeIndex[i] : grade(i);
    if (bulk && g >= 0 && nAdj === 0 && !scores) continue;
    if (g === PENDING) g = grade(i);
    if (scores) scores[i] = score!(i);
    if (g < 0) {
      gradeIndex[i] = ERROR;
      const e = model.error?.(i);
      if (e) errors.set(i, [e]);
      continue;
    }
    for (let k = 0; k < nAdj; k++) {
      const a = adjustments[k];
      if (a.isFloor ? g > a.target : g < a.target) if (a.when(i)) g = a.target;
    }
    gradeIndex[i] = g;
  }

  const adjust = (i: number) => {
    let g = model.grade(i);
    let note: ((lang: Lang) => string) | undefined;
    for (const a of adjustments) {
      if ((a.isFloor ? g > a.target : g < a.target) && a.when(i)) {
        g = a.target;
        const name = (lang: Lang) => tr(compiled.grades[a.target].label, lang);
        // the condition in words (a note such as "law grade C: at most tier 2" would name the grade twice)
        const why = (lang: Lang) => describeCondition(a.a.when, ctx, i, lang);
        const prev = note;
        note = (lang) => {
          const own = msg(a.isFloor ? "floor" : "cap", lang, { grade: name(lang), why: why(lang) });
          return prev ? joinParts([prev(lang), own], lang) : own;
        };
      }
    }
    return { grade: g, note };
  };
  return new GradeResult(compiled, n, gradeIndex, scores, errors, model, adjust, notes, parsed.asOf);
}
