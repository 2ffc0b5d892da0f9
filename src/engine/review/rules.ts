/**
 * Evaluating a template's `review` rules over a history of periods: at each review the tier of
 * each customer may go up or down depending on how the last N periods went (hysteresis), limited
 * to a number of levels per review, then capped.
 *
 * History: one record per customer and period — the key, the period label, the template's field
 * values of that period (raw cells, read like the grading engine reads them) and the tier the
 * customer was in during that period.
 *
 * One review at period P (the "as of" period), for a customer in tier T (its tier during P):
 * 1. Lower rules, in order: the first whose `when` holds in each of its last N periods (P and
 *    the N−1 before it) moves the tier down — by `steps` (default 1) or to the tier whose bounds
 *    hold the aggregate `to` (only when that tier is worse). `repeat` tests again one level
 *    further; `maxLower` limits the levels.
 * 2. Otherwise raise rules, the same way upwards; `maxRaise` limits the levels per review.
 * 3. Caps, tested on P's values: the tier is lowered to at most each cap that holds.
 * A period's condition is tested against the bounds of the tier the customer was in during that
 * period; when re-testing after a move (`repeat`), against that tier moved by the levels already
 * moved. A missing period, a blank or unreadable value: the condition does not hold. Fewer than N
 * periods of history: no rule holds (caps still apply).
 */
import { compileTemplate } from "../eval/grade";
import { fmt, tr } from "../text/display";
import type { Lang } from "../text/lang";
import { isBlank, normalizeWord, parseNumber, parseYesNo } from "../input/parse";
import type { CmpOp, Field, Num, Review, ReviewCondition, ReviewMove, ReviewValue, Template, Text } from "../template/schema";
import { categoryIndex } from "../input/table";
import { keyText } from "./compare";

export interface HistoryRecord {
  key: unknown;
  period: string;
  /** Field key -> raw cell value of that period. */
  values: Readonly<Record<string, unknown>>;
  /** Tier (grade id or label) in effect during the period. */
  tier?: unknown;
}

export interface ReviewOptions {
  /** Period labels in time order. Default: the labels found, sorted naturally (`2024-02` < `2024-10`). */
  periods?: readonly string[];
  /** Review at this period (default: the last one). */
  asOf?: string;
  /** Parameter values overriding the template's defaults (bounds may use parameters). */
  params?: Readonly<Record<string, number>>;
}

export type ReviewAction = "raise" | "lower" | "cap" | "hold" | "noTier" | "duplicate";

export interface TierDecision {
  key: string;
  /** The period reviewed. */
  period: string;
  /** Tier during that period (canonical id), null when unknown. */
  from: string | null;
  /** Tier after the review. */
  to: string | null;
  /** Levels moved: positive = up, negative = down. */
  levels: number;
  action: ReviewAction;
  /** The raise was stopped by `maxRaise` (or a lowering by `maxLower`). */
  limited: boolean;
  /** A cap lowered the tier. */
  capped: boolean;
  reason: Text;
}

const W = {
  hold: { en: "no change", zh: "不变" },
  notEnough: (have: number, need: number) => ({ en: `only ${have} of ${need} periods of history`, zh: `历史数据仅 ${have} 期，需要 ${need} 期` }),
  noData: (p: string) => ({ en: `no data for ${p}`, zh: `${p} 无数据` }),
  noRule: (n: number) => ({ en: `no rule held in each of the last ${n} periods`, zh: `最近 ${n} 期没有规则连续成立` }),
  atBest: { en: "already in the best tier", zh: "已在最高档" },
  atWorst: { en: "already in the worst tier", zh: "已在最低档" },
  raised: { en: "raised", zh: "上调" },
  lowered: { en: "lowered", zh: "下调" },
  capped: { en: "capped", zh: "封顶" },
  rule: (k: number) => ({ en: `rule ${k + 1}`, zh: `规则 ${k + 1}` }),
  inEach: (periods: string[]) => ({ en: `in each of ${periods.join(", ")}`, zh: `${periods.join("、")} 各期均成立` }),
  limitedUp: (k: number) => ({ en: `at most +${k} per review`, zh: `每次复核最多上调 ${k} 档` }),
  limitedDown: (k: number) => ({ en: `at most −${k} per review`, zh: `每次复核最多下调 ${k} 档` }),
  aggregate: (fn: Text, field: Text, x: number) => ({ en: `${fn.en} of ${field.en} = ${fmt(x)}`, zh: `${field.zh}${fn.zh} = ${fmt(x)}` }),
  fn: { mean: { en: "mean", zh: "平均值" }, min: { en: "min", zh: "最小值" }, max: { en: "max", zh: "最大值" }, sum: { en: "sum", zh: "合计" }, last: { en: "last", zh: "最新值" } },
  noTier: { en: "no current tier", zh: "缺少当前档位" },
  unknownTier: (t: string) => ({ en: `unknown tier '${t}'`, zh: `未知档位“${t}”` }),
  duplicate: { en: "the key appears more than once in this period: not reviewed", zh: "该键在本期出现多次：未复核" },
};

const join = (parts: Text[], sep: Text = { en: "; ", zh: "；" }): Text => ({
  en: parts.map((p) => p.en).join(sep.en),
  zh: parts.map((p) => p.zh).join(sep.zh),
});

/** Natural order of period labels (`2024-2` < `2024-10`). */
export function sortPeriods(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

type Parsed = number | boolean | null | undefined; // number (or category index), yes/no, null = blank, undefined = unreadable

/** A template's review rules bound to its grades, fields and parameters. */
export class ReviewRules {
  readonly review: Review;
  readonly grades: readonly { id: string; label: Text }[];
  private readonly tierIndex = new Map<string, number>();
  private readonly fields = new Map<string, Field>();
  private readonly cats = new Map<string, Map<string, number>>();
  private readonly params: Record<string, number> = Object.create(null);
  /** Per tier index: [lower, upper], or undefined. */
  readonly bounds: ([number, number] | undefined)[];

  constructor(readonly template: Template, params?: Readonly<Record<string, number>>) {
    if (!template.review) throw new Error(`template '${template.id}' has no review rules`);
    this.review = template.review;
    const compiled = compileTemplate(template);
    this.grades = compiled.grades;
    compiled.grades.forEach((g, k) => {
      for (const w of [g.id, g.label.en, g.label.zh]) {
        const n = normalizeWord(w);
        if (n && !this.tierIndex.has(n)) this.tierIndex.set(n, k);
      }
    });
    for (const f of template.fields) {
      this.fields.set(f.key, f);
      if (f.type === "category") this.cats.set(f.key, categoryIndex(f));
    }
    Object.assign(this.params, compiled.params, params ?? {});
    this.bounds = compiled.grades.map(() => undefined);
    for (const b of this.review.bounds ?? []) {
      const k = compiled.gradeIndex.get(b.grade);
      if (k !== undefined) this.bounds[k] = [this.num(b.lower), this.num(b.upper)];
    }
  }

  private num(v: Num): number {
    return typeof v === "number" ? v : "param" in v ? this.params[v.param] ?? NaN : NaN;
  }

  /** Tier index of a tier text (id or label), -1 when unknown, -2 when blank. */
  tierOf(v: unknown): number {
    if (isBlank(v)) return -2;
    const k = this.tierIndex.get(normalizeWord(keyText(v)));
    return k === undefined ? -1 : k;
  }

  tierName(k: number, lang: Lang): string {
    return tr(this.grades[k].label, lang) || this.grades[k].id;
  }

  /** A field's value in a record, parsed like the grading engine reads it. */
  parse(field: string, raw: unknown): Parsed {
    if (isBlank(raw)) return null;
    const f = this.fields.get(field);
    if (!f) return undefined;
    if (f.type === "number") {
      const r = parseNumber(raw);
      return r.ok ? r.value : undefined;
    }
    if (f.type === "yesno") {
      const r = parseYesNo(raw);
      return r.ok ? r.value : undefined;
    }
    if (f.type === "category") {
      const k = this.cats.get(field)!.get(normalizeWord(keyText(raw)));
      return k === undefined ? undefined : k;
    }
    return undefined;
  }

  private wordIs(field: string, parsed: Parsed, word: string): boolean {
    const f = this.fields.get(field);
    if (!f || parsed === null || parsed === undefined) return false;
    if (f.type === "yesno") {
      const r = parseYesNo(word);
      return r.ok && r.value === parsed;
    }
    if (f.type === "category") return this.cats.get(field)!.get(normalizeWord(word)) === parsed;
    return false;
  }

  private value(v: ReviewValue, tier: number): number {
    if (typeof v === "number") return v;
    if ("param" in v || "stat" in v) return this.num(v);
    const b = tier >= 0 && tier < this.bounds.length ? this.bounds[tier] : undefined;
    if (!b) return NaN;
    return (v.bound === "lower" ? b[0] : b[1]) * (v.times ?? 1);
  }

  /** Whether a condition holds for one period's values while in tier `tier`. */
  holds(c: ReviewCondition, values: Readonly<Record<string, unknown>>, tier: number): boolean {
    if ("all" in c) return c.all.every((x) => this.holds(x, values, tier));
    if ("any" in c) return c.any.some((x) => this.holds(x, values, tier));
    if ("not" in c) return !this.holds(c.not, values, tier);
    const raw = values[c.field];
    if ("blank" in c) return isBlank(raw) === c.blank;
    const p = this.parse(c.field, raw);
    if ("is" in c) return this.wordIs(c.field, p, c.is);
    if ("in" in c) return c.in.some((w) => this.wordIs(c.field, p, w));
    if (typeof p !== "number" || this.fields.get(c.field)?.type !== "number") return false;
    const v = this.value(c.value, tier);
    return Number.isFinite(v) && compare(p, c.op, v);
  }

  /** Tier whose bounds hold x: the best tier whose lower bound is <= x, else the worst tier with bounds. */
  tierForValue(x: number): number {
    let worst = -1;
    for (let k = 0; k < this.bounds.length; k++) {
      const b = this.bounds[k];
      if (!b) continue;
      if (x >= b[0]) return k;
      worst = k;
    }
    return worst;
  }
}

function compare(a: number, op: CmpOp, b: number): boolean {
  const x = Math.round(a * 1e9) / 1e9;
  const y = Math.round(b * 1e9) / 1e9;
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
    case "=":
      return x === y;
    default:
      return x !== y;
  }
}

/** What one review of one customer sees: periods up to the reviewed one, oldest first. */
interface Window {
  key: string;
  labels: string[];
  records: (HistoryRecord | undefined)[];
  /** Tier index per period (the reviewed one included). */
  tiers: number[];
}

function aggregate(fn: NonNullable<ReviewMove["to"]>["fn"], xs: number[]): number {
  switch (fn) {
    case "mean":
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    case "sum":
      return xs.reduce((a, b) => a + b, 0);
    case "min":
      return Math.min(...xs);
    case "max":
      return Math.max(...xs);
    default:
      return xs[xs.length - 1];
  }
}

/** One review of one customer whose tier during the reviewed period is `w.tiers[last]`. */
function decide(rules: ReviewRules, w: Window): TierDecision {
  const r = rules.review;
  const last = w.labels.length - 1;
  const from = w.tiers[last];
  const G = rules.grades.length;
  const name = (k: number): Text => ({ en: rules.tierName(k, "en"), zh: rules.tierName(k, "zh-CN") });

  // a move's window: its last N periods, each with a record
  const windowOf = (mv: ReviewMove) => {
    const n = mv.periods ?? r.periods;
    if (last + 1 < n) return null;
    const idx = Array.from({ length: n }, (_, j) => last - n + 1 + j);
    return idx;
  };
  const holdsAt = (mv: ReviewMove, shift: number): boolean => {
    const idx = windowOf(mv);
    if (!idx) return false;
    return idx.every((p) => {
      const rec = w.records[p];
      return !!rec && rules.holds(mv.when, rec.values, w.tiers[p] + shift);
    });
  };
  const aggOf = (mv: ReviewMove): number | null => {
    const idx = windowOf(mv)!;
    const xs: number[] = [];
    for (const p of idx) {
      const v = rules.parse(mv.to!.field, w.records[p]?.values[mv.to!.field]);
      if (typeof v !== "number") return null;
      xs.push(v);
    }
    return aggregate(mv.to!.fn, xs);
  };

  type Moved = { shift: number; move: number; limited: boolean; agg?: number };
  const apply = (moves: ReviewMove[] | undefined, dir: 1 | -1, max: number | undefined): Moved | null => {
    let shift = 0;
    let used = -1;
    let limited = false;
    let agg: number | undefined;
    for (;;) {
      let moved = false;
      for (let k = 0; k < (moves ?? []).length; k++) {
        const mv = moves![k];
        if (!holdsAt(mv, shift)) continue;
        let target: number;
        let a: number | undefined;
        if (mv.to) {
          const x = aggOf(mv);
          if (x === null) continue;
          target = rules.tierForValue(x);
          a = x;
          if (target < 0 || (dir > 0 ? target <= from + shift : target >= from + shift)) continue;
        } else target = from + shift + dir * (mv.steps ?? 1);
        target = Math.max(0, Math.min(G - 1, target));
        let next = target - from;
        if (next === shift) continue; // already at the best/worst tier
        if (max !== undefined && Math.abs(next) > max) {
          next = dir * max;
          limited = true;
        }
        if (next === shift) break;
        shift = next;
        used = k;
        if (a !== undefined) agg = a;
        moved = !!mv.repeat && !limited;
        break;
      }
      if (!moved) break;
    }
    return used < 0 ? null : { shift, move: used, limited, agg };
  };

  const needed = Math.max(r.periods, ...[...(r.raise ?? []), ...(r.lower ?? [])].map((m) => m.periods ?? r.periods));
  const parts: Text[] = [];
  let action: ReviewAction = "hold";
  let to = from;
  let limited = false;
  const lowered = apply(r.lower, 1, r.maxLower);
  const raised = lowered ? null : apply(r.raise, -1, r.maxRaise);
  const moved = lowered ?? raised;
  if (moved) {
    const mv = (lowered ? r.lower! : r.raise!)[moved.move];
    to = from + moved.shift;
    action = lowered ? "lower" : "raise";
    limited = moved.limited;
    const idx = windowOf(mv)!;
    const verb = lowered ? W.lowered : W.raised;
    const head: Text = { en: `${verb.en} ${name(from).en} → ${name(to).en}`, zh: `${verb.zh} ${name(from).zh} → ${name(to).zh}` };
    const why = mv.note ?? W.rule(moved.move);
    const detail: Text[] = [why, W.inEach(idx.map((p) => w.labels[p]))];
    if (mv.to && moved.agg !== undefined) {
      detail.push(W.aggregate(W.fn[mv.to.fn], fieldLabel(rules, mv.to.field), moved.agg));
    }
    if (limited) detail.push(lowered ? W.limitedDown(r.maxLower!) : W.limitedUp(r.maxRaise!));
    parts.push({ en: `${head.en}: ${join(detail).en}`, zh: `${head.zh}：${join(detail).zh}` });
  } else {
    let have = 0;
    for (let p = last; p >= 0 && w.records[p]; p--) have++;
    const edge = (moves: ReviewMove[] | undefined, at: number) => from === at && (moves ?? []).some((mv) => holdsAt(mv, 0));
    const why = !w.records[last]
      ? W.noData(w.labels[last])
      : have < needed
        ? W.notEnough(have, needed)
        : edge(r.raise, 0)
          ? W.atBest
          : edge(r.lower, G - 1)
            ? W.atWorst
            : W.noRule(needed);
    parts.push({ en: `${W.hold.en}: ${why.en}`, zh: `${W.hold.zh}：${why.zh}` });
  }

  // caps on the reviewed period's values
  let capped = false;
  const latest = w.records[last];
  if (latest) {
    for (const cap of r.caps ?? []) {
      const ci = rules.grades.findIndex((g) => g.id === cap.grade);
      if (ci < 0 || to >= ci || !rules.holds(cap.when, latest.values, to)) continue;
      const before = to;
      to = ci;
      capped = true;
      if (action === "hold") {
        action = "cap";
        parts.length = 0;
      }
      const why = cap.note ?? { en: "cap", zh: "封顶" };
      parts.push({ en: `${W.capped.en} ${name(before).en} → ${name(to).en}: ${why.en}`, zh: `${W.capped.zh} ${name(before).zh} → ${name(to).zh}：${why.zh}` });
    }
  }
  return {
    key: w.key,
    period: w.labels[last],
    from: rules.grades[from].id,
    to: rules.grades[to].id,
    levels: from - to,
    action,
    limited,
    capped,
    reason: join(parts),
  };
}

function fieldLabel(rules: ReviewRules, key: string): Text {
  const f = rules.template.fields.find((x) => x.key === key);
  return f ? f.label : { en: key, zh: key };
}

interface Grouped {
  periods: string[];
  /** key -> period index -> records (more than one = duplicate) */
  byKey: Map<string, Map<number, HistoryRecord[]>>;
}

function group(records: readonly HistoryRecord[], opts: ReviewOptions): Grouped {
  const periods = opts.periods ? [...opts.periods] : sortPeriods(records.map((r) => String(r.period)));
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const byKey = new Map<string, Map<number, HistoryRecord[]>>();
  for (const rec of records) {
    const key = keyText(rec.key);
    const p = pIndex.get(String(rec.period));
    if (key === "" || p === undefined) continue;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = new Map()));
    const list = m.get(p);
    if (list) list.push(rec);
    else m.set(p, [rec]);
  }
  return { periods, byKey };
}

function special(key: string, period: string, action: "noTier" | "duplicate", reason: Text, from: string | null = null): TierDecision {
  return { key, period, from, to: from, levels: 0, action, limited: false, capped: false, reason };
}

/**
 * One review at `asOf` (default: the last period) of every customer with a record in that
 * period. A customer's tier during each period is the record's `tier`; where that is blank, its
 * tier during the reviewed period.
 */
export function reviewTiers(template: Template, records: readonly HistoryRecord[], opts: ReviewOptions = {}): TierDecision[] {
  const rules = new ReviewRules(template, opts.params);
  const { periods, byKey } = group(records, opts);
  const at = opts.asOf !== undefined ? periods.indexOf(opts.asOf) : periods.length - 1;
  if (at < 0) throw new Error(`period '${opts.asOf}' is not in the history`);
  const out: TierDecision[] = [];
  for (const [key, m] of byKey) {
    const own = m.get(at);
    if (!own) continue;
    if (own.length > 1) {
      out.push(special(key, periods[at], "duplicate", W.duplicate));
      continue;
    }
    const cur = rules.tierOf(own[0].tier);
    if (cur < 0) {
      out.push(special(key, periods[at], "noTier", cur === -2 ? W.noTier : W.unknownTier(keyText(own[0].tier))));
      continue;
    }
    const labels = periods.slice(0, at + 1);
    const recs = labels.map((_, p) => (m.get(p)?.length === 1 ? m.get(p)![0] : undefined));
    const tiers = recs.map((rec) => {
      const t = rules.tierOf(rec?.tier);
      return t >= 0 ? t : cur;
    });
    tiers[at] = cur;
    out.push(decide(rules, { key, labels, records: recs, tiers }));
  }
  return out;
}

export interface SeriesRow {
  key: string;
  /** Tier after the review at the end of each period (null before the customer's first period). */
  tiers: (string | null)[];
  /** The review of each period (null before the customer's first period). */
  decisions: (TierDecision | null)[];
}

/**
 * Reviews period after period, carrying the tier forward: the tier during a customer's first
 * period is that record's `tier`; after that, the tier during period p is the outcome of the
 * review at the end of period p−1 (later records' `tier` cells are not used).
 */
export function reviewSeries(template: Template, records: readonly HistoryRecord[], opts: Omit<ReviewOptions, "asOf"> = {}): { periods: string[]; rows: SeriesRow[] } {
  const rules = new ReviewRules(template, opts.params);
  const { periods, byKey } = group(records, opts);
  const rows: SeriesRow[] = [];
  for (const [key, m] of byKey) {
    const first = Math.min(...m.keys());
    const row: SeriesRow = { key, tiers: periods.map(() => null), decisions: periods.map(() => null) };
    rows.push(row);
    const start = m.get(first)!;
    let cur = start.length === 1 ? rules.tierOf(start[0].tier) : -3;
    if (cur < 0) {
      const d =
        cur === -3
          ? special(key, periods[first], "duplicate", W.duplicate)
          : special(key, periods[first], "noTier", cur === -2 ? W.noTier : W.unknownTier(keyText(start[0].tier)));
      row.decisions[first] = d;
      continue;
    }
    const tiers: number[] = [];
    for (let p = first; p < periods.length; p++) {
      tiers[p] = cur;
      const list = m.get(p);
      if (list && list.length > 1) {
        row.decisions[p] = special(key, periods[p], "duplicate", W.duplicate, rules.grades[cur].id);
        row.tiers[p] = rules.grades[cur].id;
        continue;
      }
      const labels = periods.slice(0, p + 1);
      const recs = labels.map((_, q) => (q >= first && m.get(q)?.length === 1 ? m.get(q)![0] : undefined));
      const ts = labels.map((_, q) => (q >= first ? tiers[q] : -1));
      const d = decide(rules, { key, labels, records: recs, tiers: ts });
      row.decisions[p] = d;
      row.tiers[p] = d.to;
      cur = rules.grades.findIndex((g) => g.id === d.to);
    }
  }
  return { periods, rows };
}

/**
 * History records from a table: `headers` are matched to the template's fields by key or
 * label (case and spaces ignored); key, period and tier columns are given by index.
 */
export function historyFromRows(
  template: Template,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  columns: { key: number; period: number; tier?: number },
): HistoryRecord[] {
  const fieldCol = new Map<string, number>();
  const norm = headers.map((h) => normalizeWord(keyText(h)));
  for (const f of template.fields) {
    const names = [f.key, f.label.en, f.label.zh].map(normalizeWord);
    const c = norm.findIndex((h, j) => h !== "" && names.includes(h) && j !== columns.key && j !== columns.period && j !== columns.tier);
    if (c >= 0) fieldCol.set(f.key, c);
  }
  return rows.map((r) => {
    const values: Record<string, unknown> = {};
    for (const [k, c] of fieldCol) values[k] = r[c];
    const rec: HistoryRecord = { key: r[columns.key], period: keyText(r[columns.period]), values };
    if (columns.tier !== undefined) rec.tier = r[columns.tier];
    return rec;
  });
}
