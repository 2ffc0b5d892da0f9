/**
 * The tobacco-retail-score review rules over six months of sample history
 * (fixtures/tobacco-review.json): the expected tiers were derived by hand from the rules, month by
 * month, and are written in the fixture with the reasoning. Also: single reviews agree with the
 * series, reasons in both languages, duplicates and missing tiers.
 */
import * as fs from "fs";
import * as path from "path";
import { checkTemplate, type Template } from "../../src/engine";
import { historyFromRows, reviewSeries, reviewTiers, type HistoryRecord } from "../../src/engine/review";
import { getBuiltinTemplate } from "../../src/templates";

interface Fixture {
  template: string;
  periods: string[];
  retailers: {
    key: string;
    what: string;
    start: string;
    first?: number;
    months: ({ purchaseQty: number; lawGrade: string } | null)[];
    expected: (string | null)[];
    actions: (string | null)[];
    limited?: boolean[];
    why: string[];
  }[];
}

const fx: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "tobacco-review.json"), "utf8"));
const t = getBuiltinTemplate(fx.template)!;

/** Records of the fixture; `tiers` gives the tier column per retailer and month (default: the start tier in the first month only). */
function records(tiers?: (key: string, p: number) => string | undefined): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (const r of fx.retailers) {
    r.months.forEach((m, p) => {
      if (!m) return;
      const first = (r.first ?? 0) === p;
      const tier = tiers ? tiers(r.key, p) : first ? r.start : undefined;
      out.push({ key: r.key, period: fx.periods[p], values: { purchaseQty: m.purchaseQty, lawGrade: m.lawGrade }, tier });
    });
  }
  return out;
}

describe("tobacco-retail-score review rules", () => {
  test("the template with its review data passes the checker", () => {
    expect(checkTemplate(t).issues).toEqual([]);
  });

  const series = reviewSeries(t, records(), { periods: fx.periods });
  test.each(fx.retailers.map((r) => [r.key, r.what, r] as const))("%s (%s): tiers month by month", (key, _what, r) => {
    const row = series.rows.find((x) => x.key === key)!;
    expect(row.tiers).toEqual(r.expected);
    expect(row.decisions.map((d) => d?.action ?? null)).toEqual(r.actions);
    if (r.limited) expect(row.decisions.map((d) => d?.limited ?? false)).toEqual(r.limited);
  });

  test("the fixture triggers raise, lower, cap and the +2 limit", () => {
    const all = series.rows.flatMap((r) => r.decisions.filter((d) => d !== null));
    for (const a of ["raise", "lower", "cap", "hold"]) expect(all.some((d) => d!.action === a)).toBe(true);
    expect(all.some((d) => d!.limited && d!.levels === 2)).toBe(true);
    expect(all.some((d) => d!.action === "lower" && d!.levels === -2)).toBe(true);
  });

  test("a single review at each month, with the tier column filled as the series had it, gives the same tiers", () => {
    // tier during month p = expected tier after month p-1 (the start tier in the first month)
    const during = (key: string, p: number) => {
      const r = fx.retailers.find((x) => x.key === key)!;
      return p === (r.first ?? 0) ? r.start : r.expected[p - 1] ?? undefined;
    };
    const recs = records(during);
    fx.periods.forEach((period, p) => {
      const got = reviewTiers(t, recs, { asOf: period, periods: fx.periods });
      for (const r of fx.retailers) {
        const d = got.find((x) => x.key === r.key);
        if (!r.months[p]) {
          expect(d).toBeUndefined();
          continue;
        }
        expect([r.key, period, d!.to]).toEqual([r.key, period, r.expected[p]]);
      }
    });
  });

  test("reasons say what happened, in English and Chinese", () => {
    const d = (key: string, p: number) => series.rows.find((x) => x.key === key)!.decisions[p]!;
    expect(d("R2", 2).reason.en).toBe(
      "raised Tier 2 → Tier 4: law grade B or better and quantity ≥ 90% of the tier's upper bound; in each of 2024-01, 2024-02, 2024-03; at most +2 per review",
    );
    expect(d("R2", 2).reason.zh).toBe("上调 2 档 → 4 档：守法等级 B 及以上且购进量达到本档上限的 90%；2024-01、2024-02、2024-03 各期均成立；每次复核最多上调 2 档");
    expect(d("R3", 2).reason.en).toBe("lowered Tier 6 → Tier 4: quantity below the tier's lower bound; in each of 2024-01, 2024-02, 2024-03; mean of Quantity bought = 65");
    expect(d("R3", 2).reason.zh).toContain("购进数量平均值 = 65");
    expect(d("R4", 1).reason.en).toBe("capped Tier 5 → Tier 2: law grade C: at most tier 2");
    expect(d("R5", 5).reason.zh).toBe("封顶 3 档 → 1 档：守法等级 D：1 档");
    expect(d("R1", 0).reason.en).toBe("no change: only 1 of 3 periods of history");
    expect(d("R7", 2).reason.en).toBe("no change: no data for 2024-03");
    expect(d("R1", 4).reason.en).toBe("no change: no rule held in each of the last 3 periods");
  });

  test("values are read like the grading engine reads them (text numbers, Chinese labels)", () => {
    const recs: HistoryRecord[] = ["2024-01", "2024-02", "2024-03"].map((p, i) => ({
      key: 7,
      period: p,
      values: { purchaseQty: ["75", "7.8万", "1,200"][i], lawGrade: [" a ", "b", "A"][i] },
      tier: i === 2 ? "4 档" : "",
    }));
    const [d] = reviewTiers(t, recs);
    // 75, 78000, 1200 >= 72 (tier 4); as tier 5 the first month (75) is below 90 -> one tier
    expect(d).toMatchObject({ key: "7", from: "4", to: "5", action: "raise", limited: false });
  });

  test("duplicate key in a period, a missing or unknown current tier: reported, not reviewed", () => {
    const base = { values: { purchaseQty: 50, lawGrade: "A" } };
    const got = reviewTiers(t, [
      { key: "d", period: "2024-01", tier: "3", ...base },
      { key: "d", period: "2024-01", tier: "3", ...base },
      { key: "n", period: "2024-01", ...base },
      { key: "u", period: "2024-01", tier: "9", ...base },
    ]);
    expect(got.map((d) => [d.key, d.action])).toEqual([
      ["d", "duplicate"],
      ["n", "noTier"],
      ["u", "noTier"],
    ]);
    expect(got[2].reason.en).toBe("unknown tier '9'");
  });

  test("historyFromRows maps headers to fields by key or label", () => {
    const recs = historyFromRows(t, ["客户", "期间", "购进数量", "Law grade", "档位"], [["R1", "2024-01", 75, "A", "4"]], { key: 0, period: 1, tier: 4 });
    expect(recs).toEqual([{ key: "R1", period: "2024-01", values: { purchaseQty: 75, lawGrade: "A" }, tier: "4" }]);
  });

  test("a template without review rules is refused", () => {
    expect(() => reviewTiers(getBuiltinTemplate("need-close-5") as Template, [])).toThrow(/no review rules/);
  });
});

test("a raise rule holding in the best tier says so", () => {
  const t = getBuiltinTemplate("tobacco-retail-score")!;
  const recs: HistoryRecord[] = ["1", "2", "3"].map((m) => ({ key: "top", period: `2024-0${m}`, values: { purchaseQty: 290, lawGrade: "A" }, tier: "8" }));
  const [d] = reviewTiers(t, recs);
  expect(d).toMatchObject({ from: "8", to: "8", action: "hold" });
  expect(d.reason).toEqual({ en: "no change: already in the best tier", zh: "不变：已在最高档" });
});
