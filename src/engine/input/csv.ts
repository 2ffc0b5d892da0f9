/**
 * CSV (RFC 4180) reading and writing, plus the formula neutralisation applied to CSV output.
 * Pure string functions; file access lives in the CLI (`src/cli/io.ts`). The playground reads its bundled samples with it too.
 */
import { fillBoth, GradeKitError } from "../text";

const UNCLOSED_QUOTE = {
  en: 'record {record}: a quoted field is never closed (a stray " ?)',
  zh: '第 {record} 条记录：带引号的字段没有结束（多了一个 " ？）',
} as const;

/** A CSV that cannot be read safely (an unterminated quoted field): an `input` error with the record number. */
export class CsvError extends GradeKitError<"csvUnclosedQuote"> {
  constructor(
    /** 1-based record number where the problem starts. */
    readonly record: number,
  ) {
    super("csvUnclosedQuote", "input", fillBoth(UNCLOSED_QUOTE, { record }));
  }
}

/**
 * Parses CSV text into records of strings.
 * - fields separated by `delimiter` (default `,`), records by CRLF, LF or a lone CR;
 * - a field that starts with `"` is quoted: it may hold delimiters, quotes (`""`) and line breaks;
 * - a quote inside an unquoted field is kept as a character;
 * - a leading UTF-8 BOM is dropped; a final line break does not make an extra record;
 * - an empty line is a record with one empty field;
 * - `lines`, when given, receives the line number (1-based) where each record starts (quoted
 *   fields may span lines), for messages that name a line.
 *
 * @example parseCsv('a,"b,c"\r\n1,"say ""hi"""') // [["a", "b,c"], ["1", 'say "hi"']]
 */
export function parseCsv(text: string, delimiter = ",", lines?: number[]): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  /** Line (1-based) where the current record starts; `lines` gets one per record when given. */
  let line = 1;
  const n = s.length;
  const d = delimiter.charCodeAt(0);
  let record: string[] = [];
  let i = 0;
  if (n === 0) return records;
  if (lines) lines.push(1);
  for (;;) {
    // One field starts at i.
    let field: string;
    if (s.charCodeAt(i) === 34 /* " */) {
      const startRecord = records.length + 1;
      let out = "";
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) throw new CsvError(startRecord);
        const part = s.slice(j, q);
        if (lines) for (let p = part.indexOf("\n"); p >= 0; p = part.indexOf("\n", p + 1)) line++;
        out += part;
        if (s.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text after the closing quote up to the next delimiter/line break is kept (lenient).
      let k = j;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      field = out + s.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      field = s.slice(i, k);
      i = k;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      break;
    }
    const c = s.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        record.push("");
        records.push(record);
        break;
      }
      continue;
    }
    // A line break ends the record.
    i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) break;
    if (lines) lines.push(++line);
  }
  return records;
}

/**
 * Guesses the delimiter from the first line: `,` unless that line has no comma but has tabs or
 * semicolons (Excel's "Unicode text" and some European locales).
 */
export function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const line = end < 0 ? text : text.slice(0, end);
  if (line.includes(",")) return ",";
  const tabs = line.split("\t").length - 1;
  const semis = line.split(";").length - 1;
  if (tabs === 0 && semis === 0) return ",";
  return tabs >= semis ? "\t" : ";";
}

/** Quotes a field when it holds a comma, quote, line break or leading/trailing space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/** Writes records as CSV text: CRLF line ends (RFC 4180), a line end after the last record. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  let out = "";
  for (const r of records) out += r.map(csvField).join(",") + "\r\n";
  return out;
}

/** Starts a spreadsheet would read as a formula: `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number a spreadsheet reads as a number (`-5`, `+3.5`, `-1,200`, `-12.5%`, `1e-3`). */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

/**
 * Neutralises text a spreadsheet would run as a formula by prefixing `'` (OWASP CSV injection).
 * Real numbers such as `-5` or `+3.5` are left alone.
 *
 * @example neutralise("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * @example neutralise("-5") // "-5"
 */
export function neutralise(value: string): string {
  if (!FORMULA_START.test(value)) return value;
  if (/\d/.test(value) && PLAIN_NUMBER.test(value)) return value;
  return "'" + value;
}
