/**
 * Ad-hoc bands typed in the editor: each row's threshold belongs to its label, so rows out of order
 * are refused with a sentence naming both rows (issue 18: "A from 100000, B from 200000" graded
 * 100000 as B), in English and Chinese; rows in order still build.
 */
import { gradeTable } from "../../src/engine";
import { buildFromRows } from "../../src/taskpane/adhoc";
import { describeProblem } from "../../src/taskpane/components/AdhocEditor";
import { translate } from "../../src/taskpane/i18n";
import { tr, type Lang } from "../../src/engine";

const say = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);

test("higher is better: a threshold above the one before it is refused, named in both languages", () => {
  const r = buildFromRows("bands", [
    { label: "A", value: "100000" },
    { label: "B", value: "200000" },
    { label: "C", value: "" },
  ]);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems).toEqual([{ code: "thresholdOrderHigher", row: 1, text: "200000", label: "B", prevLabel: "A", prevText: "100000" }]);
  const en = describeProblem(r.problems[0], say("en"), (x) => (x ? tr(x, "en") : ""));
  expect(en).toBe(
    "“B” starts at 200000, which is not below “A” (100000). With higher is better, list the grades best first, each threshold lower than the one above it.",
  );
  const zh = describeProblem(r.problems[0], say("zh-CN"), (x) => (x ? tr(x, "zh-CN") : ""));
  expect(zh).toBe("“B”的下限 200000 不低于上一级“A”的 100000。越高越好时，请从最好的等级开始排列，每一级的阈值都低于上一级。");
});

test("lower is better: thresholds must increase; in order they build and grade as shown", () => {
  const bad = buildFromRows("bands", [{ label: "Fast", value: "30" }, { label: "OK", value: "10" }, { label: "Late", value: "" }], { direction: "lower" });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.problems.map((p) => p.code)).toEqual(["thresholdOrderLower"]);

  const good = buildFromRows("bands", [{ label: "Fast", value: "10" }, { label: "OK", value: "30" }, { label: "Late", value: "" }], { direction: "lower" });
  if (!good.ok) throw new Error("expected a template");
  const g = gradeTable(good.template, { columns: { value: [10, 11, 30, 31] } });
  expect([0, 1, 2, 3].map((i) => g.grade(i))).toEqual(["Fast", "OK", "OK", "Late"]);
});

test("rows in order (the defaults, 10万 notation) build; the grade shown on screen is the grade given", () => {
  const r = buildFromRows("bands", [{ label: "A", value: "20万" }, { label: "B", value: "100,000" }, { label: "C", value: "" }]);
  if (!r.ok) throw new Error("expected a template");
  const g = gradeTable(r.template, { columns: { value: [200000, 100000, 99999] } });
  expect([0, 1, 2].map((i) => g.grade(i))).toEqual(["A", "B", "C"]);
});
