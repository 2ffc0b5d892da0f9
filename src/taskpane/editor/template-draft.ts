/**
 * The template editor's pure side, on a draft template: starting drafts (blank, a copy of a
 * template), a kind's starting model (from the kind's editor metadata in the engine), reference
 * renames, immutable list edits, and the editor's own checks on top of the engine checker (id
 * taken by a built-in or by another saved template).
 */
import {
  checkTemplate,
  MODEL_KINDS,
  type CheckIssue,
  type Condition,
  type Field,
  type Grade,
  type Model,
  type ModelOf,
  type NewModelNames,
  type Template,
  type Text,
} from "../../engine";
import { BUILTIN_IDS } from "../../templates";
import { CATALOGUES } from "../i18n";

/** A text in both languages from the catalogues (names of new things are template texts, not UI). */
function both(key: "editor.blank.name" | "editor.blank.field" | "editor.blank.criterion", n?: number): Text {
  const fill = (s: string) => s.replace("{n}", String(n ?? 1));
  return { en: fill(CATALOGUES.en[key]), zh: fill(CATALOGUES["zh-CN"][key]) };
}

/** `base`, or `base-2`, `base-3` ... not in `taken` (ids are lower-case letters, digits and -). */
/** The draft's fields and its computed measures (as number fields): what bands, conditions and criteria can read. */
export function draftFields(draft: Template): Field[] {
  return [...draft.fields, ...(draft.measures ?? []).map((m): Field => ({ key: m.key, label: m.label, type: "number", required: false, unit: m.unit }))];
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 56) || "template";
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

const BLANK_COLORS = ["#1E8E3E", "#F9AB00", "#D93025"];

/** A new template that already grades: one number field, three grades A/B/C by thresholds. */
export function blankTemplate(taken: Iterable<string>): Template {
  const grades: Grade[] = ["A", "B", "C"].map((id, k) => ({ id, label: { en: id, zh: id }, color: BLANK_COLORS[k] }));
  return {
    id: uniqueId("my-template", [...taken, ...BUILTIN_IDS]),
    version: 1,
    name: both("editor.blank.name"),
    description: { en: "", zh: "" },
    category: "custom",
    fields: [{ key: "value", label: both("editor.blank.field"), type: "number" }],
    grades,
    model: {
      kind: "bands",
      field: "value",
      bands: [
        { grade: "A", op: ">=", value: 100 },
        { grade: "B", op: ">=", value: 50 },
      ],
      otherwise: "C",
    },
  };
}

/** A copy of a template to edit as a new one: new id, version 1, category custom, " (copy)" names. */
export function copyOf(template: Template, taken: Iterable<string>): Template {
  const copy = structuredCloneJson(template);
  copy.id = uniqueId(`${template.id}-custom`, [...taken, ...BUILTIN_IDS]);
  copy.version = 1;
  copy.category = "custom";
  copy.name = {
    en: `${template.name.en}${CATALOGUES.en["editor.copySuffix"]}`.slice(0, 4000),
    zh: `${template.name.zh}${CATALOGUES["zh-CN"]["editor.copySuffix"]}`.slice(0, 4000),
  };
  delete copy.changeNote;
  return copy;
}

/** A deep copy of JSON data (templates are JSON by construction). */
export function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------------
// Starting models

/** The names new models give new things (template texts, from the editor's catalogue). */
export const NEW_MODEL_NAMES: NewModelNames = {
  criterion: (n) => both("editor.blank.criterion", n),
};

/** A starting model of a kind for the draft's fields and grades, or undefined for kinds edited only as JSON. */
export function defaultModel<K extends Model["kind"]>(kind: K, draft: Template): ModelOf<K> | undefined {
  const editor = MODEL_KINDS[kind].editor;
  return editor.form ? (editor.newModel(draft, NEW_MODEL_NAMES) as ModelOf<K>) : undefined;
}

/** Drops `undefined` members (optional keys left unset by the form). */
export function compact<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Lists and renames

export function replaceAt<T>(list: readonly T[], k: number, item: T): T[] {
  return list.map((x, i) => (i === k ? item : x));
}

export function removeAt<T>(list: readonly T[], k: number): T[] {
  return list.filter((_, i) => i !== k);
}

/** The list with item k moved by `delta` places (clamped). */
export function moveItem<T>(list: readonly T[], k: number, delta: number): T[] {
  const j = Math.min(list.length - 1, Math.max(0, k + delta));
  if (j === k) return [...list];
  const out = [...list];
  const [x] = out.splice(k, 1);
  out.splice(j, 0, x);
  return out;
}

/** Every object member named one of `keys` whose value is `from`, set to `to` (deep, iterative). */
function renameDeep(value: unknown, keys: readonly string[], from: string, to: string): unknown {
  const root = structuredCloneJson(value);
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (keys.includes(k) && o[k] === from) o[k] = to;
      else stack.push(o[k]);
    }
  }
  return root;
}

/** A grade id renamed everywhere it is referenced (model, adjustments, review bounds and caps). */
export function renameGrade(t: Template, from: string, to: string): Template {
  if (from === to || !from) return t;
  const keys = ["grade", "otherwise", "floor", "cap"];
  return {
    ...t,
    model: renameDeep(t.model, keys, from, to) as Model,
    ...(t.post ? { post: renameDeep(t.post, keys, from, to) as Template["post"] } : {}),
    ...(t.review ? { review: renameDeep(t.review, keys, from, to) as Template["review"] } : {}),
  };
}

/** A field key renamed everywhere it is referenced (conditions, expressions, scoring, groups). */
export function renameField(t: Template, from: string, to: string): Template {
  if (from === to || !from) return t;
  const keys = ["field", "groupBy"];
  return {
    ...t,
    fields: t.fields.map((f) => (f.requiredUnless ? { ...f, requiredUnless: renameDeep(f.requiredUnless, keys, from, to) as Condition } : f)),
    ...(t.measures ? { measures: renameDeep(t.measures, keys, from, to) as Template["measures"] } : {}),
    model: renameDeep(t.model, keys, from, to) as Model,
    ...(t.post ? { post: renameDeep(t.post, keys, from, to) as Template["post"] } : {}),
    ...(t.review ? { review: renameDeep(t.review, keys, from, to) as Template["review"] } : {}),
    ...(t.requireOneOf ? { requireOneOf: t.requireOneOf.map((g) => g.map((k) => (k === from ? to : k))) } : {}),
  };
}

/** A parameter key renamed in every `{ param }` reference. */
export function renameParam(t: Template, from: string, to: string): Template {
  if (from === to || !from) return t;
  return {
    ...t,
    model: renameDeep(t.model, ["param"], from, to) as Model,
    ...(t.post ? { post: renameDeep(t.post, ["param"], from, to) as Template["post"] } : {}),
    ...(t.review ? { review: renameDeep(t.review, ["param"], from, to) as Template["review"] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

export interface EditorContext {
  /** True for a template not yet saved in this workbook (new, copy, import of an unknown id). */
  isNew: boolean;
  /** Ids of the templates saved in the workbook. */
  savedIds: ReadonlySet<string>;
}

/** Checker-style paths of numbers the form could not read (NaN in the draft). */
export function nanPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "number" && Number.isNaN(v)) found.push(path);
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) v.forEach((x, k) => stack.push([x, `${path}[${k}]`]));
    else for (const [k, x] of Object.entries(v)) stack.push([x, path ? `${path}.${k}` : k]);
  }
  return found.sort();
}

/**
 * The checker's issues plus the editor's: numbers typed that are not numbers (named at their own
 * path, instead of the schema's "Invalid input" on the enclosing union), an id of a built-in, or
 * (new templates) of a saved one.
 */
export function editorIssues(draft: Template, ctx: EditorContext): CheckIssue[] {
  let issues = [...checkTemplate(draft).issues];
  const nan = nanPaths(draft);
  if (nan.length) {
    const covers = (outer: string) => (p: string) => p === outer || p.startsWith(`${outer}.`) || p.startsWith(`${outer}[`);
    issues = [
      ...nan.map((path): CheckIssue => ({ severity: "error", path, code: "notNumber", message: { en: "enter a number", zh: "请输入数字" } })),
      ...issues.filter((i) => !(i.code === "schema" && nan.some(covers(i.path)))),
    ];
  }
  if (BUILTIN_IDS.includes(draft.id)) {
    issues.unshift({
      severity: "error",
      path: "id",
      code: "builtinId",
      message: {
        en: `'${draft.id}' is the id of a built-in template; choose another`,
        zh: `“${draft.id}”是内置模板的 id，请另选一个`,
      },
    });
  } else if (ctx.isNew && ctx.savedIds.has(draft.id)) {
    issues.unshift({
      severity: "error",
      path: "id",
      code: "savedId",
      message: {
        en: `a template with the id '${draft.id}' is already saved in this workbook`,
        zh: `本工作簿中已保存 id 为“${draft.id}”的模板`,
      },
    });
  }
  return issues;
}
