/**
 * Cross-tables: against a brute-force count on random data (groups, blanks, error rows), and the
 * seed 004 figures: the 惠州 tables (grade × region and grade × industry, 09年 and 10年) rebuilt
 * from rows made from the seed's counts, and the 战败原因统计 shares from rows made from the
 * seed's percentages.
 */
import fc from "fast-check";
import { crossTab, periodTables, GROUP_SEP } from "../../src/engine/analysis";

const GRADES = ["优质", "潜力", "一般"];

/** Rows (group, value) repeated `n` times each. */
function rowsFrom(table: Record<string, Record<string, number>>): { group: string; value: string }[] {
  const out: { group: string; value: string }[] = [];
  for (const [value, perGroup] of Object.entries(table))
    for (const [group, n] of Object.entries(perGroup)) for (let i = 0; i < n; i++) out.push({ group, value });
  // a fixed shuffle so order does not matter
  return out
    .map((r, i) => ({ r, k: (i * 7919) % 104729 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
}

describe("crossTab against a brute-force count", () => {
  const cell = fc.oneof(fc.constantFrom("A", "B", "C", " A ", "", null), fc.constantFrom("x", "y"));
  const row = fc.record({
    g1: fc.constantFrom("north", "south", "", " north", null),
    g2: fc.constantFrom("m", "s", 1),
    v: cell,
    err: fc.boolean(),
  });
  it("counts, totals, shares, blanks and errors match", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.boolean(), (rows, two) => {
        const by = two ? [rows.map((r) => r.g1), rows.map((r) => r.g2)] : [rows.map((r) => r.g1)];
        const t = crossTab({ by, values: rows.map((r) => r.v), errors: rows.map((r) => r.err), order: ["C", "B"] });
        const text = (x: unknown) => (x === null ? "" : String(x).trim());
        const gk = (r: (typeof rows)[number]) => (two ? [text(r.g1), text(r.g2)] : [text(r.g1)]).join(GROUP_SEP);
        // every group seen once, in first appearance
        const seen = [...new Set(rows.map(gk))];
        expect(t.groups.map((g) => g.join(GROUP_SEP))).toEqual(seen);
        expect(t.values.slice(0, 2)).toEqual(["C", "B"]);
        let total = 0;
        t.groups.forEach((g, gi) => {
          const mine = rows.filter((r) => gk(r) === g.join(GROUP_SEP));
          expect(t.errors[gi]).toBe(mine.filter((r) => r.err).length);
          expect(t.blanks[gi]).toBe(mine.filter((r) => !r.err && text(r.v) === "").length);
          t.values.forEach((v, vi) => {
            const n = mine.filter((r) => !r.err && text(r.v) === v).length;
            expect(t.counts[gi][vi]).toBe(n);
            const rowN = mine.filter((r) => !r.err && text(r.v) !== "").length;
            expect(t.rowTotals[gi]).toBe(rowN);
            expect(t.rowShares[gi][vi]).toBeCloseTo(rowN ? (n / rowN) * 100 : 0, 9);
            const colN = rows.filter((r) => !r.err && text(r.v) === v).length;
            expect(t.colTotals[vi]).toBe(colN);
            expect(t.colShares[gi][vi]).toBeCloseTo(colN ? (n / colN) * 100 : 0, 9);
          });
          total += t.rowTotals[gi];
        });
        expect(t.total).toBe(total);
        expect(t.errorTotal).toBe(rows.filter((r) => r.err).length);
        expect(t.blankTotal + t.errorTotal + t.total).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it("periods side by side: common groups and values, change between the last two", () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), (periods) => {
        const pt = periodTables(
          periods.map((rows, i) => ({
            name: `p${i}`,
            input: { by: [rows.map((r) => r.g1)], values: rows.map((r) => r.v), errors: rows.map((r) => r.err) },
          })),
        );
        expect(pt.tables).toHaveLength(periods.length);
        for (const t of pt.tables) {
          expect(t.groups).toEqual(pt.groups);
          expect(t.values).toEqual(pt.values);
        }
        const last = pt.tables[pt.tables.length - 1];
        const prev = pt.tables.length > 1 ? pt.tables[pt.tables.length - 2] : undefined;
        pt.groups.forEach((_, g) =>
          pt.values.forEach((_, v) => expect(pt.change[g][v]).toBe(prev ? last.counts[g][v] - prev.counts[g][v] : 0)),
        );
        // each period's table is that period's own count
        periods.forEach((rows, p) => {
          const own = crossTab({
            by: [rows.map((r) => r.g1)],
            values: rows.map((r) => r.v),
            errors: rows.map((r) => r.err),
          });
          expect(pt.tables[p].total).toBe(own.total);
          expect(pt.tables[p].errorTotal).toBe(own.errorTotal);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("seed 004: 惠州 基盘客户分级 (grade × region, grade × industry, 09年 vs 10年)", () => {
  // 基盘客户分级管理--区域集中度分析 (the seed's counts; 合计 09年 given by the seed: 266 119 76 29 63)
  const REGIONS = ["惠城区", "博罗县", "惠阳区", "大亚湾区", "惠东县"];
  const region = (xs: number[]) => Object.fromEntries(REGIONS.map((r, i) => [r, xs[i]]));
  const region09 = {
    优质: region([16, 4, 3, 0, 7]),
    潜力: region([29, 4, 8, 3, 9]),
    一般: region([221, 111, 65, 26, 47]),
  };
  const region10 = {
    优质: region([17, 6, 2, 1, 4]),
    潜力: region([53, 15, 12, 2, 16]),
    一般: region([331, 158, 73, 14, 58]),
  };
  // 行业分级管理: the seed's text keeps three industry columns (合计 09年 97 95 48, 10年 159 125 49);
  // reading: they are the first three named, 制造业 服务业 电力、燃气业
  const INDUSTRIES = ["制造业", "服务业", "电力、燃气业"];
  const ind = (xs: number[]) => Object.fromEntries(INDUSTRIES.map((r, i) => [r, xs[i]]));
  const ind09 = { 优质: ind([3, 7, 6]), 潜力: ind([13, 11, 5]), 一般: ind([81, 77, 37]) };
  const ind10 = { 优质: ind([3, 4, 4]), 潜力: ind([17, 18, 13]), 一般: ind([139, 103, 32]) };

  const input = (t: Record<string, Record<string, number>>, withErrors = 0) => {
    const rows = rowsFrom(t);
    const by = [rows.map((r) => r.group)];
    const values: unknown[] = rows.map((r) => r.value);
    const errors = rows.map(() => false);
    for (let i = 0; i < withErrors; i++) {
      by[0].push(REGIONS[i % REGIONS.length]);
      values.push("");
      errors.push(true);
    }
    return { by, values, errors };
  };

  it("region × grade, both years, with the change", () => {
    const pt = periodTables(
      [
        { name: "09年", input: input(region09, 3) },
        { name: "10年", input: input(region10) },
      ],
      GRADES,
    );
    expect(pt.periods).toEqual(["09年", "10年"]);
    expect(pt.values).toEqual(GRADES);
    expect(new Set(pt.groups.map((g) => g[0]))).toEqual(new Set(REGIONS));
    const at = (p: number, g: string, v: string) =>
      pt.tables[p].counts[pt.groups.findIndex((x) => x[0] === g)][GRADES.indexOf(v)];
    for (const [p, t] of [
      [0, region09],
      [1, region10],
    ] as const)
      for (const [v, per] of Object.entries(t)) for (const [g, n] of Object.entries(per)) expect(at(p, g, v)).toBe(n);
    const totals09 = REGIONS.map((r) => pt.tables[0].rowTotals[pt.groups.findIndex((x) => x[0] === r)]);
    expect(totals09).toEqual([266, 119, 76, 29, 63]);
    const totals10 = REGIONS.map((r) => pt.tables[1].rowTotals[pt.groups.findIndex((x) => x[0] === r)]);
    expect(totals10).toEqual([401, 179, 87, 17, 78]);
    expect(pt.tables[0].errorTotal).toBe(3);
    expect(pt.tables[0].total).toBe(553);
    expect(pt.tables[1].colTotals).toEqual([30, 98, 634]);
    const hc = pt.groups.findIndex((x) => x[0] === "惠城区");
    expect(pt.change[hc]).toEqual([1, 24, 110]);
    expect(pt.changeTotals[hc]).toBe(135);
    // 惠城区 09年: 优质 16/266 = 6.0%
    expect(pt.tables[0].rowShares[hc][0].toFixed(1)).toBe("6.0");
  });

  it("industry × grade, both years", () => {
    const pt = periodTables(
      [
        { name: "09年", input: input(ind09) },
        { name: "10年", input: input(ind10) },
      ],
      GRADES,
    );
    const idx = INDUSTRIES.map((r) => pt.groups.findIndex((x) => x[0] === r));
    expect(idx.map((g) => pt.tables[0].rowTotals[g])).toEqual([97, 95, 48]);
    expect(idx.map((g) => pt.tables[1].rowTotals[g])).toEqual([159, 125, 49]);
    for (const [p, t] of [
      [0, ind09],
      [1, ind10],
    ] as const)
      for (const [v, per] of Object.entries(t))
        for (const [g, n] of Object.entries(per))
          expect(pt.tables[p].counts[pt.groups.findIndex((x) => x[0] === g)][GRADES.indexOf(v)]).toBe(n);
    expect(pt.change[idx[0]]).toEqual([0, 4, 58]);
  });
});

describe("seed 004: 战败原因统计 (reason × series, share within each series)", () => {
  // The seed's shares; its text keeps 价格高 for all three series and 品牌不认可 for 轻卡 and 匹卡 in
  // an unambiguous place. Fixture: 1000 defeated customers per series, the rest of each series 其他.
  const SHARES: Record<string, Record<string, number>> = {
    轻卡系列: { 价格高: 22.2, 品牌不认可: 14.1 },
    匹卡系列: { 价格高: 36.5, 品牌不认可: 17.2 },
    全顺系列: { 价格高: 40.3 },
  };
  it("reproduces the seed's percentages", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const [series, shares] of Object.entries(SHARES)) {
      let used = 0;
      for (const [reason, s] of Object.entries(shares)) {
        const n = Math.round(s * 10);
        used += n;
        (table[reason] ??= {})[series] = n;
      }
      (table["其他"] ??= {})[series] = 1000 - used;
    }
    const rows = rowsFrom(table);
    const t = crossTab({
      by: [rows.map((r) => r.group)],
      values: rows.map((r) => r.value),
      order: ["价格高", "品牌不认可"],
    });
    for (const [series, shares] of Object.entries(SHARES)) {
      const g = t.groups.findIndex((x) => x[0] === series);
      expect(t.rowTotals[g]).toBe(1000);
      for (const [reason, s] of Object.entries(shares))
        expect(t.rowShares[g][t.values.indexOf(reason)].toFixed(1)).toBe(s.toFixed(1));
      expect(t.rowShares[g].reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    }
  });
});
