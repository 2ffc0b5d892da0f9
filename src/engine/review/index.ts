/**
 * Period review: comparing periods (migration matrix), review rules over a history of periods
 * (hysteresis, limits, caps), follow-up schedules and calendar dates as Excel serials. Pure, like
 * the rest of the engine.
 */
export { comparePeriods, migrationRecords, keyText, slotText, GradeOrder, type Comparison, type Movement, type PeriodRows, type Change, type Side, type GradeSlot } from "./compare";
export { reviewSheet, reviewLayout, REVIEW_WORDS, REVIEW_COLORS, type ReviewSheet, type ReviewSheetOptions, type SheetCell, type CellRect } from "./layout";
export {
  reviewTiers,
  reviewSeries,
  historyFromRows,
  sortPeriods,
  ReviewRules,
  type HistoryRecord,
  type ReviewOptions,
  type TierDecision,
  type ReviewAction,
  type SeriesRow,
} from "./rules";
export { holdGrades, remembers, type EarnedPeriod, type HeldGrade, type HoldResult, type HoldRule } from "./hold";
export { checkReview } from "./check";
export { followUpSchedule, followUpReason, type FollowUp, type FollowUpStatus } from "./followup";
export { toSerial, addDays, daysBetween, serialOf, serialOfDate, partsOf, isoOf, MAX_SERIAL, type DateResult } from "./dates";
