/**
 * Whole-table evaluation (typed-array vectors, used for grading) and per-row closures (used for
 * reasons) must agree: a reason's points are the points that made the grade.
 */
import * as fc from "fast-check";
import { compileTemplate, type Template } from "../../src/engine";
import { criterionPoints, criterionVector } from "../../src/engine/kinds/scorecard/points";
import type { ModelContext } from "../../src/engine/kinds/types";
import { parseTable } from "../../src/engine/input/table";
import { BUILTIN_TEMPLATES } from "../../src/templates";

const scorecards = BUILTIN_TEMPLATES.filter((t) => t.model.kind === "scorecard");

function contextFor(t: Template, rows: unknown[][]): ModelContext {
  const compiled = compileTemplate(t);
  const parsed = parseTable(t, { rows, fields: t.fields.map((f) => f.key) });
  const valid = new Uint8Array(parsed.n).map((_, i) => (parsed.bad[i] === 0 && parsed.blankCount[i] < parsed.fieldCount ? 1 : 0));
  return {
    columns: parsed.columns,
    params: compiled.params,
    template: t,
    grades: compiled.grades,
    gradeIndex: compiled.gradeIndex,
    n: parsed.n,
    valid,
    gradeName: () => "",
  };
}

/** A cell a user might type into a number field: numbers around the thresholds, blanks, text. */
const cell = fc.oneof(
  fc.double({ min: -1000, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 400 }),
  fc.constantFrom(0, 0.29, 0.4, 0.45, 0.5, 0.55, 0.6, 90, 91, 365, 366, "", "10万", "12.5%", "yes", "no", "planned", "consulted", "other", "government", "private"),
);

describe.each(scorecards.map((t) => [t.id, t] as const))("%s: vectors equal per-row points", (_id, t) => {
  test("every criterion, random tables", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: t.fields.length, maxLength: t.fields.length }), { minLength: 1, maxLength: 30 }), (rows) => {
        const ctx = contextFor(t, rows);
        if (t.model.kind !== "scorecard") return;
        for (const c of t.model.criteria) {
          const vec = criterionVector(c, ctx);
          const fn = criterionPoints(c, ctx);
          for (let i = 0; i < ctx.n; i++) {
            if (ctx.valid[i] !== 1) continue;
            expect(vec[i]).toBeCloseTo(fn(i), 12);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
