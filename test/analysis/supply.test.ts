/**
 * The month-end supply review (templates.md "Month-end supply review"), table-driven: every step
 * and their interplay, with the spec's example defaults (ranges 0–20, 20–40, 40–70, 70–110,
 * 110–160, 160–220, 220–300, 300–400; raiseShare 0.9; maxRaise 2; penaltyTiers 1; newTier 2;
 * holidayShare 0.3).
 */
import { reviewSupply, supplyParams, type SupplyRow } from "../../src/engine/analysis";
import { CASES, monthsOf, P } from "./supply-cases";
import { isGradeKitError } from "../../src/engine";

describe("month-end supply review: every step (table)", () => {
  it.each(CASES)("$name", (c) => {
    const r = reviewSupply(monthsOf({ r1: c.cells, other: c.cells.map(() => "30 A") }), P(c.params));
    const got = r.last.find((x) => x.key === "r1")!;
    expect(got.status).toBe("reviewed");
    expect([got.oldTier, got.newTier, got.ceiling]).toEqual([c.old, c.next, c.ceiling]);
    expect(got.change).toBe(c.next - c.old);
    expect(got.steps).toEqual(c.steps);
    for (const w of c.en ?? []) expect(got.reason.en).toContain(w);
    for (const w of c.zh ?? []) expect(got.reason.zh).toContain(w);
    expect(got.reason.en).toContain("step 6");
    expect(got.reason.zh).toContain("第6步");
    // the other retailer is always reviewed
    expect(r.last.find((x) => x.key === "other")!.status).toBe("reviewed");
  });
});

describe("bad cells: that retailer is a bad input from that month on; others still reviewed", () => {
  const bad: [string, Partial<SupplyRow>, string, string][] = [
    [
      "quantity not a number",
      { purchaseQty: "abc", lawGrade: "A" },
      "purchaseQty: 'abc' is not a number",
      "购进量有误",
    ],
    ["quantity blank", { purchaseQty: "", lawGrade: "A" }, "purchaseQty: blank", "购进量有误"],
    ["law grade E", { purchaseQty: 10, lawGrade: "E" }, "'E' is not a law grade", "守法等级有误"],
    ["tier 9", { purchaseQty: 10, lawGrade: "A", tier: 9 }, "'9' is not a tier 1–8", "供量档位有误"],
    ["tier 2.5", { purchaseQty: 10, lawGrade: "A", tier: 2.5 }, "is not a tier", "供量档位有误"],
    [
      "penalised maybe",
      { purchaseQty: 10, lawGrade: "A", penalized: "maybe" },
      "penalized: 'maybe' is not yes or no",
      "受到行政处罚有误",
    ],
  ];
  it.each(bad)("%s", (_, row, en, zh) => {
    const r = reviewSupply(monthsOf({ r1: ["30 A", row, "30 A", "30 A"], r2: ["30 A", "30 A", "30 A", "30 A"] }), P());
    expect(r.reviews[0].find((x) => x.key === "r1")!.status).toBe("reviewed");
    for (const m of [1, 2, 3]) {
      const got = r.reviews[m].find((x) => x.key === "r1")!;
      expect(got.status).toBe("bad");
      expect([got.oldTier, got.newTier, got.ceiling, got.change]).toEqual([null, null, null, null]);
      expect(got.reason.en).toContain("M2, row 2");
      expect(got.reason.en).toContain(en);
      expect(got.reason.zh).toContain(zh);
    }
    expect(r.last.find((x) => x.key === "r2")).toMatchObject({ status: "reviewed", newTier: 2 });
  });
  it("the same id twice in one month", () => {
    const months = monthsOf({ r1: ["30 A", "30 A", "30 A"], r2: ["30 A", "30 A", "30 A"] });
    months[1] = { ...months[1], rows: [...months[1].rows, { key: "r1", row: 9, purchaseQty: 5, lawGrade: "A" }] };
    const r = reviewSupply(months, P());
    const got = r.last.find((x) => x.key === "r1")!;
    expect(got.status).toBe("bad");
    expect(got.reason.en).toContain("id r1 appears more than once in M2 (rows 2, 9)");
    expect(r.last.find((x) => x.key === "r2")!.status).toBe("reviewed");
  });
  it("rows without an id are counted and ignored", () => {
    const months = monthsOf({ r1: ["30 A"] });
    months[0] = { ...months[0], rows: [...months[0].rows, { key: " ", purchaseQty: 1, lawGrade: "A" }] };
    expect(reviewSupply(months, P()).blankKeys).toEqual([1]);
  });
});

describe("parameters: the checker", () => {
  const refuse = (raw: unknown, code: string, words: string) => {
    try {
      supplyParams(raw);
    } catch (e) {
      expect(isGradeKitError(e) && e.errorClass).toBe("template");
      expect(isGradeKitError(e) && e.code).toBe(code);
      expect(String((e as Error).message)).toContain(words);
      return;
    }
    throw new Error("not refused");
  };
  it("refuses a holiday share above the source's 30%", () =>
    refuse({ holidayShare: 0.31 }, "supply.holidayShare", "30%"));
  it("accepts 0.3 and below", () => expect(supplyParams({ holidayShare: 0.3 }).holidayShare).toBe(0.3));
  it("refuses unknown keys, bad numbers and bad ranges", () => {
    refuse({ holidayshare: 0.2 }, "supply.unknownKey", "holidayshare");
    refuse({ maxRaise: 1.5 }, "supply.number", "maxRaise");
    refuse({ newTier: 9 }, "supply.number", "newTier");
    refuse({ ranges: [[0, 20]] }, "supply.ranges", "8 pairs");
    refuse(
      {
        ranges: [
          [0, 20],
          [21, 40],
          [40, 70],
          [70, 110],
          [110, 160],
          [160, 220],
          [220, 300],
          [300, 400],
        ],
      },
      "supply.ranges",
      "tier 2",
    );
    refuse([], "supply.notObject", "object");
  });
  it("custom ranges are used for bounds, the mean and the ceiling", () => {
    const ranges = [
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [40, 50],
      [50, 60],
      [60, 70],
      [70, 80],
    ];
    const p = supplyParams({ ranges, newTier: 3 });
    const r = reviewSupply(monthsOf({ a: ["36 A t4", "36 A", "36 A"], b: ["5 A t4", "15 A", "25 A"] }), p);
    expect(r.last.find((x) => x.key === "a")).toMatchObject({ newTier: 5, ceiling: 50 });
    expect(r.last.find((x) => x.key === "b")).toMatchObject({ newTier: 2, ceiling: 20 });
  });
});
