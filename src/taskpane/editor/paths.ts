/**
 * Checker paths (`model.rules[1].when.all[0].value`) as words a person reads, in the UI language:
 * "Rule 2 → condition → AND part 1 → value". Unknown names are shown as they are.
 */
import type { CheckIssue, Template, Text } from "../../engine";
import type { MessageKey, TFunction } from "../i18n";

type Token = { name: string; index?: number } | { index: number };

/** `a.b[2].c` -> [{name:a}, {name:b, index:2}, {name:c}]; a bare `[3]` is its own token. */
export function pathTokens(path: string): Token[] {
  const out: Token[] = [];
  const re = /\[(\d+)\]|\.?([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) {
      const last = out[out.length - 1];
      const index = Number(m[1]);
      if (last && "name" in last && last.index === undefined) last.index = index;
      else out.push({ index });
    } else out.push({ name: m[2] });
  }
  return out;
}

/** Names of list items: `rules[1]` -> "Rule 2". */
const ITEM: Record<string, MessageKey> = {
  fields: "path.field",
  params: "path.param",
  grades: "path.grade",
  rules: "path.rule",
  bands: "path.band",
  criteria: "path.criterion",
  steps: "path.step",
  categories: "path.categoryValue",
  aliases: "path.alias",
  all: "path.allItem",
  any: "path.anyItem",
  in: "path.inItem",
  cuts: "path.cut",
  codes: "path.code",
  labels: "path.label",
  parts: "path.part",
  args: "path.arg",
  post: "path.adjustment",
  readings: "path.reading",
  requireOneOf: "path.group",
  raise: "path.raise",
  lower: "path.lower",
  caps: "path.cap",
};

/** Single names: `when` -> "condition". */
const WORD: Record<string, MessageKey> = {
  id: "path.id",
  version: "path.version",
  name: "path.name",
  description: "path.description",
  source: "path.source",
  category: "path.category",
  model: "path.model",
  changeNote: "path.changeNote",
  key: "path.key",
  label: "path.labelWord",
  en: "path.en",
  zh: "path.zh",
  type: "path.type",
  required: "path.required",
  requiredUnless: "path.requiredUnless",
  default: "path.default",
  min: "path.min",
  max: "path.max",
  unit: "path.unit",
  color: "path.color",
  action: "path.action",
  when: "path.when",
  note: "path.note",
  field: "path.fieldWord",
  op: "path.op",
  value: "path.value",
  is: "path.value",
  blank: "path.blank",
  not: "path.not",
  expr: "path.expr",
  grade: "path.gradeWord",
  otherwise: "path.otherwise",
  scoring: "path.scoring",
  points: "path.points",
  weight: "path.weight",
  grading: "path.grading",
  kind: "path.kind",
  groupBy: "path.groupBy",
  floor: "path.floor",
  cap: "path.capWord",
  review: "path.review",
  param: "path.paramWord",
  "(template)": "path.template",
  "(file)": "path.file",
  "(part)": "path.file",
};

/** `table[key]` for own keys only (a path may well say `__proto__` or `constructor`). */
function own(table: Record<string, MessageKey>, key: string): MessageKey | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Models whose lists follow `model.` directly: "Rule 2", not "Grading method → Rule 2". */
const MODEL_LISTS = new Set(["rules", "bands", "criteria"]);

/**
 * A readable path. `template` (the draft) adds names where it has them: "Field 2 (annualSpend)".
 *
 * @example describePath("model.rules[1].when", t, draft) // "Rule 2 → condition"
 */
export function describePath(path: string, t: TFunction, template?: Template): string {
  const tokens = pathTokens(path);
  const parts: string[] = [];
  tokens.forEach((tok, k) => {
    if (!("name" in tok)) {
      parts.push(t("path.item", { n: tok.index + 1 }));
      return;
    }
    const { name, index } = tok;
    if (name === "model" && index === undefined && k === 0 && tokens.length > 1) {
      const next = tokens[1];
      if ("name" in next && MODEL_LISTS.has(next.name) && next.index !== undefined) return;
    }
    if (index !== undefined) {
      const item = own(ITEM, name);
      let text = item ? t(item, { n: index + 1 }) : t("path.namedItem", { name, n: index + 1 });
      const key = k === 0 ? keyOf(template, name, index) : undefined;
      if (key) text = t("path.withKey", { item: text, key });
      parts.push(text);
      return;
    }
    const word = own(WORD, name);
    parts.push(word ? t(word) : name);
  });
  const text = parts.join(t("path.separator")) || t("path.template");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function keyOf(template: Template | undefined, list: string, index: number): string | undefined {
  if (!template) return undefined;
  if (list === "fields") return template.fields?.[index]?.key || undefined;
  if (list === "params") return template.params?.[index]?.key || undefined;
  if (list === "grades") return template.grades?.[index]?.id || undefined;
  return undefined;
}

/** One issue as a line: "Rule 2 → condition: unknown field 'x'" in the UI language. */
export function issueText(i: CheckIssue, t: TFunction, tx: (x: Text | undefined) => string, template?: Template): string {
  return t("editor.issue", { path: describePath(i.path, t, template), message: tx(i.message) });
}
