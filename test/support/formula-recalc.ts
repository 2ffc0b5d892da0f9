/**
 * Formulas written into the in-memory host, recalculated by HyperFormula (with array arithmetic,
 * as Excel evaluates SUMPRODUCT/MMULT), and compared with the engine's grades and scores.
 */
import { HyperFormula } from "hyperformula";
import { columnLetters, type GradeResult } from "../../src/engine";
import type { ExcelHost } from "../../src/host";

export type Shown = string | number | boolean;

/** Recalculates `sheet`'s `width` data columns and `outputs` formula columns (rows 2..n+1) in HyperFormula. */
export function recalc(host: ExcelHost, sheet: string, width: number, outputs: number, n: number): Shown[][] {
  const last = `${columnLetters(width + outputs - 1)}${n + 1}`;
  const formulas = host.getFormulas(sheet, `A1:${last}`);
  const data = formulas.map((r) => r.map((v) => (typeof v === "string" && !v.startsWith("=") && v !== "" ? `'${v}` : v)));
  const hf = HyperFormula.buildFromArray(data as (string | number | boolean)[][], { licenseKey: "gpl-v3", useArrayArithmetic: true });
  try {
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: outputs }, (_, k) => {
        const v = hf.getCellValue({ sheet: 0, row: i + 1, col: width + k });
        if (v === null) return "";
        return typeof v === "object" ? (v as { value: string }).value : (v as Shown);
      }),
    );
  } finally {
    hf.destroy();
  }
}

/** Rows where the recalculated grade (and score) differ from the engine's. */
export function differing(engine: GradeResult, shown: Shown[][], scores: boolean): string[] {
  const out: string[] = [];
  shown.forEach(([g, s], i) => {
    const want = engine.grade(i) ?? (engine.status(i) === "empty" ? "" : "#VALUE!");
    const scoreOk = !scores || engine.score(i) === null ? true : typeof s === "number" && Math.abs(s - (engine.score(i) as number)) <= 1e-9;
    if (String(g) !== want || !scoreOk) out.push(`row ${i + 2}: engine ${want}/${engine.score(i)}, formulas ${g}/${s}`);
  });
  return out;
}

