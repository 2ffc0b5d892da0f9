/**
 * Matching a table's headers to a template's fields: by key, English label or Chinese label,
 * case- and space-insensitive; near misses are offered as suggestions, never applied silently.
 */
import { normalizeWord } from "./parse";
import type { Field, Template } from "../template/schema";

export interface HeaderMatch {
  /** Field key -> column index. */
  mapping: Record<string, number>;
  /** Required fields with no column. */
  missing: string[];
  /** Fields without a column and the closest header, when one is close. */
  suggestions: { field: string; header: string; column: number }[];
  /** Columns that match no field. */
  unused: number[];
}

/** The words a header may use for a field. */
export function fieldNames(f: Field): string[] {
  return [f.key, f.label.en, f.label.zh].map(normalizeWord);
}

/** Levenshtein distance, capped (small strings only). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = new Array(b.length + 1).fill(0).map((_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Normalises `field=Header` overrides given by a user (CLI `--map`, task pane dropdowns). */
export type MappingOverride = Readonly<Record<string, string | number>>;

/**
 * Matches headers to fields. `overrides` maps field keys to a header text or a column index.
 *
 * @example matchHeaders(["客户", "年消费额"], spend5).mapping // { annualSpend: 1 }
 */
export function matchHeaders(headers: readonly unknown[], template: Template, overrides: MappingOverride = {}): HeaderMatch {
  const norm = headers.map((h) => (typeof h === "string" || typeof h === "number" ? normalizeWord(String(h)) : ""));
  const mapping: Record<string, number> = {};
  const taken = new Set<number>();
  for (const [key, target] of Object.entries(overrides)) {
    if (!template.fields.some((f) => f.key === key)) continue;
    const col = typeof target === "number" ? target : norm.indexOf(normalizeWord(target));
    if (col >= 0 && col < headers.length) {
      mapping[key] = col;
      taken.add(col);
    }
  }
  for (const f of template.fields) {
    if (f.key in mapping) continue;
    const names = fieldNames(f);
    const col = norm.findIndex((h, i) => h !== "" && !taken.has(i) && names.includes(h));
    if (col >= 0) {
      mapping[f.key] = col;
      taken.add(col);
    }
  }
  const suggestions: HeaderMatch["suggestions"] = [];
  for (const f of template.fields) {
    if (f.key in mapping) continue;
    const names = fieldNames(f);
    let best = -1;
    let bestD = Infinity;
    norm.forEach((h, i) => {
      if (!h || taken.has(i)) return;
      for (const name of names) {
        const d = name.includes(h) || h.includes(name) ? Math.abs(name.length - h.length) / 2 : distance(h, name);
        const limit = Math.max(1, Math.floor(name.length / 4));
        if (d <= limit && d < bestD) {
          bestD = d;
          best = i;
        }
      }
    });
    if (best >= 0) suggestions.push({ field: f.key, header: String(headers[best]), column: best });
  }
  const missing = template.fields.filter((f) => !(f.key in mapping) && f.required !== false && f.default === undefined).map((f) => f.key);
  // A group where at least one must be present: missing only when none of the group is mapped.
  for (const group of template.requireOneOf ?? []) {
    if (!group.some((k) => k in mapping)) missing.push(...group.filter((k) => !missing.includes(k)));
  }
  const unused = headers.map((_, i) => i).filter((i) => !taken.has(i));
  return { mapping, missing, suggestions, unused };
}
