/** Small templates for the compiler unit tests. */
import type { Condition, Template, Text } from "../../src/engine";

export const t = (en: string, zh: string = en): Text => ({ en, zh });
const g = (id: string) => ({ id, label: t(id), color: "#C9DAF8" });

/** Words meant to break out of a string literal, in Excel and in SQL. */
export const NASTY = {
  quote: 'He said "hi"',
  formula: "=1+1",
  hyperlink: '"),HYPERLINK("http://evil.example","click',
  sql: "O'Brien \\ '); DROP TABLE x; --",
} as const;

/** A category field whose labels are hostile; grade ids too. */
export const hostile: Template = {
  id: "hostile",
  version: 1,
  category: "custom",
  name: t("Hostile labels"),
  description: t("Labels that try to escape from string literals."),
  fields: [
    {
      key: "kind",
      label: t("Kind"),
      type: "category",
      categories: [
        { value: "q", label: t(NASTY.quote, "引号") },
        { value: "f", label: t(NASTY.formula, "公式") },
        { value: "h", label: t(NASTY.hyperlink, "链接") },
        { value: "s", label: t(NASTY.sql, "注入") },
      ],
    },
  ],
  grades: ['A"),HYPERLINK("x', "=2+2", "C'--", "D"].map(g),
  model: {
    kind: "rules",
    rules: [
      { grade: 'A"),HYPERLINK("x', when: { field: "kind", is: "q" } },
      { grade: "=2+2", when: { field: "kind", is: "f" } },
      { grade: "C'--", when: { field: "kind", is: "h" } },
    ],
    otherwise: "D",
  },
};

/** A rules template with `n` rules on one number field (deep nesting). */
export function manyRules(n: number): Template {
  return {
    id: `many-rules-${n}`,
    version: 1,
    category: "custom",
    name: t("Many rules"),
    description: t("Many rules."),
    fields: [
      { key: "x", label: t("X"), type: "number" },
      { key: "y", label: t("Y"), type: "number" },
    ],
    grades: [...Array.from({ length: n }, (_, k) => g(`G${k}`)), g("Z")],
    model: {
      kind: "rules",
      // Two fields, so the checker's single-field interval analysis does not apply.
      rules: Array.from({ length: n }, (_, k) => ({ grade: `G${k}`, when: { all: [{ field: "x", op: ">=", value: n - k }, { field: "y", op: ">=", value: 0 }] } as Condition })),
      otherwise: "Z",
    },
  };
}

/** A category field with many long words (a formula over Excel's 8192 characters). */
export function longWords(): Template {
  const cats = Array.from({ length: 60 }, (_, k) => ({ value: `v${k}`, label: t(`category number ${k} ${"x".repeat(150)}`, `类别${k}`) }));
  return {
    id: "long-words",
    version: 1,
    category: "custom",
    name: t("Long words"),
    description: t("Long words."),
    fields: [{ key: "kind", label: t("Kind"), type: "category", categories: cats }],
    grades: [g("A"), g("B")],
    model: { kind: "rules", rules: [{ grade: "A", when: { field: "kind", in: cats.slice(0, 30).map((c) => c.value) } }], otherwise: "B" },
  };
}
