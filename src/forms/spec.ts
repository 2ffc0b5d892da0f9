/**
 * The description of a form both kinds are written as (`mfq.ts`, `fill-in.ts`) and `build.ts`
 * lays out: texts, columns with their formats and validation, legend, footer, page texts.
 */
import type { Lang, Template } from "../engine";
import type { FormColumn, FormLayout, HeaderFooterText, ValidationRule } from "./types";

/** The look of every form: fills, muted text, the error style of grade cells, sizes. */
export const FORM_ERROR_STYLE = Object.freeze({ fill: "#FFC7CE", fontColor: "#9C0006" });
export const HEADER_FILL = "#F2F2F2";
export const GROUP_FILL = "#DDEBF7";
export const MUTED = "#595959";
export const DATA_ROW_HEIGHT = 20;
/** The grade column shows `#VALUE!` (bold) for bad input: 10 characters keep it from showing ###. */
export const GRADE_MIN_WIDTH = 10;
/** Widest table (in characters) printed on A4 portrait; wider forms print landscape (the MF/Q form always does, like the source). */
export const PORTRAIT_MAX_WIDTH = 95;

/** A validation with its messages. */
export interface ColumnValidation {
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface ColumnSpec extends FormColumn {
  numberFormat?: string;
  hAlign?: "left" | "center" | "right";
  /** Drop-down or number rule with its messages. */
  validation?: ColumnValidation;
}

export interface LegendRow {
  code: string;
  color: string;
  /** Label and action. */
  text: string;
  /** The grade's cut-off or rule in words, in a column of its own before the text. */
  rule?: string;
}

export interface FormSpec {
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
