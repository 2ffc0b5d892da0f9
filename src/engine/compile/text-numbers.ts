/**
 * Cells the compiled formulas cannot read as the engine does: number text in a number column
 * (`1,200`, `10万`, `¥1,200`, `(1,200)`, `12%`). The engine reads it as a number; the formulas
 * see text, so that row is `#VALUE!` — and, where other rows' results read the column
 * (relative-to-max points, percentile tiers), every result of the range is (README "Cells").
 * Writing such cells as the engine's number first makes the formulas agree with the engine.
 * Pure: callers turn rows and fields into addresses.
 */
import { isBlank, parseNumber } from "../input/parse";
import type { Template } from "../template/schema";

export interface TextNumberCell {
  /** The number field whose column holds the cell. */
  field: string;
  /** Zero-based data row. */
  row: number;
  /** The text as it is in the cell. */
  text: string;
  /** The number the engine reads from it (no header unit: that is a separate refusal). */
  value: number;
}

/**
 * Every cell of a mapped number field holding text the engine reads as a number, in field
 * order then row order. Blank cells and cells of spaces are left out (the formulas read them as
 * blank, like the engine); junk text is left out too (both read it as a bad value).
 *
 * @example textNumberCells(t, { amount: [1200, "1,200", "abc", "10万"] })
 *   // [{ field: "amount", row: 1, text: "1,200", value: 1200 }, { field: "amount", row: 3, text: "10万", value: 100000 }]
 */
export function textNumberCells(template: Template, columns: Readonly<Record<string, readonly unknown[] | undefined>>): TextNumberCell[] {
  const out: TextNumberCell[] = [];
  for (const f of template.fields) {
    const values = columns[f.key];
    if (f.type !== "number" || !values) continue;
    values.forEach((v, row) => {
      if (typeof v !== "string" || isBlank(v)) return;
      const r = parseNumber(v);
      if (r.ok) out.push({ field: f.key, row, text: v, value: r.value });
    });
  }
  return out;
}
