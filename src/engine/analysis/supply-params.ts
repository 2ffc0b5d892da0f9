/**
 * The month-end supply review's parameters (templates.md, "Month-end supply review"): the supply
 * range of each tier, the raise share, the limits, the new retailers' tier, the holiday share
 * (at most the source's 30%) and the holiday months. `supplyParams` is the checker: any value out
 * of range or any unknown key is a template error naming it.
 */
import { GradeKitError } from "../text/error";
import { fillBoth, type Args, type Bilingual } from "../text/format";

export interface SupplyParams {
  /** [lower, upper) of tiers 1–8, per month, contiguous and ascending. */
  ranges: readonly (readonly [number, number])[];
  raiseShare: number;
  maxRaise: number;
  penaltyTiers: number;
  newTier: number;
  /** The next month's ceiling is upper × (1 + holidayShare) when that month is a holiday month; at most 0.3. */
  holidayShare: number;
  /** Holiday months by position (1 = the first month given; months.length + 1 = the month after the last). */
  holidays: readonly number[];
}

/** The source's maximum holiday share. */
export const MAX_HOLIDAY_SHARE = 0.3;

/** The spec's example defaults (条/month). */
export const SUPPLY_DEFAULTS: SupplyParams = Object.freeze({
  ranges: Object.freeze(
    (
      [
        [0, 20],
        [20, 40],
        [40, 70],
        [70, 110],
        [110, 160],
        [160, 220],
        [220, 300],
        [300, 400],
      ] as const
    ).map((r) => Object.freeze([r[0], r[1]] as const)),
  ),
  raiseShare: 0.9,
  maxRaise: 2,
  penaltyTiers: 1,
  newTier: 2,
  holidayShare: 0.3,
  holidays: Object.freeze([]),
}) as SupplyParams;

const PARAM_ERRORS = {
  notObject: { en: "supply review parameters: expected a JSON object", zh: "供量复核参数：应为 JSON 对象" },
  unknownKey: {
    en: "supply review parameters: unknown key '{key}' (known: ranges, raiseShare, maxRaise, penaltyTiers, newTier, holidayShare, holidays)",
    zh: "供量复核参数：未知的键“{key}”（可用：ranges、raiseShare、maxRaise、penaltyTiers、newTier、holidayShare、holidays）",
  },
  ranges: {
    en: "supply review parameters: ranges must be 8 pairs [lower, upper) with lower < upper, each tier starting where the one below ends ({detail})",
    zh: "供量复核参数：ranges 必须是 8 个 [下限, 上限) 区间，下限 < 上限，且每档从下一档的上限开始（{detail}）",
  },
  number: {
    en: "supply review parameters: {key} must be {what}, not {value}",
    zh: "供量复核参数：{key} 必须是{whatZh}，而不是 {value}",
  },
  holidayShare: {
    en: "supply review parameters: holidayShare {value} is above the source's maximum of 30% (0.3)",
    zh: "供量复核参数：holidayShare {value} 超过来源规定的最大值 30%（0.3）",
  },
} as const;

function fail(key: keyof typeof PARAM_ERRORS, args: Args = {}, zhArgs: Args = args): GradeKitError {
  const text: Bilingual = fillBoth(PARAM_ERRORS[key], args, zhArgs);
  return new GradeKitError(`supply.${key}`, "template", text);
}

const isInt = (x: unknown, lo: number, hi: number): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= lo && x <= hi;

/** Checks parameters (a parsed JSON object) over the defaults; throws a template error naming the first problem. */
export function supplyParams(raw: unknown = {}): SupplyParams {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fail("notObject");
  const o = raw as Record<string, unknown>;
  const known = new Set(Object.keys(SUPPLY_DEFAULTS));
  for (const k of Object.keys(o)) if (!known.has(k)) throw fail("unknownKey", { key: k });
  const p: SupplyParams = { ...SUPPLY_DEFAULTS };
  const num = (key: string, ok: (x: unknown) => boolean, what: string, whatZh: string) => {
    if (!(key in o)) return;
    if (!ok(o[key])) throw fail("number", { key, what, whatZh, value: JSON.stringify(o[key]) ?? "undefined" });
    (p as unknown as Record<string, unknown>)[key] = o[key];
  };
  num(
    "raiseShare",
    (x) => typeof x === "number" && x > 0 && x <= 1,
    "a number above 0 and at most 1",
    "大于 0 且不超过 1 的数",
  );
  num("maxRaise", (x) => isInt(x, 0, 7), "a whole number 0–7", "0–7 的整数");
  num("penaltyTiers", (x) => isInt(x, 0, 7), "a whole number 0–7", "0–7 的整数");
  num("newTier", (x) => isInt(x, 1, 8), "a whole number 1–8", "1–8 的整数");
  if ("holidayShare" in o) {
    const h = o.holidayShare;
    if (typeof h !== "number" || !Number.isFinite(h) || h < 0)
      throw fail("number", {
        key: "holidayShare",
        what: "a number from 0 to 0.3",
        whatZh: "0 到 0.3 之间的数",
        value: JSON.stringify(h) ?? "undefined",
      });
    if (h > MAX_HOLIDAY_SHARE) throw fail("holidayShare", { value: h });
    p.holidayShare = h;
  }
  if ("holidays" in o) {
    const h = o.holidays;
    if (!Array.isArray(h) || !h.every((x) => isInt(x, 1, 10000)))
      throw fail("number", {
        key: "holidays",
        what: "a list of month positions (1 = the first month given)",
        whatZh: "月份序号列表（1 = 第一个月）",
        value: JSON.stringify(h) ?? "undefined",
      });
    p.holidays = [...(h as number[])];
  }
  if ("ranges" in o) {
    const r = o.ranges;
    if (!Array.isArray(r) || r.length !== 8) throw fail("ranges", { detail: "8 pairs" }, { detail: "需要 8 个区间" });
    const out: [number, number][] = [];
    r.forEach((pair: unknown, k) => {
      const ok =
        Array.isArray(pair) &&
        pair.length === 2 &&
        pair.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0) &&
        pair[0] < pair[1];
      if (!ok || (k > 0 && (pair as number[])[0] !== out[k - 1][1]))
        throw fail(
          "ranges",
          { detail: `tier ${k + 1}: ${JSON.stringify(pair)}` },
          { detail: `第 ${k + 1} 档：${JSON.stringify(pair)}` },
        );
      out.push([(pair as number[])[0], (pair as number[])[1]]);
    });
    p.ranges = out;
  }
  return p;
}
