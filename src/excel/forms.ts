/**
 * Insert form: a new worksheet holding a grading form (`src/forms`: the MF/Q 102/A form for
 * `mfq-102a`, a fill-in form for any other template), drawn with Office.js from the same layout
 * model the CLI writes to .xlsx. The form grades itself with portable formulas (no add-in needed
 * once it is inserted).
 *
 * One `Excel.run`. Syncs: 1 (sheet names) + the drawer's (`draw/`: one per 4 MB of texts and
 * formulas, the last one with the formats; a 1000-row form of a long template needs a few) + 1
 * (print setup, ExcelApi 1.9). Where the page layout API is missing (Excel 2016/2019 before 1.9) or
 * refuses a setting, the form stays inserted without (all of) its print setup and `printSetup` is
 * false.
 */
import { formLayout, isFormRefusal } from "../forms";
import { sheetAddress } from "./address";
import type { InsertFormOptions, InsertFormResult } from "./contract";
import { drawSheet } from "./draw";
import { FormError } from "./errors";
import type { ExcelApi } from "./excel-api";

/** The sheet name, or that name with " (2)", " (3)"... when taken (case-insensitive, <= 31 characters). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((s) => s.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = [...name].slice(0, 31 - suffix.length).join("") + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Inserts the form of `template` as a new worksheet (activated, the first cell to fill selected).
 * Throws `FormError` when the template cannot be compiled to formulas (nothing is inserted).
 */
export async function insertForm(excel: ExcelApi, options: InsertFormOptions): Promise<InsertFormResult> {
  const layout = formLayout(options.template, { rows: options.rows, lang: options.lang, params: options.params });
  if (isFormRefusal(layout)) throw new FormError(layout);

  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(layout.sheetName, sheets.items.map((s) => s.name));
    const { printSetup } = await drawSheet(context, layout, { sheet: () => sheets.add(name) });
    const { first, last } = layout.dataRows;
    return {
      sheet: name,
      address: sheetAddress(name, { r0: first, c0: 0, r1: last, c1: layout.width - 1 }),
      rows: last - first + 1,
      printSetup,
      notes: layout.notes,
    };
  });
}
