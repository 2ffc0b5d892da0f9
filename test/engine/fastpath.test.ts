/**
 * The fused kernel (number-only rule and band templates) and the generic path give the same
 * grades, scores, statuses and reasons for any cells.
 */
import * as fc from "fast-check";
import { gradeTable } from "../../src/engine";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

const eligible = BUILTIN_TEMPLATES.filter(
  (t) => (t.model.kind === "rules" || t.model.kind === "bands") && t.fields.every((f) => f.type === "number" && !f.requiredUnless) && !t.post?.length,
);

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 200000 }),
  fc.constantFrom(0, 3, 5, 6, 12, 10000, 20000, 50000, 100000, 200000, 500000, 500000.0000000001, 499999.99999999994, "", " ", null, undefined, "10万", "1,200", "abc", "-5", true, "#N/A"),
);

test("the fast path serves sales-pipeline, mfq-102a and spend-5", () => {
  expect(eligible.map((t) => t.id).sort()).toEqual(["mfq-102a", "sales-pipeline", "spend-5"]);
});

describe.each(eligible.map((t) => [t.id, t] as const))("%s: fast path = generic path", (_id, t) => {
  test("random tables", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: t.fields.length, maxLength: t.fields.length }), { maxLength: 40 }), (rows) => {
        const table = { rows, fields: t.fields.map((f) => f.key) };
        const fast = gradeTable(t, table);
        const slow = gradeTable(t, table, { fastPath: false });
        for (let i = 0; i < rows.length; i++) {
          expect(fast.row(i, "en")).toEqual(slow.row(i, "en"));
          expect(fast.reason(i, "zh-CN")).toBe(slow.reason(i, "zh-CN"));
        }
      }),
      { numRuns: 300 },
    );
  });
});

test("a band boundary is decided on the value as a person reads it, typed or as text", () => {
  const spend = getBuiltinTemplate("spend-5")!;
  for (const fastPath of [true, false]) {
    const r = gradeTable(spend, { rows: [[500000.0000000001], ["500000.0000000001"], [500000.01]], fields: ["annualSpend"] }, { fastPath });
    expect([r.grade(0), r.grade(1), r.grade(2)]).toEqual(["Platinum", "Platinum", "VIP"]);
  }
});
