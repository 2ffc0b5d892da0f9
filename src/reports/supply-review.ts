/**
 * The month-end supply review sheet ("Supply review" / 供量档位复核) as a sheet layout: a title
 * naming the reviewed month and the months used (the names the user chose), the parameters, a
 * colour legend, then the table `id, old tier, new tier, change, ceiling, reason` (header frozen
 * and repeated on every printed page), raised rows green, lowered rows red, bad inputs grey; to the
 * right a count of raised / lowered / same / new / no row this month / bad with a bar chart of it. A4 landscape, one page wide.
 *
 * Layout (0-based rows): 0 title (14 pt bold), 1 months, 2 parameters, 3 legend, 4 blank,
 * 5 the table's header, then one row per retailer. Counts at column 7 from row 5.
 */
import {
  area,
  catalogue,
  changeText,
  fmt,
  rowHeightFor,
  SheetBuilder,
  tr,
  wrappedLines,
  type CellValue,
  type Lang,
  type SheetLayout,
  type SupplyParams,
  type SupplyResult,
} from "../engine";

const say = catalogue({
  sheet: { en: "Supply review", zh: "供量档位复核" },
  title: { en: "Month-end supply review: {month}", zh: "月末供量档位复核：{month}" },
  months: { en: "Months: {months}", zh: "月份：{months}" },
  params: {
    en: "Ranges per tier: {ranges}; raise at {share}% of the upper bound; at most +{max} per review; penalty −{pen}; new retailers: tier {newTier}; holiday share {holiday}%",
    zh: "各档供量区间：{ranges}；购进量达上限 {share}% 升档；每次最多升 {max} 档；处罚降 {pen} 档；新户 {newTier} 档；节日上浮 {holiday}%",
  },
  legend: { en: "Colours:", zh: "颜色：" },
  up: { en: "raised", zh: "升档" },
  down: { en: "lowered", zh: "降档" },
  same: { en: "same", zh: "不变" },
  new: { en: "new (under 3 months)", zh: "新户（不足 3 个月）" },
  lost: { en: "no row this month", zh: "本月无记录" },
  bad: { en: "bad input", zh: "输入有误" },
  id: { en: "id", zh: "编号" },
  oldTier: { en: "Old tier", zh: "原档位" },
  newTier: { en: "New tier", zh: "新档位" },
  change: { en: "Change", zh: "变化" },
  ceiling: { en: "Next month's ceiling", zh: "下月供量上限" },
  reason: { en: "Reason", zh: "原因" },
  what: { en: "Result", zh: "结果" },
  count: { en: "Retailers", zh: "户数" },
  chart: { en: "Retailers by change", zh: "档位变化户数" },
});

/** Fills: raised, lowered, bad input. */
export const SUPPLY_FILLS = { up: "#C6EFCE", down: "#FFC7CE", bad: "#D9D9D9" } as const;

const HEAD = 5;
const COUNTS_COL = 7;
const REASON_WIDTH = 70;

export interface SupplySheetOptions {
  lang: Lang;
  /** The months' names, oldest first (the last is the reviewed month). */
  months: readonly string[];
  params: SupplyParams;
}

/** Counts per result: raised, lowered, same, new (fewer than 3 months of history), lost (no row for the reviewed month: tier kept), bad input. */
export interface SupplyCounts {
  up: number;
  down: number;
  same: number;
  new: number;
  lost: number;
  bad: number;
}

/** The order of the counts on the sheet and in messages. */
export const SUPPLY_COUNT_ORDER: readonly (keyof SupplyCounts)[] = ["up", "down", "same", "new", "lost", "bad"];

/**
 * Counts of the results, each retailer in one class: bad input; else lost (no row for the month,
 * tier kept); else new (fewer than 3 months of history); else raised / lowered / same by the change.
 */
export function supplyCounts(results: readonly SupplyResult[]): SupplyCounts {
  const c: SupplyCounts = { up: 0, down: 0, same: 0, new: 0, lost: 0, bad: 0 };
  for (const r of results) {
    if (r.status === "bad") c.bad++;
    else if (r.steps.includes("missing")) c.lost++;
    else if (r.steps.includes("new")) c.new++;
    else if (r.change! > 0) c.up++;
    else if (r.change! < 0) c.down++;
    else c.same++;
  }
  return c;
}

export function supplyReviewLayout(results: readonly SupplyResult[], o: SupplySheetOptions): SheetLayout {
  const { lang, params: p } = o;
  const b = new SheetBuilder(say("sheet", lang));
  const sep = lang === "zh-CN" ? "、" : ", ";
  b.block(0, 0, [
    [say("title", lang, { month: o.months[o.months.length - 1] ?? "" })],
    [say("months", lang, { months: o.months.join(sep) })],
    [
      say("params", lang, {
        ranges: p.ranges.map((r, k) => `${k + 1}: ${fmt(r[0])}–${fmt(r[1])}`).join(sep),
        share: fmt(p.raiseShare * 100),
        max: p.maxRaise,
        pen: p.penaltyTiers,
        newTier: p.newTier,
        holiday: fmt(p.holidayShare * 100),
      }),
    ],
    [say("legend", lang), say("up", lang), say("down", lang), say("same", lang), say("bad", lang)],
  ]);
  b.style(area(0, 0), { bold: true, size: 14 });
  b.style(area(3, 1), { fill: SUPPLY_FILLS.up });
  b.style(area(3, 2), { fill: SUPPLY_FILLS.down });
  b.style(area(3, 4), { fill: SUPPLY_FILLS.bad });
  const head: CellValue[] = [
    say("id", lang),
    say("oldTier", lang),
    say("newTier", lang),
    say("change", lang),
    say("ceiling", lang),
    say("reason", lang),
  ];
  const body: CellValue[][] = results.map((r) =>
    r.status === "bad"
      ? [r.key, "", "", "", "", tr(r.reason, lang)]
      : [r.key, r.oldTier!, r.newTier!, changeText(r.change!), r.ceiling!, tr(r.reason, lang)],
  );
  b.block(HEAD, 0, [head, ...body]);
  b.style(area(HEAD, 0, 1, 6), { bold: true, fill: "#DDEBF7", border: "grid", wrap: true, vAlign: "center" });
  if (body.length) {
    b.style(area(HEAD + 1, 0, body.length, 6), { border: "grid", vAlign: "top" });
    b.style(area(HEAD + 1, 0, body.length, 1), { numberFormat: "@" });
    b.style(area(HEAD + 1, 5, body.length, 1), { wrap: true });
    b.style(area(HEAD + 1, 1, body.length, 4), { hAlign: "center" });
  }
  results.forEach((r, i) => {
    b.rowHeight(HEAD + 1 + i, rowHeightFor(wrappedLines(tr(r.reason, lang), REASON_WIDTH))); // the reason wraps: rows as tall as it
    const fill =
      r.status === "bad"
        ? SUPPLY_FILLS.bad
        : r.change! > 0
          ? SUPPLY_FILLS.up
          : r.change! < 0
            ? SUPPLY_FILLS.down
            : undefined;
    if (fill) b.style(area(HEAD + 1 + i, 0, 1, 6), { fill });
  });
  const c = supplyCounts(results);
  b.block(HEAD, COUNTS_COL, [
    [say("what", lang), say("count", lang)],
    ...SUPPLY_COUNT_ORDER.map((k) => [say(k, lang), c[k]]),
  ]);
  b.style(area(HEAD, COUNTS_COL, 1, 2), { bold: true, fill: "#DDEBF7" });
  b.style(area(HEAD, COUNTS_COL, SUPPLY_COUNT_ORDER.length + 1, 2), { border: "grid" });
  b.columns([
    { width: 12 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 12 },
    { width: 70 },
    { width: 2 },
    { width: 12 },
    { width: 9 },
  ]);
  b.freeze(HEAD + 1, 1);
  b.select(HEAD + 1, 0);
  b.chart({
    kind: "bar",
    source: area(HEAD, COUNTS_COL, SUPPLY_COUNT_ORDER.length + 1, 2),
    seriesBy: "columns",
    title: say("chart", lang),
    legend: false,
    at: area(HEAD + SUPPLY_COUNT_ORDER.length + 2, COUNTS_COL, 14, 6),
  });
  b.print({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: HEAD, last: HEAD },
    area: area(0, 0, HEAD + 1 + body.length, COUNTS_COL + 2),
    header: {
      left: "",
      center: say("title", lang, { month: o.months[o.months.length - 1] ?? "" }).replace(/&/g, "&&"),
      right: "",
    },
    footer: { left: "", center: "&P / &N", right: "" },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    centerHorizontally: true,
  });
  return b.done();
}
