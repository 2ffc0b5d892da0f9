/**
 * Text measures for laying out a sheet without a screen: display width of a text in Excel's
 * "characters", lines a wrapped text takes, row heights, and column widths in points.
 */

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Display width of a text in "characters" (CJK and full-width forms count 2). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Tokens a line wraps between: Latin words (with their following spaces) and single CJK characters. */
export function wrapTokens(line: string): string[] {
  return line.match(/[\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]|[^\s\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]+\s*|\s+/g) ?? [];
}

/** Lines a wrapped text takes in a cell `width` characters wide, at a font size (11 = the width unit); greedy word wrap. */
export function wrappedLines(text: string, width: number, size = 11, bold = false): number {
  const per = Math.max(1, (width - 1) * (11 / size) * (bold ? 0.9 : 1));
  let lines = 0;
  for (const line of text.split("\n")) {
    let n = 1;
    let used = 0;
    for (const tok of wrapTokens(line)) {
      const w = textWidth(tok.trimEnd());
      if (used > 0 && used + w > per) {
        n++;
        used = 0;
      }
      used += textWidth(tok);
      while (used > per) {
        n++; // a word longer than the line is broken
        used -= per;
      }
    }
    lines += n;
  }
  return lines;
}

/** Row height (points) for wrapped text: about 1.35 line heights per line, at least `min`. */
export function rowHeightFor(lines: number, size = 11, min = 15): number {
  return Math.max(min, Math.ceil(lines * size * 1.35 + 4));
}

/**
 * Excel's column width (characters of the default font, Calibri 11: 7 px per character + 5 px
 * padding) in points, as Office.js `format.columnWidth` takes it (96 dpi: 1 px = 0.75 pt).
 */
export function excelColumnWidthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The inverse of `excelColumnWidthToPoints`. */
export function pointsToExcelColumnWidth(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
