/**
 * The Excel boundary of the GK.* functions: the display language, and the one mapping of GradeKit's
 * errors to what the custom functions runtime takes (`CustomFunctions.Error`, #VALUE! / #N/A with
 * a message in the display language). This is the only module that touches the `Office` /
 * `CustomFunctions` globals, and only when a function is called (never at import), so the pure
 * modules stay testable without Office (the playground also shows errors through `excelErrorOf`).
 */
import { isGradeKitError, TemplateError, toLang, type ErrorClass, type Lang } from "../engine";
import type { Cell } from "./core";
import { fnMsg, type FnErrorCode } from "./errors";

/** What the runtime's `CustomFunctions` namespace provides that we use. */
interface CustomFunctionsApi {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

/** Where the display language comes from; returns anything `toLang` reads (`"zh-CN"`, `"en-US"`...). */
export type LanguageSource = () => unknown;

const officeDisplayLanguage: LanguageSource = () =>
  (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office?.context?.displayLanguage;

let languageSource: LanguageSource = officeDisplayLanguage;

/** Replaces the language source (tests); no argument restores `Office.context.displayLanguage`. */
export function setLanguageSource(source?: LanguageSource): void {
  languageSource = source ?? officeDisplayLanguage;
}

/** The language of reasons and messages: Office's display language when known, else English. */
export function displayLang(): Lang {
  try {
    const v = languageSource();
    return v === undefined || v === null || v === "" ? "en" : toLang(v);
  } catch {
    return "en"; // Office.context not ready
  }
}

function customFunctions(): CustomFunctionsApi | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;
}

/**
 * The Excel error value of each error class: bad input, a broken template, a bug -> `#VALUE!`;
 * nothing to look up or nothing applies -> `#N/A`. (`FnError`s carry the same value as their code.)
 */
export const EXCEL_ERROR_OF: Readonly<Record<ErrorClass, FnErrorCode>> = {
  usage: "#VALUE!",
  input: "#VALUE!",
  template: "#VALUE!",
  output: "#VALUE!",
  internal: "#VALUE!",
  notFound: "#N/A",
  unsupported: "#N/A",
};

/** An error as Excel shows it: the error value and its message in a language. */
export interface ExcelError {
  code: FnErrorCode;
  message: string;
  /** True when it is not one of GradeKit's own errors (a bug, worth logging). */
  unexpected: boolean;
}

/**
 * Anything thrown or returned as Excel shows it: GradeKit's errors by their class, an engine
 * template problem as `#VALUE!` with its message, anything else as `#VALUE!` "unexpected error".
 */
export function excelErrorOf(err: unknown, lang: Lang): ExcelError {
  if (isGradeKitError(err)) return { code: EXCEL_ERROR_OF[err.errorClass], message: err.messageIn(lang), unexpected: false };
  if (err instanceof TemplateError) return { code: "#VALUE!", message: err.message, unexpected: false };
  const why = err instanceof Error ? err.message : String(err);
  return { code: "#VALUE!", message: fnMsg("internal", lang, { why }), unexpected: true };
}

/** An error as the runtime's error object (a plain Error with the code outside Excel). */
export function toExcelError(err: unknown, lang: Lang): Error {
  const e = excelErrorOf(err, lang);
  const cf = customFunctions();
  if (!cf?.Error) return Object.assign(new Error(e.message), { code: e.code });
  const code = e.code === "#N/A" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
  return new cf.Error(code, e.message);
}

/**
 * Runs one GK.* call for Excel: computes the cells in the display language and returns them as a
 * matrix with error cells as `CustomFunctions.Error`. A whole-call error, or a 1x1 result that is an
 * error, is thrown (Excel shows it with its message).
 */
export function runForExcel(compute: (lang: Lang) => Cell[][]): unknown[][] {
  const lang = displayLang();
  let cells: Cell[][];
  try {
    cells = compute(lang);
  } catch (err) {
    if (excelErrorOf(err, lang).unexpected) console.error("GradeKit custom function failed", err);
    throw toExcelError(err, lang);
  }
  if (cells.length === 1 && cells[0].length === 1 && isGradeKitError(cells[0][0])) throw toExcelError(cells[0][0], lang);
  for (const row of cells) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isGradeKitError(v)) (row as unknown[])[c] = toExcelError(v, lang);
    }
  }
  return cells;
}
