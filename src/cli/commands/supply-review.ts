/**
 * `gradekit review --rules tobacco-supply --periods m1.csv m2.csv m3.csv [...] --key id
 * [--period-names 1月,2月,3月] [--holiday-next] [--params file.json] --out review.xlsx|review.csv`:
 * the month-end supply review (engine `reviewSupply`, templates.md "Month-end supply review").
 * Each file is one month, oldest first; columns by key or label: purchaseQty 购进量, lawGrade
 * 守法等级, tier 供量档位, penalized 受到行政处罚, upgradeApproved 升档申请. CSV out: `id, oldTier,
 * newTier, change, ceiling, reason`; xlsx out: the review sheet (`src/reports/supply-review.ts`).
 */
import * as fs from "fs";
import * as path from "path";
import {
  catalogue,
  neutralise,
  parseJsonSafely,
  tr,
  writeCsv,
  type Catalogue,
  type Lang,
} from "../../engine";
import {
  changeText,
  reviewSupply,
  supplyMonthOf,
  supplyParams,
  type SupplyMonth,
  type SupplyParams,
} from "../../engine/analysis";
import { supplyCounts, supplyReviewLayout } from "../../reports/supply-review";
import {
  formatOf,
  readCsvInput,
  readXlsxInput,
  writeCsvOutput,
  writeXlsxOutput,
  type InputSheet,
} from "../io";
import { checkOutputTarget } from "../output-file";
import { errorsOf, fail, type CliIo } from "../messages";
import { withXlsxCharts } from "../xlsx-charts";
import { drawXlsxSheet, newXlsxWorkbook } from "../xlsx-draw";
import { langOption, parseCommandArgs } from "./args";

const OPTIONS = {
  rules: { type: "string" },
  periods: { type: "string", multiple: true },
  "period-names": { type: "string" },
  key: { type: "string", short: "k" },
  "holiday-next": { type: "boolean" },
  params: { type: "string" },
  out: { type: "string", short: "o" },
  lang: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  force: { type: "boolean" },
} as const;

const MESSAGES = {
  unknownRules: {
    en: "--rules: unknown rules '{value}' (known: tobacco-supply)",
    zh: "--rules：未知的规则“{value}”（可用：tobacco-supply）",
  },
  needPeriods: {
    en: "--periods needs at least one month file (oldest first)",
    zh: "--periods 至少需要一个月份文件（按时间先后）",
  },
  names: {
    en: "--period-names gives {n} name(s) for {m} month file(s)",
    zh: "--period-names 给出 {n} 个名称，但有 {m} 个月份文件",
  },
  noColumn: {
    en: "{file}: no column '{column}' in the header row (headers: {headers})",
    zh: "{file}：表头中没有“{column}”列（表头：{headers}）",
  },
  params: { en: "--params {file}: {why}", zh: "--params {file}：{why}" },
  outType: { en: "--out '{path}' must be a .csv or .xlsx file", zh: "--out“{path}”必须是 .csv 或 .xlsx 文件" },
  done: {
    en: "{month}: {n} retailers reviewed: raised {up}, lowered {down}, same {same}, new {new}, no row this month {lost}, bad input {bad}",
    zh: "{month}：复核 {n} 户：升档 {up}，降档 {down}，不变 {same}，新户 {new}，本月无记录 {lost}，输入有误 {bad}",
  },
  blankKeys: { en: "{month}: {n} row(s) without an id, ignored", zh: "{month}：{n} 行没有编号，已忽略" },
  written: { en: "review written to {out}", zh: "复核结果已写入 {out}" },
} as const satisfies Catalogue;

const t = catalogue(MESSAGES);
const failSupply = errorsOf(MESSAGES);

/** `--periods a b c` (the files after --periods up to the next option) as repeated `--periods`. */
function gatherPeriods(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== "--periods") {
      out.push(argv[i]);
      continue;
    }
    let j = i + 1;
    for (; j < argv.length && !argv[j].startsWith("-"); j++) out.push("--periods", argv[j]);
    if (j === i + 1) out.push("--periods");
    i = j - 1;
  }
  return out;
}

function monthOf(sheet: InputSheet, file: string, name: string, keySpec: string): SupplyMonth {
  const read = supplyMonthOf(sheet.rows, name, keySpec);
  if (!read.ok) throw failSupply("noColumn", "input", { file, column: read.column, headers: read.headers });
  return read.month;
}

function loadParams(file: string | undefined, lang: Lang): SupplyParams {
  if (file === undefined) return supplyParams({});
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw failSupply("params", "input", { file, why: (e as Error).message.split("\n")[0] });
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok)
    throw failSupply("params", "template", { file, why: parsed.issues.map((i) => tr(i.message, lang)).join("; ") });
  return supplyParams(parsed.value);
}

export async function supplyReviewCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values } = parseCommandArgs("review", gatherPeriods(argv), OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  if (values.rules !== "tobacco-supply")
    throw failSupply("unknownRules", "usage", { value: String(values.rules ?? "") });
  const files = (values.periods as string[] | undefined) ?? [];
  if (!files.length) throw failSupply("needPeriods", "usage");
  if (typeof values.key !== "string" || values.key === "")
    throw fail("needOption", "usage", { option: "--key", cmd: "review" });
  const out = values.out as string | undefined;
  const outFormat = out ? formatOf(out) : "csv";
  if (!outFormat) throw failSupply("outType", "usage", { path: out ?? "" });
  const names =
    typeof values["period-names"] === "string"
      ? (values["period-names"] as string).split(/[,，]/).map((s) => s.trim())
      : files.map((f) => path.basename(f, path.extname(f)));
  if (names.length !== files.length) throw failSupply("names", "usage", { n: names.length, m: files.length });
  if (out) checkOutputTarget(out, [...files, values.params as string | undefined], values.force === true);
  const params = loadParams(values.params as string | undefined, lang);
  const p: SupplyParams = values["holiday-next"]
    ? { ...params, holidays: [...params.holidays, files.length + 1] }
    : params;

  const months: SupplyMonth[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const fmt = formatOf(f);
    if (!fmt || f === "-") throw fail("badFormat", "usage", { option: "--periods", path: f });
    const sheet = fmt === "csv" ? await readCsvInput(f, lang, io.stdin) : await readXlsxInput(f, undefined, lang);
    months.push(monthOf(sheet, f, names[i], values.key as string));
  }
  const review = reviewSupply(months, p);
  const last = review.last;
  if (outFormat === "csv") {
    const records = [["id", "oldTier", "newTier", "change", "ceiling", "reason"]];
    for (const r of last) {
      const nums =
        r.status === "bad"
          ? ["", "", "", ""]
          : [String(r.oldTier), String(r.newTier), changeText(r.change!), String(r.ceiling)];
      records.push([r.key, ...nums, tr(r.reason, lang)].map((x) => neutralise(x)));
    }
    if (!out || out === "-") io.out(writeCsv(records));
    else writeCsvOutput(out, records, { bom: true, lang, inputs: [...files, values.params as string | undefined] });
  } else {
    const wb = newXlsxWorkbook();
    const layout = supplyReviewLayout(last, { lang, months: names, params: p });
    drawXlsxSheet(wb, layout);
    await writeXlsxOutput(out!, wb, [...files, values.params as string | undefined], (bytes) =>
      withXlsxCharts(bytes, [layout]),
    );
  }
  if (!values.quiet) {
    const c = supplyCounts(last);
    io.err(t("done", lang, { month: names[names.length - 1], n: last.length, ...c }) + "\n");
    review.blankKeys.forEach((n, m) => n && io.err(t("blankKeys", lang, { month: names[m], n }) + "\n"));
    if (out && out !== "-") io.err(t("written", lang, { out }) + "\n");
  }
  return 0;
}
