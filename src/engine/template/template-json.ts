/**
 * The one gate for untrusted template JSON text (an imported file, a workbook's stored part, a
 * CLI argument): a size limit first (a 10 MB string is refused unread), the nesting depth by a
 * scan (no parser recursion on 10,000 levels), then `JSON.parse`, then no key may be `__proto__`,
 * `constructor` or `prototype` anywhere (JSON.parse keeps `__proto__` as a plain key, but code
 * copying the object could turn it into a prototype; such keys are never template keys).
 * Pure: text in, a value or issues out. The template checker (`checkTemplate`) comes after it.
 */
import { DEFAULTS } from "./defaults";
import type { CheckIssue } from "../kinds/types";

/** Object keys never accepted from outside, anywhere in the JSON. */
export const FORBIDDEN_KEYS: readonly string[] = Object.freeze(["__proto__", "constructor", "prototype"]);
/** Deepest nesting of arrays/objects accepted before `JSON.parse` (the checker's own limit). */
export const MAX_JSON_DEPTH = DEFAULTS.maxTemplateDepth * 3;
/** Largest template file read from disk or a file picker, in bytes (characters ≤ bytes ≤ 4 × characters in UTF-8). */
export const MAX_TEMPLATE_FILE_BYTES = DEFAULTS.maxTemplateChars * 4;

export type SafeJson = { ok: true; value: unknown } | { ok: false; issues: CheckIssue[] };

const issue = (path: string, code: string, en: string, zh: string): CheckIssue => ({ severity: "error", path, code, message: { en, zh } });

const grouped = (n: number) => n.toLocaleString("en-US");

/**
 * Nesting depth of JSON text, counted without parsing (brackets outside strings). Linear, no
 * recursion: a 10,000-level document costs a scan, not a stack.
 */
export function jsonTextDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** Paths (checker style: `fields[0].label`) of forbidden keys in a parsed value, iteratively. */
export function forbiddenKeyPaths(value: unknown, max = 20): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length && found.length < max) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let k = v.length - 1; k >= 0; k--) stack.push([v[k], `${path}[${k}]`]);
      continue;
    }
    const keys = Object.keys(v);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      const p = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.includes(key)) found.push(p);
      else stack.push([(v as Record<string, unknown>)[key], p]);
    }
  }
  return found;
}

/**
 * `JSON.parse` for text from outside: size limit, depth scan, parse, forbidden keys — each
 * refusal an issue at path `(file)` (or the key's path) in English and Chinese.
 */
export function parseJsonSafely(text: unknown, maxChars: number = DEFAULTS.maxTemplateChars): SafeJson {
  if (typeof text !== "string") return { ok: false, issues: [issue("(file)", "json", "not text", "不是文本")] };
  if (text.length > maxChars) {
    return {
      ok: false,
      issues: [issue("(file)", "tooLarge", `the template file is larger than ${grouped(maxChars)} characters`, `模板文件超过 ${grouped(maxChars)} 个字符`)],
    };
  }
  if (jsonTextDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, issues: [issue("(file)", "tooDeep", "the template is nested too deeply", "模板嵌套层级过深")] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [issue("(file)", "json", `not valid JSON: ${m}`, `不是有效的 JSON：${m}`)] };
  }
  const bad = forbiddenKeyPaths(value);
  if (bad.length) {
    return {
      ok: false,
      issues: bad.map((p) => {
        const key = p.slice(p.lastIndexOf(".") + 1);
        return issue(p, "forbiddenKey", `the key '${key}' is not allowed`, `不允许使用键“${key}”`);
      }),
    };
  }
  return { ok: true, value };
}
