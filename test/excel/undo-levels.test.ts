/**
 * Undo a user can trust (issue 18): several levels (the last UNDO_LEVELS applies, newest first),
 * the summary sheet written after an apply goes with its undo, and cells edited since an apply are
 * named (address, what is there now) before undo puts the old contents back over them.
 */
import { createWorkbookActions, type WorkbookActions } from "../../src/excel";
import { UNDO_LEVELS } from "../../src/excel/apply/state";
import type { ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { sample, seededHost } from "./helpers";

const pipeline = getBuiltinTemplate("sales-pipeline")!;
const s = sample("sales-pipeline"); // A1:E16, outputs go to F:G

async function setup(): Promise<{ h: ExcelHost; actions: WorkbookActions; mapping: Record<string, number>; table: Awaited<ReturnType<WorkbookActions["readSelection"]>>["table"] }> {
  const h = seededHost([s.headers, ...s.rows]);
  h.setSelection("Data", "A1:E16");
  const actions = createWorkbookActions(h.Excel);
  const read = await actions.readSelection(pipeline);
  return { h, actions, mapping: read.match.mapping, table: read.table };
}

test(`${UNDO_LEVELS + 2} applies: the newest ${UNDO_LEVELS} are undone one by one, newest first, each back to the state before it`, async () => {
  const { h, actions, mapping, table } = await setup();
  expect(UNDO_LEVELS).toBeGreaterThanOrEqual(10);
  const states = [h.snapshot()];
  const n = UNDO_LEVELS + 2;
  for (let i = 0; i < n; i++) {
    // alternate between fresh columns and re-applying over the previous output (with reasons)
    const targetColumn = 5 + 3 * Math.floor(i / 2);
    const r = await actions.apply({ template: pipeline, mapping, table, targetColumn, outputs: { grade: true, score: true, reason: i % 2 === 1 }, confirmOverwrite: true });
    expect(r.status).toBe("applied");
    states.push(h.snapshot());
  }
  for (let k = 0; k < UNDO_LEVELS; k++) {
    expect(await actions.canUndo()).toBe(true);
    const r = await actions.undoLastApply();
    expect(r).toMatchObject({ restored: true });
    expect(r.edited).toBeUndefined();
    expect(r.remaining ?? 0).toBe(UNDO_LEVELS - k - 1);
    expect(h.snapshot()).toEqual(states[n - k - 1]);
  }
  expect(await actions.canUndo()).toBe(false);
  expect(await actions.undoLastApply()).toEqual({ restored: false });
  expect(h.snapshot()).toEqual(states[n - UNDO_LEVELS]);
});

test("formulas written by an apply are not taken for edits; undo of a formula apply after a value apply", async () => {
  const { h, actions, mapping, table } = await setup();
  // amounts typed as numbers (formulas cannot read "10万")
  h.setValues("Data", "D4", [[100000]]);
  h.setValues("Data", "D11", [[48000]]);
  const before = h.snapshot();
  await actions.apply({ template: pipeline, mapping, table });
  const afterValues = h.snapshot();
  await actions.apply({ template: pipeline, mapping, table, portable: true, confirmOverwrite: true, targetColumn: 9 });
  expect(await actions.undoLastApply()).toMatchObject({ restored: true, remaining: 1 });
  expect(h.snapshot()).toEqual(afterValues);
  expect(await actions.undoLastApply()).toMatchObject({ restored: true });
  expect(h.snapshot()).toEqual(before);
});

test("the summary sheet written after an apply is deleted with its undo; the apply before it stays undoable", async () => {
  const { h, actions, mapping, table } = await setup();
  const before = h.snapshot();
  await actions.apply({ template: pipeline, mapping, table });
  const afterFirst = h.snapshot();
  await actions.apply({ template: pipeline, mapping, table, targetColumn: 9 });
  const summary = await actions.writeSummary({ template: pipeline, mapping, table });
  expect(h.snapshot().sheets.map((x) => x.name)).toContain(summary.sheet);
  const r = await actions.undoLastApply();
  expect(r).toMatchObject({ restored: true, removedSheets: [summary.sheet], remaining: 1 });
  const now = h.snapshot();
  expect(now.sheets.map((x) => x.name)).not.toContain(summary.sheet);
  expect(now.sheets).toEqual(afterFirst.sheets);
  await actions.undoLastApply();
  expect(h.snapshot().sheets).toEqual(before.sheets);
});

test("cells edited since the apply are named before undo overwrites them; confirmed, undo restores", async () => {
  const { h, actions, mapping, table } = await setup();
  const before = h.snapshot();
  await actions.apply({ template: pipeline, mapping, table });
  h.setValues("Data", "F3", [["my grade"]]);
  h.setFormulas("Data", "G5", [["=1+1"]]);
  h.setValues("Data", "G1", [[""]]);
  const edited = h.snapshot();

  const ask = await actions.undoLastApply();
  expect(ask).toEqual({
    restored: false,
    address: "Data!F1:G16",
    editedCount: 3,
    edited: [
      { address: "Data!G1", now: "" },
      { address: "Data!F3", now: "my grade" },
      { address: "Data!G5", now: "=1+1" },
    ],
  });
  expect(h.snapshot()).toEqual(edited); // nothing restored without confirmation
  expect(await actions.canUndo()).toBe(true);

  expect(await actions.undoLastApply({ confirmEdits: true })).toMatchObject({ restored: true, address: "Data!F1:G16" });
  expect(h.snapshot()).toEqual(before);
});

test("more than five edits: five named, all counted", async () => {
  const { h, actions, mapping, table } = await setup();
  await actions.apply({ template: pipeline, mapping, table });
  for (let r = 2; r <= 9; r++) h.setValues("Data", `F${r}`, [[r]]);
  const ask = await actions.undoLastApply();
  expect(ask.editedCount).toBe(8);
  expect(ask.edited).toHaveLength(5);
  expect(ask.edited![0]).toEqual({ address: "Data!F2", now: "2" });
});
