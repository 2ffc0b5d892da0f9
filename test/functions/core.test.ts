/*
 * The pure modules behind GK.* (src/functions/*.ts), directly: the population cache (sorts counted with
 * an injected populationOf), argument normalisation, the language source, the template-source seam, the
 * Excel boundary without Office, and the metadata localizer used by the build.
 */
import * as fs from "fs";
import * as path from "path";
import { populationOf, type Population, type Template } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";
import { gradeCells, percentileTierCells, populationCache, type Cell } from "../../src/functions/core";
import { FnError } from "../../src/functions/errors";
import { plainCell, plainRows, toMatrix } from "../../src/functions/excel-values";
import { displayLang, runForExcel, setLanguageSource } from "../../src/functions/office";
import { PopulationCache, flatCells, sameCells, sampleKey } from "../../src/functions/population-cache";
import { registerTemplateSource } from "../../src/functions/templates";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the metadata plugin is a CommonJS webpack plugin
const plugin = require("../../src/functions/metadata-plugin.js") as {
  localizeMetadata: (m: unknown, table: unknown, locale: string) => { metadata: { functions: { description: string }[] }; problems: string[] };
  localizedName: (file: string, locale: string) => string;
};

const col = (xs: unknown[]) => xs.map((x) => [x]);
const errorCell = (code: string) => Object.assign(new Error(""), { code, type: "Error" }); // like CustomFunctions.Error

function countingCache(options: { maxEntries?: number; maxValues?: number } = {}) {
  const sorted: number[] = [];
  const cache = new PopulationCache({
    ...options,
    populationOf: (v: ArrayLike<number>): Population => {
      sorted.push(v.length);
      return populationOf(v);
    },
  });
  return { cache, sorted };
}

describe("population cache (scalar PERCENTILE_TIER)", () => {
  const N = 10_000;
  const values = Array.from({ length: N }, (_, i) => (i * 7919) % N); // 0..9999, shuffled
  const population = () => col(values); // a fresh array per call, as Excel passes

  test("10,000 scalar calls over the same population sort it once", () => {
    const { cache, sorted } = countingCache();
    const block = percentileTierCells(population(), null, null, null, null, null, "en", cache);
    for (let i = 0; i < N; i++) {
      const got = percentileTierCells([[values[i]]], population(), null, null, null, null, "en", cache);
      if (got[0][0] !== block[i][0]) throw new Error(`row ${i}: ${String(got[0][0])} vs ${String(block[i][0])}`);
    }
    expect(sorted).toEqual([N]);
    expect(cache.stats).toEqual({ sorts: 1, hits: N - 1, misses: 1 });
  });

  test("any edit is noticed, also where the bucket key does not sample", () => {
    const { cache } = countingCache();
    const pop = population();
    const top = values.indexOf(N - 1);
    expect(percentileTierCells([[N - 1]], pop, null, null, null, null, "en", cache)).toEqual([[1]]);
    // make 3,000 other values larger than N-1: it drops out of the top 20%
    const edited = pop.map((r, i) => (i !== top && i % 3 === 1 ? [r[0] as number + N] : r));
    expect(percentileTierCells([[N - 1]], edited, null, null, null, null, "en", cache)).toEqual([[2]]);
    // one cell, away from the sampled positions
    const k = 1234;
    const one = pop.map((r) => r.slice());
    expect(sampleKey(one)).toBe(sampleKey(pop));
    one[k][0] = -1;
    expect(sampleKey(one)).toBe(sampleKey(pop)); // same bucket ...
    expect(sameCells(one, flatCells(pop))).toBe(false); // ... but not the same cells
    cache.get(one);
    expect(cache.stats.sorts).toBe(3);
    cache.get(pop);
    cache.get(one);
    expect(cache.stats.sorts).toBe(3); // both versions are cached
  });

  test("error cells arrive as new objects every call and still hit", () => {
    const { cache } = countingCache();
    const make = () => [[1], [errorCell("#N/A")], [3], [""], [null], ["4"]];
    cache.get(make());
    cache.get(make());
    expect(cache.stats).toEqual({ sorts: 1, hits: 1, misses: 1 });
    expect(cache.get(make()).all!.n).toBe(3); // 1, 3, "4"
    cache.get([[1], [errorCell("#DIV/0!")], [3], [""], [null], ["4"]]);
    expect(cache.stats.misses).toBe(2);
    cache.get([[1], [2], [3], [""], [null], ["4"]]);
    expect(cache.stats.misses).toBe(3);
  });

  test("grouped populations are cached per (population, groups)", () => {
    const { cache, sorted } = countingCache();
    const pop = col([10, 20, 30, 1, 2, 3]);
    const groups = col(["a", "a", "a", "b", "b", "b"]);
    const e = cache.get(pop, groups);
    expect([...e.byGroup!.keys()]).toEqual(["a", "b"]);
    expect(sorted).toEqual([3, 3]);
    cache.get(col([10, 20, 30, 1, 2, 3]), col(["a", "a", "a", "b", "b", "b"]));
    expect(cache.stats.hits).toBe(1);
    cache.get(pop, col(["a", "a", "b", "b", "b", "b"]));
    cache.get(pop);
    expect(cache.stats).toEqual({ sorts: 5, hits: 1, misses: 3 });
  });

  test("bounded: least recently used entries go first (entries and values)", () => {
    const { cache } = countingCache({ maxEntries: 3 });
    const pops = [1, 2, 3, 4, 5].map((k) => col([k, k + 1, k + 2]));
    for (const p of pops) cache.get(p);
    expect(cache.entryCount).toBe(3);
    cache.get(pops[4]);
    expect(cache.stats.hits).toBe(1);
    cache.get(pops[0]); // evicted: sorted again
    expect(cache.stats.sorts).toBe(6);

    const small = countingCache({ maxValues: 1000 }).cache;
    for (let k = 0; k < 10; k++) small.get(col(Array.from({ length: 200 }, (_, i) => i + k)));
    expect(small.entryCount).toBe(2); // 2 x (200 cells + 200 values) <= 1000
    const huge = col(Array.from({ length: 5000 }, (_, i) => i));
    small.get(huge);
    expect(small.entryCount).toBe(1); // the newest is kept even when over the bound
  });

  test("the module cache is what GK.PERCENTILE_TIER uses", () => {
    populationCache.clear();
    const before = { ...populationCache.stats };
    for (let i = 0; i < 100; i++) percentileTierCells([[i]], col(values.slice(0, 100)), null, null, null, null, "en");
    expect(populationCache.stats.sorts - before.sorts).toBe(1);
    expect(populationCache.stats.hits - before.hits).toBe(99);
  });
});

describe("Excel-shaped values", () => {
  test("toMatrix: scalars, 1-D arrays, matrices, empty", () => {
    expect(toMatrix(5)).toEqual([[5]]);
    expect(toMatrix(null)).toEqual([[null]]);
    expect(toMatrix([1, 2])).toEqual([[1, 2]]);
    const m = [[1], [2]];
    expect(toMatrix(m)).toBe(m);
    expect(toMatrix([])).toEqual([[null]]);
  });

  test("plainCell: error objects -> error text, rich values -> basic value", () => {
    expect(plainCell(errorCell("#N/A"))).toBe("#N/A");
    expect(plainCell({ type: "FormattedNumber", basicValue: 12.5, numberFormat: "0.0" })).toBe(12.5);
    expect(plainCell({ type: "Entity", text: "x", basicValue: "#VALUE!" })).toBe("#VALUE!");
    expect(plainCell("a")).toBe("a");
  });

  test("plainRows copies only rows holding objects", () => {
    const rows = [[1, "a"], [2, "b"]];
    expect(plainRows(rows)).toBe(rows);
    const withErr = [[1, "a"], [errorCell("#REF!"), "b"]];
    const out = plainRows(withErr);
    expect(out).not.toBe(withErr);
    expect(out[0]).toBe(withErr[0]);
    expect(out[1]).toEqual(["#REF!", "b"]);
  });
});

describe("display language and the Excel boundary", () => {
  afterEach(() => setLanguageSource());

  test("the language source is injectable; default reads Office.context.displayLanguage", () => {
    expect(displayLang()).toBe("en"); // no Office here
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(displayLang()).toBe("zh-CN");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    setLanguageSource(() => "zh-Hans");
    expect(displayLang()).toBe("zh-CN");
    setLanguageSource(() => {
      throw new Error("Office.context not ready");
    });
    expect(displayLang()).toBe("en");
    setLanguageSource(() => "zh-CN");
    expect(runForExcel((lang) => gradeCells("reason", "spend-5", [[600000]], lang))).toEqual([["VIP：年消费额 600,000 > 500,000"]]);
  });

  test("outside Excel (no CustomFunctions global) errors are plain Errors with the code", () => {
    expect(() => runForExcel(() => [[FnError.value("bad")]])).toThrow(expect.objectContaining({ message: "bad", code: "#VALUE!" }));
    const out = runForExcel(() => [[1], [FnError.notAvailable("none")]]);
    expect(out[1][0]).toEqual(expect.objectContaining({ message: "none", code: "#N/A" }));
  });

  test("with CustomFunctions: FnError cells become CustomFunctions.Error; bugs become #VALUE! with a message", () => {
    class CFError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: CFError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const out = runForExcel((): Cell[][] => [["A"], [FnError.notAvailable("n/a")]]);
      expect(out[1][0]).toBeInstanceOf(CFError);
      expect(out[1][0]).toEqual(expect.objectContaining({ code: "#N/A", message: "n/a" }));
      expect(() =>
        runForExcel(() => {
          throw new TypeError("boom");
        }),
      ).toThrow(expect.objectContaining({ code: "#VALUE!", message: "GradeKit: unexpected error: boom" }));
      expect(spy).toHaveBeenCalled();
    } finally {
      delete g.CustomFunctions;
      spy.mockRestore();
    }
  });
});

describe("template sources (the seam for workbook templates)", () => {
  test("a registered source is tried before the built-ins and can be removed", () => {
    const spend = getBuiltinTemplate("spend-5")!;
    const mine: Template = { ...spend, id: "my-spend", model: { ...spend.model, bands: [{ grade: "VIP", op: ">=", value: 1 }] } as Template["model"] };
    expect(() => gradeCells("grade", "My Spend", [[5]], "en")).toThrow(expect.objectContaining({ code: "#N/A" }));
    const remove = registerTemplateSource((name) => (name.toLowerCase().replace(/\s+/g, "-") === "my-spend" ? mine : undefined));
    try {
      expect(gradeCells("grade", "My Spend", [[5]], "en")).toEqual([["VIP"]]);
      expect(gradeCells("grade", "spend-5", [[5]], "en")).toEqual([["Regular"]]);
    } finally {
      remove();
    }
    expect(() => gradeCells("grade", "my-spend", [[5]], "en")).toThrow(expect.objectContaining({ code: "#N/A" }));
  });

  test("a broken template from a source is #VALUE! naming it", () => {
    const spend = getBuiltinTemplate("spend-5")!;
    const broken = { ...spend, id: "broken", grades: [] } as Template;
    const remove = registerTemplateSource((name) => (name === "broken" ? broken : undefined));
    try {
      expect(() => gradeCells("grade", "broken", [[5]], "en")).toThrow(
        expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/^template 'broken' cannot be used: /) }),
      );
    } finally {
      remove();
    }
  });
});

describe("metadata-plugin.js (functions-zh-CN.json)", () => {
  const meta = {
    functions: [
      { id: "A", name: "A", description: "a", parameters: [{ name: "x", description: "x" }], result: {} },
      { id: "B", name: "B", description: "b", parameters: [], result: {} },
    ],
  };

  test("replaces descriptions and reports missing and stale entries", () => {
    const ok = plugin.localizeMetadata(meta, { functions: { A: { description: "甲", parameters: { x: "乙" } }, B: { description: "丙" } } }, "zh-CN");
    expect(ok.problems).toEqual([]);
    expect(ok.metadata.functions.map((f) => f.description)).toEqual(["甲", "丙"]);
    const bad = plugin.localizeMetadata(meta, { functions: { A: { description: "甲", parameters: { y: "乙" } }, C: { description: "丁" } } }, "zh-CN");
    expect(bad.problems).toEqual([
      "zh-CN: A has no description for parameter x",
      "zh-CN: A has no parameter y (stale entry)",
      "zh-CN: no entry for function B",
      "zh-CN: no function C (stale entry)",
    ]);
    expect(plugin.localizedName("functions.json", "zh-CN")).toBe("functions-zh-CN.json");
  });

  test("the zh-CN table covers exactly the functions declared in functions.ts", () => {
    const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../src/functions/zh-CN.json"), "utf8")) as {
      functions: Record<string, { parameters: Record<string, string> }>;
    };
    const src = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
    const ids = [...src.matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);
    expect(Object.keys(table.functions)).toEqual(ids);
  });
});
