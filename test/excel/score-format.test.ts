/** Written scores show two decimals (93.67) where the cell had no format; the cell keeps full precision; a format of the user's stays; undo restores. */
import { fmtScore } from "../../src/engine";
import { createWorkbookActions, SCORE_FORMAT } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { oracle, sample, seededHost } from "./helpers";

test("fmtScore: two decimals at most, grouped", () => {
  expect(fmtScore(93.66666666666667)).toBe("93.67");
  expect(fmtScore(85.25)).toBe("85.25");
  expect(fmtScore(90)).toBe("90");
  expect(fmtScore(1234.5678)).toBe("1,234.57");
});

test("score cells: 0.00 over General, full precision in the cell, the user's format kept, undo restores", async () => {
  const t = getBuiltinTemplate("pharma-score")!;
  const s = sample("pharma-score");
  const h = seededHost([s.headers, ...s.rows]);
  const actions = createWorkbookActions(h.Excel);
  const read = await actions.readSelection(t);
  const before = h.snapshot();
  const width = s.headers.length;
  const col = (k: number) => String.fromCharCode(65 + width + k); // grade, score, reason after the table
  h.setFormat("Data", `${col(1)}3`, { numberFormat: "0.0" });
  const withFormat = h.snapshot();
  const res = await actions.apply({ template: t, mapping: read.match.mapping, table: read.table });
  expect(res.status).toBe("applied");
  const want = oracle(t, read.rows, read.match.mapping);
  expect(h.getValues("Data", `${col(0)}1:${col(1)}1`)).toEqual([["Grade", "Score"]]);
  const first = h.getCell("Data", `${col(1)}2`);
  expect(first.value).toBe(want.score(0));
  expect(String(want.score(0))).toMatch(/\.\d{3,}/); // a score with more than two decimals, kept whole
  expect(first.numberFormat).toBe(SCORE_FORMAT);
  expect(h.getCell("Data", `${col(1)}3`).numberFormat).toBe("0.0");
  await actions.undoLastApply();
  expect(h.snapshot()).toEqual(withFormat);
  expect(withFormat).not.toEqual(before);
});
