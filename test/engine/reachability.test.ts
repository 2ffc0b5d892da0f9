/**
 * Issue 20, item 8: the checker searches the rule conditions' value space (intervals per number
 * field, value sets per category field) and names the grades no input can reach, with the reason,
 * in English and Chinese. A constructed template where 6 of 13 grades can never be given, and
 * every built-in template (no false alarms).
 */
import { checkTemplate, gradeTable, type Template, type Text } from "../../src/engine";
import { BUILTIN_TEMPLATES } from "../../src/templates";

const t = (en: string, zh: string = en): Text => ({ en, zh });
const grades = Array.from({ length: 13 }, (_, k) => ({ id: `G${k + 1}`, label: t(`G${k + 1}`), color: "#C9DAF8" }));

const rules: Extract<Template["model"], { kind: "rules" }>["rules"] = [
  { grade: "G1", when: { all: [{ field: "score", op: ">=", value: 90 }, { field: "vip", is: "yes" }] } },
  /* ✗ */ { grade: "G2", when: { field: "score", op: ">", value: 100 } }, // score is 0–100
  /* ✗ */ { grade: "G3", when: { all: [{ field: "score", op: ">=", value: 80 }, { field: "score", op: "<", value: 70 }] } },
  { grade: "G4", when: { all: [{ field: "channel", in: ["online", "store"] }, { field: "months", op: ">=", value: 12 }] } },
  /* ✗ */ { grade: "G5", when: { all: [{ field: "channel", is: "online" }, { field: "months", op: ">=", value: 24 }] } }, // inside rule 4
  /* ✗ */ { grade: "G6", when: { all: [{ field: "vip", is: "yes" }, { field: "score", op: ">=", value: 95 }, { field: "months", op: ">=", value: 0 }] } }, // inside rule 1
  { grade: "G7", when: { all: [{ field: "vip", is: "yes" }, { field: "months", op: "<", value: 6 }] } },
  /* ✗ */ { grade: "G8", when: { not: { field: "months", op: ">=", value: 0 } } }, // months is required, 0–60
  { grade: "G9", when: { field: "score", op: ">=", value: 50 } },
  { grade: "G10", when: { all: [{ field: "channel", is: "phone" }, { field: "score", op: "<", value: 50 }] } },
  { grade: "G11", when: { all: [{ field: "score", op: "<", value: 50 }, { field: "months", op: ">=", value: 6 }] } },
  { grade: "G12", when: { field: "score", op: "<", value: 50 } },
];

/** 13 grades, 6 never given: G2, G3, G5, G6, G8 (rules) and G13 (the default: rules 9–12 take every input). */
export const sixOfThirteen: Template = {
  id: "six-of-thirteen",
  version: 1,
  category: "custom",
  name: t("Six of thirteen"),
  description: t("A template where 6 of its 13 grades can never be given."),
  fields: [
    { key: "score", label: t("Score"), type: "number", min: 0, max: 100 },
    { key: "months", label: t("Months"), type: "number", min: 0, max: 60 },
    {
      key: "channel",
      label: t("Channel"),
      type: "category",
      categories: [
        { value: "online", label: t("Online") },
        { value: "store", label: t("Store") },
        { value: "phone", label: t("Phone") },
      ],
    },
    { key: "vip", label: t("VIP"), type: "yesno" },
  ],
  grades,
  model: { kind: "rules", rules, otherwise: "G13" },
};

describe("grades no input can reach", () => {
  const res = checkTemplate(sixOfThirteen);
  const found = res.issues.filter((i) => i.code === "unreachable");
  const gradeOf = (m: string) => /grade (G\d+)/.exec(m)?.[1];

  test("the checker names exactly the 6 grades, and no longer says OK", () => {
    expect(res.ok).toBe(false);
    expect(found.map((i) => gradeOf(i.message.en)).sort()).toEqual(["G13", "G2", "G3", "G5", "G6", "G8"]);
  });

  test("each with the reason, in English and Chinese", () => {
    const by = (id: string) => found.find((i) => gradeOf(i.message.en) === id)!;
    expect(by("G2").message.en).toBe("rule 2 (grade G2) can never apply: no input satisfies its condition on score (possible values: score [0, 100])");
    expect(by("G2").message.zh).toBe("第 2 条规则（等级 G2）永远不会生效：没有输入能满足其关于 score 的条件（可能的取值：score [0, 100]）");
    expect(by("G3").message.en).toMatch(/rule 3 \(grade G3\) can never apply: no input satisfies its condition on score/);
    expect(by("G5").message.en).toBe("rule 5 (grade G5) can never apply: every input it matches is taken by earlier rules (1, 4)");
    expect(by("G6").message.en).toBe("rule 6 (grade G6) can never apply: every input it matches is taken by earlier rules (1)");
    expect(by("G6").message.zh).toBe("第 6 条规则（等级 G6）永远不会生效：它匹配的所有输入都已被前面的规则（1）取走");
    expect(by("G8").message.en).toMatch(/no input satisfies its condition on months \(possible values: months \[0, 60\]\)/);
    expect(by("G13").severity).toBe("warning");
    expect(by("G13").message.en).toBe("default grade G13 is never given: the rules take every possible input");
    expect(by("G13").message.zh).toBe("默认等级 G13 永远不会出现：各规则已覆盖所有可能的输入");
  });

  test("the search is right: over a grid of inputs, the other 7 grades are given and these 6 never", () => {
    // The unreachable rules removed (the checker refuses the template as it is): grading is unchanged.
    const dead = new Set(["G2", "G3", "G5", "G6", "G8"]);
    const live: Template = { ...sixOfThirteen, model: { kind: "rules", rules: rules.filter((r) => !dead.has(r.grade)), otherwise: "G13" } };
    const cols: Record<string, unknown[]> = { score: [], months: [], channel: [], vip: [] };
    for (const score of [0, 49, 50, 69, 70, 79, 80, 89, 90, 94, 95, 100])
      for (const months of [0, 5, 6, 11, 12, 23, 24, 60])
        for (const channel of ["online", "store", "phone"])
          for (const vip of ["yes", "no"]) {
            cols.score.push(score);
            cols.months.push(months);
            cols.channel.push(channel);
            cols.vip.push(vip);
          }
    const r = gradeTable(live, { columns: cols });
    const given = new Set(Array.from({ length: r.n }, (_, i) => r.grade(i)));
    expect([...given].sort()).toEqual(["G1", "G10", "G11", "G12", "G4", "G7", "G9"]);
    // Only the default is left, still never given.
    expect(checkTemplate(live).issues.filter((i) => i.code === "unreachable").map((i) => i.path)).toEqual(["model.otherwise"]);
  });

  test("conditions the search cannot read (expressions, population thresholds) are never called unreachable", () => {
    const opaque: Template = {
      ...sixOfThirteen,
      grades: grades.slice(0, 3),
      model: {
        kind: "rules",
        rules: [
          { grade: "G1", when: { expr: { op: "*", args: [{ field: "score" }, 2] }, op: ">", value: 500 } },
          { grade: "G2", when: { field: "score", op: ">=", value: { stat: "mean", field: "score" } } },
        ],
        otherwise: "G3",
      },
    };
    expect(checkTemplate(opaque).issues.filter((i) => i.code === "unreachable")).toEqual([]);
  });
});

describe("every built-in template: no false alarms", () => {
  // Built-in templates whose spec leaves a grade unreachable would be listed here with the reason; there are none.
  const KNOWN_UNREACHABLE: Record<string, string[]> = {};
  test.each(BUILTIN_TEMPLATES.map((b) => [b.id, b] as const))("%s", (id, b) => {
    const res = checkTemplate(b);
    const found = res.issues.filter((i) => i.code === "unreachable" || i.code === "neverGiven").map((i) => i.path);
    expect(found).toEqual(KNOWN_UNREACHABLE[id] ?? []);
    expect(res.ok).toBe(true);
  });
  test("all 23 are checked", () => expect(BUILTIN_TEMPLATES.length).toBe(23));
});

describe("code templates: flags that never (or always) apply", () => {
  test("a flag whose condition contradicts a field's range, and one that always holds", () => {
    const code: Template = {
      id: "code-reach",
      version: 1,
      category: "custom",
      name: t("Codes"),
      description: t("Codes."),
      fields: [
        { key: "x", label: t("X"), type: "number", min: 0, max: 10 },
        { key: "kind", label: t("Kind"), type: "category", categories: [{ value: "a", label: t("A") }, { value: "b", label: t("B") }] },
      ],
      grades: [],
      model: {
        kind: "code",
        parts: [
          { kind: "category", field: "kind", codes: { a: "A", b: "B" } },
          { kind: "flag", when: { field: "x", op: ">", value: 10 }, code: "+", label: t("Over ten") },
          { kind: "flag", when: { field: "x", op: ">=", value: 0 }, code: "*", label: t("Any") },
          { kind: "flag", when: { field: "x", op: ">=", value: 5 }, code: "!", label: t("High") },
        ],
        colors: { part: 0, byCode: { A: "#FFFFFF", B: "#000000" } },
      },
    };
    const found = checkTemplate(code).issues.filter((i) => i.code === "unreachable");
    expect(found.map((i) => [i.path, i.message.en])).toEqual([
      ["model.parts[1].when", "code + is never given: no input satisfies its condition"],
      ["model.parts[2].when", "codes without * are never given: every input satisfies its condition"],
    ]);
    expect(found[0].message.zh).toBe("编码 + 永远不会出现：没有输入能满足其条件");
  });
});
