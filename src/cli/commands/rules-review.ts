/**
 * `gradekit review --rules TEMPLATE p1.csv p2.csv ... --key COL [--grade-column COL] [--all]
 * [--out held.csv|held.xlsx]`: applies a template's review rules over period files, oldest first.
 * Each file is one period (its name is the period's label); the earned grade of each customer is
 * the template's grade of that file's row (or the `--grade-column` cell, e.g. a `gradekit grade`
 * output). Hold/validity rules go through engine `review/hold.ts`; raise/lower rules through
 * `reviewSeries`. Output: one row per customer (`--all`: per customer and period) with the earned
 * grade, the held grade, the periods held and the rule that applied, and its reason.
 * (`--rules tobacco-supply` is the month-end supply review, `supply-review.ts`.)
 */
import * as fs from "fs";
import * as path from "path";
import { getBuiltinTemplate } from "../../templates";
import { catalogue, gradeTable, matchHeaders, neutralise, tr, writeCsv, type Catalogue, type Lang, type Template, type Text } from "../../engine";
import { holdGrades, keyText, remembers, reviewSeries, type EarnedPeriod, type HeldGrade, type HistoryRecord, type HoldRule } from "../../engine/review";
import { cellText, columnOf, excel, formatOf, readCsvInput, readXlsxInput, writeCsvOutput, writeXlsxOutput, type CellValue } from "../io";
import { checkOutputTarget } from "../output-file";
import { errorsOf, fail, type CliIo } from "../messages";
import { langOption, parseCommandArgs } from "./args";
import { issueLine, loadTemplate } from "./template-source";

const OPTIONS = {
  rules: { type: "string" },
  periods: { type: "string", multiple: true },
  key: { type: "string", short: "k" },
  "grade-column": { type: "string" },
  all: { type: "boolean" },
  out: { type: "string", short: "o" },
  lang: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
} as const;

const MESSAGES = {
  noReview: { en: "template '{id}' has no review rules (review.hold, review.validity or review.raise/lower)", zh: "模板“{id}”没有复核规则（review.hold、review.validity 或 review.raise/lower）" },
  mixed: { en: "template '{id}': hold/validity rules and raise/lower rules together are not supported; keep one kind", zh: "模板“{id}”：保级/有效期规则与升降档规则不能同时使用；请只保留一种" },
  needPeriods: { en: "give the period files after --rules TEMPLATE, oldest first", zh: "请在 --rules 模板 之后给出各期文件，按时间先后" },
  noColumn: { en: "{file}: no column '{column}' (headers: {headers})", zh: "{file}：没有“{column}”列（表头：{headers}）" },
  noFields: { en: "{file}: no column for field(s) {fields} of '{id}' (or give --grade-column)", zh: "{file}：没有模板“{id}”字段 {fields} 的列（或用 --grade-column 指定等级列）" },
  outType: { en: "--out '{path}' must be a .csv or .xlsx file", zh: "--out“{path}”必须是 .csv 或 .xlsx 文件" },
  head: { en: "{n} customer(s) over {p} period(s), {first} … {last}; rules of '{id}'", zh: "{n} 个客户，{p} 期（{first} … {last}）；模板“{id}”的复核规则" },
  counts: { en: "{period}: {list}", zh: "{period}：{list}" },
  missing: { en: "{period}: {n} customer(s) seen before have no row, grade carried: {keys}", zh: "{period}：{n} 个此前出现的客户没有数据，沿用原等级：{keys}" },
  duplicates: { en: "{period}: keys found more than once, not used: {keys}", zh: "{period}：重复出现的键（未使用）：{keys}" },
  blankKeys: { en: "{period}: {n} row(s) without a key, ignored", zh: "{period}：{n} 行没有键，已忽略" },
  written: { en: "held grades written to {out}", zh: "保级结果已写入 {out}" },
} as const satisfies Catalogue;

const t = catalogue(MESSAGES);
const failRules = errorsOf(MESSAGES);

const HEADER = ["key", "period", "earned", "held", "periodsHeld", "rule", "reason"];
const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Whether `--rules X` names a template (built-in id or a template file) rather than a named review such as tobacco-supply. */
export function isTemplateRules(value: string): boolean {
  return value !== "tobacco-supply" && (getBuiltinTemplate(value) !== undefined || /\.json$/i.test(value) || /[\\/]/.test(value) || fs.existsSync(value));
}

/** The value of `--rules` in argv (`--rules X` or `--rules=X`), if any. */
export function rulesOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--rules") return argv[i + 1];
    if (argv[i].startsWith("--rules=")) return argv[i].slice(8);
  }
  return undefined;
}

interface PeriodFile {
  period: EarnedPeriod;
  /** Per row: the template's field values (raw cells), for raise/lower rules. */
  values: Record<string, unknown>[];
}

/** Reads one period file: key, earned grade (graded here or read from a column) and field values. */
async function readPeriod(file: string, template: Template, spec: { key: string; grade?: string }, lang: Lang, io: CliIo): Promise<PeriodFile> {
  const f = formatOf(file);
  if (!f || file === "-") throw fail("badFormat", "usage", { option: "--rules", path: file });
  const sheet = f === "csv" ? await readCsvInput(file, lang, io.stdin) : await readXlsxInput(file, undefined, lang);
  const rows = sheet.rows;
  const h = rows.findIndex((r) => r.some((v) => !isBlankCell(v)));
  const headers = h >= 0 ? rows[h].map((v) => cellText(v)) : [];
  const shown = headers.filter((x) => x).join(", ") || "-";
  const kc = columnOf(headers, spec.key);
  if (kc < 0) throw failRules("noColumn", "input", { file, column: spec.key, headers: shown });
  const data = rows.slice(h + 1).filter((r) => r.some((v) => !isBlankCell(v)));
  const label = path.basename(file, path.extname(file));
  const full = matchHeaders(headers, template);
  const mapped = Object.entries(full.mapping).filter(([, c]) => c !== kc);
  const values = data.map((r) => Object.fromEntries(mapped.map(([k, c]) => [k, r[c] ?? null])));
  if (spec.grade !== undefined) {
    const gc = columnOf(headers, spec.grade);
    if (gc < 0) throw failRules("noColumn", "input", { file, column: spec.grade, headers: shown });
    return { period: { label, rows: data.map((r) => ({ key: r[kc], grade: r[gc] ?? null })) }, values };
  }
  if (full.missing.length) throw failRules("noFields", "input", { file, fields: full.missing.join(", "), id: template.id });
  const fields = new Array<string>(headers.length).fill("");
  for (const [k, c] of mapped) fields[c] = k;
  const result = gradeTable(template, { rows: data, fields });
  const out: EarnedPeriod["rows"][number][] = data.map((r, i) => {
    const error: Text | undefined = result.status(i) === "graded" ? undefined : { en: result.reason(i, "en"), zh: result.reason(i, "zh-CN") };
    return error ? { key: r[kc], grade: null, error } : { key: r[kc], grade: result.grade(i) };
  });
  return { period: { label, rows: out }, values };
}

/** Raise/lower rules (`reviewSeries`) as held grades: the tier after each review, periods in it, the action. */
function seriesHeld(template: Template, files: PeriodFile[]): HeldGrade[][] {
  const records: HistoryRecord[] = [];
  files.forEach((f) => f.period.rows.forEach((r, i) => records.push({ key: r.key, period: f.period.label, values: f.values[i] ?? {}, tier: r.grade })));
  const labels = files.map((f) => f.period.label);
  const { rows } = reviewSeries(template, records, { periods: labels });
  return rows.map((row) => {
    const out: HeldGrade[] = [];
    let run = 0;
    row.decisions.forEach((d, p) => {
      if (!d) return;
      const held = row.tiers[p];
      run = p > 0 && row.tiers[p - 1] === held && held !== null ? run + 1 : held === null ? 0 : 1;
      const earnedRow = files[p].period.rows.find((r) => keyText(r.key) === row.key);
      const rule: HoldRule = d.action === "hold" ? "keep" : d.action === "noTier" ? "error" : d.action;
      out.push({ key: row.key, period: labels[p], earned: earnedRow && earnedRow.grade !== null ? String(earnedRow.grade) : null, held, periodsHeld: run, rule, reason: d.reason });
    });
    return out;
  });
}

export async function rulesReviewCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs("review", argv, OPTIONS, fallbackLang, true);
  const lang = langOption(values.lang, fallbackLang);
  const { template, warnings } = loadTemplate(String(values.rules), lang);
  const review = template.review;
  if (!review || (!remembers(review) && !review.raise && !review.lower && !review.caps)) throw failRules("noReview", "usage", { id: template.id });
  if (remembers(review) && (review.raise || review.lower || review.caps)) throw failRules("mixed", "unsupported", { id: template.id });
  const files = [...((values.periods as string[] | undefined) ?? []), ...positionals];
  if (!files.length) throw failRules("needPeriods", "usage");
  if (typeof values.key !== "string" || values.key === "") throw fail("needOption", "usage", { option: "--key", cmd: "review" });
  const out = values.out as string | undefined;
  const outFormat = out ? formatOf(out) : "csv";
  if (!outFormat) throw failRules("outType", "usage", { path: out ?? "" });
  if (out) checkOutputTarget(out, [...files, String(values.rules)], values.force === true);

  const periods: PeriodFile[] = [];
  for (const f of files) periods.push(await readPeriod(f, template, { key: values.key, grade: values["grade-column"] as string | undefined }, lang, io));
  const held = remembers(review) ? holdGrades(template, periods.map((p) => p.period)) : null;
  const histories = held ? held.customers.map((c) => c.history) : seriesHeld(template, periods);
  const chosen = values.all ? histories.flat() : histories.map((h) => h[h.length - 1]).filter((x) => x);
  const records = [HEADER, ...chosen.map((g) => [g.key, g.period, g.earned ?? "", g.held ?? "", String(g.periodsHeld), g.rule, tr(g.reason, lang)])];

  const inputs = [...files, String(values.rules)];
  if (outFormat === "csv") {
    const safe = records.map((r) => r.map((x) => neutralise(x)));
    if (!out || out === "-") io.out(writeCsv(safe));
    else writeCsvOutput(out, safe, { bom: true, lang, inputs });
  } else {
    const wb = new (excel().Workbook)();
    const ws = wb.addWorksheet(lang === "zh-CN" ? "保级结果" : "Held grades");
    records.forEach((r, k) => {
      const row = ws.getRow(k + 1);
      r.forEach((x, c) => (row.getCell(c + 1).value = k > 0 && c === 4 ? Number(x) : x));
      if (k === 0) row.font = { bold: true };
    });
    await writeXlsxOutput(out!, wb, inputs);
  }

  if (!values.quiet) {
    const say = (s: string) => io.err(s + "\n");
    for (const w of warnings) say(issueLine(w, lang));
    const labels = periods.map((p) => p.period.label);
    say(t("head", lang, { n: histories.length, p: labels.length, first: labels[0], last: labels[labels.length - 1], id: template.id }));
    const last = labels[labels.length - 1];
    const counts = new Map<string, number>();
    for (const h of histories) for (const g of h) if (g.period === last) counts.set(g.rule, (counts.get(g.rule) ?? 0) + 1);
    say(t("counts", lang, { period: last, list: [...counts].map(([r, n]) => `${r} ${n}`).join(", ") }));
    const short = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(", ")} … (${xs.length})` : xs.join(", "));
    if (held) {
      for (const m of held.missing) if (m.keys.length) say(t("missing", lang, { period: m.period, n: m.keys.length, keys: short(m.keys) }));
      for (const d of held.duplicates) if (d.keys.length) say(t("duplicates", lang, { period: d.period, keys: short(d.keys) }));
      held.blankKeys.forEach((n, p) => n && say(t("blankKeys", lang, { period: labels[p], n })));
    }
    if (out && out !== "-") say(t("written", lang, { out }));
  }
  return 0;
}
