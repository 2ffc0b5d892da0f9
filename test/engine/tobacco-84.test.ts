/**
 * tobacco-retail-code (spec §10): code = format letter + scale digit + market digit + legal digit
 * (+ L for a chain supermarket). 7 formats x 3 scales x 2 markets x 2 legal statuses = 84 types.
 */
import { compileTemplate, gradeTable } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";

const template = getBuiltinTemplate("tobacco-retail-code")!;
const FORMATS = ["Z", "B", "C", "S", "Y", "F", "Q"];
const MARKETS: [string, string][] = [
  ["urban", "1"],
  ["rural", "2"],
];
const LEGAL: [string, string][] = [
  ["lawful", "1"],
  ["violating", "2"],
];
const fields = ["format", "purchaseQty", "market", "lawful", "isNew", "chain"];

/**
 * Per format, 40 retailers with distinct quantities 1..40, dealt round-robin over the 4
 * market x legal combinations. Within a format (n = 40): above(q) = (40 - q) / 40, so
 * q >= 33 is tier 1 (above < 0.2), 9..32 tier 2 (above < 0.8), 1..8 tier 3 — every combination
 * gets two retailers of tier 1, six of tier 2 and two of tier 3.
 */
function buildTable(): { rows: unknown[][]; expected: string[] } {
  const rows: unknown[][] = [];
  const expected: string[] = [];
  for (const f of FORMATS) {
    for (let q = 1; q <= 40; q++) {
      const combo = q % 4;
      const [market, md] = MARKETS[combo >> 1];
      const [legal, ld] = LEGAL[combo & 1];
      const scale = q >= 33 ? "1" : q >= 9 ? "2" : "3";
      rows.push([f, q, market, legal, "no", "no"]);
      expected.push(f + scale + md + ld);
    }
  }
  return { rows, expected };
}

describe("tobacco-retail-code: 84 customer types", () => {
  const { rows, expected } = buildTable();
  const result = gradeTable(template, { rows, fields });

  test("every row is graded with the hand-derived code", () => {
    const got = rows.map((_, i) => result.grade(i));
    expect(got).toEqual(expected);
  });

  test("exactly 84 distinct codes, all of them format+scale+market+legal", () => {
    const codes = new Set<string>();
    for (let i = 0; i < result.n; i++) codes.add(result.grade(i)!);
    expect(codes.size).toBe(84);
    const all = new Set<string>();
    for (const f of FORMATS) for (const s of ["1", "2", "3"]) for (const [, m] of MARKETS) for (const [, l] of LEGAL) all.add(f + s + m + l);
    expect(all.size).toBe(84);
    expect([...codes].sort()).toEqual([...all].sort());
  });

  test("every combination has all three scales", () => {
    const seen = new Set(expected);
    for (const f of FORMATS) for (const s of ["1", "2", "3"]) for (const [, m] of MARKETS) for (const [, l] of LEGAL) expect(seen.has(f + s + m + l)).toBe(true);
  });

  test("examples Z121, C112L, YX11 appear where expected", () => {
    const t = [
      // Z: two retailers, the larger is tier 1 (above 0), the smaller tier 2 (above 0.5)
      ["Z", 900, "rural", "lawful", "", ""],
      ["Z", 100, "urban", "lawful", "", ""],
      // C chain supermarket, alone in its format: tier 1; urban, violating -> C112L
      ["C", 5000, "urban", "violating", "no", "yes"],
      // new tobacco & liquor shop: scale X, legal 1 whatever is entered
      ["Y", "", "urban", "", "yes", ""],
      ["Y", 10, "urban", "违规", "是", ""],
    ];
    const r = gradeTable(template, { rows: t, fields });
    expect([0, 1, 2, 3, 4].map((i) => r.grade(i))).toEqual(["Z121", "Z211", "C112L", "YX11", "YX11"]);
  });
});

describe("tobacco-retail-code grade list", () => {
  const grades: readonly { id: string }[] = compileTemplate(getBuiltinTemplate("tobacco-retail-code")!).grades;
  const ids = new Set(grades.map((g) => g.id));

  test("lists the 84 regular types plus the new-retailer and chain variants, nothing impossible", () => {
    const regular = grades.filter((g) => /^[ZBCSYFQ][123][12][12]$/.test(g.id));
    expect(regular).toHaveLength(84);
    // New retailers: scale X, legal 1 (7 formats x 2 markets); chain L only for supermarkets (C).
    expect(grades.filter((g) => /X/.test(g.id) && !g.id.endsWith("L"))).toHaveLength(14);
    expect(grades.filter((g) => g.id.endsWith("L"))).toHaveLength(14);
    expect(grades).toHaveLength(112);
    for (const impossible of ["Z121L", "ZX22", "CX12L", "BX12"]) expect(ids.has(impossible)).toBe(false);
    for (const possible of ["Z121", "C112L", "YX11", "CX11L"]) expect(ids.has(possible)).toBe(true);
  });
});
