/**
 * GradeKit's pure grading engine. No Office, DOM, React or Node APIs (its tsconfig has no such
 * types): the add-in, the custom functions and the CLI all call this.
 */
export * from "./schema";
export { DEFAULTS, type EngineDefaults } from "./defaults";
export { parseNumber, parseYesNo, isBlank, normalizeWord, showValue, type ParseProblem, type ParseResult } from "./parse";
export { tr, fmt, round9 } from "./i18n";
export * from "./text";
export { msg, MESSAGES, type MessageKey } from "./messages";
export { parseTable, type TableInput, type GradeError, type ParsedTable, type Column } from "./table";
export { TemplateError } from "./expr";
export { populationOf, tierOf, countGreater, tierFor, percentileTiers, type Population, type TierTable } from "./percentile";
export { checkTemplate, parseTemplateJson, type CheckResult, type CheckIssue, type Severity } from "./check";
export {
  compileTemplate,
  gradeTable,
  GradeResult,
  ERROR,
  NO_DATA,
  type CompiledTemplate,
  type GradeOptions,
  type RowOutcome,
  type RowStatus,
} from "./grade";
export { matchHeaders, fieldNames, type HeaderMatch, type MappingOverride } from "./headers";
export { MODEL_KINDS, kindOf, type GradeInfo, type ModelKind } from "./kinds";
export { MAX_ROWS, MAX_COLS, columnLetters, columnIndex, quoteSheet, cellA1, type Rect } from "./a1";
export * from "./compile";
export * from "./sheet";
