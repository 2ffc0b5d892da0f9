/**
 * Large tables: syncs per 20,000-row block, batch sizes under Excel on the web's 5 MB limit,
 * formatting operations independent of the row count, progress and cancellation.
 *
 * Sync bound for apply: 1 (locate the table) + 1 (probe: header row, row size) + one per read
 * block + one per write block + 1 (formats) = 2 * ceil(rows / 20000) + 3 when every block holds
 * 20,000 rows (short rows; wide or long rows make blocks smaller by bytes, never larger).
 */
import { createWorkbookActions, type ApplyResult } from "../../src/excel";
import { MAX_BLOCK_ROWS, PAYLOAD_LIMIT_BYTES } from "../../src/excel/batching";
import type { ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { col, oracle, seededHost } from "./helpers";

const pipeline = getBuiltinTemplate("sales-pipeline")!;
const LIMIT = PAYLOAD_LIMIT_BYTES;

/** n pipeline rows; every 1000th has junk, every 997th is blank (so bad rows grow with n too). */
function pipelineRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [["Customer", "Expected months to close", "Expected monthly deal amount"]];
  for (let i = 0; i < n; i++) {
    if (i % 997 === 996) rows.push(["", "", ""]);
    else if (i % 1000 === 999) rows.push([`Customer ${i}`, "soon", 1000]);
    else rows.push([`Customer ${i}`, (i % 24) + 1, (i * 7919) % 150000]);
  }
  return rows;
}

function assertBatchesUnderLimit(host: ExcelHost): void {
  for (const b of host.stats.batches) {
    expect(b.requestBytes).toBeLessThan(LIMIT);
    expect(b.responseBytes).toBeLessThan(LIMIT);
  }
}

async function applyAt(n: number, withTable: boolean): Promise<{ host: ExcelHost; res: ApplyResult; syncs: number; formatOps: number }> {
  const host = seededHost(pipelineRows(n));
  const actions = createWorkbookActions(host.Excel);
  const table = withTable ? (await actions.readSelection(pipeline)).table : undefined; // what the task pane passes
  const mapping = { closeMonths: 1, monthlyAmount: 2 };
  host.resetStats();
  const res = await actions.apply({ template: pipeline, mapping, table });
  return { host, res, syncs: host.stats.syncs, formatOps: host.stats.formatOps };
}

describe("scale", () => {
  test("sales-pipeline at 10,000 and 100,000 rows: syncs per block, batches < 5 MB, constant format operations", async () => {
    const small = await applyAt(10_000, true);
    const big = await applyAt(100_000, true);
    for (const [n, { host, res, syncs }] of [
      [10_000, small],
      [100_000, big],
    ] as const) {
      expect(res).toMatchObject({ status: "applied", rowsGraded: n });
      const blocks = Math.ceil(n / MAX_BLOCK_ROWS);
      // locate + probe + (read + write) per block + formats
      expect(syncs).toBe(2 * blocks + 3);
      assertBatchesUnderLimit(host);
      // suspended calculation and screen updating on every batch that writes
      for (const b of host.stats.batches.filter((x) => x.cellsWritten > 0 || x.formatOps > 0)) {
        expect(b.suspendedCalculation).toBe(true);
        expect(b.suspendedScreenUpdating).toBe(true);
      }
      // values first, formats after: all formats come in one last batch that writes no values
      const withFormats = host.stats.batches.filter((b) => b.formatOps > 0);
      expect(withFormats).toHaveLength(1);
      expect(withFormats[0].cellsWritten).toBe(0);
      expect(host.stats.batches.indexOf(withFormats[0])).toBe(host.stats.batches.length - 1);
    }
    expect(big.formatOps).toBe(small.formatOps);
    expect(big.host.stats.formatOpsByKind).toEqual(small.host.stats.formatOpsByKind);
    // the bad rows grew with the table, the formatting did not
    if (big.res.status === "applied" && small.res.status === "applied") {
      expect(big.res.errors).toBeGreaterThan(small.res.errors * 5);
      expect(big.res.badRows[0]).toEqual({ row: 999, address: "Data!B1001", reason: "Expected months to close: 'soon' is not a number" });
    }
    // spot checks against the engine
    const rows = big.host.getValues("Data", "A2:C100001");
    const expected = oracle(pipeline, rows, { closeMonths: 1, monthlyAmount: 2 });
    for (const i of [0, 1, 996, 999, 19_999, 20_000, 55_555, 99_999]) {
      expect(big.host.getValues("Data", `D${i + 2}:E${i + 2}`)[0]).toEqual([expected.grade(i) ?? "", expected.reason(i, "en")]);
    }
    expect(big.host.getCell("Data", "D2").effectiveFill).toBe(expected.row(0).color);
    expect(big.host.getCell("Data", "E1001").effectiveFill).toBe("#FFC7CE");
  });

  test("from a single selected cell, blank rows inside the table cost one more pass: <= 3 syncs per block + 4", async () => {
    const n = 100_000;
    const { host, res, syncs } = await applyAt(n, false);
    expect(res).toMatchObject({ status: "applied", rowsGraded: n, address: `Data!D1:E${n + 1}` });
    // the region around A1 ends at the first blank row (997); the rest is found in 20,000-row
    // blocks (plus one 4-row window): locate + window + blocks + probe + read + write + formats
    expect(syncs).toBeLessThanOrEqual(3 * Math.ceil(n / MAX_BLOCK_ROWS) + 4);
    assertBatchesUnderLimit(host);
  });

  test("readSelection and undo at 100,000 rows stay within one sync per block (+ constant)", async () => {
    const n = 100_000;
    const host = seededHost(pipelineRows(n));
    const actions = createWorkbookActions(host.Excel);
    const before = host.snapshot();
    host.resetStats();
    const read = await actions.readSelection(pipeline);
    expect(read.rows).toHaveLength(n);
    // locate + (window + blocks to cross the blank rows) + probe + one per block
    expect(host.stats.syncs).toBeLessThanOrEqual(2 * Math.ceil(n / MAX_BLOCK_ROWS) + 3);
    assertBatchesUnderLimit(host);

    const res = await actions.apply({ template: pipeline, mapping: read.match.mapping, table: read.table });
    expect(res.status).toBe("applied");
    host.resetStats();
    await actions.undoLastApply();
    // 1 (workbook, sheets) + one per captured block (header row + 5 data blocks) + 1 (formats)
    expect(host.stats.syncs).toBeLessThanOrEqual(Math.ceil(n / MAX_BLOCK_ROWS) + 1 + 2);
    assertBatchesUnderLimit(host);
    expect(host.snapshot()).toEqual(before);
  });

  test("long reasons: blocks shrink to stay under 5 MB (pharma-score, 15 inputs, Chinese reasons)", async () => {
    const t = getBuiltinTemplate("pharma-score")!;
    const header = t.fields.map((f) => f.label.zh);
    const rows: unknown[][] = [header];
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      rows.push(
        t.fields.map((f) => {
          if (f.type === "yesno") return i % 3 ? "是" : "否";
          if (f.type === "category") return f.categories![i % f.categories!.length].label.zh;
          if (f.key === "grossMargin" || f.key === "keyProductShare") return ((i % 60) + 1) / 100;
          if (f.key === "otherScore") return i % 11;
          return 1000 + ((i * 31) % 9000);
        }),
      );
    }
    const host = seededHost(rows);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    expect(read.match.missing).toEqual([]);
    host.resetStats();
    const res = await actions.apply({ template: t, mapping: read.match.mapping, lang: "zh-CN", table: read.table });
    expect(res.status).toBe("applied");
    assertBatchesUnderLimit(host);
    const writes = host.stats.batches.filter((b) => b.cellsWritten > 0);
    expect(Math.max(...writes.map((b) => b.requestBytes))).toBeGreaterThan(LIMIT / 2); // blocks are cut by bytes, not rows
    const expected = oracle(t, read.rows, read.match.mapping);
    const reasonCol = col(header.length + 2); // grade, score, reason after the inputs
    expect(host.getValues("Data", `${reasonCol}${n + 1}`)[0][0]).toBe(expected.reason(n - 1, "zh-CN"));
    expect(host.getValues("Data", `${reasonCol}2`)[0][0]).toBe(expected.reason(0, "zh-CN"));
  });

  test("a block whose rows are longer than the probe suggested is read again in halves", async () => {
    const t = getBuiltinTemplate("spend-5")!;
    const rows: unknown[][] = [["Annual spend", "Notes"]];
    for (let i = 0; i < 3000; i++) rows.push([i * 100, i < 40 ? "short" : "長".repeat(1200) + i]);
    const host = seededHost(rows);
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    expect(read.rows).toHaveLength(3000);
    expect(read.rows[2999][1]).toBe("長".repeat(1200) + 2999);
    expect(host.stats.batches.some((b) => b.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    for (const b of host.stats.batches.filter((x) => !x.error)) expect(b.responseBytes).toBeLessThan(LIMIT);
  });

  test("progress after each block; cancelling between blocks stops, and what was written can be undone", async () => {
    const host = seededHost(pipelineRows(60_000));
    const actions = createWorkbookActions(host.Excel);
    const before = host.snapshot();
    const progress: [number, number][] = [];
    const controller = new AbortController();
    const res = await actions.apply({
      template: pipeline,
      mapping: { closeMonths: 1, monthlyAmount: 2 },
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (done >= 40_000) controller.abort();
      },
      signal: controller.signal,
    });
    expect(progress).toEqual([
      [20_000, 60_000],
      [40_000, 60_000],
    ]);
    expect(res).toMatchObject({ status: "cancelled", address: "Data!D1:E40001", rowsGraded: 40_000 });
    expect(host.getValues("Data", "D40001:D40002")).toEqual([[expect.any(String)], [""]]);
    expect(host.snapshot().sheets[0].conditionalFormats).toEqual([]);
    expect(await actions.canUndo()).toBe(true);
    await actions.undoLastApply();
    expect(host.snapshot()).toEqual(before);
  });

  test("an aborted signal before writing leaves the workbook as it was", async () => {
    const host = seededHost(pipelineRows(100));
    const actions = createWorkbookActions(host.Excel);
    const before = host.snapshot();
    const controller = new AbortController();
    controller.abort();
    const res = await actions.apply({ template: pipeline, mapping: { closeMonths: 1, monthlyAmount: 2 }, signal: controller.signal });
    expect(res.status).toBe("cancelled");
    expect(host.snapshot()).toEqual(before);
    expect(await actions.canUndo()).toBe(false);
  });
});
