/** Usage text, in English and Chinese. */
import type { Lang } from "../engine";
import { exitCodeHelp } from "./exit";
import { m } from "./messages";

const EN: Record<string, string> = {
  main: `gradekit - grade customers (客户分级) and any rows of data with a grading template.

Usage:
  gradekit grade --template <id|file.json> --in <file.csv|file.xlsx> --out <file.csv|file.xlsx> [options]
  gradekit templates [--json] [--lang en|zh-CN]
  gradekit templates --export <id>        print a template's JSON (start of a custom template)
  gradekit check <template.json>          check a template file
  gradekit compile --template <id|file.json> --target excel|excel-compat|sql
                                          a template as native Excel formulas or SQL
  gradekit review --previous <file> --current <file> --key <column> --out <review.xlsx>
                                          compare two periods' grades (migration matrix)
  gradekit review --rules tobacco-supply --periods <m1> <m2> <m3> --key <column> --out <file>
                                          the tobacco month-end supply review
  gradekit review --rules <id|file.json> <p1> <p2> ... --key <column>
                                          a template's review rules (hold, validity) over periods
  gradekit grade --orders --template <id|file.json> --in <lines> --out <customers> [--key ...] [--agg ...]
                                          order lines -> one row per customer, then graded
  gradekit summary --in <file>... --by <col>[,<col>] --out <report.xlsx|report.csv>
                                          grade (or any column) x groups, periods side by side
  gradekit form <id|file.json> --out <form.xlsx> [--rows N]
                                          a print-ready grading form that grades itself
  gradekit help [command]                 this help, or a command's
  gradekit --version

Language: --lang en|zh-CN, else the terminal's (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 gives Chinese),
else English.`,
  grade: `gradekit grade --template <id|file.json> --in <input> --out <output> [options]

Grades every data row of a CSV or xlsx table and writes the table with columns added:
grade, score (when the template scores) and reason. The summary goes to stderr.

  -t, --template <id|file>  a built-in template id (\`gradekit templates\`) or a template .json file
  -i, --in <file>           .csv or .xlsx/.xlsm (macros never run); - reads CSV from stdin.
                            CSV encoding detected: UTF-8, UTF-16 (with or without BOM),
                            GB18030 (Chinese Excel), Windows-1252/Latin-1 (Western Excel)
  -o, --out <file>          .csv (UTF-8 with BOM, so Excel shows Chinese correctly) or .xlsx;
                            - writes CSV to stdout. xlsx output keeps the input workbook and
                            fills each grade cell with its grade colour.
      --sheet <name>        xlsx input: the sheet to grade (default: the first)
      --map field=Header    use this column for a field (repeat, or comma-separate);
                            Header may be #N for the N-th column
      --param name=value    a template parameter (e.g. problemLimitDays=60)
      --header-row <n>      the header's row number (default: found automatically)
      --lang en|zh-CN       grade labels, reasons and messages in this language (default: from LANG)
      --no-bom              CSV output without the UTF-8 byte order mark
      --encoding <enc>      CSV input encoding: utf-8, utf-16le, utf-16be, gb18030, windows-1252
      --delimiter <c>       CSV input delimiter (default: sniffed from the header line); tab, ;, |
      --as-of <date>        the day dates are measured to (default today), e.g. 2026-12-03;
                            printed in the summary and written into reasons
      --date-order dmy|mdy  how 3/12/2026 is read (day first / month first); without it such
                            dates are refused as ambiguous (2026-12-03, 2026年12月3日 always work)
      --dates <fields>      fields of elapsed days/months whose column holds dates (found by
                            themselves when the column's first value is a date text or date cell)
      --columns <list>      output columns, in order: grade,score,reason (default: all the template gives);
                            e.g. --columns grade,score skips building reasons (faster on big files)
  -q, --quiet               no summary (and no progress line; that one shows only on a terminal)
      --force               replace an output file that already exists (without it: refused, exit 5)
      --verbose             also print on stderr how the input was read: encoding, delimiter, header
                            row, row count, the mapping (field <- column, unit) and the time taken

Order lines (--orders): the input has one row per order or bill; rows are aggregated per
customer in one pass as the template's "orders" section says, or as given here, then graded.
Output: one row per customer: the key, each measure, grade, score, reason.
      --orders              the input holds order lines
  -k, --key <column>        the customer key column (header or #N)
      --agg field=fn(column)  a measure (repeat): fn count (no column), sum, mean, min, max,
                            distinct, first, last (dates), daysSinceFirst, daysSinceLast
      --as-of YYYY-MM-DD    the date days-since measures count to (default: today, UTC); printed
                            in the summary and written into the reasons
A line without a key is that line's error (not counted); a customer with an unreadable line (a
blank amount, a date that does not exist) is an error row naming the line.

A CSV row with more or fewer fields than the header (an unquoted 1,200,000) is an error for that
row, naming its line. An output that is one of the inputs (also through a link) is refused; an
existing output is replaced whole (written to a temporary file, then renamed into place).
Headers match a field by its key or its English or Chinese label (case and spaces ignored).
Text that a spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with ' in CSV output.`,
  review: `gradekit review --previous <file> --current <file> --key <column> [options]

Compares two periods' grades (e.g. two outputs of \`gradekit grade\`): the migration matrix
(previous grade × current grade), upgraded / downgraded / unchanged / new / lost customers,
duplicate keys and unknown grades. Summary on stderr.

  -p, --previous <file>     the earlier period: .csv or .xlsx (first sheet)
  -c, --current <file>      the later period
  -k, --key <column>        the customer key column (header, or #N for the N-th column)
  -t, --template <id|file>  grade order (best -> worst) and labels; without it grades are
                            ordered by first appearance (previous file top-down, then current)
      --grade-column <col>  the grade column (default: grade, as \`gradekit grade\` writes it);
                            grades are matched to the template by id or English/Chinese label
      --measure <column>    a number column (revenue...): each cell's share of its total
                            (current value; the previous one for lost customers)
  -o, --out <file>          .xlsx: the review sheet (matrix with coloured diagonal / upgrade /
                            downgrade regions, counts, problems, the list of customers)
      --format csv|xlsx     csv: print the matrix (or write it to --out file.csv) as records
                            from,to,count (+ measure,measure_share with --measure), header first:
                            each previous grade best -> worst with each current grade best -> worst
                            then the lost cell (to empty); then new customers (from empty) per
                            current grade. Every cell, zeros included; grades as template ids.
      --lang en|zh-CN       sheet texts and messages in this language (default: from LANG)
  -q, --quiet               no summary
      --force               replace an output file that already exists (without it: refused, exit 5)

A key found twice in a period is reported with its rows and left out (never merged), as are
customers with an unknown grade or no grade in either period; rows without a key are ignored.
The header row is the first of the top rows holding both the key and the grade column.

gradekit review --rules tobacco-supply --periods <m1> <m2> <m3> [...] --key <column> [options]

The tobacco month-end supply review (templates.md "Month-end supply review"): one file per
month, oldest first; columns purchaseQty 购进量, lawGrade 守法等级, optional tier 供量档位,
penalized 受到行政处罚, upgradeApproved 升档申请 (by key or label). Reviews the last month.

      --periods <files...>  the months' .csv/.xlsx files, oldest first
      --period-names <a,b,...>  the months' names in reasons and the sheet (default: file names)
      --holiday-next        the month after the last is a holiday month (ceiling x 1.3)
      --params <file.json>  ranges, raiseShare, maxRaise, penaltyTiers, newTier, holidayShare
                            (at most 0.3), holidays (month positions); defaults: the spec's
  -o, --out <file>          .csv: id,oldTier,newTier,change,ceiling,reason; .xlsx: the review
                            sheet (A4, colours, counts); none: CSV on stdout

gradekit review --rules <id|file.json> <p1> <p2> ... --key <column> [options]

Applies a template's review rules over period files, oldest first (a file's name is its period):
hold (kept N periods, raised any period, lowered after the hold plus a grace period), validity
(valid N periods, renewed when earned again, else a deduction at expiry), or raise/lower rules.
The earned grade is the template's grade of each row, or --grade-column's cell.

      --periods <files...>  the period files (or give them after the options)
      --grade-column <col>  read the earned grade from this column instead of grading
      --all                 one row per customer and period (default: the last period)
  -o, --out <file>          .csv or .xlsx: key,period,earned,held,periodsHeld,rule,reason;
                            none: CSV on stdout
A customer missing from a period keeps its grade and is listed; bad rows are carried likewise.`,
  summary: `gradekit summary --in <file>... --by <column>[,<column>] [options] --out <report.xlsx|report.csv>

Cross-tables: counts of the grade (or any text column) per group, with totals and shares; one
file per period, oldest first; with two or more, a Change sheet with the change between the last
two. Rows with bad input and blank cells are counted apart. Summary on stderr.

  -i, --in <files...>       .csv/.xlsx files, one per period (first sheet)
      --by <cols>           group columns, comma-separated (header, or #N)
      --period-names <a,b>  the periods' names (default: file names)
  -t, --template <id|file>  grade the rows with this template (grade order and colours)
      --grade-column <col>  else count this column as written (default: grade); any text
                            column works (e.g. a reason per series)
  -o, --out <file>          .xlsx: one sheet per period (+ Change), frozen header, A4 one page
                            wide; .csv (or none: stdout): period,<by...>,grade,count,share
                            (share: percent of the group's total; empty for totals, bad input
                            and blank lines)
      --lang en|zh-CN       sheet texts and messages in this language (default: from LANG)
  -q, --quiet               no summary
      --force               replace an output file that already exists (without it: refused, exit 5)`,
  compile: `gradekit compile --template <id|file.json> --target excel|excel-compat|sql [options]

Compiles a template to native Excel formulas (they recalculate without the add-in) or to one SQL
query. Both grade like \`gradekit grade\`; a template a target cannot express is refused (exit 7).

  -t, --template <id|file>  a built-in template id or a template .json file
      --target <target>     excel-compat: Excel 2007 functions only (Excel 2016+, LibreOffice 7.4+);
                            excel: the same formulas, values used twice named with LET (Excel 365);
                            sql: one query (run on DuckDB, PostgreSQL, SQLite; Spark SQL untested)
      --map field=COLUMN    excel: a field's column letter (repeat, or comma-separate); the other
                            fields take A, B, C... in template order, skipping mapped letters
      --rows FIRST:LAST     excel: the data rows (default 2:2); the population of relative-to-max
                            points and percentile tiers is the valid rows of FIRST:LAST
      --table NAME          sql: the table (default input; schema.table allowed)
      --orders              sql: the table holds order lines (with --orders: default lines),
                            aggregated per customer in a GROUP BY CTE before the grading query
                            (the template's orders section, or --key / --agg as for grade)
      --quote double|backtick  sql: identifier quotes (default double, ANSI; Spark needs
                            spark.sql.ansi.doubleQuotedIdentifiers=true, or backtick)
      --param name=value    a template parameter (e.g. problemLimitDays=60)
      --lang en|zh-CN       messages in this language (default: from LANG)

Excel output: one line per row FIRST..LAST: the grade formula, then, for templates that score, a
tab and the score formula. Each starts with =, so the lines paste into a sheet as formulas.
A grade formula shows the grade id; "" for a row with no data; #VALUE! for a bad row (a number
outside its range, a word that is not one of the field's, a required cell left blank); #N/A when
the template gives the row no grade. The score formula shows the score, "" or #VALUE!.
Cells hold plain numbers (not 10万, 1,200 or ¥1,200 as text) and a field's words (value, English
or Chinese label, alias; any case; spaces, - and _ ignored); yes/no cells: TRUE/FALSE, 1/0, yes/no,
y/n, true/false, 是/否, 有/无. Text in a number column that other rows read (relative to max,
percentile tiers) makes every result of the range #VALUE!, never grades from another population.
SQL output: every column of the table, then grade (NULL for no data, '#VALUE!', '#N/A') and, for
templates that score, score (NULL unless the row is valid). Number fields are numeric columns
(NULL = blank); the other fields are text columns.`,
  form: `gradekit form <id|file.json> --out <form.xlsx> [--rows N] [--lang en|zh-CN]

Writes a grading form: a sheet people fill in (on screen or printed) that grades itself with plain
Excel formulas (no add-in needed; Excel 2016+, Excel on the web, LibreOffice 7.4+).

  <id|file.json>            a built-in template id or a template .json file (also -t, --template)
  -o, --out <file.xlsx>     the form
      --rows <n>            rows to fill in (default 20, at most 1000)
      --lang en|zh-CN       the form's texts: headers, drop-down words, input and error messages
                            (default: from LANG). mfq-102a gives the MF/Q 102/A form of the source, in
                            Chinese whatever --lang says, with an English subtitle.
      --param name=value    a template parameter (e.g. dormantDays=120)
  -q, --quiet               no summary
      --force               replace an output file that already exists (without it: refused, exit 5)

The form has: title, a note on how to fill it in, one column per field with data validation
(numbers with their ranges, drop-down lists of the field's words in the chosen language, yes/no),
the grade (and score) columns as formulas, coloured by one conditional format per grade, bad input
shown as #VALUE! in light red, a legend of the grades with their follow-up actions, and the footer
记录 / 审核 / 日期 (Recorded by / Reviewed by / Date). Header rows are frozen; print setup: A4
landscape, fitted to the page width, header rows repeated on every page, page header and footer
(the form number MF/Q 102/A on every page of that form).
Templates that rank rows against each other (percentile tiers, points relative to the maximum) rank
the rows of the form. A template the formula compiler cannot express is refused (exit 7).`,
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
  gradekit compile --template <模板ID|模板.json> --target excel|excel-compat|sql
                                          将模板编译为 Excel 原生公式或 SQL
  gradekit review --previous <文件> --current <文件> --key <列> --out <变动.xlsx>
  gradekit review --rules tobacco-supply --periods <月1> <月2> <月3> --key <列> --out <文件>
  gradekit review --rules <模板ID|模板.json> <期1> <期2> ... --key <列>
                                          按模板的复核规则（保级、有效期）逐期计算保持的等级
  gradekit grade --orders --template <模板ID|模板.json> --in <订单明细> --out <客户> [--key ...] [--agg ...]
                                          订单明细按客户汇总后评级
  gradekit summary --in <文件>... --by <列>[,<列>] --out <汇总.xlsx|汇总.csv>
                                          比较两期等级（迁移矩阵）
  gradekit form <模板ID|模板.json> --out <表单.xlsx> [--rows N]
                                          生成可打印、自动评级的填写表
  gradekit help [命令]                     显示帮助
  gradekit --version

语言：--lang en|zh-CN，否则跟随终端（LC_ALL、LC_MESSAGES、LANG，如 zh_CN.UTF-8 为中文），否则为英文。`,
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
      --lang en|zh-CN       等级名称、原因和提示的语言（默认取自 LANG）
      --no-bom              CSV 输出不带 UTF-8 BOM
      --encoding <编码>     CSV 输入编码：utf-8、utf-16le、utf-16be、gb18030、windows-1252（默认自动识别）
      --delimiter <字符>    CSV 输入分隔符（默认按表头行判断）；tab、;、|
      --as-of <日期>        日期计算截至的日期（默认今天），如 2026-12-03；写入摘要和原因
      --date-order dmy|mdy  3/12/2026 的读法（日在前 / 月在前）；不指定时此类日期因有歧义而拒绝
                            （2026-12-03、2026年12月3日 总能读取）
      --dates <字段>        以天数/月数计、但该列填的是日期的字段（列中第一个值是日期文本
                            或日期单元格时自动识别）
      --columns <列表>      输出哪些列及顺序：grade,score,reason（默认输出模板给出的全部列）；
                            例如 --columns grade,score 不生成原因（大文件更快）
  -q, --quiet               不输出汇总（也不显示进度；进度只在终端中显示）
      --force               覆盖已存在的输出文件（不加则拒绝写入，退出码 5）
      --verbose             另在标准错误输出读取方式：编码、分隔符、表头行、行数、字段对应（字段 <- 列，单位）和用时

订单明细（--orders）：输入每行为一笔订单或账单，按模板的 orders 部分（或以下选项）一次遍历按客户汇总后评级，
每个客户输出一行：键、各汇总指标、grade、score、reason。
      --orders              输入为订单明细
  -k, --key <列>            客户键列（表头或 #N）
      --agg 字段=函数(列)   汇总指标（可重复）：count（不需要列）、sum、mean、min、max、distinct、
                            first、last（日期）、daysSinceFirst、daysSinceLast
      --as-of YYYY-MM-DD    距今天数的基准日（默认今天，UTC）；写入汇总信息和原因
没有客户键的行为该行的错误（不计入）；某行无法读取（金额为空、日期不存在）的客户为错误行，并指出行号。

CSV 中字段数多于或少于表头的行（如未加引号的 1,200,000）记为该行错误，并给出行号。
输出文件不能是任何输入文件（包括通过链接指向的同一文件）；已有的输出文件会被整体替换（先写临时文件，再改名）。

表头可以使用字段的键名、英文名或中文名（忽略大小写和空格）。
CSV 输出中，以 =、+、-、@ 开头、会被电子表格当作公式执行的文本会加上 ' 前缀。`,
  review: `gradekit review --previous <文件> --current <文件> --key <列> [选项]

比较两期等级（例如两次 \`gradekit grade\` 的输出）：迁移矩阵（上期等级 × 本期等级）、升级 / 降级 / 不变 / 新增 / 流失客户、重复的键和未知等级。汇总输出到 stderr。

  -p, --previous <文件>     上一期：.csv 或 .xlsx（第一个工作表）
  -c, --current <文件>      本期
  -k, --key <列>            客户键列（表头，或 #N 表示第 N 列）
  -t, --template <ID|文件>  等级顺序（从高到低）和名称；不指定时按首次出现的顺序（先上期后本期）
      --grade-column <列>   等级列（默认 grade，即 \`gradekit grade\` 写出的列）；按模板等级 ID 或中英文名称匹配
      --measure <列>        数值列（如收入）：显示每格占合计的比例（取本期值，流失客户取上期值）
  -o, --out <文件>          .xlsx：变动分析工作表（矩阵按不变 / 升级 / 降级区域着色、计数、问题、客户名单）
      --format csv|xlsx     csv：输出矩阵（或写入 --out 指定的 .csv）：from,to,count（加 --measure 时另有 measure,measure_share），
                            首行为表头；按上期等级从高到低，每个上期等级依次列出本期各等级（从高到低）及流失格（to 为空）；
                            最后是新增客户（from 为空）。所有格子都列出（含 0）；等级使用模板 ID。
      --lang en|zh-CN       工作表文字和提示的语言（默认取自 LANG）
  -q, --quiet               不输出汇总
      --force               覆盖已存在的输出文件（不加则拒绝写入，退出码 5）

同一期中出现两次的键会连同行号列出并不计入（不会合并）；任一期等级未知或没有等级的客户同样不计入；没有键的行被忽略。
表头行为前几行中同时包含键列和等级列的第一行。

gradekit review --rules tobacco-supply --periods <月1> <月2> <月3> [...] --key <列> [选项]

卷烟零售户月末供量档位复核（templates.md “Month-end supply review”）：每月一个文件，按时间
先后；列：购进量 purchaseQty、守法等级 lawGrade，可选 供量档位 tier、受到行政处罚 penalized、
升档申请 upgradeApproved。复核最后一个月。

      --periods <文件...>   各月 .csv/.xlsx 文件，按时间先后
      --period-names <a,b,...>  原因和表格中使用的月份名称（默认：文件名）
      --holiday-next        下个月为节日月（上限 x 1.3）
      --params <文件.json>  ranges、raiseShare、maxRaise、penaltyTiers、newTier、holidayShare
                            （最大 0.3）、holidays（月份序号）；默认值见规范
  -o, --out <文件>          .csv：id,oldTier,newTier,change,ceiling,reason；.xlsx：复核表
                            （A4、颜色、统计）；不指定：CSV 输出到标准输出

gradekit review --rules <模板ID|模板.json> <期1> <期2> ... --key <列> [选项]

按时间先后对各期文件应用模板的复核规则（文件名即期间）：保级（达到后保持 N 期，任一期可升，
保级期及宽限期后才降）、有效期（有效 N 期，再次达到则续期，否则到期扣减等级）或升降档规则。
每期达到的等级为模板对该行的评级，或 --grade-column 列的值。

      --periods <文件...>   各期文件（也可直接写在选项之后）
      --grade-column <列>   从该列读取本期等级，不重新评级
      --all                 每个客户每期一行（默认：仅最后一期）
  -o, --out <文件>          .csv 或 .xlsx：key,period,earned,held,periodsHeld,rule,reason；
                            不指定：CSV 输出到标准输出
某期缺少的客户沿用原等级并列出；输入有误的行同样沿用。`,
  summary: `gradekit summary --in <文件>... --by <列>[,<列>] [选项] --out <汇总.xlsx|汇总.csv>

交叉汇总：各分组的等级（或任意文本列）数量、合计与占比；每期一个文件，按时间先后；两期及以上时
另有“变化”表（最后两期之差）。输入有误和空白的行单独计数。

  -i, --in <文件...>        .csv/.xlsx 文件，每期一个
      --by <列>             分组列，逗号分隔（表头或 #N）
      --period-names <a,b>  各期名称（默认：文件名）
  -t, --template <模板>     用模板分级（等级顺序和颜色）
      --grade-column <列>   否则按原样统计该列（默认 grade），可为任意文本列（如战败原因）
  -o, --out <文件>          .xlsx：每期一张表（+ 变化），冻结表头，A4 一页宽；
                            .csv（或不指定：标准输出）：period,<分组列...>,grade,count,share
      --lang en|zh-CN       表格文字和提示语言
  -q, --quiet               不输出摘要
      --force               覆盖已存在的输出文件（不加则拒绝写入，退出码 5）`,
  compile: `gradekit compile --template <模板ID|模板.json> --target excel|excel-compat|sql [选项]

将模板编译为 Excel 原生公式（无需加载项即可重新计算）或一条 SQL 查询，结果与 \`gradekit grade\` 相同；
某个目标无法表达的模板会被拒绝（退出码 7）并说明原因。

  -t, --template <ID|文件>  内置模板 ID 或模板 .json 文件
      --target <目标>       excel-compat：仅用 Excel 2007 函数（Excel 2016+、LibreOffice 7.4+）；
                            excel：同样的公式，重复使用的值用 LET 命名（Excel 365）；
                            sql：一条查询（已在 DuckDB、PostgreSQL、SQLite 上运行；Spark SQL 未测试）
      --map 字段=列         excel：字段所在的列字母（可重复，或用逗号分隔）；其余字段按模板顺序
                            依次使用 A、B、C……（跳过已指定的列）
      --rows 首行:末行      excel：数据行（默认 2:2）；按最大值折算和百分位分档的总体为首行到末行中的有效行
      --table 表名          sql：表名（默认 input；可写 schema.table）
      --orders              sql：该表为订单明细（默认表名 lines），先在 GROUP BY 公用表表达式中按客户汇总，
                            再评级（用模板的 orders 部分，或与 grade 相同的 --key / --agg）
      --quote double|backtick  sql：标识符引号（默认 double，即 ANSI；Spark 需设置
                            spark.sql.ansi.doubleQuotedIdentifiers=true，或使用 backtick）
      --param 名称=值       模板参数（例如 problemLimitDays=60）
      --lang en|zh-CN       提示语言（默认取自 LANG）

Excel 输出：首行到末行每行一行：等级公式；计分模板再加一个制表符和得分公式。公式以 = 开头，
粘贴到工作表中即为公式。
等级公式显示等级 ID；无数据的行显示 ""；数据有误的行（数字超出范围、不是该字段的词语、必填单元格为空）
显示 #VALUE!；模板无法给出等级时显示 #N/A。得分公式显示得分、"" 或 #VALUE!。
单元格应为普通数字（不解析文本“10万”“1,200”“¥1,200”），类别单元格为字段的词语（值、英文或中文名称、别名；
不区分大小写，忽略空格、- 和 _）；是/否单元格：TRUE/FALSE、1/0、yes/no、y/n、true/false、是/否、有/无。
其他行要读取的数字列（按最大值折算、百分位分档）中出现文本时，该区域的全部结果显示 #VALUE!，绝不按另一总体计算。
SQL 输出：表的所有列，加上 grade（无数据为 NULL，'#VALUE!'，'#N/A'），计分模板另有 score
（仅有效行有值）。数字字段为数值列（NULL 表示空），其余字段为文本列。`,
  form: `gradekit form <模板ID|模板.json> --out <表单.xlsx> [--rows N] [--lang en|zh-CN]

生成分级填写表：可在屏幕上或打印后填写，用普通 Excel 公式自动评级（无需加载项；Excel 2016+、
网页版 Excel、LibreOffice 7.4+）。

  <模板ID|模板.json>        内置模板 ID 或模板 .json 文件（也可用 -t, --template）
  -o, --out <文件.xlsx>     输出的表单
      --rows <n>            可填写的行数（默认 20，最多 1000）
      --lang en|zh-CN       表单文字：表头、下拉列表词语、输入提示和出错信息（默认取自 LANG）。
                            mfq-102a 生成来源中的 MF/Q 102/A 表单，无论 --lang 为何均为中文，附英文副标题。
      --param 名称=值       模板参数（例如 dormantDays=120）
  -q, --quiet               不输出汇总
      --force               覆盖已存在的输出文件（不加则拒绝写入，退出码 5）

表单包含：标题、填写说明、每个字段一列并带数据验证（数字及其范围、所选语言的类别下拉列表、是/否）、
以公式计算的等级（及得分）列（每个等级一条条件格式着色，数据有误时显示 #VALUE! 并标为浅红色）、
等级说明及跟进措施，以及页脚 记录 / 审核 / 日期。表头行冻结；打印设置：A4 横向、缩放至一页宽、
每页重复表头行、页眉页脚（MF/Q 102/A 表单每页都有表单编号）。
按相互比较评级的模板（百分位分档、按最大值折算得分）在表单各行之间比较。公式编译器无法表达的模板会被拒绝（退出码 7）。`,
  templates: `gradekit templates [--json] [--lang en|zh-CN]
gradekit templates --export <模板ID>

列出内置模板及其字段和等级，或输出某个模板的完整 JSON（2 空格缩进），作为自定义模板的起点。`,
  check: `gradekit check <模板.json> [--lang en|zh-CN]

检查模板文件，每个问题输出为 "error|warning 路径: 说明"。
没有问题时输出 "OK" 并以 0 退出；有错误或警告时以 1 退出。`,
};

/**
 * Help for a command (or the overview, which ends with the common options and the exit codes);
 * undefined for an unknown topic.
 */
export function helpText(topic: string | undefined, lang: Lang): string | undefined {
  const table = lang === "zh-CN" ? ZH : EN;
  const key = topic ?? "main";
  if (!Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  if (key !== "main") return table[key];
  return `${table.main}\n\n${m("commonOptions", lang)}\n\n${exitCodeHelp(lang)}`;
}
