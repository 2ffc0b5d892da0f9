/**
 * The template checker: schema errors with paths, then what a person would miss — unreachable
 * grades, gaps and overlaps between bands, unsorted thresholds, weights not summing to 100%,
 * references to unknown fields, grades or parameters, points outside a criterion's range.
 */
import { z } from "zod";
import { schemaSentence } from "./schema-messages";
import { DEFAULTS } from "./defaults";
import { kindOf } from "../kinds";
import type { CheckContext, CheckIssue, Severity } from "../kinds/types";
import { normalizeWord, parseYesNo } from "../input/parse";
import { foldText, textPatternOf } from "../eval/text-patterns";
import { TemplateSchema, type Condition, type Expr, type Field, type Num, type Param, type Template, type Text } from "./schema";
import { categoryIndex } from "../input/table";
import { parseJsonSafely } from "./template-json";
import { checkReview } from "../review/check";
import { collectStats, isPopStat } from "../eval/pop-stats";
import { measureField } from "../eval/measures";
import { checkOrders } from "./orders-check";

export type { CheckIssue, Severity };

export interface CheckResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  issues: CheckIssue[];
  /** The validated template, when the schema accepted it. */
  template?: Template;
}

function showPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || "(template)";
}

/** Depth of nested arrays/objects, without recursion limits of its own. */
export function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const x of Object.values(v as Record<string, unknown>)) stack.push([x, d + 1]);
  }
  return max;
}

/**
 * Checks a template (any value, e.g. parsed JSON). Never throws.
 *
 * @example checkTemplate(pharmaWithoutOtherScore).issues[0].message.en // "grade A unreachable: ..."
 */
export function checkTemplate(input: unknown): CheckResult {
  const issues: CheckIssue[] = [];
  const depth = depthOf(input, DEFAULTS.maxTemplateDepth * 3);
  if (depth > DEFAULTS.maxTemplateDepth * 3) {
    return {
      ok: false,
      issues: [
        {
          severity: "error",
          path: "(template)",
          code: "tooDeep",
          message: { en: "the template is nested too deeply", zh: "模板嵌套层级过深" },
        },
      ],
    };
  }
  const parsed = TemplateSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    // The same problems in Chinese: zod's own zh-CN messages, issue for issue.
    const zh = TemplateSchema.safeParse(input, { error: z.locales.zhCN().localeError });
    const zhIssues = zh.success ? [] : zh.error.issues;
    parsed.error.issues.forEach((iss, k) => {
      issues.push({
        severity: "error",
        path: showPath(iss.path),
        code: "schema",
        message: schemaSentence(iss as unknown as Parameters<typeof schemaSentence>[0]) ?? { en: iss.message, zh: zhIssues[k]?.message ?? iss.message },
      });
    });
    return { ok: false, issues };
  }
  const t = parsed.data as Template;
  checkLogic(t, issues);
  return { ok: !issues.some((i) => i.severity === "error"), issues, template: t };
}

function checkLogic(t: Template, issues: CheckIssue[]): void {
  const report = (severity: Severity, path: string, code: string, message: Text) => issues.push({ severity, path, code, message });
  const fields = new Map<string, Field>();
  t.fields.forEach((f, k) => {
    const path = `fields[${k}]`;
    if (fields.has(f.key)) report("error", `${path}.key`, "duplicate", { en: `field '${f.key}' appears twice`, zh: `字段“${f.key}”重复` });
    fields.set(f.key, f);
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      report("error", path, "range", { en: `min ${f.min} is above max ${f.max}`, zh: `最小值 ${f.min} 大于最大值 ${f.max}` });
    }
    if (f.type === "category") {
      if (!f.categories?.length) report("error", `${path}.categories`, "noCategories", { en: "a category field needs its values", zh: "类别字段需要列出可选值" });
      const seen = new Map<string, string>();
      for (const c of f.categories ?? []) {
        for (const w of [c.value, c.label.en, c.label.zh, ...(c.aliases ?? [])]) {
          const k2 = normalizeWord(w);
          const owner = seen.get(k2);
          if (owner !== undefined && owner !== c.value) {
            report("warning", `${path}.categories`, "ambiguousWord", {
              en: `'${w}' names both '${owner}' and '${c.value}'; the first wins`,
              zh: `“${w}”同时对应“${owner}”和“${c.value}”，以前者为准`,
            });
          } else seen.set(k2, c.value);
        }
      }
    }
    if (f.default !== undefined) {
      const bad =
        (f.type === "number" && typeof f.default !== "number") ||
        (f.type === "yesno" && (typeof f.default !== "string" || !["yes", "no"].includes(f.default))) ||
        (f.type === "category" && !(f.categories ?? []).some((c) => c.value === f.default));
      if (bad) report("error", `${path}.default`, "badDefault", { en: `default '${f.default}' does not fit the field`, zh: `默认值“${f.default}”与字段类型不符` });
    }
  });
  const params = new Map<string, Param>();
  (t.params ?? []).forEach((p, k) => {
    if (params.has(p.key)) report("error", `params[${k}].key`, "duplicate", { en: `parameter '${p.key}' appears twice`, zh: `参数“${p.key}”重复` });
    params.set(p.key, p);
    if ((p.min !== undefined && p.default < p.min) || (p.max !== undefined && p.default > p.max)) {
      report("error", `params[${k}].default`, "range", { en: "default outside the parameter's range", zh: "默认值超出参数范围" });
    }
  });
  const kind = kindOf(t.model);
  if (t.model.kind !== "code" && t.grades.length === 0) report("error", "grades", "noGrades", { en: "list the grades, best first", zh: "请列出等级（从好到差）" });
  const gradeIds = kind.deriveGrades ? kind.deriveGrades(t.model, t).map((g) => g.id) : t.grades.map((g) => g.id);
  const dupGrades = t.grades.map((g) => g.id).filter((id, k, a) => a.indexOf(id) !== k);
  for (const id of new Set(dupGrades)) report("error", "grades", "duplicate", { en: `grade '${id}' appears twice`, zh: `等级“${id}”重复` });

  const used = new Set<string>();
  const given = new Set<string>();
  const ctx: CheckContext = {
    template: t,
    fields,
    params,
    gradeIds,
    report,
    gives: (id) => given.add(id),
    field(key, path, types) {
      used.add(key);
      const f = fields.get(key);
      if (!f) {
        report("error", path, "unknownField", { en: `unknown field '${key}'`, zh: `未知字段“${key}”` });
        return undefined;
      }
      if (!types.includes(f.type)) {
        report("error", path, "fieldType", {
          en: `field '${key}' is ${f.type}, expected ${types.join(" or ")}`,
          zh: `字段“${key}”的类型为 ${f.type}，应为 ${types.join(" 或 ")}`,
        });
      }
      return f;
    },
    grade(id, path) {
      if (!gradeIds.includes(id)) report("error", path, "unknownGrade", { en: `unknown grade '${id}'`, zh: `未知等级“${id}”` });
    },
    num(v: Num, path) {
      if (typeof v === "number") return v;
      if (isPopStat(v)) return popStat(v, path, false);
      const p = params.get(v.param);
      if (!p) {
        report("error", path, "unknownParam", { en: `unknown parameter '${v.param}'`, zh: `未知参数“${v.param}”` });
        return NaN;
      }
      return p.default;
    },
    condition(c: Condition, path) {
      if ("all" in c) return c.all.forEach((x, k) => ctx.condition(x, `${path}.all[${k}]`));
      if ("any" in c) return c.any.forEach((x, k) => ctx.condition(x, `${path}.any[${k}]`));
      if ("not" in c) return ctx.condition(c.not, `${path}.not`);
      if ("expr" in c) {
        ctx.expr(c.expr, `${path}.expr`);
        if (isPopStat(c.value)) popStat(c.value, `${path}.value`, true);
        else ctx.num(c.value, `${path}.value`);
        return;
      }
      if ("op" in c) {
        ctx.field(c.field, `${path}.field`, ["number"]);
        if (isPopStat(c.value)) popStat(c.value, `${path}.value`, true);
        else ctx.num(c.value, `${path}.value`);
        return;
      }
      if ("is" in c || "in" in c) {
        const f = ctx.field(c.field, `${path}.field`, ["category", "yesno"]);
        const words = "is" in c ? [c.is] : c.in;
        for (const w of words) {
          const known = !f || (f.type === "yesno" ? parseYesNo(w).ok : categoryIndex(f).has(normalizeWord(w)));
          if (!known) {
            report("error", path, "unknownValue", { en: `'${w}' is not a value of field '${c.field}'`, zh: `“${w}”不是字段“${c.field}”的可选值` });
          }
        }
        return;
      }
      const pattern = textPatternOf(c);
      if (pattern) {
        ctx.field(c.field, `${path}.field`, ["text", "category"]);
        pattern.words.forEach((w, k) => {
          if (foldText(w) === "") report("error", `${path}.${pattern.mode}[${k}]`, "emptyWord", { en: "a blank word matches every cell", zh: "空白词会匹配所有单元格" });
        });
        return;
      }
      ctx.field(c.field, `${path}.field`, ["number", "category", "yesno", "text", "date"]);
    },
    expr(e: Expr, path) {
      if (typeof e === "number") return;
      if ("param" in e) return void ctx.num(e, path);
      if ("field" in e) return void ctx.field(e.field, `${path}.field`, ["number"]);
      if ("since" in e) return void ctx.field(e.since, `${path}.since`, ["date"]);
      if ("if" in e) {
        ctx.condition(e.if, `${path}.if`);
        ctx.expr(e.then, `${path}.then`);
        ctx.expr(e.else, `${path}.else`);
        return;
      }
      e.args.forEach((x, k) => ctx.expr(x, `${path}.args[${k}]`));
    },
  };
  // A population threshold: its field and group exist; within groups only in conditions. Its value
  // depends on the data, so the checker's interval analysis treats it as unknown (NaN).
  function popStat(v: Extract<Num, { stat: string }>, path: string, inCondition: boolean): number {
    ctx.field(v.field, `${path}.field`, ["number"]);
    if (v.groupBy) {
      ctx.field(v.groupBy, `${path}.groupBy`, ["category", "yesno", "text"]);
      if (!inCondition) {
        report("error", path, "groupStatPlace", {
          en: `a threshold within groups (${v.stat} of '${v.field}' by '${v.groupBy}') can only be used in a condition`,
          zh: `组内阈值（按“${v.groupBy}”分组的“${v.field}”${v.stat}）只能用于条件`,
        });
      }
    }
    if (v.stat === "percentile" && v.p === undefined) {
      report("error", `${path}.p`, "percentileP", { en: "a percentile needs p (0 to 1)", zh: "百分位数需要 p（0 到 1）" });
    }
    return NaN;
  }
  (t.measures ?? []).forEach((m, k) => {
    const path = `measures[${k}]`;
    if (fields.has(m.key)) report("error", `${path}.key`, "duplicate", { en: `measure '${m.key}' has the key of a field or an earlier measure`, zh: `度量“${m.key}”与字段或前面的度量同名` });
    ctx.expr(m.expr, `${path}.expr`);
    if (collectStats(m.expr).size > 0) {
      report("error", `${path}.expr`, "measureStat", { en: "a measure cannot use a population threshold", zh: "度量不能使用总体阈值" });
    }
    fields.set(m.key, measureField(m));
  });
  kind.check(t.model, ctx);
  t.fields.forEach((f, k) => {
    if (f.requiredUnless) ctx.condition(f.requiredUnless, `fields[${k}].requiredUnless`);
  });
  (t.post ?? []).forEach((a, k) => {
    const target = "floor" in a ? a.floor : a.cap;
    ctx.grade(target, `post[${k}].${"floor" in a ? "floor" : "cap"}`);
    ctx.condition(a.when, `post[${k}].when`);
    given.add(target);
  });
  (t.requireOneOf ?? []).forEach((g, k) => g.forEach((key, j) => ctx.field(key, `requireOneOf[${k}][${j}]`, ["number", "category", "yesno", "text"])));
  if (t.model.kind !== "code") {
    const reported = new Set(issues.filter((i) => i.code === "unreachable").map((i) => i.message.en));
    t.grades.forEach((g, k) => {
      if (!given.has(g.id) && ![...reported].some((m) => m.includes(`grade ${g.id} `))) {
        report("warning", `grades[${k}]`, "neverGiven", { en: `grade ${g.id} is never given`, zh: `等级 ${g.id} 永远不会出现` });
      }
    });
  }
  if (t.review) checkReview(t.review, ctx);
  if (t.orders) checkOrders(t.orders, ctx);
  t.fields.forEach((f, k) => {
    // An optional text field is carried through for analysis (defeat-3's reason and series).
    const carried = f.type === "text" && f.required === false;
    if (!used.has(f.key) && !carried) report("warning", `fields[${k}]`, "unusedField", { en: `field '${f.key}' is not used`, zh: `字段“${f.key}”未被使用` });
  });
}

/**
 * Untrusted template JSON text -> the checker's result: the one JSON gate (`template-json.ts`:
 * size, depth, JSON, forbidden keys), then the schema and logic checks. Nothing in the text is
 * executed; formula-looking labels stay plain text.
 */
export function parseTemplateJson(text: unknown): CheckResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  return checkTemplate(parsed.value);
}
