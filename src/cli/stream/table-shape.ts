/**
 * The shape of a table to grade, decided from its first rows: the header row, the columns the
 * template's fields map to, and the blank-cell rules that end the table. Shared by the in-memory
 * and the streaming grade (`grade-stream.ts`).
 */
import { matchHeaders, normalizeWord, type Field, type GradeKitError, type Template } from "../../engine";
import { cellText, columnLetter, type CellValue } from "../io";
import { both, fail } from "../messages";

/** Names of the columns the CLI adds. */
export const OUTPUT_COLUMNS = { grade: "grade", score: "score", reason: "reason" } as const;

/** How many non-blank rows from the top may be looked at for the header row. */
export const HEADER_SCAN = 20;

export const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
export const rowBlank = (r: readonly CellValue[] | undefined) => !r || r.every(isBlankCell);

/** Number of cells up to the last non-blank one. */
export function usedWidth(r: readonly CellValue[]): number {
  let w = r.length;
  while (w > 0 && isBlankCell(r[w - 1])) w--;
  return w;
}

export function fieldByName(template: Template, name: string): Field | undefined {
  const k = normalizeWord(name);
  return template.fields.find((f) => f.key === name) ?? template.fields.find((f) => [f.key, f.label.en, f.label.zh].some((x) => normalizeWord(x) === k));
}

/** `--map` items -> field key and a header text or a 1-based `#N` column. */
export function parseMap(items: string[], template: Template): { field: string; header: string; column?: number }[] {
  return items.map((item) => {
    const eq = item.indexOf("=");
    if (eq <= 0 || eq === item.length - 1) throw fail("badMap", "usage", { item });
    const name = item.slice(0, eq).trim();
    const header = item.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/, "$2");
    const f = fieldByName(template, name);
    if (!f) throw fail("mapUnknownField", "usage", { field: name, template: template.id, fields: template.fields.map((x) => x.key).join(", ") });
    const col = /^#\d+$/.test(header) ? Number(header.slice(1)) : undefined;
    return { field: f.key, header, column: col };
  });
}


/** Overrides for `matchHeaders` on one header row; null when a `--map` header is not in it. */
export function overridesFor(maps: ReturnType<typeof parseMap>, headers: string[]): { o: Record<string, string | number>; bad?: (typeof maps)[number] } {
  const o: Record<string, string | number> = {};
  const norm = headers.map(normalizeWord);
  for (const x of maps) {
    const col = x.column !== undefined ? x.column - 1 : norm.indexOf(normalizeWord(x.header));
    if (col < 0 || col >= headers.length) return { o, bad: x };
    o[x.field] = col;
  }
  return { o };
}

/**
 * The header row: the first non-blank row among the first few that gives every required field a
 * column; else the one that matches the most fields; else the first non-blank row. This skips
 * title rows above the header (common in Chinese sheets) and never guesses past the data.
 */
export function findHeaderRow(rows: CellValue[][], last: number, template: Template, maps: ReturnType<typeof parseMap>): number {
  let first = -1;
  let best = -1;
  let bestCount = 0;
  let seen = 0;
  for (let r = 0; r <= last && seen < HEADER_SCAN; r++) {
    if (rowBlank(rows[r])) continue;
    seen++;
    if (first < 0) first = r;
    const headers = rows[r].map((v) => cellText(v));
    const { o, bad } = overridesFor(maps, headers);
    if (bad) continue;
    const match = matchHeaders(headers, template, o);
    const count = Object.keys(match.mapping).length;
    if (count > 0 && match.missing.length === 0) return r;
    if (count > bestCount) {
      bestCount = count;
      best = r;
    }
  }
  return best >= 0 ? best : first;
}

/** The outcome columns of an earlier run at the end of the header, if any (re-grading replaces them). */
export function existingOutputColumns(headers: string[]): number {
  const tail = (k: number) => headers.slice(headers.length - k).map((h) => h.trim().toLowerCase());
  if (headers.length >= 3 && tail(3).join("|") === "grade|score|reason") return 3;
  if (headers.length >= 2 && tail(2).join("|") === "grade|reason") return 2;
  return 0;
}

/** A `--map` item read: field key, header text, or a 1-based column. */
export type ColumnMap = ReturnType<typeof parseMap>;

export function missingColumnError(
  template: Template,
  match: ReturnType<typeof matchHeaders>,
  headers: string[],
  headerRow: number,
): GradeKitError {
  const listed = headers.filter((x) => x.trim() !== "").slice(0, 12).join(", ") || "-";
  const fix = (keys: string[]) => {
    const s = match.suggestions.find((x) => keys.includes(x.field));
    return s
      ? both("fixSuggest", { header: s.header, col: columnLetter(s.column + 1), field: s.field })
      : both("fixGeneric", { field: keys[0], row: headerRow, headers: listed });
  };
  const group = (template.requireOneOf ?? []).find((g) => g.every((k) => match.missing.includes(k)));
  const single = match.missing.find((k) => !group || !group.includes(k));
  if (single) {
    const f = template.fields.find((x) => x.key === single)!;
    return fail("missingColumn", "input", { field: single, labels: `${f.label.en} / ${f.label.zh}`, fix: fix([single]) });
  }
  const g = group!;
  const names = g.map((k) => {
    const f = template.fields.find((x) => x.key === k)!;
    return `'${k}' (${f.label.en} / ${f.label.zh})`;
  });
  return fail("missingOneOf", "input", { fields: { en: names.join(", "), zh: names.join("、") }, fix: fix(g) });
}
