/**
 * The Excel boundary of the GK.* functions: the display language, and the mapping of results and
 * `FnError`s to what the custom functions runtime takes (`CustomFunctions.Error`, #VALUE! / #N/A with
 * a message). This is the only module that touches the `Office` / `CustomFunctions` globals, and only
 * when a function is called (never at import), so the pure modules stay testable without Office.
 */
import { TemplateError, toLang, type Lang } from "../engine";
import type { Cell } from "./core";
import { FnError, asFnError } from "./errors";

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

/** An `FnError` as the runtime's error object (a plain Error outside Excel). */
export function toExcelError(e: FnError): Error {
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
    const e = asFnError(err, lang);
    if (!(err instanceof FnError) && !(err instanceof TemplateError)) console.error("GradeKit custom function failed", err);
    throw toExcelError(e);
  }
  if (cells.length === 1 && cells[0].length === 1 && cells[0][0] instanceof FnError) throw toExcelError(cells[0][0]);
  for (const row of cells) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof FnError) (row as unknown[])[c] = toExcelError(v);
    }
  }
  return cells;
}
