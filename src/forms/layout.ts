/**
 * Builds the layout model of a grading form (`types.ts`) from a template: the MF/Q 102/A paper
 * form for `mfq-102a`, a fill-in form for any other template. Pure: no Node, DOM or Office.
 *
 * Grade (and score) cells hold the template compiled to portable Excel formulas
 * (`compileFormulaRows`, target `excel-compat`: Excel 2007 functions, no `_xlfn.` prefixes), so
 * the sheet grades itself in Excel, LibreOffice or Excel on the web without the add-in. A
 * template the compiler refuses gives a `FormRefusal` with the compiler's reason.
 */
import { compileTemplate, fmt, tr, type Field, type GradeInfo, type Lang, type Template } from "../engine";
import { columnLetters, compileFormulaRows, isRefusal } from "../engine/compile";
import type { Area, FormCell, FormColumn, FormConditionalFormat, FormLayout, FormOptions, FormRefusal, FormStyle, FormValidation, HeaderFooterText, ValidationRule } from "./types";
import { FORM_WORDS, type FormWords } from "./words";

export const DEFAULT_FORM_ROWS = 15;
export const MAX_FORM_ROWS = 1000;

/** Excel's limits on data validation texts. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
/** Longest inline list (`"a,b,c"`) Excel accepts. */
export const INLINE_LIST_MAX = 255;

/** The error style of grade/score cells showing `#VALUE!` or `#N/A` (Excel's light red). */
export const FORM_ERROR_STYLE = Object.freeze({ fill: "#FFC7CE", fontColor: "#9C0006" });
const HEADER_FILL = "#F2F2F2";
const GROUP_FILL = "#DDEBF7";
const MUTED = "#595959";

const DATA_ROW_HEIGHT = 20;
/** The grade column shows `#VALUE!` (bold) for bad input: 10 characters keep it from showing ###. */
const GRADE_MIN_WIDTH = 10;
/** Widest table (in characters) printed on A4 portrait; wider forms print landscape (the MF/Q form always does, like the source). */
const PORTRAIT_MAX_WIDTH = 95;

function refusal(code: string, en: string, zh: string): FormRefusal {
  return { ok: false, code, reason: { en, zh } };
}

export function isFormRefusal(x: unknown): x is FormRefusal {
  return typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, no leading/trailing apostrophe. */
export function formSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  return clean || "Form";
}

/** Text for a header/footer section: `&` doubled (Excel reads `&x` as a code). */
export function headerFooterLiteral(s: string): string {
  return s.replace(/&/g, "&&");
}

/** The three sections as one Excel header/footer string (`&L...&C...&R...`), as stored in .xlsx. */
export function headerFooterString(h: HeaderFooterText): string {
  return (h.left ? `&L${h.left}` : "") + (h.center ? `&C${h.center}` : "") + (h.right ? `&R${h.right}` : "");
}

/** A1 reference of an area (`A1:C3`, or `B2` for one cell), optionally absolute (`$A$1:$C$3`). */
export function areaA1(a: Area, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${columnLetters(a.col + 1)}${d}${a.row + 1}`;
  if (a.rows === 1 && a.cols === 1) return tl;
  return `${tl}:${d}${columnLetters(a.col + a.cols)}${d}${a.row + a.rows}`;
}

/** Display width of a text in "characters" (CJK and full-width forms count 2). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

function clip(s: string, max: number): string {
  return [...s].length <= max ? s : [...s].slice(0, max - 1).join("") + "…";
}

/** Tokens a line wraps between: Latin words (with their following spaces) and single CJK characters. */
function wrapTokens(line: string): string[] {
  return line.match(/[\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]|[^\s\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]+\s*|\s+/g) ?? [];
}

/** Lines a wrapped text takes in a cell `width` characters wide, at a font size (11 = the width unit); greedy word wrap. */
function linesFor(text: string, width: number, size = 11, bold = false): number {
  const per = Math.max(1, (width - 1) * (11 / size) * (bold ? 0.9 : 1));
  let lines = 0;
  for (const line of text.split("\n")) {
    let n = 1;
    let used = 0;
    for (const tok of wrapTokens(line)) {
      const w = textWidth(tok.trimEnd());
      if (used > 0 && used + w > per) {
        n++;
        used = 0;
      }
      used += textWidth(tok);
      while (used > per) {
        n++; // a word longer than the line is broken
        used -= per;
      }
    }
    lines += n;
  }
  return lines;
}

/** Row height (points) for wrapped text: about 1.35 line heights per line. */
function heightFor(lines: number, size = 11, min = 15): number {
  return Math.max(min, Math.ceil(lines * size * 1.35 + 4));
}

// ---------------------------------------------------------------------------------------------
// The form description both layouts are built from

interface ColumnSpec extends FormColumn {
  numberFormat?: string;
  hAlign?: "left" | "center" | "right";
  /** Drop-down or number rule with its messages. */
  validation?: { rule: ValidationRule; prompt: { title: string; message: string }; error: { title: string; message: string } };
}

interface LegendRow {
  code: string;
  color: string;
  text: string;
}

interface FormSpec {
  kind: FormLayout["kind"];
  template: Template;
  lang: Lang;
  sheetName: string;
  title: string;
  subtitle: string;
  noteLeft: string;
  noteRight?: string;
  formNumber?: string;
  groups?: { label: string; cols: number }[];
  columns: ColumnSpec[];
  legendTitle: string;
  legend: LegendRow[];
  extraNotes: string[];
  footer: readonly [string, string, string];
  page: { header: HeaderFooterText; footer: HeaderFooterText };
}

// ---------------------------------------------------------------------------------------------
// Validation rules and their messages

function numberText(x: number, field: Field): string {
  return fmt(x, field.unit);
}

function fieldLabel(f: Field, lang: Lang): string {
  return tr(f.label, lang);
}

function requiredText(template: Template, f: Field, w: FormWords, lang: Lang): string {
  const group = (template.requireOneOf ?? []).find((g) => g.includes(f.key));
  if (group) {
    const others = group.filter((k) => k !== f.key).map((k) => {
      const o = template.fields.find((x) => x.key === k);
      return lang === "zh-CN" ? `“${o ? fieldLabel(o, lang) : k}”` : o ? fieldLabel(o, lang) : k;
    });
    if (others.length) return w.oneOf(others.join(w.listSep));
  }
  if (f.requiredUnless) return w.requiredUnless;
  if (f.required === false || f.default !== undefined) return w.optional;
  return w.required;
}

/** Inline list when every word fits Excel's inline form (no commas or quotes, <= 255 characters in all). */
function inlineListOk(items: readonly string[]): boolean {
  return items.every((s) => s !== "" && !/[,"]/.test(s)) && items.join(",").length <= INLINE_LIST_MAX;
}

function fieldValidation(template: Template, f: Field, lang: Lang): ColumnSpec["validation"] {
  const w = FORM_WORDS[lang];
  const label = fieldLabel(f, lang);
  const need = requiredText(template, f, w, lang);
  if (f.type === "number") {
    const lo = f.min !== undefined ? numberText(f.min, f) : undefined;
    const hi = f.max !== undefined ? numberText(f.max, f) : undefined;
    const what = lo !== undefined && hi !== undefined ? w.numberBetween(lo, hi) : lo !== undefined ? w.numberMin(lo) : hi !== undefined ? w.numberMax(hi) : w.numberAny;
    const parts = [what, f.unit === "percent" ? w.percentHint : w.plainNumbers, need];
    return {
      rule: { kind: "decimal", min: f.min, max: f.max },
      prompt: { title: clip(label, PROMPT_TITLE_MAX), message: clip(parts.join(lang === "zh-CN" ? "" : " "), PROMPT_MESSAGE_MAX) },
      error: { title: clip(w.badNumberTitle, PROMPT_TITLE_MAX), message: clip(w.badNumber(label, what), PROMPT_MESSAGE_MAX) },
    };
  }
  if (f.type === "category" || f.type === "yesno") {
    const items = f.type === "yesno" ? [w.yes, w.no] : (f.categories ?? []).map((c) => tr(c.label, lang));
    const words = items.join(w.listSep);
    return {
      rule: { kind: "list", items },
      prompt: { title: clip(label, PROMPT_TITLE_MAX), message: clip([w.choose(words), need].join(lang === "zh-CN" ? "" : " "), PROMPT_MESSAGE_MAX) },
      error: { title: clip(w.badWordTitle, PROMPT_TITLE_MAX), message: clip(w.badWord(label, words), PROMPT_MESSAGE_MAX) },
    };
  }
  return undefined;
}

function numberFormatFor(f: Field): string | undefined {
  if (f.type !== "number") return undefined;
  if (f.unit === "percent") return "0.0%";
  if (f.unit === "count" || f.unit === "quantity" || f.unit === "money") return "#,##0";
  return undefined;
}

function columnWidthFor(header: string, min: number, max: number, words: readonly string[] = []): number {
  const longestWord = words.reduce((m, s) => Math.max(m, textWidth(s) + 3), 0);
  const longestHeaderWord = wrapTokens(header).reduce((m, t) => Math.max(m, textWidth(t.trim())), 0);
  const headerWidth = Math.max(Math.ceil(textWidth(header) / 2) + 3, Math.ceil(longestHeaderWord * 1.1) + 2); // headers wrap onto two lines
  return Math.min(max, Math.max(min, headerWidth, longestWord));
}

// ---------------------------------------------------------------------------------------------
// The two kinds of form

const MFQ_STATUSES = ["曾经有过交易", "正在进行交易", "即将进行交易"] as const;
const MFQ_LEGEND: Record<string, string> = {
  A: "A级 / 战略性：订单次数累计超过 5 次，并且累计订单量超过 100K（100,000）的客户。",
  B: "B级：订单次数累计超过 3 次，并且累计订单量达到 10K（10,000）及以上的客户（来源写作“10~100K”：4 次订单、订单量 500K 的客户评为 B 级）。",
  C: "C级：零星订单，其余客户（如订单量小于 10K）。",
};

/** The MF/Q 102/A form of seed 000 ("客户分类/等级划分表"): Chinese, as the source, with an English subtitle. */
function mfqSpec(template: Template, grades: readonly GradeInfo[], builtinRules: boolean): FormSpec {
  const lang: Lang = "zh-CN";
  const w = FORM_WORDS[lang];
  const field = (key: string) => template.fields.find((f) => f.key === key)!;
  const count = field("orderCount");
  const volume = field("orderVolume");
  const statusWords = MFQ_STATUSES.join("、");
  const formNumber = "MF/Q 102/A";
  const title = "客户分类/等级划分表";
  return {
    kind: "mfq-102a",
    template,
    lang,
    sheetName: "客户分类等级划分表",
    title,
    subtitle: "Customer classification / grading form",
    noteLeft: "说明：分类及等级划分仅包括聚合物手机电池及电芯客户。（Scope: polymer mobile batteries and cells customers.）",
    noteRight: `表单编号：${formNumber}`,
    formNumber,
    groups: [
      { label: "1. 按交易过程分类", cols: 6 },
      { label: "2. 按交易数量和市场地位分类", cols: 3 },
    ],
    columns: [
      { header: "客户名称", role: "text", width: 22 },
      { header: "地址", role: "text", width: 26, hAlign: "left" },
      { header: "法人代表", role: "text", width: 10 },
      { header: "联系电话", role: "text", width: 14, numberFormat: "@" },
      { header: "主要产品", role: "text", width: 16 },
      {
        header: "交易过程分类",
        role: "status",
        width: 15,
        validation: {
          rule: { kind: "list", items: [...MFQ_STATUSES] },
          prompt: { title: "交易过程分类", message: `请选择：${statusWords}。` },
          error: { title: w.badWordTitle, message: `交易过程分类只能是：${statusWords}。` },
        },
      },
      { header: "累计订单次数", role: "field", field: "orderCount", width: 12, numberFormat: "#,##0", validation: fieldValidation(template, count, lang) },
      { header: "累计订单量", role: "field", field: "orderVolume", width: 13, numberFormat: "#,##0", validation: fieldValidation(template, volume, lang) },
      { header: "等级", role: "grade", width: GRADE_MIN_WIDTH },
    ],
    legendTitle: "客户的等级（按客户订单量/潜在订单量分为：A级/战略性、B级、C级）",
    legend: grades.map((g) => ({
      code: g.id,
      color: g.color,
      text: builtinRules && MFQ_LEGEND[g.id] ? MFQ_LEGEND[g.id] : legendText(g, lang),
    })),
    extraNotes: [w.fillNote],
    footer: w.footer,
    page: {
      header: { left: headerFooterLiteral(title), center: "", right: formNumber },
      footer: { left: "", center: w.pageOf, right: formNumber },
    },
  };
}

function legendText(g: GradeInfo, lang: Lang): string {
  const label = tr(g.label, lang);
  const parts = [label !== g.id ? label : "", g.action ? tr(g.action, lang) : "", g.description && !g.action ? tr(g.description, lang) : ""].filter(Boolean);
  return parts.join(lang === "zh-CN" ? "：" : ": ");
}

/** Legend of a code template: the codes of the part that decides the colour (there are too many grades to list). */
function codeLegend(template: Template, lang: Lang): { rows: LegendRow[]; notes: string[] } {
  const model = template.model;
  if (model.kind !== "code") return { rows: [], notes: [] };
  const w = FORM_WORDS[lang];
  const label = (key: string) => {
    const f = template.fields.find((x) => x.key === key);
    return f ? fieldLabel(f, lang) : key;
  };
  const partNames = model.parts.map((p) => (p.kind === "flag" ? tr(p.label, lang) : label(p.field)));
  const part = model.parts[model.colors.part];
  const rows: LegendRow[] = [];
  if (part && part.kind !== "flag") {
    const name = label(part.field);
    if (part.kind === "tier") {
      part.codes.forEach((c, i) => rows.push({ code: c, color: model.colors.byCode[c] ?? "#FFFFFF", text: `${name}：${tr(part.labels[i], lang)}` }));
    } else {
      const f = template.fields.find((x) => x.key === part.field);
      for (const [value, c] of Object.entries(part.codes)) {
        const cat = f?.categories?.find((x) => x.value === value);
        rows.push({ code: c, color: model.colors.byCode[c] ?? "#FFFFFF", text: `${name}：${cat ? tr(cat.label, lang) : value}` });
      }
    }
    if (part.except) rows.push({ code: part.except.code, color: model.colors.byCode[part.except.code] ?? "#FFFFFF", text: `${name}：${tr(part.except.label, lang)}` });
  }
  if (lang !== "zh-CN") for (const r of rows) r.text = r.text.replace("：", ": ");
  const notes = [w.codeNote(partNames.join(" + "))];
  if (part && part.kind !== "flag") notes.push(w.codeColours(label(part.field)));
  return { rows, notes };
}

function templateSpec(template: Template, grades: readonly GradeInfo[], population: boolean, scores: boolean, lang: Lang): FormSpec {
  const w = FORM_WORDS[lang];
  const title = tr(template.name, lang);
  const columns: ColumnSpec[] = [{ header: w.customer, role: "text", width: 22 }];
  for (const f of template.fields) {
    const words = f.type === "category" ? (f.categories ?? []).map((c) => tr(c.label, lang)) : f.type === "yesno" ? [w.yes, w.no] : [];
    columns.push({
      header: fieldLabel(f, lang),
      role: "field",
      field: f.key,
      width: columnWidthFor(fieldLabel(f, lang), f.type === "text" ? 14 : 10, 28, words),
      numberFormat: numberFormatFor(f),
      validation: fieldValidation(template, f, lang),
    });
  }
  if (scores) columns.push({ header: w.score, role: "score", width: 9, numberFormat: "0.00" });
  const gradeWidth = Math.max(GRADE_MIN_WIDTH, ...grades.map((g) => textWidth(g.id) + 3));
  columns.push({ header: w.grade, role: "grade", width: Math.min(16, gradeWidth) });
  columns.push({ header: w.notes, role: "notes", width: 20 });

  const code = template.model.kind === "code" ? codeLegend(template, lang) : undefined;
  const legend = code ? code.rows : grades.map((g) => ({ code: g.id, color: g.color, text: legendText(g, lang) }));
  const extraNotes = [...(code ? code.notes : []), ...(population ? [w.populationNote] : [])];
  return {
    kind: "template",
    template,
    lang,
    sheetName: formSheetName([...title].length <= 31 ? title : `${template.id} ${lang === "zh-CN" ? "填写表" : "form"}`),
    title,
    subtitle: w.formSubtitle(template.id, template.version),
    noteLeft: w.fillNote,
    columns,
    legendTitle: w.legendTitle,
    legend,
    extraNotes,
    footer: w.footer,
    page: {
      // Excel keeps at most 255 characters per header or footer (codes included).
      header: { left: headerFooterLiteral(clip(title, 80)), center: "", right: headerFooterLiteral(clip(`GradeKit · ${template.id} v${template.version}`, 80)) },
      footer: { left: "", center: w.pageOf, right: "" },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Spec -> layout

function build(spec: FormSpec, rows: number, params: Readonly<Record<string, number>> | undefined): FormLayout | FormRefusal {
  const width = spec.columns.length;
  const cells: FormCell[] = [];
  const merges: Area[] = [];
  const styles: { area: Area; style: FormStyle }[] = [];
  const rowHeights: Record<number, number> = {};
  const validations: FormValidation[] = [];
  const cfs: FormConditionalFormat[] = [];
  const totalWidth = spec.columns.reduce((s, c) => s + c.width, 0);
  const widthOf = (col: number, cols: number) => spec.columns.slice(col, col + cols).reduce((s, c) => s + c.width, 0);
  const area = (row: number, col: number, rowsN = 1, cols = 1): Area => ({ row, col, rows: rowsN, cols });
  const put = (row: number, col: number, value: string | number) => {
    if (value !== "") cells.push({ row, col, value });
  };
  const merge = (a: Area) => {
    if (a.rows > 1 || a.cols > 1) merges.push(a);
  };
  const style = (a: Area, s: FormStyle) => styles.push({ area: a, style: s });

  let r = 0;
  // Title, subtitle
  put(r, 0, spec.title);
  merge(area(r, 0, 1, width));
  style(area(r, 0, 1, width), { bold: true, size: 16, hAlign: "center", vAlign: "center", wrap: true });
  rowHeights[r] = heightFor(linesFor(spec.title, totalWidth, 16), 16, 30);
  r++;
  put(r, 0, spec.subtitle);
  merge(area(r, 0, 1, width));
  style(area(r, 0, 1, width), { italic: true, size: 10, color: MUTED, hAlign: "center", vAlign: "center", wrap: true });
  rowHeights[r] = heightFor(linesFor(spec.subtitle, totalWidth, 10), 10, 18);
  r++;
  // Note (scope / how to fill in) and, on the right, the form number
  const rightCols = spec.noteRight ? Math.min(3, Math.floor(width / 2)) : 0;
  const leftCols = width - rightCols;
  put(r, 0, spec.noteLeft);
  merge(area(r, 0, 1, leftCols));
  style(area(r, 0, 1, leftCols), { size: 9, hAlign: "left", vAlign: "center", wrap: true });
  let noteLines = linesFor(spec.noteLeft, widthOf(0, leftCols), 9);
  if (spec.noteRight && rightCols > 0) {
    put(r, leftCols, spec.noteRight);
    merge(area(r, leftCols, 1, rightCols));
    style(area(r, leftCols, 1, rightCols), { bold: true, size: 10, hAlign: "right", vAlign: "center", wrap: true });
    noteLines = Math.max(noteLines, linesFor(spec.noteRight, widthOf(leftCols, rightCols), 10));
  }
  rowHeights[r] = heightFor(noteLines, 9, 18);
  r++;
  // Column groups
  const titleFirst = r;
  if (spec.groups) {
    let c = 0;
    for (const g of spec.groups) {
      put(r, c, g.label);
      merge(area(r, c, 1, g.cols));
      c += g.cols;
    }
    style(area(r, 0, 1, width), { bold: true, fill: GROUP_FILL, hAlign: "center", vAlign: "center", wrap: true, border: "grid" });
    rowHeights[r] = 20;
    r++;
  }
  // Column headers
  const headerRow = r;
  spec.columns.forEach((c, i) => put(r, i, c.header));
  style(area(r, 0, 1, width), { bold: true, fill: HEADER_FILL, hAlign: "center", vAlign: "center", wrap: true, border: "grid" });
  rowHeights[r] = heightFor(Math.max(...spec.columns.map((c) => linesFor(c.header, c.width, 11, true))), 11, 30);
  r++;
  // Data rows
  const first = r;
  const last = r + rows - 1;
  const dataArea = (col: number) => area(first, col, rows, 1);
  style(area(first, 0, rows, width), { vAlign: "center", border: "grid" });
  for (let i = first; i <= last; i++) rowHeights[i] = DATA_ROW_HEIGHT;
  const fieldColumns: Record<string, number> = {};
  let gradeColumn = -1;
  let scoreColumn: number | undefined;
  spec.columns.forEach((c, i) => {
    if (c.role === "field" && c.field) fieldColumns[c.field] = i;
    if (c.role === "grade") gradeColumn = i;
    if (c.role === "score") scoreColumn = i;
    const s: FormStyle = {};
    if (c.numberFormat) s.numberFormat = c.numberFormat;
    if (c.hAlign) s.hAlign = c.hAlign;
    if (c.role === "grade") Object.assign(s, { bold: true, hAlign: "center" });
    if (c.role === "score") s.hAlign = "center";
    if (c.role === "status") s.hAlign = "center";
    if (Object.keys(s).length) style(dataArea(i), s);
  });

  // Formulas: the template compiled for these columns and rows.
  const letters: Record<string, string> = {};
  for (const [k, col] of Object.entries(fieldColumns)) letters[k] = columnLetters(col + 1);
  const compiled = compileFormulaRows(spec.template, { target: "excel-compat", columns: letters, firstRow: first + 1, lastRow: last + 1, params });
  if (isRefusal(compiled)) return { ok: false, code: compiled.code, reason: compiled.reason };
  compiled.forEach((f, i) => {
    cells.push({ row: first + i, col: gradeColumn, formula: f.grade });
    if (scoreColumn !== undefined && f.score !== undefined) cells.push({ row: first + i, col: scoreColumn, formula: f.score });
  });

  // Lists that cannot be inline go right of the printed area (column width+1), one list per column.
  let listCol = width + 1;
  spec.columns.forEach((c, i) => {
    const v = c.validation;
    if (!v) return;
    let rule = v.rule;
    if (rule.kind === "list" && !inlineListOk(rule.items)) {
      put(headerRow, listCol, `${FORM_WORDS[spec.lang].listsHeader}: ${c.header}`);
      rule.items.forEach((item, k) => put(headerRow + 1 + k, listCol, item));
      rule = { kind: "list", items: rule.items, source: area(headerRow + 1, listCol, rule.items.length, 1) };
      style(area(headerRow, listCol, rule.items.length + 1, 1), { color: MUTED, size: 9 });
      listCol++;
    }
    validations.push({ area: dataArea(i), rule, prompt: v.prompt, error: v.error });
  });

  // Grade colours: one rule per grade, best grade first; then errors (#VALUE!, #N/A) in light red.
  const grades = compileTemplate(spec.template).grades;
  for (const g of grades) cfs.push({ kind: "equals", area: dataArea(gradeColumn), text: g.id, fill: g.color, grade: g.id });
  const resultFirst = scoreColumn !== undefined && scoreColumn === gradeColumn - 1 ? scoreColumn : gradeColumn;
  cfs.push({ kind: "error", area: area(first, resultFirst, rows, gradeColumn - resultFirst + 1), ...FORM_ERROR_STYLE });
  if (scoreColumn !== undefined && resultFirst !== scoreColumn) cfs.push({ kind: "error", area: dataArea(scoreColumn), ...FORM_ERROR_STYLE });

  r = last + 2;
  // Legend
  put(r, 0, spec.legendTitle);
  merge(area(r, 0, 1, width));
  style(area(r, 0, 1, width), { bold: true, vAlign: "center", wrap: true });
  rowHeights[r] = heightFor(linesFor(spec.legendTitle, totalWidth), 11, 20);
  r++;
  const textCols = Math.max(1, width - 1);
  for (const g of spec.legend) {
    put(r, 0, g.code);
    style(area(r, 0), { bold: true, fill: g.color, hAlign: "center", vAlign: "center", border: "grid" });
    if (width > 1) {
      put(r, 1, g.text);
      merge(area(r, 1, 1, textCols));
      style(area(r, 1, 1, textCols), { vAlign: "center", wrap: true, border: "grid" });
    }
    rowHeights[r] = heightFor(linesFor(g.text, widthOf(1, textCols)), 11, 18);
    r++;
  }
  for (const note of spec.extraNotes) {
    put(r, 0, note);
    merge(area(r, 0, 1, width));
    style(area(r, 0, 1, width), { size: 9, color: MUTED, vAlign: "center", wrap: true });
    rowHeights[r] = heightFor(linesFor(note, totalWidth, 9), 9, 16);
    r++;
  }
  r++;
  // Footer: 记录 / 审核 / 日期 with signature lines
  // Each label gets as many columns as it needs (right-aligned), its signature line the rest.
  const signature = (row: number, c0: number, cols: number, label: string) => {
    let k = 1;
    while (k < cols - 1 && widthOf(c0, k) < textWidth(label) * 1.1 + 2) k++;
    put(row, c0, label);
    merge(area(row, c0, 1, k));
    style(area(row, c0, 1, k), { bold: true, hAlign: "right", vAlign: "bottom" });
    if (cols > k) {
      merge(area(row, c0 + k, 1, cols - k));
      style(area(row, c0 + k, 1, cols - k), { border: "bottom" });
    }
  };
  if (width >= 6) {
    const seg = Math.floor(width / 3);
    spec.footer.forEach((label, k) => signature(r, k * seg, k === 2 ? width - k * seg : seg, label));
    rowHeights[r] = 28;
    r++;
  } else {
    for (const label of spec.footer) {
      signature(r, 0, width, label);
      rowHeights[r] = 28;
      r++;
    }
  }
  if (spec.formNumber) {
    const cols = Math.min(3, width);
    put(r, width - cols, spec.formNumber);
    merge(area(r, width - cols, 1, cols));
    style(area(r, width - cols, 1, cols), { bold: true, hAlign: "right", vAlign: "center" });
    rowHeights[r] = 20;
    r++;
  }
  const height = r;

  const notes = [];
  if (compileTemplate(spec.template).population) notes.push({ en: FORM_WORDS.en.populationNote, zh: FORM_WORDS["zh-CN"].populationNote });

  return {
    kind: spec.kind,
    templateId: spec.template.id,
    templateVersion: spec.template.version,
    lang: spec.lang,
    sheetName: spec.sheetName,
    title: spec.title,
    formNumber: spec.formNumber,
    columns: spec.columns.map(({ header, role, field, width: w }) => (field !== undefined ? { header, role, field, width: w } : { header, role, width: w })),
    headerRow,
    dataRows: { first, last },
    fieldColumns,
    gradeColumn,
    scoreColumn,
    width,
    height,
    cells,
    merges,
    styles,
    rowHeights,
    validations,
    conditionalFormats: cfs,
    freeze: { rows: headerRow + 1, cols: 0 },
    print: {
      paper: "A4",
      orientation: spec.kind === "mfq-102a" || totalWidth > PORTRAIT_MAX_WIDTH ? "landscape" : "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: titleFirst, last: headerRow },
      area: area(0, 0, height, width),
      header: spec.page.header,
      footer: spec.page.footer,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
      centerHorizontally: true,
    },
    notes,
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The layout of the grading form of a template: the MF/Q 102/A form for `mfq-102a` (with its two
 * number fields), a fill-in form for any other template. `rows` data rows (default 20, at most
 * 1000). Returns a `FormRefusal` for bad options or a template the formula compiler refuses.
 */
export function formLayout(template: Template, options: FormOptions = {}): FormLayout | FormRefusal {
  const rows = options.rows ?? DEFAULT_FORM_ROWS;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_FORM_ROWS) {
    return refusal("badOptions", `the number of rows must be a whole number from 1 to ${MAX_FORM_ROWS} (got ${rows})`, `行数须为 1 到 ${MAX_FORM_ROWS} 之间的整数（实际为 ${rows}）`);
  }
  const lang: Lang = options.lang === "zh-CN" ? "zh-CN" : "en";
  let compiled;
  try {
    compiled = compileTemplate(template);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refusal("invalidTemplate", `the template has problems: ${why}`, `模板有错误：${why}`);
  }
  const isMfq = template.id === "mfq-102a" && ["orderCount", "orderVolume"].every((k) => template.fields.some((f) => f.key === k && f.type === "number"));
  let spec: FormSpec;
  if (isMfq) {
    const builtinRules = sameJson(template.model, MFQ_MODEL) && template.fields.every((f) => f.min === 0 && f.max === undefined);
    spec = mfqSpec(template, compiled.grades, builtinRules);
  } else {
    spec = templateSpec(template, compiled.grades, compiled.population, compiled.scores, lang);
  }
  return build(spec, rows, options.params);
}

/** The rules of the built-in mfq-102a the MF/Q legend texts describe (a changed copy gets generic texts). */
const MFQ_MODEL = {
  kind: "rules",
  rules: [
    { grade: "A", when: { all: [{ field: "orderCount", op: ">", value: 5 }, { field: "orderVolume", op: ">", value: 100000 }] } },
    { grade: "B", when: { all: [{ field: "orderCount", op: ">", value: 3 }, { field: "orderVolume", op: ">=", value: 10000 }] } },
  ],
  otherwise: "C",
};
