/**
 * The codes of a compound-code model (tobacco retail: format letter + scale tier + market digit +
 * legal digit + `L`). Each part has a small list of options; a row's code index is the
 * mixed-radix number of its part options, so the grade list is the full product, enumerated once.
 */
import type { CodePart, Template, Text } from "../../template/schema";
import type { GradeInfo, ModelOf } from "../types";

type CodeModel = ModelOf<"code">;

export interface Option {
  code: string;
  label: Text;
}

/** The options of a part, in a fixed order. */
function partOptions(part: CodePart, template: Template): Option[] {
  switch (part.kind) {
    case "category": {
      const f = template.fields.find((x) => x.key === part.field);
      const cats = f?.type === "yesno"
        ? [{ value: "yes", label: { en: "yes", zh: "是" } }, { value: "no", label: { en: "no", zh: "否" } }]
        : f?.categories ?? [];
      const seen = new Map<string, Option>();
      for (const c of cats) {
        const code = part.codes[c.value];
        if (code !== undefined && !seen.has(code)) seen.set(code, { code, label: c.label });
      }
      if (part.except && !seen.has(part.except.code)) seen.set(part.except.code, { code: part.except.code, label: part.except.label });
      return [...seen.values()];
    }
    case "tier": {
      const opts = part.codes.map((code, k) => ({ code, label: part.labels[k] ?? { en: code, zh: code } }));
      if (part.except && !opts.some((o) => o.code === part.except!.code)) opts.push({ code: part.except.code, label: part.except.label });
      return opts;
    }
    case "flag":
      return [
        { code: "", label: { en: "", zh: "" } },
        { code: part.code, label: part.label },
      ];
  }
}

/**
 * Which combinations of part options can occur. Two rules keep impossible codes out of the list
 * (7 formats x 3 scales x 2 x 2 = the spec's 84 types, plus new-retailer and chain variants):
 * - parts whose `except` has the same condition go together: when one of them shows an except
 *   code no regular option has (scale X), the others show their except code too (legal 1);
 * - a flag whose condition requires a category value (format is C) only goes with that value.
 */
function constraints(model: CodeModel, options: Option[][]): (picked: number[]) => boolean {
  const groups = new Map<string, number[]>();
  model.parts.forEach((p, k) => {
    if (p.kind !== "flag" && p.except) {
      const key = JSON.stringify(p.except.when);
      groups.set(key, [...(groups.get(key) ?? []), k]);
    }
  });
  const exceptIdx = (k: number) => {
    const p = model.parts[k];
    return p.kind !== "flag" && p.except ? options[k].findIndex((o) => o.code === p.except!.code) : -1;
  };
  const exclusive = (k: number) => {
    const p = model.parts[k];
    if (p.kind === "flag" || !p.except) return false;
    const regular = p.kind === "tier" ? p.codes : Object.values(p.codes);
    return !regular.includes(p.except.code);
  };
  const checks: ((picked: number[]) => boolean)[] = [];
  for (const parts of groups.values()) {
    for (const k of parts.filter(exclusive)) {
      const others = parts.filter((j) => j !== k);
      checks.push((picked) => picked[k] !== exceptIdx(k) || others.every((j) => picked[j] === exceptIdx(j)));
    }
  }
  model.parts.forEach((p, k) => {
    if (p.kind !== "flag") return;
    const leaves = "all" in p.when ? p.when.all : [p.when];
    for (const leaf of leaves) {
      if (!("field" in leaf) || !("is" in leaf || "in" in leaf)) continue;
      const values = "is" in leaf ? [leaf.is] : leaf.in;
      model.parts.forEach((q, j) => {
        if (q.kind !== "category" || q.field !== leaf.field) return;
        const allowed = new Set(values.map((v) => q.codes[v]).map((code) => options[j].findIndex((o) => o.code === code)));
        checks.push((picked) => picked[k] === 0 || allowed.has(picked[j]));
      });
    }
  });
  return (picked) => checks.every((c) => c(picked));
}

export function enumerate(model: CodeModel, template: Template): { grades: GradeInfo[]; options: Option[][]; fullToGrade: Int32Array } {
  const options = model.parts.map((p) => partOptions(p, template));
  const possible = constraints(model, options);
  const grades: GradeInfo[] = [];
  const total = options.reduce((s, o) => s * o.length, 1);
  const fullToGrade = new Int32Array(total).fill(-1);
  const colorPart = model.colors.part;
  let full = 0;
  const walk = (k: number, picked: number[]) => {
    if (k === options.length) {
      const index = full++;
      if (!possible(picked)) return;
      const opts = picked.map((o, j) => options[j][o]);
      const id = opts.map((o) => o.code).join("");
      const desc = (lang: "en" | "zh") => opts.filter((o) => o.code).map((o) => o.label[lang]).join(lang === "zh" ? "·" : " · ");
      fullToGrade[index] = grades.length;
      grades.push({
        id,
        label: { en: id, zh: id },
        color: model.colors.byCode[opts[colorPart]?.code ?? ""] ?? "#9E9E9E",
        description: { en: desc("en"), zh: desc("zh") },
      });
      return;
    }
    for (let o = 0; o < options[k].length; o++) walk(k + 1, [...picked, o]);
  };
  walk(0, []);
  return { grades, options, fullToGrade };
}
