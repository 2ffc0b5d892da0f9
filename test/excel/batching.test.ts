/** Unit tests of the adapter's pure helpers: batching, payload estimation, addresses, header detection. */
import fc from "fast-check";
import {
  blocks,
  blocksBySize,
  chunkRows,
  isPayloadTooLarge,
  jsonBytes,
  MAX_BLOCK_ROWS,
  PAYLOAD_BUDGET_BYTES,
  readInBlocks,
  rowsPerBlock,
  utf8Bytes,
} from "../../src/excel/batching";
import { cellA1, columnIndex, columnLetters, intersect, parseRef, quoteSheet, sheetAddress, splitAddress } from "../../src/excel/address";
import { detectHeader } from "../../src/excel/table/headers";
import { badRowFormula, formulaString } from "../../src/excel";
import { columnRuns } from "../../src/excel/table/columns";
import { estimateRowBytes } from "../../src/excel/table/detect";
import { captureBlock, restoreValueOf } from "../../src/excel/apply/snapshot";
import { getBuiltinTemplate } from "../../src/templates";

describe("blocks", () => {
  test("split rows into blocks of at most 20,000", () => {
    expect(blocks(0)).toEqual([]);
    expect(blocks(1)).toEqual([{ start: 0, count: 1 }]);
    expect(blocks(45_000)).toEqual([
      { start: 0, count: 20_000 },
      { start: 20_000, count: 20_000 },
      { start: 40_000, count: 5_000 },
    ]);
    expect(blocks(40_000).length).toBe(2);
    expect(() => blocks(-1)).toThrow(RangeError);
    expect(() => blocks(5, 0)).toThrow(RangeError);
  });

  test("blocks cover every row exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 100, max: 30_000 }), (n, size) => {
        let next = 0;
        for (const b of blocks(n, size)) {
          if (b.start !== next || b.count < 1 || b.count > size) return false;
          next += b.count;
        }
        return next === n;
      }),
    );
  });

  test("rowsPerBlock fits the budget and the row cap", () => {
    expect(rowsPerBlock(100)).toBe(MAX_BLOCK_ROWS);
    expect(rowsPerBlock(1000)).toBe(Math.floor(PAYLOAD_BUDGET_BYTES / 1000));
    expect(rowsPerBlock(1e9)).toBe(1);
    expect(rowsPerBlock(0)).toBe(MAX_BLOCK_ROWS);
    expect(rowsPerBlock(50, { maxRows: 10, budget: 1000 })).toBe(10);
  });

  test("blocksBySize keeps each block under the budget (unless one row alone is bigger)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (sizes, maxRows) => {
        const budget = 1000;
        const bs = blocksBySize(sizes.length, (i) => sizes[i], { maxRows, budget });
        let next = 0;
        for (const b of bs) {
          expect(b.start).toBe(next);
          expect(b.count).toBeLessThanOrEqual(maxRows);
          const bytes = sizes.slice(b.start, b.start + b.count).reduce((a, x) => a + x + 1, 0);
          if (b.count > 1) expect(bytes).toBeLessThanOrEqual(budget);
          next += b.count;
        }
        expect(next).toBe(sizes.length);
      }),
    );
  });

  test("chunkRows builds each row once and chunks like blocksBySize", () => {
    let built = 0;
    const rows = Array.from({ length: 50 }, (_, i) => ["x".repeat(i), i]);
    const chunks = [...chunkRows(rows.length, (i) => (built++, rows[i]), { maxRows: 7, budget: 300 })];
    expect(built).toBe(50);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
    const plan = blocksBySize(rows.length, (i) => jsonBytes(rows[i]), { maxRows: 7, budget: 300 });
    expect(chunks.map((c) => ({ start: c.start, count: c.rows.length }))).toEqual(plan);
  });
});

describe("payload estimation", () => {
  test("jsonBytes equals the UTF-8 length of JSON.stringify", () => {
    const samples: unknown[] = [
      [["A", 1, true, false, ""], ["客户分级", -0.125, 1e21, "say \"hi\"\n\t\\"]],
      { a: [1, 2], b: "é", c: null, d: { e: "😀" } },
      "\u0001\u001f",
      [],
      {},
    ];
    for (const v of samples) expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.integer()))), (v) => {
        expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
      }),
    );
  });

  test("utf8Bytes counts surrogate pairs as 4 bytes", () => {
    expect(utf8Bytes("a")).toBe(1);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("分")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
  });

  test("estimateRowBytes adds a margin", () => {
    expect(estimateRowBytes([])).toBe(64);
    const probe = [["abc", 1], ["de", 22]];
    expect(estimateRowBytes(probe)).toBeGreaterThan(jsonBytes(probe) / 2);
  });

  test("isPayloadTooLarge recognises both limits", () => {
    expect(isPayloadTooLarge({ code: "RequestPayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadTooLarge({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadTooLarge({ code: "InvalidArgument" })).toBe(false);
    expect(isPayloadTooLarge(null)).toBe(false);
  });

  test("readInBlocks halves a block that is too big and reads every row once", async () => {
    const seen: number[] = [];
    const calls: { start: number; count: number }[] = [];
    const ok = await readInBlocks(
      10_000,
      5_000,
      async (b) => {
        calls.push(b);
        if (b.count > 1_500) throw Object.assign(new Error("too big"), { code: "ResponsePayloadSizeLimitExceeded" });
        return b;
      },
      (b) => {
        for (let i = 0; i < b.count; i++) seen.push(b.start + i);
      },
    );
    expect(ok).toBe(true);
    expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(calls.slice(0, 3).map((c) => c.count)).toEqual([5_000, 2_500, 1_250]);
    await expect(readInBlocks(10, 10, async () => Promise.reject(Object.assign(new Error("x"), { code: "InvalidArgument" })), () => undefined)).rejects.toThrow("x");
    expect(await readInBlocks(100, 10, async (b) => b, (b) => b.start < 30)).toBe(false);
  });

  test("columnRuns groups adjacent columns", () => {
    expect(columnRuns([3, 0, 1, 5, 1])).toEqual([
      [0, 2],
      [3, 1],
      [5, 1],
    ]);
    expect(columnRuns([])).toEqual([]);
  });
});

describe("addresses", () => {
  test("letters and indexes", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16_383)).toBe("XFD");
    for (const c of [0, 1, 25, 26, 701, 702, 16_383]) expect(columnIndex(columnLetters(c))).toBe(c);
    expect(columnIndex("1")).toBe(-1);
  });

  test("sheet quoting like Excel", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("分级汇总")).toBe("分级汇总");
    expect(quoteSheet("GradeKit Summary")).toBe("'GradeKit Summary'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("R1C1")).toBe("'R1C1'");
    expect(sheetAddress("My data", { r0: 0, c0: 0, r1: 9, c1: 3 })).toBe("'My data'!A1:D10");
    expect(cellA1(6, 2)).toBe("C7");
  });

  test("splitting and parsing", () => {
    expect(splitAddress("Sheet1!C7")).toEqual({ sheet: "Sheet1", ref: "C7" });
    expect(splitAddress("'My ''x'' sheet'!A1:B2")).toEqual({ sheet: "My 'x' sheet", ref: "A1:B2" });
    expect(splitAddress("B2")).toEqual({ ref: "B2" });
    expect(parseRef("$B$2:D9")).toEqual({ r0: 1, c0: 1, r1: 8, c1: 3 });
    expect(parseRef("D9:B2")).toEqual({ r0: 1, c0: 1, r1: 8, c1: 3 });
    expect(parseRef("nope")).toBeNull();
    expect(intersect({ r0: 0, c0: 0, r1: 5, c1: 5 }, { r0: 3, c0: 4, r1: 9, c1: 9 })).toEqual({ r0: 3, c0: 4, r1: 5, c1: 5 });
    expect(intersect({ r0: 0, c0: 0, r1: 1, c1: 1 }, { r0: 3, c0: 3, r1: 4, c1: 4 })).toBeNull();
  });
});

describe("header detection", () => {
  const pipeline = getBuiltinTemplate("sales-pipeline")!;

  test("1. template words (en or zh labels, keys), skipping a title row", () => {
    expect(detectHeader([["客户", "预计成交月数", "预计月度成交金额"], ["A", 2, 1000]], pipeline)).toMatchObject({ headerRow: 0, rule: "template", matched: 2 });
    expect(detectHeader([["Customer", "closeMonths", "x"], ["A", "soon", "?"]], pipeline)).toMatchObject({ headerRow: 0, rule: "template", matched: 1 });
    const titled = [["Pipeline 2024", "", ""], ["Customer", "Expected months to close", "Expected monthly deal amount"], ["A", 2, 5]];
    expect(detectHeader(titled, pipeline)).toMatchObject({ headerRow: 1, rule: "template" });
  });

  test("2. a text row over rows with numbers", () => {
    expect(detectHeader([["Name", "Revenue", "Region"], ["Acme", 1200, "North"], ["Beta", "1,500", "South"]], pipeline)).toMatchObject({ headerRow: 0, rule: "text" });
    // "1,200", "10万" and "12%" are numbers, not text
    expect(detectHeader([["1,200", "10万"], ["3", "4"]]).headerRow).toBe(-1);
  });

  test("3. distinct labels over text-only data", () => {
    expect(detectHeader([["Name", "Stage"], ["Acme", "committed"], ["Beta", "hesitant"]])).toMatchObject({ headerRow: 0, rule: "distinct" });
    // a first row that repeats below is data
    expect(detectHeader([["Acme", "committed"], ["Acme", "hesitant"]]).headerRow).toBe(-1);
  });

  test("4. no header: numbers only, a single row, a half-empty first row", () => {
    expect(detectHeader([[1, 2], [3, 4]])).toEqual({ headerRow: -1, rule: "none", matched: 0 });
    expect(detectHeader([["Name", "Revenue"]]).headerRow).toBe(-1);
    expect(detectHeader([["x", "", "", ""], [1, 2, 3, 4]]).headerRow).toBe(-1);
  });
});

describe("snapshot values", () => {
  test("each kind of cell is recreated by what is written back", () => {
    expect(restoreValueOf("", "", "Empty", "General")).toBe("");
    expect(restoreValueOf(5, 5, "Double", "General")).toBe(5);
    expect(restoreValueOf(true, true, "Boolean", "General")).toBe(true);
    expect(restoreValueOf("#N/A", "#N/A", "Error", "General")).toBe("#N/A");
    expect(restoreValueOf("abc", "abc", "String", "General")).toBe("abc");
    expect(restoreValueOf("123", "123", "String", "General")).toBe("'123");
    expect(restoreValueOf("123", "123", "String", "@")).toBe("123");
    expect(restoreValueOf("=x", "=x", "String", "General")).toBe("'=x"); // text that starts with "="
    expect(restoreValueOf("hello", "=A1", "String", "General")).toBe("=A1"); // a formula returning text
    expect(restoreValueOf("#DIV/0!", "=1/0", "Error", "General")).toBe("=1/0");
  });

  test("captureBlock counts non-empty cells and compresses uniform formats", () => {
    const { block, nonEmpty } = captureBlock(3, {
      values: [["", 1], ["", "x"]],
      formulas: [["", 1], ["=B1", "x"]],
      valueTypes: [["Empty", "Double"], ["Empty", "String"]],
      numberFormat: [["General", "0%"], ["General", "@"]],
    });
    expect(nonEmpty).toBe(3);
    expect(block).toEqual({
      start: 3,
      count: 2,
      columns: [
        { restore: ["", "=B1"], numberFormat: "General" },
        { restore: [1, "x"], numberFormat: ["0%", "@"] },
      ],
    });
  });
});

describe("conditional format formulas", () => {
  test("labels are quoted for formulas", () => {
    expect(formulaString("A")).toBe('"A"');
    expect(formulaString('say "hi"')).toBe('"say ""hi"""');
  });

  test("the bad-row rule", () => {
    expect(badRowFormula(["grade", "reason"], 5, 1, [2, 3], "no data")).toBe('=AND($F2="",$G2<>"",$G2<>"no data")');
    expect(badRowFormula(["grade", "score"], 7, 0, [0, 4], "no data")).toBe('=AND($H1="",COUNTA($A1,$E1)>0)');
    expect(badRowFormula(["score", "reason"], 3, 1, [0], "无数据")).toBe('=AND($D2="",$E2<>"",$E2<>"无数据")');
    expect(badRowFormula(["reason"], 3, 1, [0], "no data")).toBeNull();
  });
});
