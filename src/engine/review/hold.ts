/**
 * Grades that remember: a template's `review.hold` and `review.validity` applied over periods,
 * oldest first. Each period gives each customer an earned grade (what the template gives on that
 * period's data); the held grade is what the customer keeps.
 *
 * For each customer, period after period (H = held grade, m = periods in H, this one included):
 * - first period with a grade: H = earned ("start", m = 1);
 * - earned better than H: raised to it, any period ("raise", m = 1);
 * - otherwise m + 1, then
 *   - `validity` and m > validity.periods (expiry): earned as good as H → "renew" (m = 1); else
 *     lowered by `deduct` levels, never below the earned grade (default: to it) → "expire";
 *   - earned = H → "keep";
 *   - earned lower, within the hold (m <= hold.periods) → "hold";
 *   - earned lower, `validity` without `hold` → "valid" (kept until expiry);
 *   - earned lower after the hold: the grace count goes up; within `grace` → "grace"; past it →
 *     lowered to the earned grade (at most `maxLower` levels) → "lower" (m = 1).
 * A period without the customer ("missing") or with a bad row ("error"): the grade is carried,
 * the period still counts in m (time passes), and nothing is raised, lowered, renewed or expired
 * there (an expiry falls on the next period with a grade). Grace counts periods in a row with a
 * lower earned grade; a period with the earned grade back at H resets it.
 */
import { compileTemplate } from "../eval/grade";
import { normalizeWord } from "../input/parse";
import type { Review, Template, Text } from "../template/schema";
import { keyText } from "./compare";

export type HoldRule = "start" | "raise" | "keep" | "hold" | "grace" | "lower" | "valid" | "renew" | "expire" | "missing" | "error" | "duplicate" | "cap";

/** One period's earned grades: per customer key, a grade (id or label) or an error. */
export interface EarnedPeriod {
  label: string;
  rows: readonly { key: unknown; grade: unknown; error?: Text }[];
}

export interface HeldGrade {
  key: string;
  period: string;
  /** Grade id earned in this period (null: missing, bad row, or not a grade of the template). */
  earned: string | null;
  /** Grade id held after this period (null before the customer's first grade). */
  held: string | null;
  /** Periods in the held grade, this one included (0 before the first grade). */
  periodsHeld: number;
  rule: HoldRule;
  reason: Text;
}

export interface HoldResult {
  periods: string[];
  /** Customers in first-appearance order; per customer, one entry per period (from its first appearance). */
  customers: { key: string; history: HeldGrade[] }[];
  /** Per period, keys of customers seen before but absent from it. */
  missing: { period: string; keys: string[] }[];
  /** Per period, keys found more than once (not used there: treated as an error row). */
  duplicates: { period: string; keys: string[] }[];
  /** Rows without a key, per period. */
  blankKeys: number[];
}

/** Whether a template's review has hold or validity rules (what `holdGrades` applies). */
export function remembers(review: Review | undefined): boolean {
  return !!review && (!!review.hold || !!review.validity);
}

type T = Text;
const W = {
  start: (e: T) => ({ en: `first period: ${e.en}`, zh: `首期：${e.zh}` }),
  raise: (h: T, e: T) => ({ en: `raised ${h.en} → ${e.en}: earned ${e.en}`, zh: `上调 ${h.zh} → ${e.zh}：本期达到 ${e.zh}` }),
  keep: (h: T) => ({ en: `kept ${h.en}: earned ${h.en}`, zh: `保持 ${h.zh}：本期达到 ${h.zh}` }),
  hold: (h: T, e: T, m: number, n: number) => ({ en: `kept ${h.en}: earned ${e.en}, held period ${m} of ${n}`, zh: `保持 ${h.zh}：本期为 ${e.zh}，保级期第 ${m}/${n} 期` }),
  grace: (h: T, e: T, b: number, g: number) => ({ en: `kept ${h.en}: earned ${e.en}, grace period ${b} of ${g} after the hold`, zh: `保持 ${h.zh}：本期为 ${e.zh}，保级期后宽限第 ${b}/${g} 期` }),
  lower: (h: T, t: T, e: T, g: number) => ({
    en: `lowered ${h.en} → ${t.en}: earned ${e.en} after the hold${g ? ` and ${g} grace period(s)` : ""}`,
    zh: `下调 ${h.zh} → ${t.zh}：保级期${g ? `及 ${g} 期宽限期` : ""}后本期为 ${e.zh}`,
  }),
  valid: (h: T, e: T, m: number, n: number) => ({ en: `kept ${h.en}: earned ${e.en}, valid period ${m} of ${n}`, zh: `保持 ${h.zh}：本期为 ${e.zh}，有效期第 ${m}/${n} 期` }),
  renew: (h: T, n: number) => ({ en: `renewed ${h.en} for ${n} periods: earned ${h.en} at expiry`, zh: `续期 ${h.zh}（${n} 期）：到期时达到 ${h.zh}` }),
  expire: (h: T, t: T, e: T, n: number, d: number) => ({
    en: `expired after ${n} periods: ${h.en} → ${t.en} (−${d} level(s)), earned ${e.en}`,
    zh: `有效期 ${n} 期届满：${h.zh} → ${t.zh}（降 ${d} 级），本期为 ${e.zh}`,
  }),
  missing: (p: string, h: T | null) => (h ? { en: `no row in ${p}: ${h.en} carried`, zh: `${p} 无此客户：沿用 ${h.zh}` } : { en: `no row in ${p}: no grade yet`, zh: `${p} 无此客户：尚无等级` }),
  error: (p: string, h: T | null, why: T) =>
    h ? { en: `bad input in ${p}: ${h.en} carried (${why.en})`, zh: `${p} 输入有误：沿用 ${h.zh}（${why.zh}）` } : { en: `bad input in ${p}: no grade yet (${why.en})`, zh: `${p} 输入有误：尚无等级（${why.zh}）` },
  unknown: (g: string) => ({ en: `'${g}' is not a grade of the template`, zh: `“${g}”不是模板中的等级` }),
  blank: { en: "no grade", zh: "无等级" },
  duplicate: { en: "the key appears more than once in this period", zh: "该键在本期出现多次" },
};

/** Held grades period after period (see the file comment). Throws when the template's review has neither `hold` nor `validity`. */
export function holdGrades(template: Template, periods: readonly EarnedPeriod[]): HoldResult {
  const review = template.review;
  if (!review || !remembers(review)) throw new Error(`template '${template.id}' has no hold or validity rules`);
  const compiled = compileTemplate(template);
  const grades = compiled.grades;
  const G = grades.length;
  const index = new Map<string, number>();
  grades.forEach((g, k) => {
    for (const w of [g.id, g.label.en, g.label.zh]) {
      const n = normalizeWord(w);
      if (n && !index.has(n)) index.set(n, k);
    }
  });
  const hold = review.hold;
  const validity = review.validity;
  const grace = hold?.grace ?? 0;

  // per period: key -> earned index (>= 0) or an error
  type Cell = { k: number } | { error: Text; dup?: boolean };
  const byPeriod: Map<string, Cell>[] = [];
  const order: string[] = [];
  const seen = new Set<string>();
  const duplicates: HoldResult["duplicates"] = [];
  const blankKeys: number[] = [];
  for (const p of periods) {
    const m = new Map<string, Cell>();
    const dups = new Set<string>();
    let blank = 0;
    for (const row of p.rows) {
      const key = keyText(row.key);
      if (key === "") {
        blank++;
        continue;
      }
      if (!seen.has(key)) {
        seen.add(key);
        order.push(key);
      }
      if (m.has(key)) {
        dups.add(key);
        m.set(key, { error: W.duplicate, dup: true });
        continue;
      }
      const g = keyText(row.grade);
      const k = g === "" ? undefined : index.get(normalizeWord(g));
      m.set(key, row.error ? { error: row.error } : k === undefined ? { error: g === "" ? W.blank : W.unknown(g) } : { k });
    }
    byPeriod.push(m);
    duplicates.push({ period: p.label, keys: [...dups] });
    blankKeys.push(blank);
  }

  const name = (k: number) => grades[k].id;
  const label = (k: number): Text => ({ en: grades[k].label.en || grades[k].id, zh: grades[k].label.zh || grades[k].id });
  const missing: HoldResult["missing"] = periods.map((p) => ({ period: p.label, keys: [] }));
  const customers: HoldResult["customers"] = [];
  for (const key of order) {
    const history: HeldGrade[] = [];
    let H = -1;
    let m = 0;
    let below = 0;
    let started = false;
    periods.forEach((p, pi) => {
      const cell = byPeriod[pi].get(key);
      if (!cell && !started) return;
      started = true;
      const push = (earned: number, rule: HoldRule, reason: Text) =>
        history.push({ key, period: p.label, earned: earned >= 0 ? name(earned) : null, held: H >= 0 ? name(H) : null, periodsHeld: H >= 0 ? m : 0, rule, reason });
      if (!cell || !("k" in cell)) {
        if (H >= 0) m++;
        const held = H >= 0 ? label(H) : null;
        if (!cell) missing[pi].keys.push(key);
        push(-1, !cell ? "missing" : cell.dup ? "duplicate" : "error", !cell ? W.missing(p.label, held) : W.error(p.label, held, cell.error));
        return;
      }
      const E = cell.k;
      if (H < 0) {
        H = E;
        m = 1;
        below = 0;
        push(E, "start", W.start(label(E)));
        return;
      }
      if (E < H) {
        const from = H;
        H = E;
        m = 1;
        below = 0;
        push(E, "raise", W.raise(label(from), label(E)));
        return;
      }
      m++;
      if (validity && m > validity.periods) {
        const from = H;
        if (E === H) {
          m = 1;
          below = 0;
          push(E, "renew", W.renew(label(H), validity.periods));
          return;
        }
        H = validity.deduct !== undefined ? Math.min(H + validity.deduct, E, G - 1) : E;
        m = 1;
        below = 0;
        push(E, "expire", W.expire(label(from), label(H), label(E), validity.periods, H - from));
        return;
      }
      if (E === H) {
        below = 0;
        push(E, "keep", W.keep(label(H)));
        return;
      }
      if (hold && m <= hold.periods) {
        push(E, "hold", W.hold(label(H), label(E), m, hold.periods));
        return;
      }
      if (!hold) {
        push(E, "valid", W.valid(label(H), label(E), m, validity!.periods));
        return;
      }
      below++;
      if (below <= grace) {
        push(E, "grace", W.grace(label(H), label(E), below, grace));
        return;
      }
      const from = H;
      H = hold.maxLower !== undefined ? Math.min(H + hold.maxLower, E) : E;
      m = 1;
      below = 0;
      push(E, "lower", W.lower(label(from), label(H), label(E), grace));
    });
    customers.push({ key, history });
  }
  return { periods: periods.map((p) => p.label), customers, missing, duplicates, blankKeys };
}

