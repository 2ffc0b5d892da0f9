/** Usage text, in English and Chinese. */
import type { Lang } from "../engine";

const EN: Record<string, string> = {
  main: `gradekit - grade customers (客户分级) and any rows of data with a grading template.

Usage:
  gradekit grade --template <id|file.json> --in <file.csv|file.xlsx> --out <file.csv|file.xlsx> [options]
  gradekit templates [--json] [--lang en|zh-CN]
  gradekit templates --export <id>        print a template's JSON (start of a custom template)
  gradekit check <template.json>          check a template file
  gradekit help [command]                 this help, or a command's
  gradekit --version

Exit codes: 0 done (rows with bad data are reported, not fatal); 1 \`check\` found problems;
2 unusable input or options (the message says what to do).`,
  grade: `gradekit grade --template <id|file.json> --in <input> --out <output> [options]

Grades every data row of a CSV or xlsx table and writes the table with columns added:
grade, score (when the template scores) and reason. The summary goes to stderr.

  -t, --template <id|file>  a built-in template id (\`gradekit templates\`) or a template .json file
  -i, --in <file>           .csv (UTF-8, or GB18030 from Chinese Excel) or .xlsx; - reads CSV from stdin
  -o, --out <file>          .csv (UTF-8 with BOM, so Excel shows Chinese correctly) or .xlsx;
                            - writes CSV to stdout. xlsx output keeps the input workbook and
                            fills each grade cell with its grade colour.
      --sheet <name>        xlsx input: the sheet to grade (default: the first)
      --map field=Header    use this column for a field (repeat, or comma-separate);
                            Header may be #N for the N-th column
      --param name=value    a template parameter (e.g. problemLimitDays=60)
      --header-row <n>      the header's row number (default: found automatically)
      --lang en|zh-CN       grade labels, reasons and messages in this language (default en)
      --no-bom              CSV output without the UTF-8 byte order mark
  -q, --quiet               no summary

Headers match a field by its key or its English or Chinese label (case and spaces ignored).
Text that a spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with ' in CSV output.`,
  templates: `gradekit templates [--json] [--lang en|zh-CN]
gradekit templates --export <id>

Lists the built-in templates with their fields and grades, or prints one template's full JSON
(2-space indented), the starting point for a custom template.`,
  check: `gradekit check <template.json> [--lang en|zh-CN]

Checks a template file and prints each issue as "error|warning path: message".
Exit 0 with "OK" when there is nothing to report, 1 when there are errors or warnings.`,
};

const ZH: Record<string, string> = {
  main: `gradekit - 用评级模板对客户（或任意数据行）分级。

用法：
  gradekit grade --template <模板ID|模板.json> --in <文件.csv|文件.xlsx> --out <文件.csv|文件.xlsx> [选项]
  gradekit templates [--json] [--lang en|zh-CN]
  gradekit templates --export <模板ID>     输出模板 JSON（自定义模板的起点）
  gradekit check <模板.json>               检查模板文件
  gradekit help [命令]                     显示帮助
  gradekit --version

退出码：0 完成（数据有误的行会列出，但不算失败）；1 \`check\` 发现问题；2 输入或选项无法使用（提示会说明如何处理）。`,
  grade: `gradekit grade --template <模板ID|模板.json> --in <输入> --out <输出> [选项]

对 CSV 或 xlsx 表格的每一数据行评级，输出原表并追加 grade、score（模板计分时）和 reason 列。汇总信息输出到 stderr。

  -t, --template <ID|文件>  内置模板 ID（见 \`gradekit templates\`）或模板 .json 文件
  -i, --in <文件>           .csv（UTF-8，或中文 Excel 保存的 GB18030）或 .xlsx；- 表示从 stdin 读取 CSV
  -o, --out <文件>          .csv（带 BOM 的 UTF-8，Excel 可正确显示中文）或 .xlsx；- 表示 CSV 输出到 stdout。
                            xlsx 输出保留原工作簿，并按等级颜色填充等级单元格。
      --sheet <名称>        xlsx 输入：要评级的工作表（默认第一个）
      --map 字段=表头       指定字段对应的列（可重复，或用逗号分隔）；表头可写 #N 表示第 N 列
      --param 名称=值       模板参数（例如 problemLimitDays=60）
      --header-row <n>      表头所在行号（默认自动查找）
      --lang en|zh-CN       等级名称、原因和提示的语言（默认 en）
      --no-bom              CSV 输出不带 UTF-8 BOM
  -q, --quiet               不输出汇总

表头可以使用字段的键名、英文名或中文名（忽略大小写和空格）。
CSV 输出中，以 =、+、-、@ 开头、会被电子表格当作公式执行的文本会加上 ' 前缀。`,
  templates: `gradekit templates [--json] [--lang en|zh-CN]
gradekit templates --export <模板ID>

列出内置模板及其字段和等级，或输出某个模板的完整 JSON（2 空格缩进），作为自定义模板的起点。`,
  check: `gradekit check <模板.json> [--lang en|zh-CN]

检查模板文件，每个问题输出为 "error|warning 路径: 说明"。
没有问题时输出 "OK" 并以 0 退出；有错误或警告时以 1 退出。`,
};

/** Help for a command (or the overview); undefined for an unknown topic. */
export function helpText(topic: string | undefined, lang: Lang): string | undefined {
  const table = lang === "zh-CN" ? ZH : EN;
  return table[topic ?? "main"];
}
