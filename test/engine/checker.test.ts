/**
 * The template checker: what a person editing a template would miss (spec §5 Reading: "the
 * template checker must be able to say 'grade A unreachable'"), schema errors with paths, and
 * hostile JSON that must be rejected without throwing.
 */
import { checkTemplate, compileTemplate, parseTemplateJson, TemplateError, type CheckIssue, type Template } from "../../src/engine";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

/** A deep, mutable copy of a built-in template. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
const clone = (id: string): any => JSON.parse(JSON.stringify(getBuiltinTemplate(id)));

const errors = (issues: CheckIssue[]) => issues.filter((i) => i.severity === "error");
const find = (issues: CheckIssue[], code: string) => issues.filter((i) => i.code === code);

describe("grade A unreachable (pharma-score without otherScore)", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
  const t: any = clone("pharma-score");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
  t.fields = t.fields.filter((f: any) => f.key !== "otherScore");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
  t.model.criteria = t.model.criteria.filter((c: any) => !(c.scoring.field === "otherScore"));

  test("the eight source criteria add up to 90 points", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
    expect(t.model.criteria.reduce((s: number, c: any) => s + c.points, 0)).toBe(90);
  });

  test("the checker reports an error saying grade A is unreachable", () => {
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const hit = errors(res.issues).filter((i) => /\bA\b/.test(i.message.en) && /unreachable/i.test(i.message.en));
    expect(hit.length).toBeGreaterThanOrEqual(1);
    expect(hit[0].path).toContain("model.grading");
    // and in Chinese too
    expect(hit[0].message.zh).toMatch(/A/);
    expect(hit[0].message.zh).toMatch(/不可达|无法达到|达不到/);
  });

  test("compiling it throws a TemplateError (misuse), grading is refused", () => {
    expect(() => compileTemplate(t as Template)).toThrow(TemplateError);
  });

  test("the built-in pharma-score (with otherScore) has no such issue", () => {
    const res = checkTemplate(getBuiltinTemplate("pharma-score"));
    expect(res.ok).toBe(true);
    expect(res.issues.filter((i) => /unreachable/i.test(i.message.en))).toEqual([]);
  });
});

describe("checker findings", () => {
  test("gap below the last band when there is no default grade", () => {
    const t = clone("spend-5");
    delete t.model.otherwise;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const gap = find(errors(res.issues), "gap");
    expect(gap.length).toBe(1);
    expect(gap[0].path).toBe("model.bands");
    expect(gap[0].message.en).toContain("50,000");
  });

  test("gap between two bands (higher-is-better and lower-is-better thresholds, no default)", () => {
    const t = clone("spend-5");
    t.model.bands = [
      { grade: "VIP", op: ">=", value: 100 },
      { grade: "Regular", op: "<", value: 50 },
    ];
    delete t.model.otherwise;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const gap = find(errors(res.issues), "gap");
    expect(gap.length).toBe(1);
    expect(gap[0].message.en).toMatch(/50/);
    expect(gap[0].message.en).toMatch(/100/);
  });

  test("gap between rules with no default grade", () => {
    const t = clone("spend-5");
    t.model = {
      kind: "rules",
      rules: [
        { grade: "VIP", when: { field: "annualSpend", op: ">=", value: 100 } },
        { grade: "Regular", when: { field: "annualSpend", op: "<", value: 50 } },
      ],
    };
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(find(errors(res.issues), "gap").length).toBe(1);
  });

  test("unsorted thresholds", () => {
    const t = clone("spend-5");
    // Gold >= 100000 before Platinum >= 200000: Platinum can never be given.
    [t.model.bands[1], t.model.bands[2]] = [t.model.bands[2], t.model.bands[1]];
    const res = checkTemplate(t);
    const unsorted = find(res.issues, "unsortedThresholds");
    expect(unsorted.length).toBe(1);
    expect(unsorted[0].path).toBe("model.bands[2].value");
    // The shadowed band is an error: Platinum is unreachable.
    expect(res.ok).toBe(false);
    expect(errors(res.issues).some((i) => /Platinum/.test(i.message.en) && /unreachable/.test(i.message.en))).toBe(true);
  });

  test("unsorted step thresholds in a scorecard criterion", () => {
    const t = clone("pharma-score");
    const share = t.model.criteria.find((c: { key: string }) => c.key === "keyProducts");
    share.scoring.steps = [
      { op: ">=", value: 0.4, points: 3 },
      { op: ">=", value: 0.6, points: 15 },
    ];
    const res = checkTemplate(t);
    expect(find(res.issues, "unsortedThresholds").length).toBeGreaterThanOrEqual(1);
  });

  test("weights not summing to 100%", () => {
    const t = clone("multi-factor-5");
    t.model.criteria[0].weight = 0.35;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const w = find(errors(res.issues), "weightsSum");
    expect(w.length).toBe(1);
    expect(w[0].message.en).toContain("105%");
  });

  test("weights on some criteria only", () => {
    const t = clone("multi-factor-5");
    delete t.model.criteria[4].weight;
    t.model.criteria[0].weight = 0.5;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(errors(res.issues).length).toBeGreaterThanOrEqual(1);
  });

  test("a condition on an unknown field", () => {
    const t = clone("sales-pipeline");
    t.model.rules[0].when.any[0].field = "closeMonth";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const u = find(errors(res.issues), "unknownField");
    expect(u.length).toBe(1);
    expect(u[0].path).toBe("model.rules[0].when.any[0].field");
    expect(u[0].message.en).toContain("closeMonth");
  });

  test("a condition on an unknown category value", () => {
    const t = clone("need-close-5");
    t.model.rules[1].when.all[0].is = "urgent";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(errors(res.issues).some((i) => i.message.en.includes("urgent"))).toBe(true);
  });

  test("step points above the criterion's maximum", () => {
    const t = clone("pharma-score");
    const share = t.model.criteria.find((c: { key: string }) => c.key === "keyProducts");
    share.scoring.steps[0].points = 20; // criterion max 15
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const p = find(errors(res.issues), "pointsOutOfRange");
    expect(p.length).toBe(1);
    expect(p[0].path).toMatch(/^model\.criteria\[\d+\]\.scoring\.steps\[0\]\.points$/);
  });

  test("map points above the criterion's maximum", () => {
    const t = clone("pharma-score");
    const bid = t.model.criteria.find((c: { key: string }) => c.key === "bidPrice");
    bid.scoring.points.yes = 5; // criterion max 3
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const p = find(errors(res.issues), "pointsOutOfRange");
    expect(p.length).toBe(1);
    expect(p[0].path).toMatch(/scoring\.points\.yes$/);
  });

  test("negative map points", () => {
    const t = clone("realestate-6");
    t.model.criteria[0].scoring.points.private = -5;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(find(errors(res.issues), "pointsOutOfRange").length).toBe(1);
  });

  test("an unknown grade id", () => {
    const t = clone("sales-pipeline");
    t.model.rules[0].grade = "Z";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const g = find(errors(res.issues), "unknownGrade");
    expect(g.length).toBe(1);
    expect(g[0].path).toBe("model.rules[0].grade");
  });

  test("an unknown grade in a post adjustment (floor)", () => {
    const t = clone("bocom-tier");
    t.post[0].floor = "Platinum";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(find(errors(res.issues), "unknownGrade").some((i) => i.path.startsWith("post[0]"))).toBe(true);
  });

  test("duplicate field keys", () => {
    const t = clone("spend-5");
    t.fields.push({ ...t.fields[0] });
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const d = find(errors(res.issues), "duplicate");
    expect(d.length).toBe(1);
    expect(d[0].path).toBe("fields[1].key");
  });

  test("duplicate grade ids", () => {
    const t = clone("spend-5");
    t.grades.push({ ...t.grades[0] });
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(find(errors(res.issues), "duplicate").length).toBeGreaterThanOrEqual(1);
  });

  test("an unknown parameter", () => {
    const t = clone("lifecycle-5");
    t.model.rules[1].when.value = { param: "sleepDays" };
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(errors(res.issues).some((i) => i.message.en.includes("sleepDays"))).toBe(true);
  });
});

describe("schema errors carry paths", () => {
  test("model.rules[0].when", () => {
    const t = clone("sales-pipeline");
    t.model.rules[0].when = { foo: 1 };
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(res.template).toBeUndefined();
    expect(res.issues.map((i) => i.path)).toContain("model.rules[0].when");
    expect(res.issues.every((i) => i.severity === "error")).toBe(true);
  });

  test("fields[0].type", () => {
    const t = clone("spend-5");
    t.fields[0].type = "money";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(res.issues.map((i) => i.path)).toContain("fields[0].type");
  });

  test("grades[1].color", () => {
    const t = clone("spend-5");
    t.grades[1].color = "red";
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    expect(res.issues.map((i) => i.path)).toContain("grades[1].color");
  });

  test("missing id and an unknown top-level key", () => {
    const t = clone("spend-5");
    delete t.id;
    t.extra = 1;
    const res = checkTemplate(t);
    expect(res.ok).toBe(false);
    const paths = res.issues.map((i) => i.path);
    expect(paths).toContain("id");
    expect(res.issues.length).toBeGreaterThanOrEqual(2);
  });

  test.each([null, undefined, 42, "template", [], true, {}])("not a template: %p", (v) => {
    expect(() => checkTemplate(v)).not.toThrow();
    const res = checkTemplate(v);
    expect(res.ok).toBe(false);
    expect(res.issues.length).toBeGreaterThan(0);
  });
});

describe("hostile JSON is rejected without throwing", () => {
  const good = JSON.stringify(getBuiltinTemplate("spend-5"));

  test("a built-in round-trips through parseTemplateJson", () => {
    const res = parseTemplateJson(good);
    expect(res.ok).toBe(true);
    expect(res.issues).toEqual([]);
  });

  test("__proto__ keys do not pollute prototypes", () => {
    const texts = [
      good.replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
      good.replace('"fields":[{', '"fields":[{"__proto__":{"polluted":"yes"},'),
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"__proto__":{"polluted":"yes"}}',
    ];
    for (const text of texts) {
      let res: ReturnType<typeof parseTemplateJson> | undefined;
      expect(() => (res = parseTemplateJson(text))).not.toThrow();
      expect(res!.ok).toBe(false);
      expect(res!.issues.length).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  test("a 10 MB string", () => {
    const text = '{"id":"' + "a".repeat(10 * 1024 * 1024) + '"}';
    let res: ReturnType<typeof parseTemplateJson> | undefined;
    expect(() => (res = parseTemplateJson(text))).not.toThrow();
    expect(res!.ok).toBe(false);
    expect(res!.issues.length).toBe(1);
  });

  test("a 10 MB template otherwise valid (huge description)", () => {
    const t = clone("spend-5");
    t.description.en = "x".repeat(10 * 1024 * 1024);
    const res = parseTemplateJson(JSON.stringify(t));
    expect(res.ok).toBe(false);
  });

  test("10,000 levels of array nesting", () => {
    const text = "[".repeat(10000) + "]".repeat(10000);
    let res: ReturnType<typeof parseTemplateJson> | undefined;
    expect(() => (res = parseTemplateJson(text))).not.toThrow();
    expect(res!.ok).toBe(false);
  });

  test("10,000 levels of nested conditions inside a valid template", () => {
    const t = clone("spend-5");
    let when = '{"field":"annualSpend","op":">","value":1}';
    for (let k = 0; k < 10000; k++) when = `{"not":${when}}`;
    const text = JSON.stringify({
      ...t,
      model: { kind: "rules", rules: [{ grade: "VIP", when: "__WHEN__" }], otherwise: "Regular" },
    }).replace('"__WHEN__"', when);
    let res: ReturnType<typeof parseTemplateJson> | undefined;
    expect(() => (res = parseTemplateJson(text))).not.toThrow();
    expect(res!.ok).toBe(false);
  });

  test("10,000 levels of nested objects passed straight to checkTemplate", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checker's tests build deliberately malformed templates
    let v: any = { field: "annualSpend", op: ">", value: 1 };
    for (let k = 0; k < 10000; k++) v = { not: v };
    const t = clone("spend-5");
    t.model = { kind: "rules", rules: [{ grade: "VIP", when: v }], otherwise: "Regular" };
    expect(() => checkTemplate(t)).not.toThrow();
    expect(checkTemplate(t).ok).toBe(false);
  });

  test("a cyclic object passed to checkTemplate", () => {
    const t = clone("spend-5");
    t.self = t;
    t.model.bands[0].value = { param: "x", loop: t };
    expect(() => checkTemplate(t)).not.toThrow();
    expect(checkTemplate(t).ok).toBe(false);
  });

  test.each(["", "{", "not json", "{'id': 1}", "[1,2,", "\u0000", "null", "1e999"])("malformed or non-template text %p", (text) => {
    let res: ReturnType<typeof parseTemplateJson> | undefined;
    expect(() => (res = parseTemplateJson(text))).not.toThrow();
    expect(res!.ok).toBe(false);
    expect(res!.issues.length).toBeGreaterThan(0);
  });

  test("non-string input", () => {
    for (const v of [undefined, null, 42, {}, []]) {
      expect(() => parseTemplateJson(v as unknown as string)).not.toThrow();
      expect(parseTemplateJson(v as unknown as string).ok).toBe(false);
    }
  });
});

describe("every built-in template", () => {
  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s round-trips through JSON with no issues", (_id, t) => {
    const res = parseTemplateJson(JSON.stringify(t));
    expect(res.issues).toEqual([]);
    expect(res.ok).toBe(true);
  });
});
