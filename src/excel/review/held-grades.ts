/**
 * Grades that remember over the saved periods: the history table's grades (one period after
 * another, oldest first) through the template's `review.hold` / `review.validity` (engine
 * `holdGrades`), written to a new sheet ("GradeKit Held Grades" / "保级结果"): per customer, its
 * last period's earned grade, the held grade, the periods held, the rule that applied and why.
 * Superseded rows are ignored; a customer missing from a period keeps its grade (listed).
 */
import { tr } from "../../engine";
import { holdGrades, keyText, remembers, type EarnedPeriod } from "../../engine/review";
import type { HeldGradesOptions, HeldGradesResult } from "../contract";
import type { ExcelApi } from "../excel-api";
import { uniqueSheetName } from "../forms";
import { ReviewError } from "./catalogue";
import { isSuperseded, readHistory } from "./history-table";

const SHEET = { en: "GradeKit Held Grades", "zh-CN": "保级结果" } as const;
const HEAD = ["key", "period", "earned", "held", "periodsHeld", "rule", "reason"];

export async function heldGradesSheet(excel: ExcelApi, options: HeldGradesOptions): Promise<HeldGradesResult> {
  const lang = options.lang ?? "en";
  if (!remembers(options.template.review)) throw new Error(`template '${options.template.id}' has no hold or validity rules`);
  return excel.run(async (context) => {
    const { loc, columns } = await readHistory(context);
    const c = loc.cols;
    const per = columns.get(c.period)!;
    const keys = columns.get(c.key)!;
    const grades = columns.get(c.grade)!;
    const st = columns.get(c.status)!;
    const order: string[] = [];
    const rows = new Map<string, EarnedPeriod["rows"][number][]>();
    for (let i = 0; i < loc.info.rowCount; i++) {
      const p = keyText(per[i]);
      if (!p || isSuperseded(st[i])) continue;
      let list = rows.get(p);
      if (!list) {
        rows.set(p, (list = []));
        order.push(p);
      }
      list.push({ key: keys[i], grade: grades[i] });
    }
    const labels = options.periods ?? order;
    for (const p of labels) if (!rows.has(p)) throw new ReviewError("periodMissing", p);
    const held = holdGrades(options.template, labels.map((p) => ({ label: p, rows: rows.get(p)! })));
    const last = held.customers.map((x) => x.history[x.history.length - 1]);
    const cells: (string | number)[][] = [HEAD, ...last.map((g) => [g.key, g.period, g.earned ?? "", g.held ?? "", g.periodsHeld, g.rule, tr(g.reason, lang)])];
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(SHEET[lang], sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    const range = ws.getRangeByIndexes(0, 0, cells.length, HEAD.length);
    range.numberFormat = cells.map((r) => r.map((x) => (typeof x === "number" ? "General" : "@")));
    range.values = cells;
    ws.getRangeByIndexes(0, 0, 1, HEAD.length).format.font.bold = true;
    ws.activate();
    await context.sync();
    const rules: Record<string, number> = {};
    for (const g of last) rules[g.rule] = (rules[g.rule] ?? 0) + 1;
    return { sheet: name, periods: labels, customers: last.length, rules, missing: held.missing.filter((m) => m.keys.length > 0) };
  });
}
