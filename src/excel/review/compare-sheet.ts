/**
 * Comparing two saved periods: the history's rows of both (`history-table.ts`) compared by the
 * engine (`comparePeriods`), laid out by the engine (`reviewSheet`) and drawn here as the review
 * sheet ("GradeKit Review" / "分级变动").
 */
import { isBlank, type Lang } from "../../engine";
import { comparePeriods, keyText, reviewLayout, reviewSheet } from "../../engine/review";
import { getBuiltinTemplate } from "../../templates";
import type { ComparePeriodsOptions, ComparePeriodsResult } from "../contract";
import { drawSheet, replacingSheet } from "../draw";
import type { ExcelApi } from "../excel-api";
import { dataTop } from "../table/columns";
import { ReviewError, type HistoryRole } from "./catalogue";
import { isSuperseded, readHistory } from "./history-table";

/**
 * Compares two saved periods and writes the review sheet ("GradeKit Review" / "分级变动"),
 * replacing an earlier one of the same language at its position. Syncs: 2 + one per read block +
 * one per written block + 1 (formats).
 */
export async function comparePeriodsSheet(excel: ExcelApi, options: ComparePeriodsOptions): Promise<ComparePeriodsResult> {
  const lang: Lang = options.lang ?? "en";
  return excel.run(async (context) => {
    const { loc, columns } = await readHistory(context, options.onProgress);
    const c = loc.cols;
    const per = columns.get(c.period)!;
    const st = columns.get(c.status)!;
    const top = dataTop(loc.info);
    const pick = (label: string) => {
      const idx: number[] = [];
      for (let i = 0; i < loc.info.rowCount; i++) if (keyText(per[i]) === label && !isSuperseded(st[i])) idx.push(i);
      if (idx.length === 0) throw new ReviewError("periodMissing", label);
      return idx;
    };
    const a = pick(options.previous);
    const b = pick(options.current);
    const col = (role: HistoryRole, idx: number[]) => idx.map((i) => columns.get(c[role])![i]);
    const templateIds = [...new Set([...col("template", a), ...col("template", b)].map(keyText).filter((x) => x))];
    const template = options.template ?? (templateIds.length === 1 ? getBuiltinTemplate(templateIds[0]) : undefined);
    const hasMeasure = [...col("measure", a), ...col("measure", b)].some((v) => !isBlank(v));
    const side = (idx: number[]) => ({
      keys: col("key", idx),
      grades: col("grade", idx),
      measure: hasMeasure ? col("measure", idx) : undefined,
      rows: idx.map((i) => top + i + 1),
    });
    const comparison = comparePeriods(side(a), side(b), { template });
    const layout = reviewLayout(
      reviewSheet(comparison, { lang, previous: options.previous, current: options.current, template, measureName: options.measureName }),
    );
    const old = context.workbook.worksheets.getItemOrNullObject(layout.sheetName);
    old.load("position");
    await context.sync();
    await drawSheet(context, layout, { sheet: replacingSheet(context.workbook, old, layout.sheetName), activate: true });
    return { sheet: layout.sheetName, comparison, templateIds, order: template ? "template" : "firstAppearance" };
  });
}
