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
  /** Number fields whose column header carries a unit (`年消费额（万元）`): the unit and its factor. */
  units: Record<string, HeaderUnit>;
}

/** A unit written in a column's header: the text as found and what a plain cell there is multiplied by. */
export interface HeaderUnit {
  unit: string;
  factor: number;
}

/** Units a header may end with, in parentheses (half- or full-width), normalised with `normalizeWord`. */
const HEADER_UNITS: Record<string, number> = {
  "元": 1,
  "人民币元": 1,
  "¥": 1,
  "￥": 1,
  "cny": 1,
  "rmb": 1,
  "yuan": 1,
  "千元": 1e3,
  "k": 1e3,
  "kcny": 1e3,
  "thousand": 1e3,
  "thousands": 1e3,
  "thousandcny": 1e3,
  "万元": 1e4,
  "萬元": 1e4,
  "万": 1e4,
  "萬": 1e4,
  "10k": 1e4,
  "10kcny": 1e4,
  "百万元": 1e6,
  "百万": 1e6,
  "m": 1e6,
  "mcny": 1e6,
  "million": 1e6,
  "millions": 1e6,
  "millioncny": 1e6,
  "亿元": 1e8,
  "億元": 1e8,
  "亿": 1e8,
  "億": 1e8,
};

const UNIT_SUFFIX = /^(.*\S)\s*[(（]([^()（）]+)[)）]\s*$/;

/**
 * Splits a header into its name and a unit in parentheses at its end, when the unit is one GradeKit
 * knows (`年消费额（万元）` -> 年消费额, 万元 x 10000; `Revenue (K)` -> Revenue, K x 1000).
 *
 * @example headerUnit("金额(千元)") // { name: "金额", unit: "千元", factor: 1000 }
 */
export function headerUnit(header: string): { name: string; unit: string; factor: number } | undefined {
  const m = UNIT_SUFFIX.exec(header.trim());
  if (!m) return undefined;
  const factor = HEADER_UNITS[normalizeWord(m[2])];
  return factor === undefined ? undefined : { name: m[1], unit: m[2].trim(), factor };
}

/**
 * The units in the headers of the mapped number columns. A header that is a field's own name
 * (key or label) as a whole carries no unit, even when the name ends in parentheses.
 */
export function headerUnits(template: Template, headers: readonly unknown[], mapping: Readonly<Record<string, number>>): Record<string, HeaderUnit> {
  const out: Record<string, HeaderUnit> = {};
  for (const f of template.fields) {
    const col = mapping[f.key];
    if (f.type !== "number" || col === undefined || col < 0) continue;
    const h = headers[col];
    if (typeof h !== "string") continue;
    if (fieldNames(f).includes(normalizeWord(h))) continue;
    const u = headerUnit(h);
    if (u) out[f.key] = { unit: u.unit, factor: u.factor };
  }
  return out;
}

/** Column factors for `TableInput.scale` from header units (fields without a unit are left out). */
export function unitScale(units: Readonly<Record<string, HeaderUnit>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, u] of Object.entries(units)) if (u.factor !== 1) out[k] = u.factor;
  return out;
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
  // The same headers without a unit at the end (`年消费额（万元）` -> 年消费额), for number fields.
  const bare = headers.map((h, i) => {
    const u = typeof h === "string" ? headerUnit(h) : undefined;
    return u ? normalizeWord(u.name) : norm[i];
  });
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
    let col = norm.findIndex((h, i) => h !== "" && !taken.has(i) && names.includes(h));
    if (col < 0 && f.type === "number") col = bare.findIndex((h, i) => h !== "" && !taken.has(i) && names.includes(h));
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
  return { mapping, missing, suggestions, unused, units: headerUnits(template, headers, mapping) };
}
