/**
 * The SQL computes each value once and carries no aggregate into the output: whole-table
 * aggregates live in common table expressions over the stages that compute validity and word keys
 * (one row each, cross-joined by name), and a word key first looks up the template's own
 * spellings, each mapped to the key the SQL normalisation gives it. Results are checked on every
 * engine by test/interop (DuckDB, SQLite, PostgreSQL); here the text.
 */
import { normalizeWord, type Field } from "../../src/engine";
import { compileSql, isRefusal } from "../../src/engine/compile";
import { spellingKeys } from "../../src/engine/compile/words";
import { getBuiltinTemplate } from "../../src/templates";

function sql(id: string): string {
  const s = compileSql(getBuiltinTemplate(id)!);
  if (isRefusal(s)) throw new Error(s.reason.en);
  return s;
}

test("tobacco-retail-score: the maxima are one CTE over the validity column, cross-joined where read, never selected", () => {
  const s = sql("tobacco-retail-score");
  expect(s.startsWith("WITH gk_agg")).toBe(true);
  expect(s).not.toContain('"m".*');
  // the maxima read the validity column, not the validity written out again in each MAX
  expect(s.match(/MAX\(CASE WHEN "t"\."gk_valid" AND/g)).toHaveLength(3);
  // the word key is normalised once per pass over the table (main stages, the CTE's stages)
  expect(s.match(/LOWER\(REPLACE/g)).toHaveLength(2);
  // the columns the output carries: no aggregate among them
  const outer = s.slice(s.indexOf("\nSELECT "));
  expect(outer).toMatch(/CROSS JOIN gk_agg\d+\n/);
  expect(s).not.toMatch(/"t"\."gk_m\d"/);
});

test("templates without aggregates are one SELECT as before", () => {
  expect(sql("bocom-tier")).toMatch(/^SELECT "t"\.\*,/);
  expect(sql("multi-factor-5")).not.toContain("WITH");
});

test("spellingKeys: each spelling with the key the SQL normalisation gives (and the engine's), ASCII and caseless only", () => {
  const field = {
    key: "kind",
    label: { en: "Kind", zh: "类型" },
    type: "category",
    categories: [
      { value: "joint-stock", label: { en: "Joint Stock", zh: "股份制" }, aliases: ["JOINT_STOCK", "Éta"] },
      { value: "private", label: { en: "Private", zh: "私营" } },
    ],
  } as unknown as Field;
  const keys = spellingKeys(field);
  expect(keys).toEqual([
    ["joint-stock", "jointstock"],
    ["Joint Stock", "jointstock"],
    ["股份制", "股份制"],
    ["JOINT_STOCK", "jointstock"],
    ["private", "private"],
    ["Private", "private"],
    ["私营", "私营"],
  ]);
  for (const [w, k] of keys) expect(normalizeWord(w)).toBe(k);
  expect(spellingKeys({ key: "n", label: { en: "n", zh: "n" }, type: "number" } as unknown as Field)).toEqual([]);
  expect(spellingKeys({ key: "y", label: { en: "y", zh: "y" }, type: "yesno" } as unknown as Field)).toContainEqual(["TRUE", "true"]);
});
