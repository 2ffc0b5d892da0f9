/**
 * "Write grades as formulas" over number text (`1,200`, `10万`): the cells are named by address
 * (`textNumbersIn`), and with `writeTextNumbers` apply first writes them as the engine's numbers,
 * then the formulas, in one undo entry. HyperFormula recalculates the written sheet: the formulas
 * give the engine's grades and scores on every row; undo restores the text and removes the formulas.
 */
import type { Template } from "../../src/engine";
import { createWorkbookActions, textNumbersIn } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { differing, recalc } from "../support/formula-recalc";
import { oracle, seededHost } from "./helpers";

async function setUp(id: string, table: unknown[][]) {
  const template = getBuiltinTemplate(id) as Template;
  const host = seededHost(table);
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(template);
  return { template, host, actions, read, before: host.snapshot() };
}

const PIPELINE = [
  ["Customer", "Expected months to close", "Expected monthly deal amount"],
  ["甲", 2, 60000],
  ["乙", 8, "'1,200"],
  ["丙", 3, "10万"],
  ["丁", 20, 1000],
  ["戊", "abc", 5],
  ["己", 12, ""],
];

test("sales-pipeline: the text numbers are named; written as numbers, the formulas give the engine's grades; undo restores the text", async () => {
  const { template, host, actions, read, before } = await setUp("sales-pipeline", PIPELINE);
  const named = textNumbersIn(template, read.table, (c) => read.rows.map((r) => r[c]), read.match.mapping);
  expect(named.map((x) => [x.address, x.text, x.value])).toEqual([
    ["Data!C3", "1,200", 1200],
    ["Data!C4", "10万", 100000],
  ]);
  // the engine's grades of the table as it was (text read as numbers)
  const engine = oracle(template, read.rows, read.match.mapping);
  expect(engine.grade(1)).not.toBeNull();

  const res = await actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true, writeTextNumbers: true });
  expect(res.status).toBe("applied");
  expect(host.getValues("Data", "C3:C4")).toEqual([[1200], [100000]]);
  expect(host.getFormulas("Data", "D2:D7").every(([f]) => typeof f === "string" && f.startsWith("=IF("))).toBe(true);
  const shown = recalc(host, "Data", 3, 1, 6);
  expect(differing(engine, shown, false)).toEqual([]);
  expect(shown.map((r) => r[0])).toContain("#VALUE!"); // the junk row stays an error, as in the engine

  const undo = await actions.undoLastApply();
  expect(undo.restored).toBe(true);
  expect(host.snapshot()).toEqual(before);
  expect(host.getValues("Data", "C3:C4")).toEqual([["1,200"], ["10万"]]);
  expect(host.getFormulas("Data", "D2:D7").flat()).toEqual(["", "", "", "", "", ""]);
});

test("sales-pipeline: without writeTextNumbers the same cells are refused and nothing is written", async () => {
  const { template, host, actions, read, before } = await setUp("sales-pipeline", PIPELINE);
  await expect(actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true })).rejects.toThrow("C3 '1,200', C4 '10万'");
  expect(host.snapshot()).toEqual(before);
});

test("a number edited after the apply is named by undo before it restores anything", async () => {
  const { template, host, actions, read } = await setUp("sales-pipeline", PIPELINE);
  await actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true, writeTextNumbers: true });
  host.setValues("Data", "C4", [[7]]);
  const undo = await actions.undoLastApply();
  expect(undo).toMatchObject({ restored: false, editedCount: 1, edited: [{ address: "Data!C4", now: "7" }] });
});

test("a Text-formatted cell gets a number (General) and its text and format back on undo", async () => {
  const { template, host, actions, read, before } = await setUp("sales-pipeline", PIPELINE);
  await host.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Data").getRange("C4").numberFormat = [["@"]];
    await ctx.sync();
  });
  const formatted = host.snapshot();
  expect(formatted).not.toEqual(before);
  await actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true, writeTextNumbers: true });
  expect(host.getValues("Data", "C4")).toEqual([[100000]]);
  await actions.undoLastApply();
  expect(host.snapshot()).toEqual(formatted);
});

const SCORE_HEADERS = ["Quantity bought", "Average price bought", "Number of brands/specs", "Cooperation", "Growth", "Law grade"];
const SCORE_ROWS = [
  [1000, 20, 50, 15, 10, "A"],
  [500, 10, 25, 10, 5, "B"],
  ["'1,200", 16, 40, 12, 8, "A"],
  [800, 16, 40, 12, 8, "C"],
  [100, 10, 10, 0, 0, "B"],
  [300, 12, 30, 14, 9, "D"],
];

test("tobacco-retail-score (population): the one text number is named; after writing it as a number every row matches the engine", async () => {
  const table = [SCORE_HEADERS, ...SCORE_ROWS];
  const { template, host, actions, read, before } = await setUp("tobacco-retail-score", table);
  const named = textNumbersIn(template, read.table, (c) => read.rows.map((r) => r[c]), read.match.mapping);
  expect(named.map((x) => x.address)).toEqual(["Data!A4"]);
  expect(read.rows[2][0]).toBe("1,200");
  const engine = oracle(template, read.rows, read.match.mapping);
  expect(engine.grade(2)).not.toBeNull();

  const res = await actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true, writeTextNumbers: true });
  expect(res.status).toBe("applied");
  const shown = recalc(host, "Data", 6, 2, SCORE_ROWS.length);
  expect(shown.every(([g]) => typeof g === "string" && !g.startsWith("#"))).toBe(true);
  expect(differing(engine, shown, true)).toEqual([]);

  await actions.undoLastApply();
  expect(host.snapshot()).toEqual(before);
});
