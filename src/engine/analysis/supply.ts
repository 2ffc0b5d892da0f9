/**
 * The tobacco month-end supply review, exactly as templates.md "Month-end supply review" says
 * (seed 000): per retailer and month, the tier in force T, the six steps in order (fewer than 3
 * months; lower by the 3-month mean; raise by quantity and by an approved request, at most
 * `maxRaise`, never above 8, none in a penalised month; penalty; cap by the law grade; result and
 * next month's ceiling), a missing month, bad cells. Each result's reason names every step that
 * applied, in English and Chinese.
 *
 * Months are reviewed one after the other (T of month m is month m's `tier` cell, else the review
 * at m−1's result, else `newTier`); `reviewSupply` returns every month's reviews and the last.
 */
import { isBlank, normalizeWord, parseNumber, parseYesNo, showValue } from "../input/parse";
import { round9 } from "../eval/precision";
import { fmt } from "../text/display";
import { fillBoth, type Args, type Bilingual } from "../text/format";
import { keyText } from "../review/compare";
import type { SupplyParams } from "./supply-params";

/** One retailer's row of one month (raw cells). */
export interface SupplyRow {
  key: unknown;
  /** The row's number in its file or sheet (named in a bad cell's reason). */
  row?: number;
  purchaseQty?: unknown;
  lawGrade?: unknown;
  tier?: unknown;
  penalized?: unknown;
  upgradeApproved?: unknown;
}

export interface SupplyMonth {
  /** The month's name as the user calls it (e.g. 2024-03, 三月). */
  name: string;
  rows: readonly SupplyRow[];
}

/** The steps a review can name (in this order). */
export type SupplyStep =
  | "bad"
  | "new"
  | "missing"
  | "lower"
  | "raiseQty"
  | "raiseApproved"
  | "raiseBlocked"
  | "raiseLimited"
  | "raiseTop"
  | "raiseCancelled"
  | "penalty"
  | "cap"
  | "hold"
  | "holiday";

export interface SupplyResult {
  key: string;
  month: string;
  status: "reviewed" | "bad";
  /** Tier in force in the month (T); null for a bad input. */
  oldTier: number | null;
  /** Tier after the review (T'); null for a bad input. */
  newTier: number | null;
  change: number | null;
  /** Next month's supply ceiling; null for a bad input. */
  ceiling: number | null;
  steps: SupplyStep[];
  reason: Bilingual;
}

export interface SupplyReview {
  months: string[];
  /** reviews[m]: every retailer seen in months 1..m, in order of first appearance. */
  reviews: SupplyResult[][];
  /** The reviews of the last month. */
  last: SupplyResult[];
  /** Rows without a key in each month (ignored). */
  blankKeys: number[];
}

const W = {
  bad: { en: "bad input in {month}, row {row}, {field}: {why}", zh: "{month} 第 {row} 行 {fieldZh}有误：{whyZh}" },
  notNumber: { en: "'{cell}' is not a number", zh: "“{cell}”不是数字" },
  blank: { en: "blank", zh: "为空" },
  notLaw: { en: "'{cell}' is not a law grade A, B, C or D", zh: "“{cell}”不是守法等级 A、B、C 或 D" },
  notTier: { en: "'{cell}' is not a tier 1–8", zh: "“{cell}”不是 1–8 的档位" },
  notYesNo: { en: "'{cell}' is not yes or no", zh: "“{cell}”不是“是”或“否”" },
  duplicate: {
    en: "id {key} appears more than once in {month} (rows {rows})",
    zh: "编号 {key} 在 {month} 出现多次（第 {rows} 行）",
  },
  new: {
    en: "step 1: {n} month(s) of history, fewer than 3 — keeps tier {t} (new retailers are evaluated after 3 months)",
    zh: "第1步：仅 {n} 个月记录，不足 3 个月——保持 {t} 档（新户经营满三个月后才评价）",
  },
  missing: {
    en: "no row for {month}: tier kept (no lowering, raise, penalty or cap)",
    zh: "{month} 无记录：档位不变（不降档、不升档、不处罚、不封顶）",
  },
  lower: {
    en: "step 2: lowered to tier {to}: law grade A or B and bought below tier {t}'s lower bound ({lo}) in each of {months}; 3-month mean {mean}",
    zh: "第2步：降至 {to} 档：{months} 守法等级均为 A 或 B 且购进量均低于 {t} 档下限（{lo}）；三个月平均 {mean}",
  },
  raiseQty: {
    en: "step 3: +1 tier: law grade B or better and bought >= {share}% of tier {t}'s upper bound ({upper}), i.e. >= {need}, in each of {months}",
    zh: "第3步：升 1 档：{months} 守法等级均为 B 及以上且购进量均达到 {t} 档上限（{upper}）的 {share}%（{need}）",
  },
  raiseApproved: {
    en: "step 3: +1 tier: upgrade request approved in {month}",
    zh: "第3步：升 1 档：{month} 升档申请经实地核查获批",
  },
  raiseBlocked: {
    en: "steps 2–3: no lowering or raise: no row for {months} among the last 3 months",
    zh: "第2–3步：不降档也不升档：最近三个月中 {months} 无记录",
  },
  raiseLimited: { en: "step 3: raise limited to +{max} per review", zh: "第3步：每次复核最多升 {max} 档" },
  raiseTop: { en: "step 3: raise stops at tier 8", zh: "第3步：最高 8 档" },
  raiseCancelled: { en: "step 3: no raise: penalised in {month}", zh: "第3步：{month} 受到行政处罚，不升档" },
  penalty: {
    en: "step 4: penalised in {month}: −{n} tier(s) to tier {to}",
    zh: "第4步：{month} 受到行政处罚：降 {n} 档至 {to} 档",
  },
  cap: {
    en: "step 5: law grade {law} in {month}: at most tier {max}",
    zh: "第5步：{month} 守法等级 {law}：最高 {max} 档",
  },
  hold: { en: "no step applied: tier {t} kept", zh: "无调整条件：保持 {t} 档" },
  result: {
    en: "step 6: tier {from} → {to} ({change}); ceiling {ceiling}",
    zh: "第6步：{from} 档 → {to} 档（{change}）；下月供量上限 {ceiling}",
  },
  holiday: {
    en: "next month is a holiday month: ceiling × (1 + {share}%)",
    zh: "下月为节日月：上限 ×（1 + {share}%）",
  },
} as const;

const FIELD_ZH: Record<string, string> = {
  purchaseQty: "购进量",
  lawGrade: "守法等级",
  tier: "供量档位",
  penalized: "受到行政处罚",
  upgradeApproved: "升档申请",
  id: "编号",
};

const say = (k: keyof typeof W, args: Args = {}, zhArgs: Args = args): Bilingual => fillBoth(W[k], args, zhArgs);
const join = (parts: Bilingual[]): Bilingual => ({
  en: parts.map((p) => p.en).join("; "),
  zh: parts.map((p) => p.zh).join("；"),
});

type Law = "A" | "B" | "C" | "D";
interface Parsed {
  qty: number;
  law: Law;
  tier: number | null;
  penalized: boolean;
  approved: boolean;
}
type Entry = { ok: Parsed } | { bad: Bilingual };

/** A change as `+1`, `-2`, `0`. */
export function changeText(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function parseRow(r: SupplyRow, month: string): Entry {
  const row = r.row ?? "?";
  const bad = (field: string, why: Bilingual): Entry => ({
    bad: say(
      "bad",
      { month, row, field, why: why.en },
      { month, row, fieldZh: FIELD_ZH[field] ?? field, whyZh: why.zh },
    ),
  });
  const cell = (v: unknown) => ({ cell: showValue(v) });
  if (isBlank(r.purchaseQty)) return bad("purchaseQty", W.blank);
  const q = parseNumber(r.purchaseQty);
  if (!q.ok) return bad("purchaseQty", say("notNumber", cell(r.purchaseQty)));
  if (isBlank(r.lawGrade)) return bad("lawGrade", W.blank);
  const law = normalizeWord(keyText(r.lawGrade)).toUpperCase();
  if (!["A", "B", "C", "D"].includes(law)) return bad("lawGrade", say("notLaw", cell(r.lawGrade)));
  let tier: number | null = null;
  if (!isBlank(r.tier)) {
    const t = parseNumber(r.tier);
    if (!t.ok || !Number.isInteger(t.value) || t.value < 1 || t.value > 8)
      return bad("tier", say("notTier", cell(r.tier)));
    tier = t.value;
  }
  const yes = (field: "penalized" | "upgradeApproved"): boolean | Entry => {
    const v = r[field];
    if (isBlank(v)) return false;
    const y = parseYesNo(v);
    return y.ok ? y.value : bad(field, say("notYesNo", cell(v)));
  };
  const pen = yes("penalized");
  if (typeof pen !== "boolean") return pen;
  const app = yes("upgradeApproved");
  if (typeof app !== "boolean") return app;
  return { ok: { qty: q.value, law: law as Law, tier, penalized: pen, approved: app } };
}

/** Tier (1–8) whose range holds x (the best tier whose lower bound is <= x; 1 below all). */
export function tierFor(p: SupplyParams, x: number): number {
  for (let k = 8; k >= 1; k--) if (round9(x) >= p.ranges[k - 1][0]) return k;
  return 1;
}

export function reviewSupply(months: readonly SupplyMonth[], p: SupplyParams): SupplyReview {
  const M = months.length;
  const names = months.map((m) => m.name);
  const order: string[] = [];
  const entries = new Map<string, (Entry | undefined)[]>();
  const blankKeys = months.map(() => 0);
  months.forEach((month, m) => {
    const seen = new Map<string, number[]>();
    for (const r of month.rows) {
      const key = keyText(r.key);
      if (key === "") {
        blankKeys[m]++;
        continue;
      }
      let list = entries.get(key);
      if (!list) {
        entries.set(key, (list = names.map(() => undefined)));
        order.push(key);
      }
      const rows = seen.get(key) ?? [];
      rows.push(r.row ?? 0);
      seen.set(key, rows);
      list[m] =
        rows.length > 1
          ? { bad: say("duplicate", { key, month: month.name, rows: rows.join(", ") }) }
          : parseRow(r, month.name);
    }
  });
  const reviews: SupplyResult[][] = names.map(() => []);
  for (const key of order) {
    const list = entries.get(key)!;
    let prev: number | null = null;
    let badAt: Bilingual | null = null;
    let history = 0;
    for (let m = 0; m < M; m++) {
      const e = list[m];
      if (e && "bad" in e && !badAt) badAt = e.bad;
      if (e) history++;
      if (history === 0) continue;
      const month = names[m];
      if (badAt) {
        reviews[m].push({
          key,
          month,
          status: "bad",
          oldTier: null,
          newTier: null,
          change: null,
          ceiling: null,
          steps: ["bad"],
          reason: badAt,
        });
        prev = null;
        continue;
      }
      const cur = e && "ok" in e ? e.ok : undefined;
      const T = cur?.tier ?? prev ?? p.newTier;
      const r = reviewOne(p, names, list as (Entry | undefined)[], m, T, history, cur);
      r.key = key;
      reviews[m].push(r);
      prev = r.newTier;
    }
  }
  return { months: names, reviews, last: M ? reviews[M - 1] : [], blankKeys };
}

function reviewOne(
  p: SupplyParams,
  names: string[],
  list: (Entry | undefined)[],
  m: number,
  T: number,
  history: number,
  cur: Parsed | undefined,
): SupplyResult {
  const month = names[m];
  const steps: SupplyStep[] = [];
  const parts: Bilingual[] = [];
  let to = T;
  const lo = (t: number) => p.ranges[t - 1][0];
  const up = (t: number) => p.ranges[t - 1][1];
  if (history < 3) {
    steps.push("new");
    parts.push(say("new", { n: history, t: T }));
    if (!cur) {
      steps.push("missing");
      parts.push(say("missing", { month }));
    }
  } else if (!cur) {
    steps.push("missing");
    parts.push(say("missing", { month }));
  } else {
    const idx = [m - 2, m - 1, m];
    const last3 = idx.map((i) => {
      const e = list[i];
      return e && "ok" in e ? e.ok : undefined;
    });
    const missing = idx.filter((_, j) => !last3[j]).map((i) => names[i]);
    const all = missing.length === 0 ? (last3 as Parsed[]) : null;
    const monthsText = idx.map((i) => names[i]).join(", ");
    const monthsZh = idx.map((i) => names[i]).join("、");
    const goodLaw = all !== null && all.every((x) => x.law === "A" || x.law === "B");
    if (goodLaw && all!.every((x) => x.qty < lo(T))) {
      const mean = round9((all![0].qty + all![1].qty + all![2].qty) / 3);
      to = tierFor(p, mean);
      steps.push("lower");
      parts.push(
        say(
          "lower",
          { to, t: T, lo: fmt(lo(T)), months: monthsText, mean: fmt(mean) },
          { to, t: T, lo: fmt(lo(T)), months: monthsZh, mean: fmt(mean) },
        ),
      );
    } else if (!all) {
      steps.push("raiseBlocked");
      parts.push(say("raiseBlocked", { months: missing.join(", ") }, { months: missing.join("、") }));
    } else {
      const need = round9(p.raiseShare * up(T));
      const byQty = goodLaw && all.every((x) => round9(x.qty) >= need);
      const raises: Bilingual[] = [];
      if (byQty)
        raises.push(
          say(
            "raiseQty",
            { share: fmt(p.raiseShare * 100), t: T, upper: fmt(up(T)), need: fmt(need), months: monthsText },
            { share: fmt(p.raiseShare * 100), t: T, upper: fmt(up(T)), need: fmt(need), months: monthsZh },
          ),
        );
      if (cur.approved) raises.push(say("raiseApproved", { month }));
      if (raises.length && cur.penalized) {
        steps.push("raiseCancelled");
        parts.push(say("raiseCancelled", { month }));
      } else if (raises.length) {
        if (byQty) steps.push("raiseQty");
        if (cur.approved) steps.push("raiseApproved");
        parts.push(...raises);
        let n = raises.length;
        if (n > p.maxRaise) {
          n = p.maxRaise;
          steps.push("raiseLimited");
          parts.push(say("raiseLimited", { max: p.maxRaise }));
        }
        if (T + n > 8) {
          n = 8 - T;
          steps.push("raiseTop");
          parts.push(say("raiseTop"));
        }
        to = T + n;
      }
    }
    if (cur.penalized && p.penaltyTiers > 0) {
      to = Math.max(1, to - p.penaltyTiers);
      steps.push("penalty");
      parts.push(say("penalty", { month, n: p.penaltyTiers, to }));
    }
    const max = cur.law === "C" ? 2 : cur.law === "D" ? 1 : 8;
    if (to > max) {
      to = max;
      steps.push("cap");
      parts.push(say("cap", { law: cur.law, month, max }));
    }
    if (!steps.length) {
      steps.push("hold");
      parts.push(say("hold", { t: T }));
    }
  }
  const holiday = p.holidays.includes(m + 2);
  const ceiling = round9(up(to) * (holiday ? 1 + p.holidayShare : 1));
  const change = to - T;
  parts.push(say("result", { from: T, to, change: changeText(change), ceiling: fmt(ceiling) }));
  if (holiday) {
    steps.push("holiday");
    parts.push(say("holiday", { share: fmt(p.holidayShare * 100) }));
  }
  return { key: "", month, status: "reviewed", oldTier: T, newTier: to, change, ceiling, steps, reason: join(parts) };
}
