/**
 * "Write grades as formulas" refuses, by name and before writing anything, the cells the formulas
 * would read differently from the engine: a unit in a number column's header, and number text
 * (`1,200`, `10万`, `¥1,200`) that the engine reads and the formulas cannot.
 */
import { createWorkbookActions } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { seededHost } from "./helpers";

async function applyPortable(table: unknown[][]) {
  const template = getBuiltinTemplate("spend-5")!;
  const host = seededHost(table);
  host.setSelection("Data", "A1");
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(template);
  const before = host.snapshot();
  const run = actions.apply({ template, table: read.table, mapping: read.match.mapping, portable: true });
  return { host, before, run, actions, template, read };
}

test("number text the engine reads is named, and nothing is written", async () => {
  const { host, before, run } = await applyPortable([["Customer", "年消费额"], ["a", 600000], ["b", "¥1,200"], ["c", "10万"], ["d", "abc"]]);
  await expect(run).rejects.toThrow("2 number cell(s) hold text that GradeKit reads as a number but formulas cannot: B3 '¥1,200', B4 '10万'");
  expect(host.snapshot()).toEqual(before);
});

test("a unit in the header is named; grading as values still works and scales", async () => {
  const { host, before, run, actions, template, read } = await applyPortable([["Customer", "年消费额（万元）"], ["a", 60], ["b", 12]]);
  await expect(run).rejects.toThrow('without the unit in the header of B "年消费额（万元）" (万元)');
  expect(host.snapshot()).toEqual(before);
  const res = await actions.apply({ template, table: read.table, mapping: read.match.mapping });
  expect(res.status).toBe("applied");
  expect(host.getValues("Data", "C2:C3").map((r) => r[0])).toEqual(["VIP", "Gold"]);
});

test("plain numbers (and junk, which the formulas also show as #VALUE!) are written as formulas", async () => {
  const { run } = await applyPortable([["Customer", "年消费额"], ["a", 600000], ["b", "abc"]]);
  expect((await run).status).toBe("applied");
});
