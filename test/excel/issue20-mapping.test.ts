/**
 * Issue 20's constructs through the task pane's route (readSelection → mapping → apply) on the
 * in-memory Excel: a computed measure is not a column to map (only fields are), a division by zero
 * is a bad row naming the measure, a deduction below zero is counted as 0 with the reason, and a
 * population threshold is taken over the rows of the selection.
 */
import * as fs from "fs";
import * as path from "path";
import { createWorkbookActions } from "../../src/excel";
import type { Template } from "../../src/engine";
import { seededHost, SAMPLES } from "./helpers";

const load = (id: string): Template => JSON.parse(fs.readFileSync(path.join(SAMPLES, "custom", `${id}.json`), "utf8"));

test("customer value matrix: fields mapped by header, the measure is not asked for; grades and the bad row", async () => {
  const t = load("customer-value-matrix");
  const host = seededHost([
    ["Customer", "Purchases", "Total spend"],
    ["C01", 12, 6000],
    ["C02", 10, 2000],
    ["C03", 2, 1800],
    ["C04", 0, 50],
  ]);
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(t);
  expect(read.match.mapping).toEqual({ customer: 0, purchases: 1, spend: 2 });
  expect(read.match.missing).toEqual([]);
  const res = await actions.apply({ template: t, mapping: read.match.mapping });
  expect(res.status).toBe("applied");
  if (res.status !== "applied") return;
  // Over C01–C03: purchases mean 8, average purchase mean (500 + 200 + 900) / 3 = 533.33.
  expect(host.getValues("Data", "D2:D5").map((r) => r[0])).toEqual(["Frequent", "Frequent", "Spender", ""]);
  // A measure has no cell of its own: the bad row points at its grade cell.
  expect(res.badRows).toEqual([{ row: 3, address: "Data!D5", reason: "Average purchase: division by zero in Total spend 50 ÷ Purchases 0" }]);
});

test("driving licence points: a total below zero is 0, and the reason says so (Chinese)", async () => {
  const t = load("driving-licence-points");
  const host = seededHost([
    ["驾驶人", "记 12 分违法次数", "记 9 分违法次数", "记 6 分违法次数", "记 3 分违法次数", "记 1 分违法次数"],
    ["甲", 0, 1, 1, 0, 0],
    ["乙", 0, 0, 0, 1, 1],
  ]);
  const actions = createWorkbookActions(host.Excel);
  const read = await actions.readSelection(t);
  expect(read.match.mapping).toEqual({ driver: 0, n12: 1, n9: 2, n6: 3, n3: 4, n1: 5 });
  const res = await actions.apply({ template: t, mapping: read.match.mapping, lang: "zh-CN" });
  expect(res.status).toBe("applied");
  const out = host.getValues("Data", "G2:I3");
  expect(out.map((r) => [r[0], r[1]])).toEqual([
    ["须学习考试", 0],
    ["已扣分", 8],
  ]);
  expect(String(out[0][2])).toContain("总分 -3 低于 0，按 0 计");
});
