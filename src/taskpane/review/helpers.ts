/**
 * Pure helpers of the period review panel: default period label and dates, the template used to
 * read the table (so the Grade/Score/Reason columns an apply wrote stay part of it), and default
 * columns guessed from the header row.
 */
import { normalizeWord, type Field, type Template } from "../../engine";
import { isoOf, serialOf, toSerial } from "../../engine/review";
import { WORDS } from "../../excel/words";

/** The current month on the computer's calendar, e.g. `2026-11` (the default period label). */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

/** Today on the computer's calendar as `yyyy-mm-dd`. */
export function todayIso(now: Date = new Date()): string {
  return isoOf(serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}

/** True when the text is a date the adapter accepts (ISO `yyyy-mm-dd`, or a serial). */
export function isDateText(text: string): boolean {
  const s = text.trim();
  return s !== "" && toSerial(s).ok;
}

/** The grades of the template that have a follow-up cadence. */
export function hasCadence(template: Template | null | undefined): boolean {
  return Boolean(template?.grades.some((g) => typeof g.cadenceDays === "number"));
}

type OutputKind = "grade" | "score" | "reason";
const OUTPUT_KINDS: readonly OutputKind[] = ["grade", "score", "reason"];
const OUTPUT_KEY: Record<OutputKind, string> = { grade: "gradekitOutputGrade", score: "gradekitOutputScore", reason: "gradekitOutputReason" };

/**
 * The template plus three optional fields named like the columns apply writes (Grade / Score /
 * Reason, 等级 / 得分 / 原因). Reading the selection with it keeps those columns in the table
 * (the adapter drops unmatched output columns at the right end of a table).
 */
export function reviewReadTemplate(template: Template): Template {
  const extra: Field[] = OUTPUT_KINDS.filter((k) => !template.fields.some((f) => f.key === OUTPUT_KEY[k])).map((k) => ({
    key: OUTPUT_KEY[k],
    label: { en: WORDS.en[k], zh: WORDS["zh-CN"][k] },
    type: "text",
    required: false,
  }));
  return { ...template, fields: [...template.fields, ...extra] };
}

function isOutputHeader(h: string, kind: OutputKind): boolean {
  const n = normalizeWord(h);
  return n !== "" && (n === normalizeWord(WORDS.en[kind]) || n === normalizeWord(WORDS["zh-CN"][kind]));
}

/** The rightmost column headed like apply's Grade (or Score) column, or undefined. */
export function outputColumn(headers: readonly string[], kind: "grade" | "score"): number | undefined {
  for (let j = headers.length - 1; j >= 0; j--) if (isOutputHeader(headers[j], kind)) return j;
  return undefined;
}

/** The first column that is neither one of the template's fields nor a GradeKit output: usually the customer. */
export function keyColumn(headers: readonly string[], mapping: Readonly<Record<string, number>>): number | undefined {
  if (headers.length === 0) return undefined;
  const used = new Set(Object.values(mapping));
  const j = headers.findIndex((h, i) => !used.has(i) && !OUTPUT_KINDS.some((k) => isOutputHeader(h, k)));
  return j >= 0 ? j : 0;
}

const CONTACT = /(last\s*contact|contacted|contact\s*date|上次联系|最近联系|联系日期|最后联系|跟进日期|拜访日期)/i;

/** A column whose header looks like a last-contact date, or undefined. */
export function lastContactColumn(headers: readonly string[]): number | undefined {
  const j = headers.findIndex((h) => CONTACT.test(h));
  return j >= 0 ? j : undefined;
}

/** Select value <-> optional column index. */
export const columnValue = (col: number | undefined): string => (col === undefined ? "" : String(col));
export const parseColumnValue = (v: string): number | undefined => (v === "" || !/^\d+$/.test(v) ? undefined : Number(v));
