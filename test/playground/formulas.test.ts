/** The playground's formula language (src/playground/formulas.ts): parsing, GK.* through the pure core, operators, shifting. */
import { gradeCells, percentileTierCells, tierCells } from "../../src/functions/core";
import { FnError } from "../../src/functions/errors";
import {
  FormulaErrorCell,
  FormulaSyntaxError,
  computeFormula,
  evaluateFormula,
  parseFormula,
  shiftRef,
  type EvalContext,
  type ResultCell,
  type Scalar,
} from "../../src/playground/formulas";

/** A tiny sheet: A1:D5 (+ a second sheet) read like the host reads ranges. */
const SHEETS: Record<string, Scalar[][]> = {
  Data: [
    ["Customer", "Months", "Amount", "Spend"],
    ["a", 2, 35000, 620000],
    ["b", 5, "1,200", 250000],
    ["c", "", "10万", 60000],
    ["d", 18, 8000, 15000],
  ],
  "My sheet": [["x", 1]],
};

function read(sheet: string, ref: string): Scalar[][] {
  const data = SHEETS[sheet];
  if (!data) throw new Error("no sheet");
  const m = /^\$?([A-Z]+)\$?([0-9]+)(?::\$?([A-Z]+)\$?([0-9]+))?$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  const col = (l: string) => l.charCodeAt(0) - 65;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  const out: Scalar[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: Scalar[] = [];
    for (let c = c0; c <= c1; c++) row.push(data[r]?.[c] ?? "");
    out.push(row);
  }
  return out;
}

const ctx: EvalContext = { sheet: "Data", read, lang: "en" };
const run = (f: string, c: EvalContext = ctx): ResultCell[][] => {
  const r = computeFormula(f, c);
  if ("syntaxError" in r) throw r.syntaxError;
  return r.cells;
};
const plain = (m: ResultCell[][]) => m.map((row) => row.map((v) => (v instanceof FormulaErrorCell ? v.code : v)));
const core = (m: unknown[][]) => m.map((row) => row.map((v) => (v instanceof FnError ? v.code : v)));

describe("parse", () => {
  test("calls, strings with doubled quotes, numbers, percentages, booleans, arrays, references, omitted arguments", () => {
    expect(parseFormula('=GK.TIER(B2:B9, {100000,50000}, {"A","B";"C","D"}, TRUE)')).toEqual({
      kind: "call",
      name: "GK.TIER",
      args: [
        { kind: "ref", sheet: undefined, ref: "B2:B9" },
        { kind: "array", rows: [[100000, 50000]] },
        { kind: "array", rows: [["A", "B"], ["C", "D"]] },
        { kind: "bool", value: true },
      ],
    });
    expect(parseFormula('="say ""hi"""')).toEqual({ kind: "string", value: 'say "hi"' });
    expect(parseFormula("=12.5%")).toEqual({ kind: "number", value: 0.125 });
    expect(parseFormula("={-1,2.5e2}")).toEqual({ kind: "array", rows: [[-1, 250]] });
    expect(parseFormula("=gk.percentile_tier(B2:B9,,{1,2,3})")).toEqual({
      kind: "call",
      name: "GK.PERCENTILE_TIER",
      args: [{ kind: "ref", sheet: undefined, ref: "B2:B9" }, null, { kind: "array", rows: [[1, 2, 3]] }],
    });
    expect(parseFormula("='My sheet'!$A$1:B1")).toEqual({ kind: "ref", sheet: "My sheet", ref: "$A$1:B1" });
    expect(parseFormula("=Data!B:B")).toEqual({ kind: "ref", sheet: "Data", ref: "B:B" });
  });

  test("operators: comparisons bind loosest, then &, + -, * /; unary minus; parentheses", () => {
    expect(plain(run("=1+2*3"))).toEqual([[7]]);
    expect(plain(run("=(1+2)*3"))).toEqual([[9]]);
    expect(plain(run("=-B2+1"))).toEqual([[-1]]);
    expect(plain(run('="a"&1+1'))).toEqual([["a2"]]);
    expect(plain(run("=1+1=2"))).toEqual([[true]]);
    expect(plain(run("=B2<>2"))).toEqual([[false]]);
    expect(plain(run('=B4=""'))).toEqual([[true]]); // blank cell
    expect(plain(run("=B4=0"))).toEqual([[true]]);
    expect(plain(run('=A2="A"'))).toEqual([[true]]); // case-insensitive text
    expect(plain(run('=1<"a"'))).toEqual([[true]]); // numbers sort before text
    expect(plain(run("=1/0"))).toEqual([["#DIV/0!"]]);
    expect(plain(run('=1+"x"'))).toEqual([["#VALUE!"]]);
  });

  test("formulas that cannot be read are syntax errors with a position", () => {
    for (const f of ['=GK.GRADE("x", B2:C2', '="open', "=GK.TIER(B2 B3)", "={1,2;3}", "=", "=B2 B3", "={x}"]) {
      expect(() => parseFormula(f)).toThrow(FormulaSyntaxError);
    }
  });
});

describe("GK functions give what the custom functions' core gives", () => {
  test("GK.GRADE / GK.SCORE / GK.EXPLAIN on one row and on a block (spills)", () => {
    const block = read("Data", "B2:C5");
    expect(plain(run('=GK.GRADE("sales-pipeline", B2:C2)'))).toEqual(core(gradeCells("grade", "sales-pipeline", [block[0]], "en")));
    expect(plain(run('=GK.GRADE("sales-pipeline",B2:C5)'))).toEqual(core(gradeCells("grade", "sales-pipeline", block, "en")));
    expect(plain(run('=GK.EXPLAIN("sales-pipeline",B2:C5)'))).toEqual(core(gradeCells("reason", "sales-pipeline", block, "en")));
    expect(plain(run('=GK.EXPLAIN("sales-pipeline",B2:C2)', { ...ctx, lang: "zh-CN" }))).toEqual(
      core(gradeCells("reason", "sales-pipeline", [block[0]], "zh-CN")),
    );
    expect(plain(run('=GK.SCORE("sales-pipeline",B2:C2)'))).toEqual([["#N/A"]]); // no scores in that template
  });

  test("GK.TIER and GK.PERCENTILE_TIER with array constants, omitted arguments and a value + population", () => {
    const spend = read("Data", "D2:D5");
    expect(plain(run('=GK.TIER(D2:D5,{100000,50000},{"A","B","C"})'))).toEqual(core(tierCells(spend, [[100000, 50000]], [["A", "B", "C"]], undefined, "en")));
    expect(plain(run('=GK.TIER(D2:D5,{100000,50000},{"A","B","C"},FALSE)'))).toEqual(core(tierCells(spend, [[100000, 50000]], [["A", "B", "C"]], false, "en")));
    expect(plain(run("=GK.PERCENTILE_TIER(D2:D5)"))).toEqual(core(percentileTierCells(spend, undefined, undefined, undefined, undefined, undefined, "en")));
    expect(plain(run('=GK.PERCENTILE_TIER(D2:D5,{0.5},{"top","rest"})'))).toEqual(
      core(percentileTierCells(spend, [[0.5]], [["top", "rest"]], undefined, undefined, undefined, "en")),
    );
    expect(plain(run("=GK.PERCENTILE_TIER(D3,D2:D5)"))).toEqual(core(percentileTierCells([[250000]], spend, undefined, undefined, undefined, undefined, "en")));
  });

  test("errors carry a message: unknown template, unknown function, argument count, missing sheet", () => {
    const [[e]] = run('=GK.GRADE("nope", B2:C2)');
    expect(e).toBeInstanceOf(FormulaErrorCell);
    expect((e as FormulaErrorCell).code).toBe("#N/A");
    expect((e as FormulaErrorCell).message).toMatch(/unknown template 'nope'/);
    const [[n]] = run("=GK.NOPE(1)");
    expect((n as FormulaErrorCell).code).toBe("#NAME?");
    expect((n as FormulaErrorCell).message).toMatch(/GK\.GRADE/);
    const [[a]] = run('=GK.GRADE("sales-pipeline")');
    expect((a as FormulaErrorCell).message).toBe("GK.GRADE takes 2 arguments, got 1");
    const [[s]] = run("=Nowhere!A1");
    expect((s as FormulaErrorCell).code).toBe("#REF!");
    // an error value among the inputs makes that row #VALUE! (the engine names the field)
    expect(plain(evaluateFormula(parseFormula('=GK.GRADE("sales-pipeline", {1,"#N/A"})'), ctx))[0][0]).toBe("#VALUE!");
  });
});

describe("relative references (conditional formats)", () => {
  test("shiftRef moves only the parts without $", () => {
    expect(shiftRef("B2", 1, 2)).toBe("D3");
    expect(shiftRef("$B2", 3, 5)).toBe("$B5");
    expect(shiftRef("B$2", 3, 1)).toBe("C$2");
    expect(shiftRef("$B$2:C3", 1, 1)).toBe("$B$2:D4");
    expect(shiftRef("Z1", 0, 1)).toBe("AA1");
    expect(shiftRef("$2:$5", 4, 0)).toBe("$2:$5");
  });

  test("GradeKit's bad-input rule, evaluated for each row", () => {
    const sheet: Scalar[][] = [
      ["Grade", "Reason"],
      ["A", "A: ok"],
      ["", "Months: 'x' is not a number"],
      ["", "no data"],
    ];
    const local: EvalContext = {
      sheet: "S",
      lang: "en",
      read: (_s, ref) => {
        const m = /^\$?([A-Z])\$?([0-9]+)$/.exec(ref)!;
        return [[sheet[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? ""]];
      },
    };
    const rule = parseFormula('=AND($A2="",$B2<>"",$B2<>"no data")');
    const at = (row: number) => evaluateFormula(rule, { ...local, shift: { rows: row, columns: 0 } })[0][0];
    expect([0, 1, 2].map(at)).toEqual([false, true, false]);
    expect(plain(evaluateFormula(parseFormula("=COUNTA(A1:A4)"), ctx))).toEqual([[4]]);
    expect(plain(run('=IF(B2>1,"big","small")'))).toEqual([["big"]]);
    expect(plain(run("=OR(B2>5,NOT(B3<6))"))).toEqual([[false]]);
    expect(plain(run("=LEN(A1)&ISBLANK(B4)"))).toEqual([["8TRUE"]]);
  });
});
