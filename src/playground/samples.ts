/**
 * The playground's sample workbooks, made from the repository's `samples/*.csv` (realistic rows drawn
 * from the source documents: typed numbers like `10万`, `1,200`, `12.5%`, a blank row, junk cells).
 *
 * Two workbooks, one per language:
 * - `zh`: the CSVs as they are (Chinese headers; the MF/Q 102/A list gets the form's Chinese headers);
 * - `en`: the same rows with English headers (the templates' own English field labels) and English
 *   category / yes-no words (the templates' English labels), so English users see English tables.
 * Each has a pipeline list, the MF/Q 102/A customer list, a pharma scorecard table, tobacco retailers
 * (with cell formats: text licence numbers, a number format, a styled header, frozen header row), a
 * sheet of GK.* formulas, and one sheet per model family of issue 16 (grouped scorecard
 * `bank-credit-5`, cumulative shares `value-share-3`, segments `rfm-8`, yes/no rules with modifiers
 * `defeat-3`): their CSVs' headers become the templates' labels in the workbook's language.
 *
 * Pure: takes the CSV texts (webpack inlines them in the browser; tests read them from disk).
 */
import { parseCsv } from "../engine";
import type { Lang, Template, Text } from "../engine";
import { getBuiltinTemplate } from "../templates";

export interface SheetSpec {
  name: string;
  /** Typed into the sheet from A1 with Excel's input rules (`35000` becomes a number, `10万` stays text). */
  rows: string[][];
  /** Columns (letters) formatted as Text before the values are typed, so e.g. licence numbers stay text. */
  textColumns?: string[];
  /** Number formats applied after the values, e.g. `{ address: "D2:D30", format: "#,##0" }`. */
  numberFormats?: { address: string; format: string }[];
  /** Header row style, on row 1 and on `headerRows` (1-based) if given. */
  header?: { fill: string; fontColor?: string; bold?: boolean };
  headerRows?: number[];
  /** Frozen rows at the top. */
  freezeRows?: number;
  /** Formulas (GK.* functions), entered after the values. */
  formulas?: { address: string; formula: string }[];
  /** The template this sheet is meant for (shown as a hint only). */
  templateId?: string;
}

export interface WorkbookSpec {
  /** URL id: `?workbook=en` */
  id: string;
  /** Workbook.name */
  fileName: string;
  title: Text;
  lang: Lang;
  sheets: SheetSpec[];
}

/** The CSV files the samples are made from (file name without `.csv` -> text). */
export type SampleCsvs = Record<"sales-pipeline" | "mfq-102a" | "pharma-score" | "tobacco-retail-code" | FamilySampleId, string>;
/** The samples of issue 16's model families, one per family, shown after the GK functions sheet. */
export type FamilySampleId = "bank-credit-5" | "value-share-3" | "rfm-8" | "defeat-3";
export const FAMILY_SAMPLES: readonly { id: FamilySampleId; name: Text }[] = [
  { id: "bank-credit-5", name: { en: "Bank credit", zh: "银行信用评级" } },
  { id: "value-share-3", name: { en: "ABC value share", zh: "ABC 价值贡献" } },
  { id: "rfm-8", name: { en: "RFM segments", zh: "RFM 客户分类" } },
  { id: "defeat-3", name: { en: "Defeated customers", zh: "战败客户" } },
];
export const SAMPLE_CSV_NAMES: readonly (keyof SampleCsvs)[] = ["sales-pipeline", "mfq-102a", "pharma-score", "tobacco-retail-code", ...FAMILY_SAMPLES.map((f) => f.id)];

/** Headers that are not template fields (names, contacts...), Chinese -> English. */
const HEADERS_EN: Record<string, string> = {
  客户名称: "Customer",
  联系人: "Contact",
  备注: "Notes",
  零售户名称: "Retailer",
  产品名称: "Product",
  许可证号: "Licence no.",
};

/** Headers of the MF/Q 102/A list in Chinese (the CSV is in English). */
const MFQ_HEADERS_ZH: Record<string, string> = {
  Customer: "客户名称",
  Address: "地址",
  Phone: "电话",
  "Main products": "主要产品",
  "Deal status": "成交状态",
};

/** Free-text cells of the English workbook (notes, products, deal status), Chinese -> English. */
const WORDS_EN: Record<string, string> = {
  样品已确认: "Samples approved",
  小批量试单: "Small trial order",
  年框协议洽谈中: "Negotiating a yearly contract",
  预算待审批: "Budget awaiting approval",
  总经理已拜访: "Met the general manager",
  需求不明确: "Needs unclear",
  月数未定: "Months not decided",
  老客户转介绍: "Referred by a customer",
  待定: "TBD",
  聚合物电芯: "Polymer cells",
  手机电池: "Phone batteries",
  电芯: "Battery cells",
  移动电源: "Power banks",
  纽扣电池: "Button cells",
  锂电池: "Lithium batteries",
  镍氢电池: "NiMH batteries",
  动力电池: "Traction batteries",
  正在进行交易: "Trading now",
  曾经有过交易: "Traded before",
  即将进行交易: "About to trade",
  十几次: "a dozen or so",
  报刊亭: "newsstand",
};

function template(id: string): Template {
  const t = getBuiltinTemplate(id);
  if (!t) throw new Error(`GradeKit playground: no built-in template '${id}'`);
  return t;
}

/** Rows of a CSV, padded to the header's width; trailing all-empty records dropped. */
export function csvRows(text: string): string[][] {
  const records = parseCsv(text);
  const width = Math.max(...records.map((r) => r.length));
  const rows = records.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  while (rows.length && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  return rows;
}

/**
 * English version of a table graded by `tpl`: headers that are field labels (Chinese) become the
 * English labels, category cells their English label, yes/no cells yes/no, known words English.
 */
export function toEnglish(rows: string[][], tpl: Template): string[][] {
  const fieldByHeader = new Map(tpl.fields.map((f) => [f.label.zh, f]));
  const header = rows[0].map((h) => fieldByHeader.get(h)?.label.en ?? HEADERS_EN[h] ?? h);
  const columns = rows[0].map((h) => fieldByHeader.get(h));
  const body = rows.slice(1).map((row) =>
    row.map((v, c) => {
      const f = columns[c];
      if (v === "") return v;
      if (f?.type === "yesno") return v === "是" ? "yes" : v === "否" ? "no" : v;
      if (f?.type === "category" && f.categories) {
        const hit = f.categories.find((k) => k.label.zh === v || k.aliases?.includes(v));
        if (hit) return hit.label.en;
      }
      return c === 0 ? v : (WORDS_EN[v] ?? v); // names (first column) stay as they are
    }),
  );
  return [header, ...body];
}

const YES_NO: Record<Lang, Record<string, string>> = {
  en: { 是: "yes", 否: "no" },
  "zh-CN": { yes: "是", no: "否" },
};

/**
 * A family sample in one language: headers that name a field (its key or either label) become the
 * field's label in `lang`, yes/no words and category labels that language's words; other cells
 * (names, junk, free text) stay as they are, so the sheet holds the CSV's blanks and bad input.
 */
export function localise(rows: string[][], tpl: Template, lang: Lang): string[][] {
  const side = lang === "zh-CN" ? "zh" : "en";
  const fieldOf = (h: string) => tpl.fields.find((f) => f.key === h || f.label.en === h || f.label.zh === h);
  const columns = rows[0].map(fieldOf);
  const names = lang === "zh-CN" ? Object.fromEntries(Object.entries(HEADERS_EN).map(([zh, en]) => [en, zh])) : HEADERS_EN;
  const header = rows[0].map((h, c) => columns[c]?.label[side] ?? names[h] ?? h);
  const body = rows.slice(1).map((row) =>
    row.map((v, c) => {
      const f = columns[c];
      if (v === "" || !f) return v;
      if (f.type === "yesno") return YES_NO[lang][v.toLowerCase()] ?? v;
      if (f.type === "category" && f.categories) {
        const hit = f.categories.find((k) => k.label.zh === v || k.label.en === v || k.value === v || k.aliases?.includes(v));
        if (hit) return hit.label[side];
      }
      return v;
    }),
  );
  return [header, ...body];
}

function familySheets(csvs: SampleCsvs, lang: Lang): SheetSpec[] {
  return FAMILY_SAMPLES.map((f) => ({
    name: f.name[lang === "zh-CN" ? "zh" : "en"],
    rows: localise(csvRows(csvs[f.id]), template(f.id), lang),
    templateId: f.id,
    header: { fill: "#EDEDED", bold: true },
  }));
}

/** The MF/Q 102/A list with Chinese headers (the two fields get the form's labels). */
function mfqChinese(rows: string[][]): string[][] {
  const tpl = template("mfq-102a");
  const byEn = new Map(tpl.fields.map((f) => [f.label.en, f.label.zh]));
  return [rows[0].map((h) => byEn.get(h) ?? MFQ_HEADERS_ZH[h] ?? h), ...rows.slice(1)];
}

/** The "GK functions" sheet: small tables with GK.* formulas that spill. */
function functionsSheet(lang: Lang): SheetSpec {
  const zh = lang === "zh-CN";
  const customers = zh
    ? ["华强电子", "恒通贸易", "新兴五金", "美家家居", "捷达物流", "云帆科技", "川味食品", "长江建材"]
    : ["Huaqiang Electronics", "Hengtong Trading", "Xinxing Hardware", "Meijia Home", "Jieda Logistics", "Yunfan Tech", "Chuanwei Foods", "Changjiang Building"];
  const spend = ["620000", "250000", "120000", "60000", "15000", "480000", "95000", "33000"];
  const rows: string[][] = [
    zh ? ["客户", "年消费额", "档次 GK.TIER", "百分位档 GK.PERCENTILE_TIER"] : ["Customer", "Annual spend", "Band GK.TIER", "Percentile tier GK.PERCENTILE_TIER"],
    ...customers.map((c, i) => [c, spend[i], "", ""]),
    ["", "", "", ""],
    ["", "", "", ""],
    ["", "", "", ""], // three blank rows: two tables, not one (Excel's region stops at a blank row; GradeKit bridges up to two)
    zh
      ? ["客户", "预计成交月数", "预计月度成交金额", "等级 GK.GRADE", "原因 GK.EXPLAIN"]
      : ["Customer", "Expected months to close", "Expected monthly deal amount", "Grade GK.GRADE", "Reason GK.EXPLAIN"],
    [customers[0], "2", "35000", "", ""],
    [customers[1], "5", "1,200", "", ""],
    [customers[2], "", "10万", "", ""],
    [customers[3], "8", "60000", "", ""],
    [customers[4], "18", "8000", "", ""],
  ];
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name: zh ? "GK 函数" : "GK functions",
    rows: rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]),
    header: { fill: "#F2F2F2", bold: true },
    headerRows: [1, 13],
    numberFormats: [{ address: "B2:B9", format: "#,##0" }],
    formulas: [
      { address: "C2", formula: '=GK.TIER(B2:B9,{500000,200000,50000},{"A","B","C","D"})' },
      { address: "D2", formula: "=GK.PERCENTILE_TIER(B2:B9)" },
      { address: "D14", formula: '=GK.GRADE("sales-pipeline",B14:C18)' },
      { address: "E14", formula: '=GK.EXPLAIN("sales-pipeline",B14:C18)' },
    ],
  };
}

const TOBACCO_FORMATS = (rows: string[][]): Pick<SheetSpec, "textColumns" | "numberFormats" | "header" | "freezeRows"> => ({
  textColumns: ["B"],
  numberFormats: [{ address: `D2:D${rows.length}`, format: "#,##0" }],
  header: { fill: "#1F4E78", fontColor: "#FFFFFF", bold: true },
  freezeRows: 1,
});

/** The two sample workbooks (English first). */
export function sampleWorkbooks(csvs: SampleCsvs): WorkbookSpec[] {
  const pipeline = csvRows(csvs["sales-pipeline"]);
  const mfq = csvRows(csvs["mfq-102a"]);
  const pharma = csvRows(csvs["pharma-score"]);
  const tobacco = csvRows(csvs["tobacco-retail-code"]);
  const en: WorkbookSpec = {
    id: "en",
    fileName: "GradeKit samples.xlsx",
    title: { en: "Sample customers (English)", zh: "示例客户（英文）" },
    lang: "en",
    sheets: [
      { name: "Sales pipeline", rows: toEnglish(pipeline, template("sales-pipeline")), templateId: "sales-pipeline", header: { fill: "#DDEBF7", bold: true } },
      { name: "MF-Q 102-A customers", rows: toEnglish(mfq, template("mfq-102a")), templateId: "mfq-102a", textColumns: ["C"], header: { fill: "#E2EFDA", bold: true } },
      { name: "Pharma scorecard", rows: toEnglish(pharma, template("pharma-score")), templateId: "pharma-score", header: { fill: "#FFF2CC", bold: true } },
      { name: "Tobacco retailers", rows: toEnglish(tobacco, template("tobacco-retail-code")), templateId: "tobacco-retail-code", ...TOBACCO_FORMATS(tobacco) },
      functionsSheet("en"),
      ...familySheets(csvs, "en"),
    ],
  };
  const zh: WorkbookSpec = {
    id: "zh",
    fileName: "客户分级示例.xlsx",
    title: { en: "Sample customers (Chinese)", zh: "示例客户（中文）" },
    lang: "zh-CN",
    sheets: [
      { name: "销售客户", rows: pipeline, templateId: "sales-pipeline", header: { fill: "#DDEBF7", bold: true } },
      { name: "客户分类表", rows: mfqChinese(mfq), templateId: "mfq-102a", textColumns: ["C"], header: { fill: "#E2EFDA", bold: true } },
      { name: "医药客户评分", rows: pharma, templateId: "pharma-score", header: { fill: "#FFF2CC", bold: true } },
      { name: "卷烟零售户", rows: tobacco, templateId: "tobacco-retail-code", ...TOBACCO_FORMATS(tobacco) },
      functionsSheet("zh-CN"),
      ...familySheets(csvs, "zh-CN"),
    ],
  };
  return [en, zh];
}
