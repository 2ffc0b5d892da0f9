/**
 * Compound codes (tobacco retail: format letter + scale tier + market digit + legal digit + `L`).
 * Each part has a small list of options; a row's code index is the mixed-radix number of its
 * part options, so the grade list is the full product, enumerated once.
 */
import { compileCondition, describeCondition } from "../../eval/expr";
import { tr, type Lang } from "../../text/display";
import { msg } from "../../text/messages";
import { percentileTiers } from "../../eval/tiers";
import type { CodePart, Model, Template, Text } from "../../template/schema";
import type { CategoryColumn } from "../../input/table";
import { describeTier, groupIds } from "../percentile/grade";
import { checkCuts } from "../scorecard/grade";
import type { GradeInfo, ModelKind } from "../types";

type CodeModel = Extract<Model, { kind: "code" }>;

interface Option {
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

function enumerate(model: CodeModel, template: Template): { grades: GradeInfo[]; options: Option[][]; fullToGrade: Int32Array } {
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

export const codeKind: ModelKind<CodeModel> = {
  kind: "code",
  title: { en: "Compound code", zh: "组合编码" },
  summary: {
    en: "A code built from parts (category letters, percentile tiers, flags), e.g. Z121 or C112L.",
    zh: "由多个部分（类别字母、百分位档次、标记）组合成编码，例如 Z121、C112L。",
  },
  scores: false,
  population: (m) => m.parts.some((p) => p.kind === "tier"),
  deriveGrades: (model, template) => enumerate(model, template).grades,
  bind(model, ctx) {
    const { options, fullToGrade } = enumerate(model, ctx.template);
    // Mixed-radix strides, last part fastest (matches `enumerate`).
    const strides = options.map((_, k) => options.slice(k + 1).reduce((s, o) => s * o.length, 1));
    const tierTables = new Map<number, ReturnType<typeof percentileTiers>>();
    const picks = model.parts.map((part, k): ((i: number) => number) => {
      const opts = options[k];
      const exceptWhen = "except" in part && part.except ? compileCondition(part.except.when, ctx) : undefined;
      const exceptIdx = "except" in part && part.except ? opts.findIndex((o) => o.code === part.except!.code) : -1;
      if (part.kind === "flag") {
        const when = compileCondition(part.when, ctx);
        return (i) => (when(i) ? 1 : 0);
      }
      if (part.kind === "category") {
        const col = ctx.columns.get(part.field) as CategoryColumn;
        const map = col.values.map((v) => opts.findIndex((o) => o.code === part.codes[v]));
        const v = col.v;
        return (i) => (exceptWhen && exceptWhen(i) ? exceptIdx : v[i] >= 0 ? map[v[i]] : -1);
      }
      const col = ctx.columns.get(part.field);
      if (!col || col.type !== "number") throw new Error(`tier part needs a number field '${part.field}'`);
      const include = new Uint8Array(ctx.valid);
      if (exceptWhen) for (let i = 0; i < ctx.n; i++) if (include[i] && exceptWhen(i)) include[i] = 0;
      const groups = part.groupBy ? groupIds(ctx.columns.get(part.groupBy), ctx.n) : undefined;
      const t = percentileTiers(col.v, { cuts: part.cuts, include, groups });
      tierTables.set(k, t);
      return (i) => (exceptWhen && exceptWhen(i) ? exceptIdx : t.tier[i]);
    });
    const m = picks.length;
    const grade = (i: number) => {
      let idx = 0;
      for (let k = 0; k < m; k++) {
        const o = picks[k](i);
        if (o < 0) return -1;
        idx += o * strides[k];
      }
      return fullToGrade[idx];
    };
    return {
      grade,
      explain(i, lang: Lang) {
        const parts: string[] = [];
        model.parts.forEach((part, k) => {
          const o = picks[k](i);
          if (o < 0) return;
          const opt = options[k][o];
          if (part.kind === "flag") {
            if (opt.code) parts.push(`${tr(opt.label, lang)} (${opt.code})`);
            return;
          }
          const excepted = "except" in part && part.except && compileCondition(part.except.when, ctx)(i);
          if (excepted) {
            parts.push(`${tr(opt.label, lang)} (${opt.code}): ${describeCondition(part.except!.when, ctx, i, lang)}`);
          } else if (part.kind === "tier") {
            const t = tierTables.get(k)!;
            const gcol = part.groupBy ? ctx.columns.get(part.groupBy) : undefined;
            const group = gcol && gcol.type === "category" && gcol.v[i] >= 0 ? tr(gcol.labels[gcol.v[i]], lang) : undefined;
            parts.push(`${tr(opt.label, lang)} (${opt.code}): ${describeTier("", t.greater[i], t.size[i], part.cuts, t.tier[i], group, lang).replace(/^: |^：/, "")}`);
          } else parts.push(`${tr(opt.label, lang)} (${opt.code})`);
        });
        const gi = grade(i);
        return msg("codeReason", lang, { code: ctx.gradeName(gi, lang), parts: parts.join(lang === "zh-CN" ? "，" : ", ") });
      },
    };
  },
  check(model, ctx) {
    model.parts.forEach((part, k) => {
      const path = `model.parts[${k}]`;
      if (part.kind === "flag") {
        ctx.condition(part.when, `${path}.when`);
        return;
      }
      if (part.except) ctx.condition(part.except.when, `${path}.except.when`);
      if (part.kind === "category") {
        const f = ctx.field(part.field, `${path}.field`, ["category", "yesno"]);
        const known = f?.type === "yesno" ? ["yes", "no"] : (f?.categories ?? []).map((c) => c.value);
        for (const v of known) {
          if (!(v in part.codes)) {
            ctx.report("error", `${path}.codes`, "missingCode", {
              en: `value '${v}' of field '${part.field}' has no code`,
              zh: `字段“${part.field}”的值“${v}”没有编码`,
            });
          }
        }
        for (const v of Object.keys(part.codes)) {
          if (f && !known.includes(v)) {
            ctx.report("error", `${path}.codes.${v}`, "unknownValue", {
              en: `'${v}' is not a value of field '${part.field}'`,
              zh: `“${v}”不是字段“${part.field}”的可选值`,
            });
          }
        }
      } else {
        ctx.field(part.field, `${path}.field`, ["number"]);
        if (part.groupBy) ctx.field(part.groupBy, `${path}.groupBy`, ["category", "text", "yesno"]);
        checkCuts(part.cuts, ctx, `${path}.cuts`, part.codes.length);
        if (part.labels.length !== part.codes.length) {
          ctx.report("error", `${path}.labels`, "labelCount", {
            en: "give one label per tier code",
            zh: "每个档次编码需要一个名称",
          });
        }
      }
    });
    if (model.colors.part >= model.parts.length) {
      ctx.report("error", "model.colors.part", "unknownPart", { en: "no such part", zh: "没有该部分" });
    }
  },
};
