/**
 * The CLI's own sentences, in English and Chinese (the engine's reasons come from the engine), and
 * the way the CLI makes its errors: a `GradeKitError` from a catalogue entry, both languages filled.
 * Which exit code an error gives and how it is printed is decided in one place, `exit.ts`.
 */
import { catalogue, fillBoth, GradeKitError, pick, type Args, type Bilingual, type Catalogue, type ErrorClass, type Lang } from "../engine";

export const CLI_MESSAGES = {
  // problems that stop a command (classes and exit codes: exit.ts)
  unknownCommand: { en: "unknown command '{cmd}': run `gradekit help` to see the commands", zh: "未知命令“{cmd}”：运行 `gradekit help` 查看可用命令" },
  noCommand: { en: "no command given: run `gradekit help`", zh: "未指定命令：运行 `gradekit help` 查看用法" },
  badOption: { en: "{problem}: run `gradekit help {cmd}`", zh: "{problem}：运行 `gradekit help {cmd}` 查看用法" },
  needOption: { en: "{option} is required: run `gradekit help {cmd}`", zh: "缺少 {option}：运行 `gradekit help {cmd}` 查看用法" },
  badLang: { en: "--lang must be en or zh-CN, not '{value}'", zh: "--lang 只能是 en 或 zh-CN，而不是“{value}”" },
  unknownTemplate: {
    en: "unknown template '{id}': run `gradekit templates` to list them, or give a template file (.json)",
    zh: "未知模板“{id}”：运行 `gradekit templates` 查看模板列表，或指定模板文件（.json）",
  },
  noFile: { en: "{what} '{path}' does not exist", zh: "{what}“{path}”不存在" },
  cannotRead: { en: "cannot read {what} '{path}': {why}", zh: "无法读取{what}“{path}”：{why}" },
  cannotWrite: { en: "cannot write '{path}': {why}", zh: "无法写入“{path}”：{why}" },
  badFormat: {
    en: "{option} '{path}' must be a .csv or .xlsx file (save .xls/.ods as .xlsx first)",
    zh: "{option}“{path}”必须是 .csv 或 .xlsx 文件（.xls/.ods 请先另存为 .xlsx）",
  },
  sameFile: {
    en: "--out is the same file as --in ('{path}' is '{input}', through a link or another spelling of its name): choose another --out (the input is never overwritten)",
    zh: "--out 与 --in 是同一个文件（“{path}”即“{input}”，通过链接或另一种写法）：请换一个输出文件（不会覆盖输入文件）",
  },
  outputExists: {
    en: "'{path}' already exists: add --force to replace it, or choose another output file (nothing was written)",
    zh: "“{path}”已存在：加 --force 覆盖它，或换一个输出文件（未写入任何内容）",
  },
  sheetCsv: { en: "--sheet applies to .xlsx input only", zh: "--sheet 只适用于 .xlsx 输入" },
  noSheet: { en: "no sheet '{name}' in '{path}'; its sheets: {sheets}", zh: "“{path}”中没有工作表“{name}”；现有工作表：{sheets}" },
  emptyWorkbook: { en: "'{path}' has no worksheets", zh: "“{path}”没有工作表" },
  emptyInput: { en: "'{path}' is empty: put a header row (the field names) above the data", zh: "“{path}”为空：请在数据上方放一行表头（字段名）" },
  badHeaderRow: { en: "--header-row {value}: row {value} is empty or outside the data", zh: "--header-row {value}：第 {value} 行为空或超出数据范围" },
  csvBroken: { en: "cannot read CSV '{path}': {why}", zh: "无法读取 CSV“{path}”：{why}" },
  badMap: { en: "--map '{item}': write it as field=Header (e.g. closeMonths=\"Months to close\")", zh: "--map “{item}”：请写成 字段=表头（例如 closeMonths=预计成交月数）" },
  mapUnknownField: { en: "--map: '{field}' is not a field of '{template}'; its fields: {fields}", zh: "--map：“{field}”不是模板“{template}”的字段；可用字段：{fields}" },
  mapNoColumn: { en: "--map {field}={header}: no column '{header}' in the header row; headers: {headers}", zh: "--map {field}={header}：表头中没有“{header}”列；现有表头：{headers}" },
  badParam: { en: "--param '{item}': write it as name=number; parameters of '{template}': {params}", zh: "--param “{item}”：请写成 名称=数字；模板“{template}”的参数：{params}" },
  paramRange: { en: "--param {name}={value}: must be between {min} and {max}", zh: "--param {name}={value}：必须在 {min} 到 {max} 之间" },
  missingColumn: {
    en: "no column for required field '{field}' ({labels}): {fix}",
    zh: "缺少必填字段“{field}”（{labels}）的列：{fix}",
  },
  missingOneOf: {
    en: "no column for any of {fields}, at least one is needed: {fix}",
    zh: "{fields} 均没有对应的列，至少需要一列：{fix}",
  },
  fixSuggest: {
    en: "did you mean '{header}' (column {col})? Use --map {field}=\"{header}\" or rename the column",
    zh: "是否是“{header}”（第 {col} 列）？请使用 --map {field}=\"{header}\" 或修改列名",
  },
  fixGeneric: {
    en: "rename a column or use --map {field}=\"<header>\" (the header row, row {row}, has: {headers})",
    zh: "请修改列名，或使用 --map {field}=\"<表头>\"（表头在第 {row} 行：{headers}）",
  },
  badTemplateFile: { en: "template file '{path}' has problems (see above): fix them, `gradekit check {path}` lists them", zh: "模板文件“{path}”有问题（见上）：请修正，`gradekit check {path}` 可列出这些问题" },
  templateTooLarge: { en: "template file '{path}' is too large", zh: "模板文件“{path}”过大" },
  checkNeedsFile: { en: "give a template file: gradekit check <template.json>", zh: "请指定模板文件：gradekit check <template.json>" },
  exportUnknown: { en: "unknown template '{id}': run `gradekit templates` to list them", zh: "未知模板“{id}”：运行 `gradekit templates` 查看模板列表" },
  internal: { en: "internal error: {why} (please report it)", zh: "内部错误：{why}（请报告此问题）" },
  // summary
  summaryHead: { en: "{id}: {name}", zh: "{id}：{name}" },
  summaryFiles: { en: "{in} -> {out}", zh: "{in} -> {out}" },
  summaryColumns: { en: "columns: {list}", zh: "列：{list}" },
  summaryColumnsCsv: { en: "columns: {list} (read as {enc})", zh: "列：{list}（按 {enc} 读取）" },
  verboseEncoding: { en: "encoding: {enc}", zh: "编码：{enc}" },
  verboseDelimiter: { en: "delimiter: {delim}", zh: "分隔符：{delim}" },
  verboseSheet: { en: "sheet: {sheet}", zh: "工作表：{sheet}" },
  verboseHeaderRow: { en: "header row: {row}", zh: "表头行：第 {row} 行" },
  verboseRows: { en: "data rows: {n}", zh: "数据行：{n} 行" },
  verboseMapping: { en: "mapping (field <- column):", zh: "字段对应（字段 <- 列）：" },
  verboseUnit: { en: " (unit {unit}, x {factor})", zh: "（单位 {unit}，x {factor}）" },
  verboseElapsed: { en: "elapsed: {s} s", zh: "用时：{s} 秒" },
  summaryAsOf: { en: "as of {date} (days since dates; columns read as dates: {fields})", zh: "截至 {date}（日期距今天数；按日期读取的列：{fields}）" },
  badAsOf: { en: "--as-of '{value}' is not a date: write it as 2026-12-03", zh: "--as-of “{value}”不是日期：请写作 2026-12-03" },
  badDateOrder: { en: "--date-order '{value}': use dmy (3/12/2026 = 3 December) or mdy (12/3/2026 = 3 December)", zh: "--date-order “{value}”：请使用 dmy（3/12/2026 = 12月3日）或 mdy（12/3/2026 = 12月3日）" },
  datesNotElapsed: { en: "--dates {field}: not a field of elapsed days or months; these are: {fields}", zh: "--dates {field}：不是以天数或月数计的字段；可用字段：{fields}" },
  summaryRows: { en: "{n} rows: {graded} graded, {errors} with errors, {empty} with no data", zh: "共 {n} 行：已评级 {graded} 行，错误 {errors} 行，无数据 {empty} 行" },
  summaryGrades: { en: "per grade:", zh: "各等级行数：" },
  summaryOtherCodes: { en: "({k} other codes: 0)", zh: "（其余 {k} 个编码：0）" },
  summaryErrors: { en: "rows with errors (first {k} of {n}):", zh: "错误行（{n} 行中的前 {k} 行）：" },
  summaryRow: { en: "row {row}: {reason}", zh: "第 {row} 行：{reason}" },
  noDataRows: { en: "no data rows below the header (row {row})", zh: "表头（第 {row} 行）下方没有数据行" },
  optionalUnmapped: { en: "note: no column for optional field '{field}' ({labels}); it is taken as blank", zh: "提示：可选字段“{field}”（{labels}）没有对应的列，按空值处理" },
  formulasNoResult: {
    en: "warning: {n} formula cell(s) have no saved result and are read as blank; open and save the file in Excel to compute them",
    zh: "警告：{n} 个公式单元格没有保存计算结果，按空值处理；请在 Excel 中打开并保存该文件以计算公式",
  },
  csvEncoding: { en: "note: '{path}' is not UTF-8; read it as {enc} (if names look garbled, give --encoding)", zh: "提示：“{path}”不是 UTF-8 编码，已按 {enc} 读取（如姓名显示乱码，请用 --encoding 指定）" },
  csvEncodingTold: { en: "note: '{path}' read as {enc} (--encoding)", zh: "提示：“{path}”已按 {enc} 读取（--encoding）" },
  badEncoding: { en: "--encoding '{value}' is not an encoding; use utf-8, utf-16le, utf-16be, gb18030 or windows-1252", zh: "--encoding “{value}”不是可用的编码；请用 utf-8、utf-16le、utf-16be、gb18030 或 windows-1252" },
  badDelimiter: { en: "--delimiter '{value}' must be one character (or tab, comma, semicolon, pipe)", zh: "--delimiter “{value}”必须是单个字符（或 tab、comma、semicolon、pipe）" },
  xlsxEncrypted: {
    en: "'{path}' is a password-protected workbook (or an old .xls): open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx",
    zh: "“{path}”是受密码保护的工作簿（或旧版 .xls）：请在 Excel 中打开，取消密码（文件 > 信息 > 保护工作簿），另存为 .xlsx",
  },
  xlsxIsText: {
    en: "'{path}' is a text file named .xlsx, not a workbook: if it is CSV, rename it to .csv",
    zh: "“{path}”是改了扩展名的文本文件，不是工作簿：如果是 CSV，请改名为 .csv",
  },
  xlsxNotZip: {
    en: "'{path}' is not an xlsx workbook (its contents are another format): save it from Excel as .xlsx",
    zh: "“{path}”不是 xlsx 工作簿（内容是别的格式）：请在 Excel 中另存为 .xlsx",
  },
  xlsxDamaged: {
    en: "'{path}' is a damaged or incomplete xlsx (truncated download or copy?): open and repair it in Excel, or copy it again",
    zh: "“{path}”是损坏或不完整的 xlsx（下载或复制中断？）：请在 Excel 中打开修复，或重新复制",
  },
  xlsxTooBig: {
    en: "'{path}' unpacks to {mb} MB ({part}), over GradeKit's limit for xlsx (a zip bomb, or a sheet too big for xlsx): save it as CSV and grade the CSV",
    zh: "“{path}”解压后达 {mb} MB（{part}），超过 GradeKit 对 xlsx 的上限（压缩炸弹，或工作表过大）：请另存为 CSV 再评级",
  },
  xlsmOut: {
    en: "--out '{path}': GradeKit writes .xlsx, never macro-enabled .xlsm (macros are never kept): use a .xlsx name",
    zh: "--out“{path}”：GradeKit 只写 .xlsx，不写启用宏的 .xlsm（不保留宏）：请使用 .xlsx 文件名",
  },
  outsideTable: {
    en: "note: {n} cell(s) beyond an empty column right of the table (first: {cell}) are not part of it: not read, not copied to CSV output",
    zh: "提示：表格右侧空列之外有 {n} 个单元格（第一个：{cell}），不属于表格：未读取，也不写入 CSV 输出",
  },
  mergedCells: {
    en: "warning: merged cells {ranges}: read as Excel shows them, the value in the top-left cell only (the other rows are blank)",
    zh: "警告：合并单元格 {ranges}：按 Excel 显示读取，只有左上角单元格有值（其余行为空）",
  },
  cellTooLong: {
    en: "cell {cell} holds {n} characters; an xlsx cell holds at most 32,767: shorten it, or write CSV output (--out file.csv)",
    zh: "单元格 {cell} 有 {n} 个字符，xlsx 单元格最多 32,767 个：请缩短，或输出 CSV（--out 文件.csv）",
  },
  raggedRow: {
    en: "line {line} has {n} fields but the header (line {hline}) has {h}: quote numbers that contain commas (\"1,200,000\"), or give --delimiter",
    zh: "第 {line} 行有 {n} 个字段，而表头（第 {hline} 行）有 {h} 个：含逗号的数字请加引号（\"1,200,000\"），或用 --delimiter 指定分隔符",
  },
  templateWarning: { en: "template warning {path}: {message}", zh: "模板警告 {path}：{message}" },
  badColumns: {
    en: "--columns '{value}': give one or more of grade, score, reason, comma-separated, each once (e.g. --columns grade,score)",
    zh: "--columns “{value}”：请写 grade、score、reason 中的一个或多个，用逗号分隔，不重复（例如 --columns grade,score）",
  },
  columnsNoScore: { en: "--columns: template '{template}' gives no score; leave out 'score'", zh: "--columns：模板“{template}”不计分，请去掉 score" },
  progressRows: { en: "{n} rows graded ({rate} rows/s)", zh: "已评级 {n} 行（每秒 {rate} 行）" },
  progressPass1: { en: "{n} rows read, first of two passes ({rate} rows/s)", zh: "已读取 {n} 行，两遍中的第一遍（每秒 {rate} 行）" },
  replacedColumns: { en: "note: the input already has grade columns; they are replaced", zh: "提示：输入中已有评级结果列，将被替换" },
  // check
  checkOk: { en: "OK", zh: "OK" },
  checkSummary: { en: "{errors} error(s), {warnings} warning(s)", zh: "{errors} 个错误，{warnings} 个警告" },
  // templates
  tplFields: { en: "fields", zh: "字段" },
  tplGrades: { en: "grades", zh: "等级" },
  tplParams: { en: "parameters", zh: "参数" },
  tplOptional: { en: "optional", zh: "可选" },
  tplConditional: { en: "required in some rows", zh: "部分行必填" },
  tplOneOf: { en: "at least one of", zh: "至少填写其一" },
  tplCodes: { en: "{n} codes, e.g. {examples}", zh: "共 {n} 个编码，例如 {examples}" },
  tplFooter: {
    en: "Headers may use a field's key or its English or Chinese label. `gradekit templates --export <id>` prints a template's JSON.",
    zh: "表头可以使用字段的键名、英文名或中文名。`gradekit templates --export <id>` 输出模板的 JSON。",
  },
  what_input: { en: "input file", zh: "输入文件" },
  what_template: { en: "template file", zh: "模板文件" },
  // exit codes (gradekit --help; the table itself is in exit.ts)
  exitCodes: { en: "Exit codes:", zh: "退出码：" },
  exitDone: { en: "done (rows with bad data are reported, not fatal)", zh: "完成（数据有误的行会列出，但不算失败）" },
  exitCheck: { en: "`check` found problems in the template", zh: "`check` 发现模板有问题" },
  class_usage: { en: "usage: a command or option written wrongly (unknown, missing, bad value)", zh: "用法：命令或选项有误（未知、缺少或取值无效）" },
  class_input: { en: "input: a file, sheet or column that cannot be read as the template needs", zh: "输入：文件、工作表或列无法按模板读取" },
  class_template: { en: "template: a template file with errors", zh: "模板：模板文件有错误" },
  class_output: { en: "output: the result cannot be written where asked", zh: "输出：结果无法写到指定位置" },
  class_notFound: { en: "not found: no such template, file or sheet", zh: "未找到：没有该模板、文件或工作表" },
  class_unsupported: { en: "unsupported: the target cannot express the template", zh: "不支持：目标无法表达该模板" },
  class_internal: { en: "internal: an unexpected error (a bug; please report it)", zh: "内部：意外错误（程序缺陷，请报告）" },
  commonOptions: {
    en: "Options of every command: --lang en|zh-CN (messages), --debug (on an error, also print its class, code and stack trace). Commands that write a file (grade, review, summary, form) refuse an output that already exists unless --force is given (never asking), and never replace an input.",
    zh: "所有命令通用的选项：--lang en|zh-CN（提示语言），--debug（出错时另外输出错误类别、代码和调用栈）。写文件的命令（grade、review、summary、form）遇到已存在的输出文件时拒绝写入（不会询问），除非加 --force；输入文件永远不会被覆盖。",
  },
} as const satisfies Catalogue;

export type CliMessage = keyof typeof CLI_MESSAGES;

/**
 * A CLI message in a language, `{name}` placeholders filled.
 *
 * @example m("noFile", "en", { what: "input file", path: "a.csv" }) // "input file 'a.csv' does not exist"
 */
export const m = catalogue(CLI_MESSAGES);

/** Placeholder values; a pair gives each language its own value (e.g. a nested message). */
export type PairArgs = Readonly<Record<string, string | number | Bilingual>>;

/** One language's side of placeholder values (a pair with that side empty gives the other). */
function sideOf(args: PairArgs, lang: Lang): Args {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === "object" ? pick(v, lang) : v;
  return out;
}

/** A catalogue entry in both languages, placeholders filled (to nest in another message). */
export function bothOf<C extends Catalogue>(messages: C, key: keyof C & string, args: PairArgs = {}): Bilingual {
  return fillBoth(messages[key], sideOf(args, "en"), sideOf(args, "zh-CN"));
}

/**
 * The error maker of a catalogue: a `GradeKitError` whose code is the entry's key.
 *
 * @example errorsOf(CLI_MESSAGES)("sheetCsv", "usage").messageIn("en") // "--sheet applies to .xlsx input only"
 */
export function errorsOf<C extends Catalogue>(messages: C) {
  return (code: keyof C & string, errorClass: ErrorClass, args: PairArgs = {}, details: readonly string[] = []): GradeKitError<keyof C & string> =>
    new GradeKitError(code, errorClass, bothOf(messages, code, args), details);
}

/** A CLI error from this catalogue: `fail("unknownTemplate", "notFound", { id })`. */
export const fail = errorsOf(CLI_MESSAGES);

/** A CLI message in both languages: `both("what_input")`. */
export const both = (key: CliMessage, args: PairArgs = {}): Bilingual => bothOf(CLI_MESSAGES, key, args);

/** Output streams, so commands can run in-process (tests, `npm start`). */
export interface CliIo {
  out(text: string): void;
  /** Writes to stdout and resolves when the text is handed on (waits while a pipe is full); commands that print a lot use it when given. */
  write?(text: string): Promise<void>;
  err(text: string): void;
  /** True when stderr is a terminal (the progress line is shown only then). */
  isTTY?(): boolean;
  /** Reads standard input fully (for `--in -`). */
  stdin?(): Promise<Buffer>;
}
