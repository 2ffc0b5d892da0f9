/**
 * A small subset of Excel number formatting, used for `Range.text`. Handles General, "@", fixed
 * decimals ("0", "0.00"), thousands ("#,##0.00"), percentages ("0%", "0.0%") and literal
 * prefix/suffix text in quotes. Anything else falls back to General. Dates are not formatted.
 */
import { CellError, StoredValue } from "./values";

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    return n.toExponential(5).replace(/\.?0+e/, "E").replace("E+", "E+").replace(/e/, "E");
  }
  // General shows up to 11 significant characters
  let s = n.toPrecision(10);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

function withThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatValue(v: StoredValue, numberFormat: string): string {
  if (v === undefined) return "";
  if (v instanceof CellError) return v.code;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = (numberFormat.split(";")[v < 0 ? 1 : 0] ?? numberFormat.split(";")[0]) || "General";
  const useNegSection = v < 0 && numberFormat.includes(";");
  if (fmt === "General" || fmt === "@") return generalNumber(v);
  let prefix = "";
  let suffix = "";
  let core = fmt.replace(/"([^"]*)"/g, (_m, lit: string, offset: number) => {
    if (offset === 0) prefix += lit;
    else suffix += lit;
    return "";
  });
  core = core.replace(/\\(.)/g, (_m, ch: string) => {
    suffix += ch;
    return "";
  });
  const m = /^([#,0]*)(\.(0+))?(%?)$/.exec(core.trim());
  if (!m) return generalNumber(v);
  const decimals = m[3] ? m[3].length : 0;
  const thousands = m[1].includes(",");
  const percent = m[4] === "%";
  let n = percent ? v * 100 : v;
  if (useNegSection) n = Math.abs(n);
  const fixed = Math.abs(n).toFixed(decimals);
  let [intPart, frac] = fixed.split(".");
  if (thousands) intPart = withThousands(intPart);
  if (!m[1].includes("0") && intPart === "0") intPart = "";
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${prefix}${sign}${intPart}${frac !== undefined ? `.${frac}` : ""}${percent ? "%" : ""}${suffix}`;
}
