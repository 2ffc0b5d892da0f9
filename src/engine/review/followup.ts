/**
 * Follow-up schedule: from each customer's grade and last contact date, the next contact date
 * (last contact + the grade's `cadenceDays`) and whether it is overdue (next contact before
 * "today"). Dates are Excel serial day numbers (`dates.ts`): month ends and leap years are plain
 * integer additions, no local time is involved.
 */
import type { Lang } from "../text/lang";
import { isBlank, normalizeWord } from "../input/parse";
import type { Template, Text } from "../template/schema";
import { compileTemplate } from "../eval/grade";
import { keyText } from "./compare";
import { addDays, daysBetween, isoOf, toSerial } from "./dates";

export type FollowUpStatus = "scheduled" | "none" | "noDate" | "error" | "empty";

export interface FollowUp {
  status: FollowUpStatus;
  /** Canonical grade id, when the grade was recognised. */
  grade: string | null;
  cadenceDays: number | null;
  lastContact: number | null;
  /** Next contact date (serial), when scheduled. */
  next: number | null;
  /** Next contact strictly before today. */
  overdue: boolean;
  /** Days past the next contact date (0 when not overdue). */
  daysOverdue: number;
  reason: Text;
}

function text(en: string, zh: string): Text {
  return { en, zh };
}

/**
 * The schedule of each row. `grades` hold grade ids or labels (as written by apply or the CLI),
 * `lastContact` dates (serials, Dates, ISO text), `today` a date (throws when it is not one).
 *
 * @example followUpSchedule(needClose5, ["B"], ["2024-02-26"], "2024-03-07")[0] // next 2024-03-04, overdue by 3 days
 */
export function followUpSchedule(template: Template, grades: ArrayLike<unknown>, lastContact: ArrayLike<unknown>, today: unknown): FollowUp[] {
  const t = toSerial(today);
  if (!t.ok) throw new RangeError(`today is not a date: ${t.text}`);
  const compiled = compileTemplate(template);
  const index = new Map<string, number>();
  compiled.grades.forEach((g, k) => {
    for (const w of [g.id, g.label.en, g.label.zh]) {
      const n = normalizeWord(w);
      if (n && !index.has(n)) index.set(n, k);
    }
  });
  const n = Math.max(grades.length, lastContact.length);
  const out: FollowUp[] = [];
  for (let i = 0; i < n; i++) {
    const g = grades[i];
    const d = lastContact[i];
    const base: FollowUp = { status: "empty", grade: null, cadenceDays: null, lastContact: null, next: null, overdue: false, daysOverdue: 0, reason: text("", "") };
    if (isBlank(g) && isBlank(d)) {
      out.push(base);
      continue;
    }
    if (isBlank(g)) {
      out.push({ ...base, status: "none", reason: text("not graded", "未分级") });
      continue;
    }
    const k = index.get(normalizeWord(keyText(g)));
    if (k === undefined) {
      const s = keyText(g);
      out.push({ ...base, status: "error", reason: text(`unknown grade '${s}'`, `未知等级“${s}”`) });
      continue;
    }
    const grade = compiled.grades[k];
    const label = { en: grade.id, zh: grade.label.zh || grade.id };
    const cadence = grade.cadenceDays;
    if (cadence === undefined) {
      out.push({ ...base, status: "none", grade: grade.id, reason: text(`${label.en}: no follow-up cadence`, `${label.zh}：无跟进周期`) });
      continue;
    }
    if (isBlank(d)) {
      out.push({ ...base, status: "noDate", grade: grade.id, cadenceDays: cadence, reason: text(`${label.en}: no last contact date`, `${label.zh}：缺少上次联系日期`) });
      continue;
    }
    const last = toSerial(d);
    if (!last.ok) {
      out.push({ ...base, status: "error", grade: grade.id, cadenceDays: cadence, reason: text(`'${last.text}' is not a date`, `“${last.text}”不是日期`) });
      continue;
    }
    const next = addDays(last.serial, cadence);
    if (Number.isNaN(next)) {
      out.push({ ...base, status: "error", grade: grade.id, cadenceDays: cadence, reason: text(`${isoOf(last.serial)} + ${cadence} days is past 9999-12-31`, `“${isoOf(last.serial)}”加 ${cadence} 天超出日期范围`) });
      continue;
    }
    const late = daysBetween(next, t.serial);
    const overdue = late > 0;
    const en = `${label.en}: every ${cadence} day${cadence === 1 ? "" : "s"}; last contact ${isoOf(last.serial)} → next ${isoOf(next)}`;
    const zh = `${label.zh}：每 ${cadence} 天；上次联系 ${isoOf(last.serial)} → 下次 ${isoOf(next)}`;
    out.push({
      status: "scheduled",
      grade: grade.id,
      cadenceDays: cadence,
      lastContact: last.serial,
      next,
      overdue,
      daysOverdue: overdue ? late : 0,
      reason: overdue
        ? text(`${en} (overdue by ${late} day${late === 1 ? "" : "s"})`, `${zh}（已逾期 ${late} 天）`)
        : late === 0
          ? text(`${en} (due today)`, `${zh}（今天到期）`)
          : text(en, zh),
    });
  }
  return out;
}

/** The reason in a language. */
export function followUpReason(f: FollowUp, lang: Lang): string {
  return lang === "zh-CN" ? f.reason.zh : f.reason.en;
}
