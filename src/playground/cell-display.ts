/**
 * A cell's text as Excel shows it in the grid: numbers through their number format with numfmt (MIT,
 * an implementation of Excel's number format language: dates and times `yyyy-mm-dd`, `m/d/yyyy h:mm`,
 * decimals and thousands `#,##0.00`, percentages `0.0%`, sections `0;-0;"zero"`, literal text), in the
 * display language's locale. General and text (`@`) cells, texts, TRUE/FALSE and error values keep the
 * host's text (`Range.text`). A format numfmt cannot read falls back to the host's text.
 */
import { format } from "numfmt";
import type { Lang } from "../engine";
import type { CellInfo } from "../host";

const PLAIN = /^(general|@)?$/i;

/** The text shown for a cell. */
export function displayText(info: Pick<CellInfo, "value" | "text" | "numberFormat">, lang: Lang): string {
  const v = info.value;
  const fmt = info.numberFormat ?? "";
  if (typeof v !== "number" || PLAIN.test(fmt.trim())) return info.text;
  try {
    return format(fmt, v, { locale: lang === "zh-CN" ? "zh-CN" : "en-US", throws: true, nbsp: false });
  } catch {
    return info.text;
  }
}
