/** Where a template comes from: a built-in id, or a JSON file through the engine's JSON gate and checker. */
import * as fs from "fs";
import { MAX_TEMPLATE_FILE_BYTES, parseNumber, parseTemplateJson, tr, type CheckIssue, type Lang, type Template } from "../../engine";
import { getBuiltinTemplate } from "../../templates";
import { both, fail } from "../messages";

/** One issue as `error|warning path: message`. */
export function issueLine(i: CheckIssue, lang: Lang): string {
  return `${i.severity} ${i.path}: ${tr(i.message, lang)}`;
}

/** Reads a template file's text (size-limited, BOM dropped). */
export function readTemplateText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw fail("noFile", "notFound", { what: both("what_template"), path: file });
  }
  // Characters <= bytes, so a file over 4x the character limit is over it whatever its encoding;
  // the text itself then goes through the engine's one JSON gate (parseTemplateJson).
  if (stat.size > MAX_TEMPLATE_FILE_BYTES) throw fail("templateTooLarge", "template", { path: file });
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw fail("cannotRead", "input", { what: both("what_template"), path: file, why: (e as Error).message });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A built-in template by id, or a template file (`.json`). A file with checker errors is refused
 * (a `template` error, exit.ts) with the checker's messages as its details; warnings are returned for the caller to show.
 */
export function loadTemplate(spec: string, lang: Lang): { template: Template; warnings: CheckIssue[]; file?: string } {
  const builtin = getBuiltinTemplate(spec);
  if (builtin) return { template: builtin, warnings: [] };
  const looksLikeFile = /\.json$/i.test(spec) || /[\\/]/.test(spec) || fs.existsSync(spec);
  if (!looksLikeFile) throw fail("unknownTemplate", "notFound", { id: spec });
  const text = readTemplateText(spec);
  const res = parseTemplateJson(text);
  if (!res.ok || !res.template) {
    throw fail("badTemplateFile", "template", { path: spec }, res.issues.map((i) => issueLine(i, lang)));
  }
  return { template: res.template, warnings: res.issues, file: spec };
}

/** `--param name=value` items -> parameter overrides, checked against the template (grade, compile, form). */
export function parseParams(items: string[], template: Template): Record<string, number> {
  const out: Record<string, number> = {};
  const list = (template.params ?? []).map((p) => `${p.key} (${p.default})`).join(", ") || "-";
  for (const item of items) {
    const eq = item.indexOf("=");
    const key = eq > 0 ? item.slice(0, eq).trim() : "";
    const p = (template.params ?? []).find((x) => x.key === key);
    const v = p ? parseNumber(item.slice(eq + 1).trim()) : undefined;
    if (!p || !v || !v.ok) throw fail("badParam", "usage", { item, template: template.id, params: list });
    if ((p.min !== undefined && v.value < p.min) || (p.max !== undefined && v.value > p.max)) {
      throw fail("paramRange", "usage", { name: key, value: v.value, min: p.min ?? "-∞", max: p.max ?? "∞" });
    }
    out[key] = v.value;
  }
  return out;
}
