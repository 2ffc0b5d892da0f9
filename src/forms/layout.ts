/**
 * `formLayout(template, options)`: the layout of a grading form (`types.ts`): the MF/Q 102/A
 * paper form for `mfq-102a` (`mfq.ts`), a fill-in form for any other template (`fill-in.ts`),
 * laid out by `build.ts`. Pure: no Node, DOM or Office.
 *
 * Grade (and score) cells hold the template compiled to portable Excel formulas
 * (`compileFormulaRows`, target `excel-compat`: Excel 2007 functions, no `_xlfn.` prefixes), so
 * the sheet grades itself in Excel, LibreOffice or Excel on the web without the add-in. A
 * template the compiler refuses gives a `FormRefusal` with the compiler's reason.
 */
import { compileTemplate, type Lang, type Template } from "../engine";
import { buildForm } from "./build";
import { fillInSpec } from "./fill-in";
import { DEFAULT_FORM_ROWS, MAX_FORM_ROWS } from "./limits";
import { isMfqTemplate, mfqSpec } from "./mfq";
import type { FormLayout, FormOptions, FormRefusal } from "./types";

function refusal(code: string, en: string, zh: string): FormRefusal {
  return { ok: false, code, reason: { en, zh } };
}

export function isFormRefusal(x: unknown): x is FormRefusal {
  return typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
}

/**
 * The layout of the grading form of a template: the MF/Q 102/A form for `mfq-102a` (with its two
 * number fields), a fill-in form for any other template. `rows` data rows (default 15, at most
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
  const spec = isMfqTemplate(template) ? mfqSpec(template, compiled.grades) : fillInSpec(template, compiled.grades, compiled.population, compiled.scores, lang);
  return buildForm(spec, rows, options.params);
}
