/**
 * The period comparison sheet from the saved history: every saved period's grades (superseded
 * rows left out) counted by the engine (`periodTables`, one group: the whole history), laid out
 * by `reports/period-trend.ts` and drawn here as "GradeKit Trend" / "分级趋势" with a clustered
 * column chart (one series per period).
 */
import { periodTables, type Lang } from "../../engine";
import { keyText, toSerial } from "../../engine/review";
import { periodTrendLayout } from "../../reports/period-trend";
import { getBuiltinTemplate } from "../../templates";
import type { PeriodTrendOptions, PeriodTrendResult } from "../contract";
import { drawSheet, replacingSheet } from "../draw";
import type { ExcelApi } from "../excel-api";
import { ReviewError } from "./catalogue";
import { isSuperseded, readHistory } from "./history-table";

/**
 * Writes the trend sheet of `options.periods` (default: every saved period by its date, oldest
 * first), replacing an earlier one of the same language at its position. Syncs: 2 + one per
 * read block + the drawing's.
 */
export async function periodTrendSheet(excel: ExcelApi, options: PeriodTrendOptions): Promise<PeriodTrendResult> {
  const lang: Lang = options.lang ?? "en";
  return excel.run(async (context) => {
    const { loc, columns } = await readHistory(context);
    const c = loc.cols;
    const per = columns.get(c.period)!;
    const st = columns.get(c.status)!;
    const gr = columns.get(c.grade)!;
    const tpl = columns.get(c.template)!;
    const dates = columns.get(c.date)!;
    const rowsOf = new Map<string, number[]>();
    const dateOf = new Map<string, number>();
    for (let i = 0; i < loc.info.rowCount; i++) {
      const p = keyText(per[i]);
      if (!p || isSuperseded(st[i])) continue;
      let list = rowsOf.get(p);
      if (!list) rowsOf.set(p, (list = []));
      list.push(i);
      const d = toSerial(dates[i]);
      if (d.ok && !(dateOf.get(p)! <= d.serial)) dateOf.set(p, d.serial);
    }
    // default: every saved period by its date, oldest first (a period replaced later keeps its date)
    const byDate = [...rowsOf.keys()].sort((a, b) => (dateOf.get(a) ?? Infinity) - (dateOf.get(b) ?? Infinity));
    const names = options.periods ?? byDate;
    if (names.length === 0) throw new ReviewError("noHistory");
    for (const p of names) if (!rowsOf.has(p)) throw new ReviewError("periodMissing", p);
    const used = names.flatMap((p) => rowsOf.get(p)!);
    const templateIds = [...new Set(used.map((i) => keyText(tpl[i])).filter((x) => x))];
    const template = options.template ?? (templateIds.length === 1 ? getBuiltinTemplate(templateIds[0]) : undefined);
    const order = template?.grades.map((g) => g.id);
    const pt = periodTables(
      names.map((name) => {
        const idx = rowsOf.get(name)!;
        return { name, input: { by: [idx.map(() => "")], values: idx.map((i) => gr[i]) } };
      }),
      order,
    );
    const labels: Record<string, string> = {};
    const colors: Record<string, string> = {};
    for (const g of template?.grades ?? []) {
      labels[g.id] = lang === "zh-CN" ? g.label.zh || g.label.en : g.label.en;
      colors[g.id] = g.color;
    }
    const templateName = template ? (lang === "zh-CN" ? template.name.zh || template.name.en : template.name.en) : templateIds.join(", ");
    const layout = periodTrendLayout(pt, { lang, templateName, labels, colors, historyRows: used.length });
    const old = context.workbook.worksheets.getItemOrNullObject(layout.sheetName);
    old.load("position");
    await context.sync();
    const { charts } = await drawSheet(context, layout, { sheet: replacingSheet(context.workbook, old, layout.sheetName), activate: true });
    return {
      sheet: layout.sheetName,
      periods: pt.periods,
      grades: pt.values,
      counts: pt.tables.map((t) => pt.values.map((_, k) => t.counts[0]?.[k] ?? 0)),
      blanks: pt.tables.map((t) => t.blankTotal),
      chart: charts[0]?.name ?? "",
    };
  });
}
