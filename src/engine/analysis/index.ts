/** Analyses after grading: cross-tables over groups and periods, the month-end supply review. */
export { crossTab, periodTables, GROUP_SEP, type CrossTab, type CrossTabInput, type PeriodTables } from "./crosstab";
