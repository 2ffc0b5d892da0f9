/** Analyses after grading: cross-tables over groups and periods, the month-end supply review. */
export { crossTab, periodTables, GROUP_SEP, type CrossTab, type CrossTabInput, type PeriodTables } from "./crosstab";
export {
  reviewSupply,
  tierFor,
  changeText,
  type SupplyMonth,
  type SupplyRow,
  type SupplyResult,
  type SupplyReview,
  type SupplyStep,
} from "./supply";
export { supplyParams, SUPPLY_DEFAULTS, MAX_HOLIDAY_SHARE, type SupplyParams } from "./supply-params";
export { supplyMonthOf, SUPPLY_FIELD_NAMES, SUPPLY_REQUIRED, type SupplyMonthRead } from "./supply-input";
