/**
 * Pure helpers behind the task pane: grading the rows already read (preview and per-field parse
 * failures, no workbook calls), required-field checks, template search, column letters.
 */
import {
  compileTemplate,
  gradeTable,
  headerUnits,
  isBlank,
  normalizeWord,
  showValue,
  unitScale,
  type CompiledTemplate,
  type DateReading,
  type GradeResult,
  type Template,
  type TemplateCategory,
  type Text,
} from "../engine";
import type { TableInfo } from "../excel/contract";

export type Mapping = Record<string, number>;

/** The header row of a table read, or undefined when it has none (no header units then). */
export function tableHeaders(table: Pick<TableInfo, "hasHeader" | "headers">): readonly string[] | undefined {
  return table.hasHeader ? table.headers : undefined;
}

/**
 * The rows as engine columns: field key -> that column's values (unmapped fields are absent), with
 * the factors of units in the mapped columns' headers (`年消费额（万元）`), as the adapter grades them.
 */
export function columnsFor(template: Template, rows: readonly unknown[][], mapping: Mapping, headers?: readonly unknown[]) {
  const columns: Record<string, unknown[]> = {};
  for (const f of template.fields) {
    const col = mapping[f.key];
    if (col === undefined || col < 0) continue;
    columns[f.key] = rows.map((r) => r[col] ?? "");
  }
  const scale = headers ? unitScale(headerUnits(template, headers, mapping)) : {};
  return { columns, rowCount: rows.length, scale };
}

export interface FieldCheck {
  /** Rows that will fail because of this field (bad or missing value). */
  failing: number;
  /** The first such reason, in both languages. */
  example?: Text;
}

export interface Evaluation {
  result: GradeResult | null;
  compiled: CompiledTemplate | null;
  /** A template or parameter problem that stops grading (message from the engine, English). */
  problem: string | null;
  fields: Record<string, FieldCheck>;
}

/**
 * Grades the rows that were read with the current mapping and parameters, and counts per field the
 * rows that will fail to parse: every error of a row that names the field counts once for it.
 */
export function evaluate(
  template: Template,
  rows: readonly unknown[][],
  mapping: Mapping,
  params: Record<string, number> = {},
  headers?: readonly unknown[],
  dates?: DateReading,
): Evaluation {
  const fields: Record<string, FieldCheck> = {};
  for (const f of template.fields) fields[f.key] = { failing: 0 };
  let compiled: CompiledTemplate;
  let result: GradeResult;
  try {
    compiled = compileTemplate(template);
    result = gradeTable(compiled, { ...columnsFor(template, rows, mapping, headers), ...dates }, { params });
  } catch (e) {
    return { result: null, compiled: null, problem: e instanceof Error ? e.message : String(e), fields };
  }
  for (const errs of result.errors.values()) {
    const seen = new Set<string>();
    for (const e of errs) {
      if (!e.field || seen.has(e.field) || !fields[e.field]) continue;
      seen.add(e.field);
      const c = fields[e.field];
      c.failing++;
      if (!c.example) c.example = e.message;
    }
  }
  return { result, compiled, problem: null, fields };
}

/**
 * Required fields without a column, the way the engine's header matching counts them: required
 * unless `required: false` or a default; a `requireOneOf` group is missing only when none of it is mapped.
 */
export function missingFields(template: Template, mapping: Mapping): string[] {
  const mapped = (k: string) => mapping[k] !== undefined && mapping[k] >= 0;
  const missing = template.fields.filter((f) => !mapped(f.key) && f.required !== false && f.default === undefined).map((f) => f.key);
  for (const group of template.requireOneOf ?? []) {
    if (!group.some(mapped)) missing.push(...group.filter((k) => !missing.includes(k)));
  }
  return missing;
}

/** True when the field must have a column (alone, not as part of an at-least-one group). */
export function isRequired(template: Template, key: string): boolean {
  const f = template.fields.find((x) => x.key === key);
  if (!f || f.required === false || f.default !== undefined || f.requiredUnless) return false;
  return !(template.requireOneOf ?? []).some((g) => g.includes(key));
}

/** The first few non-blank values of a column, as shown in messages. */
export function sampleValues(rows: readonly unknown[][], col: number | undefined, n = 3): string[] {
  if (col === undefined || col < 0) return [];
  const out: string[] = [];
  for (const r of rows) {
    const v = r[col];
    if (isBlank(v)) continue;
    out.push(showValue(v));
    if (out.length >= n) break;
  }
  return out;
}

/** Zero-based column index -> letters (`0` -> `A`, `27` -> `AB`). */
export function columnLetters(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters -> zero-based index, or null (Excel has columns A..XFD). */
export function parseColumnLetters(text: string): number | null {
  const s = text.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < 16384 ? n - 1 : null;
}

/** Sheet row number (1-based, as Excel shows it) of data row i of a table. */
export function sheetRow(table: TableInfo, i: number): number {
  return table.rowIndex + (table.hasHeader ? 1 : 0) + i + 1;
}

/** The words a template is found by: id, names, descriptions, field and grade labels. */
function haystack(t: Template): string {
  const parts = [t.id, t.name.en, t.name.zh, t.description.en, t.description.zh];
  for (const f of t.fields) parts.push(f.key, f.label.en, f.label.zh);
  for (const g of t.grades) parts.push(g.id, g.label.en, g.label.zh);
  return parts.map(normalizeSearch).join("\n");
}

function normalizeSearch(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

/**
 * Templates whose names, ids, descriptions or field/grade labels contain every word of the query,
 * in English or Chinese (case-, width- and spacing-insensitive per word).
 */
export function searchTemplates(templates: readonly Template[], query: string): Template[] {
  const words = normalizeSearch(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...templates];
  return templates.filter((t) => {
    const h = haystack(t);
    const squeezed = normalizeWord(h);
    return words.every((w) => h.includes(w) || squeezed.includes(normalizeWord(w)));
  });
}

export const CATEGORY_ORDER: readonly TemplateCategory[] = ["pipeline", "value", "scorecard", "credit-risk", "retail", "lifecycle", "custom"];

/** Templates grouped by category, in the fixed category order; empty groups left out. */
export function groupByCategory(templates: readonly Template[]): { category: TemplateCategory; templates: Template[] }[] {
  return CATEGORY_ORDER.map((category) => ({ category, templates: templates.filter((t) => t.category === category) })).filter(
    (g) => g.templates.length > 0,
  );
}

/** The first column whose non-blank values are mostly numbers (ad-hoc grading's guess), or -1. */
export function firstNumericColumn(headers: readonly string[], rows: readonly unknown[][], exclude: ReadonlySet<number> = new Set()): number {
  for (let c = 0; c < headers.length; c++) {
    if (exclude.has(c)) continue;
    let nums = 0;
    let seen = 0;
    for (const r of rows.slice(0, 50)) {
      const v = r[c];
      if (isBlank(v)) continue;
      seen++;
      if (typeof v === "number") nums++;
    }
    if (seen > 0 && nums / seen >= 0.8) return c;
  }
  return -1;
}
