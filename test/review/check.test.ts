/** The template checker on the `review` property: the tobacco template passes; bad review data is reported with a path. */
import { checkTemplate, parseTemplateJson, type Template } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";

const base = getBuiltinTemplate("tobacco-retail-score")!;
const withReview = (review: unknown): unknown => ({ ...JSON.parse(JSON.stringify(base)), review });
const issues = (v: unknown) => checkTemplate(v).issues.map((i) => `${i.severity} ${i.path} ${i.code}`);

describe("checker: review", () => {
  test("tobacco-retail-score with its review data: no issues; its JSON round-trips", () => {
    expect(base.review).toBeDefined();
    expect(checkTemplate(base).issues).toEqual([]);
    expect(parseTemplateJson(JSON.stringify(base)).issues).toEqual([]);
  });

  test("shape errors come with a path (zod)", () => {
    const r = checkTemplate(withReview({ ...base.review, periods: 0 }));
    expect(r.ok).toBe(false);
    expect(r.issues[0].path).toBe("review.periods");
    expect(issues(withReview({ ...base.review, raise: [{ when: { field: "purchaseQty", op: ">=", value: { bound: "middle" } } }] }))[0]).toMatch(/^error review\.raise\[0\]\.when/);
    expect(issues(withReview({ ...base.review, extra: 1 }))[0]).toMatch(/^error review /);
  });

  test("unknown fields, grades, values and parameters", () => {
    const r = base.review!;
    expect(issues(withReview({ ...r, raise: [{ when: { field: "qty", op: ">=", value: 1 } }] }))).toContain("error review.raise[0].when.field unknownField");
    expect(issues(withReview({ ...r, caps: [{ grade: "9", when: { field: "lawGrade", is: "C" } }] }))).toContain("error review.caps[0].grade unknownGrade");
    expect(issues(withReview({ ...r, caps: [{ grade: "2", when: { field: "lawGrade", is: "E" } }] }))).toContain("error review.caps[0].when unknownValue");
    expect(issues(withReview({ ...r, lower: [{ when: { field: "lawGrade", op: "<", value: 1 } }] }))).toContain("error review.lower[0].when.field fieldType");
    expect(issues(withReview({ ...r, bounds: [{ grade: "8", lower: { param: "nope" }, upper: 300 }] }))).toContain("error review.bounds[0].lower unknownParam");
    expect(issues(withReview({ ...r, lower: [{ when: { field: "purchaseQty", op: "<", value: 1 }, to: { fn: "mean", field: "lawGrade" } }] }))).toContain("error review.lower[0].to.field fieldType");
  });

  test("bounds: order like the grades, lower <= upper, present when rules use them", () => {
    const r = base.review!;
    const swapped = r.bounds!.map((b) => (b.grade === "7" ? { ...b, lower: 250, upper: 260 } : b));
    expect(issues(withReview({ ...r, bounds: swapped }))).toContain("error review.bounds[1] boundsOrder");
    expect(issues(withReview({ ...r, bounds: [{ grade: "8", lower: 300, upper: 200 }, ...r.bounds!.slice(1)] }))).toContain("error review.bounds[0] range");
    expect(issues(withReview({ ...r, bounds: undefined }))).toContain("error review.bounds noBounds");
    expect(issues(withReview({ ...r, bounds: r.bounds!.slice(0, 7) }))).toContain("warning review.bounds missingBounds");
    expect(issues(withReview({ ...r, bounds: [...r.bounds!, r.bounds![0]] }))).toContain("error review.bounds[8].grade duplicate");
  });

  test("the review's fields count as used (no unusedField warning)", () => {
    const t: Template = {
      ...JSON.parse(JSON.stringify(getBuiltinTemplate("bocom-tier"))),
      fields: [...getBuiltinTemplate("bocom-tier")!.fields, { key: "visits", label: { en: "Visits", zh: "到访" }, type: "number", required: false }],
      review: { periods: 2, raise: [{ when: { field: "visits", op: ">=", value: 3 } }] },
    };
    expect(checkTemplate(t).issues).toEqual([]);
  });

  test("Chinese messages too", () => {
    const r = checkTemplate(withReview({ ...base.review, caps: [{ grade: "9", when: { field: "lawGrade", is: "C" } }] }));
    expect(r.issues.find((i) => i.code === "unknownGrade")!.message.zh).toBe("未知等级“9”");
  });
});
