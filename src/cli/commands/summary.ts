/**
 * `gradekit summary --in FILE... --by region[,industry] [--period-names 09年,10年]
 * [--template T | --grade-column C] --out report.xlsx|report.csv`: cross-tables of a grade (or
 * any text column: a reason) per group, one file per period, with the change between the last
 * two (engine `periodTables`, sheets from `src/reports/crosstab-report.ts`).
 *
 * With --template the rows are graded by the template (grade order and colours from it; rows
 * with bad input counted apart); else the column --grade-column (default `grade`) is counted as
 * written (first appearance order; blank cells counted apart).
 */
import * as path from "path";
import {
  catalogue,
  compileTemplate,
  gradeTable,
  matchHeaders,
  neutralise,
  tr,
  writeCsv,
  type Catalogue,
  type Lang,
  type Template,
} from "../../engine";
import { periodTables, type CrossTabInput } from "../../engine/analysis";
import { crossTabRecords, crossTabReport } from "../../reports/crosstab-report";
import {
  cellText,
  columnOf,
  formatOf,
  readCsvInput,
  readXlsxInput,
  writeCsvOutput,
  writeXlsxOutput,
  type CellValue,
} from "../io";
import { checkOutputTarget } from "../output-file";
import { errorsOf, fail, type CliIo } from "../messages";
import { withXlsxCharts } from "../xlsx-charts";
import { drawXlsxSheet, newXlsxWorkbook } from "../xlsx-draw";
import { langOption, parseCommandArgs } from "./args";
import { issueLine, loadTemplate } from "./template-source";

const OPTIONS = {
  in: { type: "string", multiple: true, short: "i" },
  by: { type: "string" },
  "period-names": { type: "string" },
  template: { type: "string", short: "t" },
  "grade-column": { type: "string" },
  out: { type: "string", short: "o" },
  lang: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
} as const;

const MESSAGES = {
  needIn: {
    en: "--in needs at least one file (one per period, oldest first)",
    zh: "--in 至少需要一个文件（每期一个，按时间先后）",
  },
  needBy: {
    en: "--by needs one or more group columns (e.g. --by region,industry)",
    zh: "--by 需要一个或多个分组列（例如 --by 区域,行业）",
  },
  both: { en: "use --template or --grade-column, not both", zh: "--template 与 --grade-column 只能选一个" },
  names: {
    en: "--period-names gives {n} name(s) for {m} file(s)",
    zh: "--period-names 给出 {n} 个名称，但有 {m} 个文件",
  },
  noColumn: {
    en: "{file}: no column '{column}' in the header row (headers: {headers})",
    zh: "{file}：表头中没有“{column}”列（表头：{headers}）",
  },
  missingFields: {
    en: "{file}: no column for the template's field(s) {fields}",
    zh: "{file}：没有模板字段 {fields} 的列",
  },
  outType: { en: "--out '{path}' must be a .csv or .xlsx file", zh: "--out“{path}”必须是 .csv 或 .xlsx 文件" },
  done: {
    en: "{period}: {total} row(s) counted, {errors} with bad input and {blanks} blank left out",
    zh: "{period}：计入 {total} 行，未计入：输入有误 {errors} 行、空白 {blanks} 行",
  },
  written: { en: "summary written to {out}", zh: "汇总已写入 {out}" },
} as const satisfies Catalogue;

const t = catalogue(MESSAGES);
const failSummary = errorsOf(MESSAGES);

/** `--in a b c` (the files after --in up to the next option) as repeated `--in`. */
function gatherFiles(argv: string[], option: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== option) {
      out.push(argv[i]);
      continue;
    }
    let j = i + 1;
    for (; j < argv.length && !argv[j].startsWith("-"); j++) out.push(option, argv[j]);
    if (j === i + 1) out.push(option);
    i = j - 1;
  }
  return out;
}

const blankRow = (r: CellValue[]) => r.every((v) => cellText(v).trim() === "");


interface Read {
  input: CrossTabInput;
  byHeaders: string[];
  valueHeader: string;
}

function tableOf(
  rows: CellValue[][],
  file: string,
  by: string[],
  template: Template | undefined,
  gradeColumn: string,
  lang: Lang,
): Read {
  const h = rows.findIndex((r) => !blankRow(r));
  const headers = h >= 0 ? rows[h].map((v) => cellText(v)) : [];
  const shown = headers.filter((x) => x).join(", ") || "-";
  const data = rows.slice(h + 1).filter((r) => !blankRow(r));
  const byCols = by.map((b) => {
    const c = columnOf(headers, b);
    if (c < 0) throw failSummary("noColumn", "input", { file, column: b, headers: shown });
    return c;
  });
  const groups = byCols.map((c) => data.map((r) => r[c] ?? null));
  const byHeaders = byCols.map((c) => headers[c]);
  if (!template) {
    const gc = columnOf(headers, gradeColumn);
    if (gc < 0) throw failSummary("noColumn", "input", { file, column: gradeColumn, headers: shown });
    return { input: { by: groups, values: data.map((r) => r[gc] ?? null) }, byHeaders, valueHeader: headers[gc] };
  }
  const match = matchHeaders(headers, template);
  if (match.missing.length) throw failSummary("missingFields", "input", { file, fields: match.missing.join(", ") });
  const columns: Record<string, CellValue[]> = {};
  for (const [k, c] of Object.entries(match.mapping)) columns[k] = data.map((r) => r[c] ?? null);
  const res = gradeTable(template, { columns, rowCount: data.length });
  const values: string[] = [];
  const errors: boolean[] = [];
  for (let i = 0; i < data.length; i++) {
    const s = res.status(i);
    values.push(s === "graded" ? res.label(i, lang) : "");
    errors.push(s === "error");
  }
  return { input: { by: groups, values, errors }, byHeaders, valueHeader: lang === "zh-CN" ? "等级" : "Grade" };
}

export async function summaryCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values } = parseCommandArgs("summary", gatherFiles(argv, "--in"), OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  const files = (values.in as string[] | undefined) ?? [];
  if (!files.length) throw failSummary("needIn", "usage");
  const by =
    typeof values.by === "string"
      ? values.by
          .split(/[,，]/)
          .map((s) => s.trim())
          .filter((s) => s)
      : [];
  if (!by.length) throw failSummary("needBy", "usage");
  if (values.template !== undefined && values["grade-column"] !== undefined) throw failSummary("both", "usage");
  const out = values.out as string | undefined;
  const outFormat = out ? formatOf(out) : "csv";
  if (!outFormat) throw failSummary("outType", "usage", { path: out ?? "" });
  const names =
    typeof values["period-names"] === "string"
      ? (values["period-names"] as string).split(/[,，]/).map((s) => s.trim())
      : files.map((f) => path.basename(f, path.extname(f)));
  if (names.length !== files.length) throw failSummary("names", "usage", { n: names.length, m: files.length });
  if (out) checkOutputTarget(out, [...files, values.template as string | undefined], values.force === true);
  let template: Template | undefined;
  if (typeof values.template === "string") {
    const loaded = loadTemplate(values.template, lang);
    template = loaded.template;
    if (!values.quiet) for (const w of loaded.warnings) io.err(issueLine(w, lang) + "\n");
  }
  const reads: Read[] = [];
  for (const f of files) {
    const fmt = formatOf(f);
    if (!fmt || f === "-") throw fail("badFormat", "usage", { option: "--in", path: f });
    const sheet = fmt === "csv" ? await readCsvInput(f, lang, io.stdin) : await readXlsxInput(f, undefined, lang);
    reads.push(tableOf(sheet.rows, f, by, template, (values["grade-column"] as string | undefined) ?? "grade", lang));
  }
  const compiled = template ? compileTemplate(template) : undefined;
  const order = compiled?.grades.map((g) => tr(g.label, lang) || g.id);
  const colors = compiled
    ? Object.fromEntries(compiled.grades.map((g) => [tr(g.label, lang) || g.id, g.color]))
    : undefined;
  const pt = periodTables(
    reads.map((r, i) => ({ name: names[i], input: r.input })),
    order,
  );
  const byHeaders = reads[reads.length - 1].byHeaders;
  if (outFormat === "csv") {
    const records = crossTabRecords(pt, { by: byHeaders, lang }).map((r) => r.map((x) => neutralise(x)));
    if (!out || out === "-") io.out(writeCsv(records));
    else writeCsvOutput(out, records, { bom: true, lang, inputs: [...files, values.template as string | undefined] });
  } else {
    const wb = newXlsxWorkbook();
    const layouts = crossTabReport(pt, {
      lang,
      by: byHeaders,
      valueHeader: reads[reads.length - 1].valueHeader,
      colors,
    });
    for (const layout of layouts) drawXlsxSheet(wb, layout);
    await writeXlsxOutput(out!, wb, [...files, values.template as string | undefined], (bytes) =>
      withXlsxCharts(bytes, layouts),
    );
  }
  if (!values.quiet) {
    pt.tables.forEach((tb, p) =>
      io.err(
        t("done", lang, { period: names[p], total: tb.total, errors: tb.errorTotal, blanks: tb.blankTotal }) + "\n",
      ),
    );
    if (out && out !== "-") io.err(t("written", lang, { out }) + "\n");
  }
  return 0;
}
