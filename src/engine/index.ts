/**
 * GradeKit's pure grading engine. No Office, DOM, React or Node APIs (its tsconfig has no such
 * types): the add-in, the custom functions and the CLI all call this.
 */
export * from "./template/schema";
export { DEFAULTS, type EngineDefaults } from "./template/defaults";
export { parseNumber, parseNumberIn, scaleExact, parseYesNo, isBlank, normalizeWord, showValue, type ParseProblem, type ParseResult } from "./input/parse";
export { tr, fmt, fmtScore } from "./text/display";
export { round9 } from "./eval/precision";
export * from "./text";
export { msg, MESSAGES, type MessageKey } from "./text/messages";
export { parseTable, type TableInput, type GradeError, type ParsedTable, type Column } from "./input/table";
export { parseDate, isoOf, todaySerial, asOfSerial, elapsed, looksLikeDate, serialOf, type DateOrder } from "./input/dates";
export type { DateReading } from "./input/date-columns";
export { foldText, makeTextPattern, textPatternOf, TEXT_PATTERN_MODES, type TextPatternMode } from "./eval/text-patterns";
export { parseCsv, sniffDelimiter, csvField, writeCsv, neutralise, CsvError } from "./input/csv";
export { TemplateError } from "./template/template-error";
export { populationOf, tierOf, countGreater, tierFor, percentileTiers, type Population, type TierTable } from "./eval/tiers";
export { checkTemplate, parseTemplateJson, type CheckResult, type CheckIssue, type Severity } from "./template/check";
export { parseJsonSafely, jsonTextDepth, forbiddenKeyPaths, FORBIDDEN_KEYS, MAX_JSON_DEPTH, MAX_TEMPLATE_FILE_BYTES, type SafeJson } from "./template/template-json";
export {
  compileTemplate,
  gradeTable,
  gradeParsed,
  GradeResult,
  ERROR,
  NO_DATA,
  type CompiledTemplate,
  type GradeOptions,
  type RowOutcome,
  type RowStatus,
} from "./eval/grade";
export { matchHeaders, fieldNames, headerUnit, headerUnits, unitScale, type HeaderMatch, type HeaderUnit, type MappingOverride } from "./input/headers";
export { MODEL_KINDS, kindOf, type GradeInfo, type ModelKind, type ModelOf, type KindEditor, type NewModelNames } from "./kinds";
export { defaultCondition, evenCuts } from "./kinds/shared/new-models";
export { describeTemplate, isDefaultsReading, type TemplateDescription } from "./kinds/describe";
export { MAX_ROWS, MAX_COLS, columnLetters, columnIndex, quoteSheet, cellA1, type Rect } from "./sheet-address/a1";
export * from "./compile";
export * from "./sheet";
export {
  crossTab,
  periodTables,
  GROUP_SEP,
  reviewSupply,
  changeText,
  supplyParams,
  SUPPLY_DEFAULTS,
  MAX_HOLIDAY_SHARE,
  type CrossTab,
  type CrossTabInput,
  type PeriodTables,
  type SupplyMonth,
  type SupplyRow,
  type SupplyResult,
  type SupplyReview,
  type SupplyStep,
  type SupplyParams,
} from "./analysis";
