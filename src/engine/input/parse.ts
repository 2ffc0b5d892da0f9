/**
 * Reading cell values the way a person reads them: numbers as numbers or text (`1,200`, `12.5%`,
 * `10万`, `1.2亿`, `100K`, `2.5M`, full-width digits), yes/no words in English and Chinese.
 * Anything else is a bad input with a reason; nothing is guessed.
 */

/** Why a value could not be read. `code` is stable; the messages live in `../text/messages.ts`. */
export type ParseProblem =
  | { code: "notNumber"; text: string }
  | { code: "notYesNo"; text: string }
  | { code: "notCategory"; text: string }
  | { code: "errorValue"; text: string }
  | { code: "notDate"; text: string }
  | { code: "ambiguousDate"; text: string }
  | { code: "noSuchDate"; text: string };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: ParseProblem };

/**
 * True for what a spreadsheet shows as an empty cell: `undefined`, `null`, `""`, white space only.
 *
 * @example isBlank("  ") // true
 */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === "string") return v.trim() === "";
  return false;
}

/** Shows an arbitrary cell value in a message, shortened. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean") s = String(v);
  else if (v instanceof Date) s = isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
  else if (v && typeof v === "object" && typeof (v as { message?: unknown }).message === "string")
    s = String((v as { message: string }).message);
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Object.prototype.toString.call(v);
    }
  }
  return s.length > 40 ? s.slice(0, 37) + "..." : s;
}

const UNITS: Record<string, number> = {
  "万": 1e4,
  "萬": 1e4,
  "亿": 1e8,
  "億": 1e8,
  "千": 1e3,
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  "%": 0.01,
};

// sign, integer part (plain or grouped by , or spaces in threes), fraction, exponent, unit, 元
const NUMBER_RE =
  /^([+-])?(\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?\s*(万|萬|亿|億|千|[kKmM%])?\s*(元)?$/;

/** Currency signs written before money (`¥1,200`, `￥1,200`, `$1,200`). */
const CURRENCY_RE = /^([+-])?\s*[¥￥$]\s*/;

/** Full-width digits and punctuation to ASCII; odd spaces to a plain space. */
export function normalizeText(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2009 || c === 0x202f) out += " ";
    else if (c === 0x2212) out += "-";
    else out += s[i];
  }
  return out.trim();
}

/** Excel error texts that may arrive as strings (`#N/A`, `#VALUE!`, ...). */
const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

/** A number read from text, and whether the text carried its own unit (`50万`, `12%`, `50元`). */
interface ReadText {
  value: number;
  ownUnit: boolean;
}

/**
 * Reads number text (already normalised): plain, grouped, with a unit, as money (a currency sign
 * before, 元 after, `(1,200)` for a negative). Undefined for anything else.
 */
function readNumberText(s0: string): ReadText | undefined {
  let s = s0;
  let negative = false;
  // Accounting negative: the whole amount in parentheses, nothing outside, no sign inside.
  if (s.startsWith("(") || s.endsWith(")")) {
    if (!(s.startsWith("(") && s.endsWith(")"))) return undefined;
    s = s.slice(1, -1).trim();
    if (/^[+-]/.test(s) || /[()]/.test(s)) return undefined;
    negative = true;
  }
  let currency = false;
  const c = CURRENCY_RE.exec(s);
  if (c) {
    currency = true;
    s = s.slice(c[0].length);
    if (c[1] !== undefined) {
      if (/^[+-]/.test(s) || negative) return undefined; // -¥-1 or (-¥1)
      s = c[1] + s;
    }
  }
  const m = NUMBER_RE.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const unit = m[5];
  const yuan = m[6] !== undefined;
  // 元 goes with no unit, 万, 亿 or 千; 千 only as 千元; money takes no % and no second currency.
  if (yuan && unit !== undefined && !/^[万萬亿億千]$/.test(unit)) return undefined;
  if (unit === "千" && !yuan) return undefined;
  if ((currency || negative) && unit === "%") return undefined;
  if (currency && yuan) return undefined;
  const intPart = (m[2] ?? "0").replace(/[, ]/g, "");
  let text = intPart + (m[3] !== undefined ? "." + m[3] : "") + (m[4] !== undefined ? "e" + m[4] : "");
  if (m[1] === "-") text = "-" + text;
  let value = Number(text);
  if (unit !== undefined) value = scale(value, UNITS[unit], m[3]?.length ?? 0);
  if (negative) value = -value;
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, ownUnit: unit !== undefined || yuan };
}

/**
 * Reads a number from a cell value. Numbers pass through (NaN and infinities are bad input);
 * text may use thousands separators, `%`, `万`, `亿`, `K`, `M`, full-width digits, and money as
 * finance tables write it: `¥1,200`, `-¥1,200`, `1,200元`, `1.2万元`, `5千元`, `(1,200)` = -1200.
 * Blank input is not handled here (check `isBlank` first).
 *
 * @example parseNumber("1.2亿") // { ok: true, value: 120000000 }
 * @example parseNumber("12.5%") // { ok: true, value: 0.125 }
 * @example parseNumber("(1,200)") // { ok: true, value: -1200 }
 * @example parseNumber("abc")   // { ok: false, problem: { code: "notNumber", text: "abc" } }
 */
export function parseNumber(v: unknown): ParseResult<number> {
  return parseNumberIn(v, 1);
}

/**
 * Reads a number from a cell of a column whose header carries a unit (`年消费额（万元）`: factor
 * 10000). Plain numbers and number text without a unit are multiplied by `factor`; a cell with
 * its own unit (`50万`, `50元`, `12%`) is read as written, not scaled again.
 *
 * @example parseNumberIn(50, 1e4)     // { ok: true, value: 500000 }
 * @example parseNumberIn("50万", 1e4) // { ok: true, value: 500000 }
 */
export function parseNumberIn(v: unknown, factor: number): ParseResult<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, problem: { code: "notNumber", text: String(v) } };
    return { ok: true, value: factor === 1 ? v : scaleExact(v, factor) };
  }
  if (typeof v !== "string") return { ok: false, problem: problemFor(v, "notNumber") };
  const s = normalizeText(v);
  if (ERROR_TEXT.test(s)) return { ok: false, problem: { code: "errorValue", text: s } };
  const r = readNumberText(s);
  if (!r) return { ok: false, problem: { code: "notNumber", text: showValue(v) } };
  const value = r.ownUnit || factor === 1 ? r.value : scaleExact(r.value, factor);
  if (!Number.isFinite(value)) return { ok: false, problem: { code: "notNumber", text: showValue(v) } };
  return { ok: true, value };
}

/** `value * factor` without binary noise from the decimals `value` is written with (1.1 * 1e4 = 11000). */
export function scaleExact(value: number, factor: number): number {
  const str = String(value);
  const dot = str.indexOf(".");
  const decimals = dot < 0 || /e/i.test(str) ? 0 : str.length - dot - 1;
  return scale(value, factor, decimals);
}

/** Multiplies without binary noise: 1.2 * 1e8 is 120000000, 12.5% is 0.125 exactly. */
function scale(value: number, factor: number, decimals: number): number {
  const raw = value * factor;
  const places = factor < 1 ? decimals + 2 : Math.max(0, decimals - Math.round(Math.log10(factor)));
  return places <= 15 ? Number(raw.toFixed(Math.min(15, places + 0))) : raw;
}

function problemFor(v: unknown, code: "notNumber" | "notYesNo" | "notCategory"): ParseProblem {
  if (v && typeof v === "object" && typeof (v as { message?: unknown }).message === "string") {
    return { code: "errorValue", text: showValue(v) };
  }
  return { code, text: showValue(v) };
}

const YES = new Set(["yes", "y", "true", "1", "是", "有", "对", "√", "✓"]);
const NO = new Set(["no", "n", "false", "0", "否", "无", "無", "没有", "不是", "×", "✗"]);

/**
 * Reads a yes/no value: yes/no, y/n, true/false, 1/0, 是/否, 有/无, Excel's TRUE/FALSE.
 *
 * @example parseYesNo("是") // { ok: true, value: true }
 */
export function parseYesNo(v: unknown): ParseResult<boolean> {
  if (typeof v === "boolean") return { ok: true, value: v };
  if (typeof v === "number") {
    if (v === 1) return { ok: true, value: true };
    if (v === 0) return { ok: true, value: false };
    return { ok: false, problem: { code: "notYesNo", text: String(v) } };
  }
  if (typeof v !== "string") return { ok: false, problem: problemFor(v, "notYesNo") };
  const s = normalizeText(v).toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, problem: { code: ERROR_TEXT.test(s) ? "errorValue" : "notYesNo", text: showValue(v) } };
}

/** Normalises a word for category matching: full-width to ASCII, lower case, no spaces. */
export function normalizeWord(s: string): string {
  return normalizeText(s).toLowerCase().replace(/[\s_-]+/g, "");
}
