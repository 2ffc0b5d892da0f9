/**
 * Ad-hoc grading without a saved template (spec: "Ad-hoc grading"): threshold bands and percentile
 * tiers, built as ordinary engine `Template` objects so that preview, apply, reasons and the checker
 * work exactly as for the built-in templates. Pure: no React, no Office.
 *
 * - Bands: thresholds + labels (one more label than thresholds, best first), direction "higher is
 *   better" (`>=`) or "lower is better" (`<=`), the boundary inclusive on the better side; the last
 *   label is the default grade. A config's thresholds may come in any order (sorted best first);
 *   the editor's rows pair each label with its threshold, so there they must already go from the
 *   best grade down (`bandsFromRows` says which row breaks the order instead of regrading silently).
 * - Percentile tiers: cut points in percent (default 20, 80 -> tiers 1/2/3), optional group column.
 * - ABC analysis: cumulative shares in percent (default 70, 90, labels from `value-share-3`),
 *   optional group column; a `share`-kind template, the kind `value-share-3` uses.
 *
 * Template texts (name, description, field labels) come from the task pane's message catalogues, so
 * they exist in English and Chinese like every other UI string.
 */
import { checkTemplate, fmt, parseNumber, tr, type CheckIssue, type Field, type Lang, type Template, type Text } from "../engine";
import { ramp } from "../templates/palette";
import { valueShare3 } from "../templates/population";
import { textOf } from "./i18n/catalogue";

export const ADHOC_BANDS_ID = "adhoc-bands";
export const ADHOC_PERCENTILE_ID = "adhoc-percentile";
export const ADHOC_SHARE_ID = "adhoc-share";
/** The quick options of the picker that build a template here. */
export type AdhocKind = "bands" | "percentile" | "share";
/** Field key of the graded number column. */
export const VALUE_FIELD = "value";
/** Field key of the optional group column of percentile tiers. */
export const GROUP_FIELD = "group";
/** The engine allows at most 20 cut points (21 tiers); bands use the same limit. */
export const MAX_GRADES = 21;
export const MAX_LABEL_CHARS = 64;

export type Direction = "higher" | "lower";

export interface BandsConfig {
  /** Threshold values, any order (sorted best first when built). */
  thresholds: number[];
  /** Grade labels best -> worst: one more than the thresholds (the last is the default grade). */
  labels: string[];
  direction: Direction;
  /** Header of the graded column, used in reasons ("Revenue 120,000 >= 100,000"). */
  valueLabel?: string;
}

export interface PercentileConfig {
  /** Cut points as fractions in (0, 1), ascending: `[0.2, 0.8]` = top 20% / middle 60% / bottom 20%. */
  cuts: number[];
  /** Tier labels best -> worst: one more than the cuts. */
  labels: string[];
  /** Rank within groups of a second column. */
  grouped: boolean;
  valueLabel?: string;
  groupLabel?: string;
}

export interface ShareConfig {
  /** Cumulative shares as fractions in (0, 1), increasing: `[0.7, 0.9]` = VIP / Important / Regular. */
  shares: number[];
  /** Grade labels best -> worst: one more than the shares. */
  labels: string[];
  /** Shares within groups of a second column. */
  grouped: boolean;
  valueLabel?: string;
  groupLabel?: string;
}

export type AdhocProblemCode =
  | "tooFewGrades"
  | "tooManyGrades"
  | "badNumber"
  | "duplicateThreshold"
  | "thresholdOrderHigher"
  | "thresholdOrderLower"
  | "badCut"
  | "cutOrder"
  | "badShare"
  | "shareOrder"
  | "emptyLabel"
  | "longLabel"
  | "duplicateLabel"
  | "labelCount"
  | "checker";

/** Why an ad-hoc definition cannot be used; `row` is the zero-based row of the editor it is about. */
export interface AdhocProblem {
  code: AdhocProblemCode;
  row?: number;
  /** The input text, or the checker's message. */
  text?: string;
  detail?: Text;
  /** Threshold order: this row's label, and the row above it (its label and threshold as typed). */
  label?: string;
  prevLabel?: string;
  prevText?: string;
}

export type BuildResult =
  | { ok: true; template: Template; warnings: CheckIssue[] }
  | { ok: false; problems: AdhocProblem[] };

/**
 * Fill colours for n grades, best first: the built-in palette up to 8 grades, then an evenly spaced
 * light green -> red ramp (black text stays readable on every one).
 */
export function gradeColors(n: number): string[] {
  if (n <= 8) return ramp(n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(hslToHex(140 - (140 * i) / (n - 1), 0.55, 0.82));
  return out;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

/** Problems with a label list: count limits, blanks, length, duplicates (case-insensitive, as in Excel). */
function labelProblems(labels: readonly string[]): AdhocProblem[] {
  const problems: AdhocProblem[] = [];
  if (labels.length < 2) problems.push({ code: "tooFewGrades" });
  if (labels.length > MAX_GRADES) problems.push({ code: "tooManyGrades", text: String(MAX_GRADES) });
  const seen = new Set<string>();
  labels.forEach((raw, row) => {
    const l = raw.trim();
    if (!l) problems.push({ code: "emptyLabel", row });
    else if (l.length > MAX_LABEL_CHARS) problems.push({ code: "longLabel", row, text: String(MAX_LABEL_CHARS) });
    else if (seen.has(l.toLowerCase())) problems.push({ code: "duplicateLabel", row, text: l });
    seen.add(l.toLowerCase());
  });
  return problems;
}

function finish(template: Template): BuildResult {
  const res = checkTemplate(template);
  if (!res.ok) {
    return {
      ok: false,
      problems: res.issues
        .filter((i) => i.severity === "error")
        .map((i) => ({ code: "checker" as const, text: i.path, detail: i.message })),
    };
  }
  return { ok: true, template, warnings: res.issues };
}

function valueField(label: string | undefined): Field {
  const l = label?.trim();
  return { key: VALUE_FIELD, label: l ? { en: l, zh: l } : textOf("adhoc.valueField"), type: "number" };
}

/**
 * Threshold bands as a template (kind "bands"): thresholds sorted best first, `>=` when higher is
 * better, `<=` when lower is better, the last label as the default grade.
 *
 * @example buildBandsTemplate({ thresholds: [100000, 50000, 20000], labels: ["A","B","C","D"], direction: "higher" })
 *   // model.bands: A >= 100000, B >= 50000, C >= 20000, otherwise D
 */
export function buildBandsTemplate(config: BandsConfig): BuildResult {
  const labels = config.labels.map((l) => l.trim());
  const problems = labelProblems(labels);
  if (labels.length !== config.thresholds.length + 1) problems.push({ code: "labelCount" });
  config.thresholds.forEach((v, row) => {
    if (!Number.isFinite(v)) problems.push({ code: "badNumber", row, text: String(v) });
  });
  const higher = config.direction === "higher";
  const sorted = [...config.thresholds].sort((a, b) => (higher ? b - a : a - b));
  sorted.forEach((v, k) => {
    if (k > 0 && v === sorted[k - 1]) problems.push({ code: "duplicateThreshold", text: fmt(v) });
  });
  if (problems.length) return { ok: false, problems };

  const colors = gradeColors(labels.length);
  const op = higher ? ">=" : "<=";
  const summary = sorted.map((v, k) => `${labels[k]} ${higher ? "≥" : "≤"} ${fmt(v)}`).join("; ");
  const last = labels[labels.length - 1];
  return finish({
    id: ADHOC_BANDS_ID,
    version: 1,
    category: "custom",
    name: textOf("adhoc.bands.name"),
    description: textOf(higher ? "adhoc.bands.descriptionHigher" : "adhoc.bands.descriptionLower", { bands: summary, last }),
    fields: [valueField(config.valueLabel)],
    grades: labels.map((l, k) => ({ id: l, label: { en: l, zh: l }, color: colors[k] })),
    model: {
      kind: "bands",
      field: VALUE_FIELD,
      bands: sorted.map((value, k) => ({ grade: labels[k], op, value })),
      otherwise: last,
    },
  });
}

/**
 * Percentile tiers as a template (kind "percentile"), optionally within groups (`groupBy` a text
 * field `group`, required: a row without a group is a bad input).
 *
 * @example buildPercentileTemplate({ cuts: [0.2, 0.8], labels: ["1","2","3"], grouped: false })
 */
export function buildPercentileTemplate(config: PercentileConfig): BuildResult {
  const labels = config.labels.map((l) => l.trim());
  const problems = labelProblems(labels);
  if (labels.length !== config.cuts.length + 1) problems.push({ code: "labelCount" });
  config.cuts.forEach((c, row) => {
    if (!(c > 0 && c < 1)) problems.push({ code: "badCut", row, text: String(c) });
    else if (row > 0 && !(c > config.cuts[row - 1])) problems.push({ code: "cutOrder", row });
  });
  if (problems.length) return { ok: false, problems };

  const colors = gradeColors(labels.length);
  const shares = config.cuts.map((c) => `${fmt(c * 100)}%`).join(" / ");
  const fields: Field[] = [valueField(config.valueLabel)];
  if (config.grouped) {
    const g = config.groupLabel?.trim();
    fields.push({ key: GROUP_FIELD, label: g ? { en: g, zh: g } : textOf("adhoc.groupField"), type: "text" });
  }
  return finish({
    id: ADHOC_PERCENTILE_ID,
    version: 1,
    category: "custom",
    name: textOf("adhoc.percentile.name"),
    description: textOf(config.grouped ? "adhoc.percentile.descriptionGrouped" : "adhoc.percentile.description", {
      cuts: shares,
      tiers: labels.join(" / "),
    }),
    fields,
    grades: labels.map((l, k) => ({ id: l, label: { en: l, zh: l }, color: colors[k] })),
    model: config.grouped
      ? { kind: "percentile", field: VALUE_FIELD, groupBy: GROUP_FIELD, cuts: [...config.cuts] }
      : { kind: "percentile", field: VALUE_FIELD, cuts: [...config.cuts] },
  });
}

/** Problems with cumulative shares: each in (0, 1), each above the one before; named by the row's label. */
function shareProblems(shares: readonly number[], labels: readonly string[], typed?: readonly string[]): AdhocProblem[] {
  const problems: AdhocProblem[] = [];
  const name = (row: number) => labels[row]?.trim() || String(row + 1);
  const pct = (v: number) => fmt(Math.round(v * 1e8) / 1e6);
  shares.forEach((v, row) => {
    if (!(v > 0 && v < 1)) problems.push({ code: "badShare", row, label: name(row), text: typed?.[row]?.trim() ?? pct(v) });
    else if (row > 0 && shares[row - 1] > 0 && shares[row - 1] < 1 && !(v > shares[row - 1])) {
      problems.push({ code: "shareOrder", row, label: name(row), text: pct(v), prevLabel: name(row - 1), prevText: pct(shares[row - 1]) });
    }
  });
  return problems;
}

/**
 * ABC analysis as a template (kind "share", as `value-share-3`): rows ranked by amount, a row gets
 * grade k while the larger amounts hold less than shares[k] of the total; ties share a grade; an
 * amount of 0 or less gets the last grade. Optionally within groups (`groupBy` a text field `group`).
 *
 * @example buildShareTemplate({ shares: [0.7, 0.9], labels: ["A","B","C"], grouped: false })
 *   // 50, 30, 10, 5, 5 -> A, A, B, C, C
 */
export function buildShareTemplate(config: ShareConfig): BuildResult {
  const labels = config.labels.map((l) => l.trim());
  const problems = labelProblems(labels);
  if (labels.length !== config.shares.length + 1) problems.push({ code: "labelCount" });
  problems.push(...shareProblems(config.shares, labels));
  if (problems.length) return { ok: false, problems };

  const colors = gradeColors(labels.length);
  const tiers = labels.map((l, k) => (k < config.shares.length ? `${l} < ${fmt(config.shares[k] * 100)}%` : l)).join(" / ");
  const fields: Field[] = [valueField(config.valueLabel)];
  if (config.grouped) {
    const g = config.groupLabel?.trim();
    fields.push({ key: GROUP_FIELD, label: g ? { en: g, zh: g } : textOf("adhoc.groupField"), type: "text" });
  }
  return finish({
    id: ADHOC_SHARE_ID,
    version: 1,
    category: "custom",
    name: textOf("adhoc.share.name"),
    description: textOf(config.grouped ? "adhoc.share.descriptionGrouped" : "adhoc.share.description", { tiers, last: labels[labels.length - 1] }),
    fields,
    grades: labels.map((l, k) => ({ id: l, label: { en: l, zh: l }, color: colors[k] })),
    model: config.grouped
      ? { kind: "share", field: VALUE_FIELD, groupBy: GROUP_FIELD, shares: [...config.shares] }
      : { kind: "share", field: VALUE_FIELD, shares: [...config.shares] },
  });
}

// ---------------------------------------------------------------------------------------------
// The editors' text -> configs

/** One editor row: a label and (except the last row) its threshold or cut point as typed. */
export interface AdhocRow {
  label: string;
  value: string;
}

export const DEFAULT_BAND_ROWS: readonly AdhocRow[] = Object.freeze([
  { label: "A", value: "100000" },
  { label: "B", value: "50000" },
  { label: "C", value: "20000" },
  { label: "D", value: "" },
]);

export const DEFAULT_TIER_ROWS: readonly AdhocRow[] = Object.freeze([
  { label: "1", value: "20" },
  { label: "2", value: "80" },
  { label: "3", value: "" },
]);

/**
 * The ABC editor's first rows: `value-share-3`'s grade labels in the pane's language and its
 * default shares (70 / 90).
 */
export function defaultShareRows(lang: Lang): AdhocRow[] {
  const defaults = (valueShare3.params ?? []).map((p) => fmt(p.default * 100));
  return valueShare3.grades.map((g, k) => ({ label: tr(g.label, lang), value: defaults[k] ?? "" }));
}

/**
 * Reads a threshold as a person types it (`100000`, `100,000`, `10万`, `100K`, `12.5%`): the
 * engine's number parser, so the editor accepts exactly what cells accept.
 */
export function parseThreshold(text: string): number | null {
  const r = parseNumber(text);
  return r.ok ? r.value : null;
}

/** Reads a cut point in percent: `20` and `20%` are both 0.2. */
export function parseCut(text: string): number | null {
  const s = text.trim();
  const r = parseNumber(s.replace(/[%％]\s*$/, ""));
  return r.ok ? r.value / 100 : null;
}

/** Editor rows -> bands config (thresholds from every row but the last), or the problems. */
export function bandsFromRows(
  rows: readonly AdhocRow[],
  direction: Direction,
  valueLabel?: string,
): { ok: true; config: BandsConfig } | { ok: false; problems: AdhocProblem[] } {
  const problems: AdhocProblem[] = [];
  const thresholds: number[] = [];
  rows.slice(0, -1).forEach((r, row) => {
    const v = parseThreshold(r.value);
    if (v === null) problems.push({ code: "badNumber", row, text: r.value });
    else thresholds.push(v);
  });
  if (problems.length) return { ok: false, problems };
  // each row's threshold belongs to its label: a row out of order would be graded under another label
  const higher = direction === "higher";
  thresholds.forEach((v, row) => {
    if (row === 0) return;
    const prev = thresholds[row - 1];
    if (higher ? v < prev : v > prev) return;
    if (v === prev) return; // reported as a duplicate threshold
    problems.push({
      code: higher ? "thresholdOrderHigher" : "thresholdOrderLower",
      row,
      text: rows[row].value.trim(),
      label: rows[row].label.trim() || String(row + 1),
      prevLabel: rows[row - 1].label.trim() || String(row),
      prevText: rows[row - 1].value.trim(),
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, config: { thresholds, labels: rows.map((r) => r.label), direction, valueLabel } };
}

/** Editor rows -> percentile config, or the problems. */
export function tiersFromRows(
  rows: readonly AdhocRow[],
  grouped: boolean,
  valueLabel?: string,
  groupLabel?: string,
): { ok: true; config: PercentileConfig } | { ok: false; problems: AdhocProblem[] } {
  const problems: AdhocProblem[] = [];
  const cuts: number[] = [];
  rows.slice(0, -1).forEach((r, row) => {
    const v = parseCut(r.value);
    if (v === null || !(v > 0 && v < 1)) problems.push({ code: "badCut", row, text: r.value });
    else cuts.push(v);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, config: { cuts, labels: rows.map((r) => r.label), grouped, valueLabel, groupLabel } };
}

/** Editor rows -> ABC config (shares in percent, `70` or `70%`), or the problems naming the row's label. */
export function sharesFromRows(
  rows: readonly AdhocRow[],
  grouped: boolean,
  valueLabel?: string,
  groupLabel?: string,
): { ok: true; config: ShareConfig } | { ok: false; problems: AdhocProblem[] } {
  const typed = rows.slice(0, -1).map((r) => r.value);
  const shares = typed.map((text) => parseCut(text) ?? NaN);
  const problems = shareProblems(
    shares,
    rows.map((r) => r.label),
    typed,
  );
  if (problems.length) return { ok: false, problems };
  return { ok: true, config: { shares, labels: rows.map((r) => r.label), grouped, valueLabel, groupLabel } };
}

/** Builds the template for an editor state in one step. */
export function buildFromRows(
  kind: AdhocKind,
  rows: readonly AdhocRow[],
  opts: { direction?: Direction; grouped?: boolean; valueLabel?: string; groupLabel?: string } = {},
): BuildResult {
  if (kind === "bands") {
    const c = bandsFromRows(rows, opts.direction ?? "higher", opts.valueLabel);
    return c.ok ? buildBandsTemplate(c.config) : c;
  }
  if (kind === "share") {
    const c = sharesFromRows(rows, opts.grouped ?? false, opts.valueLabel, opts.groupLabel);
    return c.ok ? buildShareTemplate(c.config) : c;
  }
  const c = tiersFromRows(rows, opts.grouped ?? false, opts.valueLabel, opts.groupLabel);
  return c.ok ? buildPercentileTemplate(c.config) : c;
}

/** A next label after the current ones: `E` after `D`, `4` after `3`, else the count. */
export function nextLabel(labels: readonly string[]): string {
  const last = labels[labels.length - 1]?.trim() ?? "";
  const taken = new Set(labels.map((l) => l.trim().toLowerCase()));
  let candidate = "";
  if (/^\d+$/.test(last)) candidate = String(Number(last) + 1);
  else if (/^[A-Y]$/i.test(last)) candidate = String.fromCharCode(last.charCodeAt(0) + 1);
  if (candidate && !taken.has(candidate.toLowerCase())) return candidate;
  let n = labels.length + 1;
  while (taken.has(String(n))) n++;
  return String(n);
}
