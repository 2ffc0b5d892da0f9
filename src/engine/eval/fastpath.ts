/**
 * The fused fast path for the commonest templates: number fields only, rules or bands whose
 * conditions are plain comparisons (sales-pipeline, mfq-102a, spend-5). One generated loop reads
 * the raw cells, keeps numbers as they are, and grades the row in the same pass; any cell that is
 * not a plain number (text to parse, out of range, a required blank) sends its row to the generic
 * path. The result is the same `ParsedTable` the generic parser builds, so reasons and everything
 * downstream are unchanged.
 *
 * Safety: the generated source contains only numbers produced by `literal()` (finite numbers or
 * ±Infinity) and loop indexes — never text from a template. Where code generation is not allowed
 * (a strict Content-Security-Policy), `new Function` throws and the generic path is used.
 */
import { compareInterval, numValue } from "./expr";
import { round9 } from "./precision";
import type { Condition, Field, Model, Template } from "../template/schema";
import { checkRequireOneOf, errorSink, rawColumn, readNumberCell, rowCountOf, type Column, type ParsedTable, type TableInput } from "../input/table";

type Kernel = (
  round9: (x: number) => number,
  raws: ArrayLike<unknown>[],
  vs: Float64Array[],
  blanks: Uint8Array[],
  blankCount: Uint8Array,
  out: Int32Array,
  valid: Uint8Array,
  slow: number[],
  n: number,
) => void;

interface Plan {
  kernel: Kernel;
  fields: Field[];
  /** True when every row the kernel grades gets a grade (there is a default grade). */
  complete: boolean;
}

const plans = new WeakMap<Template, Plan | null>();

function literal(x: number): string {
  if (typeof x !== "number" || Number.isNaN(x)) throw new Error("not a number");
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return Object.is(x, -0) ? "0" : String(x);
}

/** Rules (or bands) as lists of [field index, lo, hi] comparisons with any/all. */
function ruleLeaves(model: Model, fieldIndex: Map<string, number>, params: Readonly<Record<string, number>>, gradeIndex: ReadonlyMap<string, number>) {
  const rules: { any: boolean; leaves: [number, number, number][]; grade: number }[] = [];
  let otherwise: string | undefined;
  const leafOf = (c: Condition): [number, number, number] | undefined => {
    if (!("op" in c) || !("field" in c)) return undefined;
    const f = fieldIndex.get(c.field);
    const iv = compareInterval(c.op, numValue(c.value, params));
    return f === undefined || !iv ? undefined : [f, iv[0], iv[1]];
  };
  if (model.kind === "bands") {
    const f = fieldIndex.get(model.field);
    if (f === undefined) return undefined;
    for (const b of model.bands) {
      const iv = compareInterval(b.op, numValue(b.value, params));
      if (!iv) return undefined;
      rules.push({ any: false, leaves: [[f, iv[0], iv[1]]], grade: gradeIndex.get(b.grade) ?? -1 });
    }
    otherwise = model.otherwise;
  } else if (model.kind === "rules") {
    for (const r of model.rules) {
      const list = "all" in r.when ? r.when.all : "any" in r.when ? r.when.any : [r.when];
      const leaves = list.map(leafOf);
      if (!leaves.every((l): l is [number, number, number] => l !== undefined)) return undefined;
      rules.push({ any: "any" in r.when, leaves, grade: gradeIndex.get(r.grade) ?? -1 });
    }
    otherwise = model.otherwise;
  } else return undefined;
  return { rules, otherwise: otherwise === undefined ? -1 : gradeIndex.get(otherwise) ?? -1, roundInputs: model.kind === "bands" };
}

function makePlan(template: Template, params: Readonly<Record<string, number>>, gradeIndex: ReadonlyMap<string, number>): Plan | null {
  const t = template;
  if (t.post?.length || t.fields.some((f) => f.type !== "number" || f.requiredUnless || f.default !== undefined)) return null;
  const fieldIndex = new Map(t.fields.map((f, k) => [f.key, k]));
  const plan = ruleLeaves(t.model, fieldIndex, params, gradeIndex);
  if (!plan) return null;
  const F = t.fields.length;
  const lines: string[] = ['"use strict";', "return function (r9, raws, vs, blanks, bc, out, valid, slow, n) {"];
  for (let f = 0; f < F; f++) lines.push(`const r${f} = raws[${f}], v${f} = vs[${f}], b${f} = blanks[${f}];`);
  lines.push("for (let i = 0; i < n; i++) {", "let s = 0, c = 0;");
  t.fields.forEach((field, f) => {
    const lo = literal(field.min ?? -Infinity);
    const hi = literal(field.max ?? Infinity);
    const required = field.required !== false;
    lines.push(
      `let x${f} = r${f}[i];`,
      `if (typeof x${f} === "number" && x${f} >= ${lo} && x${f} <= ${hi} && x${f} - x${f} === 0) {}`,
      `else if (x${f} === "" || x${f} === null || x${f} === undefined) { x${f} = NaN; b${f}[i] = 1; c++;${required ? " s = 1;" : ""} }`,
      `else { x${f} = NaN; s = 1; }`,
      `v${f}[i] = x${f};`,
    );
  });
  lines.push("bc[i] = c;", "if (s === 1) { slow.push(i); continue; }", `if (c === ${F}) { out[i] = -2; continue; }`, "valid[i] = 1;");
  // Bands compare the value as a person reads it (9 decimals), as the generic bands kind does.
  if (plan.roundInputs) t.fields.forEach((_, f) => lines.push(`x${f} = r9(x${f});`));
  const cond = (r: (typeof plan.rules)[number]) =>
    r.leaves.map(([f, lo, hi]) => `(x${f} >= ${literal(lo)} && x${f} <= ${literal(hi)})`).join(r.any ? " || " : " && ");
  let expr = String(plan.otherwise);
  for (let k = plan.rules.length - 1; k >= 0; k--) expr = `(${cond(plan.rules[k])}) ? ${plan.rules[k].grade} : ${expr}`;
  lines.push(`out[i] = ${expr};`, "}", "};");
  try {
    const kernel = new Function(lines.join("\n"))() as Kernel;
    return { kernel, fields: t.fields, complete: plan.otherwise >= 0 };
  } catch {
    return null; // code generation not allowed here: generic path
  }
}

export interface FastResult {
  parsed: ParsedTable;
  /** Grades of the rows the kernel graded; -2 no data; rows in `slow` are not graded yet. */
  gradeIndex: Int32Array;
  /** 1 for the rows the kernel graded (the population, were there one). */
  valid: Uint8Array;
  /** Rows with a cell that is not a plain number: read the generic way, not graded yet. */
  slow: number[];
  /** True when the kernel gave every row it graded a grade (no row is left to the model). */
  complete: boolean;
}

/**
 * Runs the fused kernel when the template qualifies (and `params` are its defaults), else
 * returns undefined.
 */
export function fastGrade(
  template: Template,
  table: TableInput,
  params: Readonly<Record<string, number>>,
  gradeIndexOf: ReadonlyMap<string, number>,
): FastResult | undefined {
  let plan = plans.get(template);
  if (plan === undefined) {
    plan = makePlan(template, params, gradeIndexOf);
    plans.set(template, plan);
  }
  if (!plan) return undefined;
  const n = rowCountOf(table);
  const raws = plan.fields.map((f) => rawColumn(table, f.key, n));
  const vs = plan.fields.map(() => new Float64Array(n));
  const blanks = plan.fields.map(() => new Uint8Array(n));
  const blankCount = new Uint8Array(n);
  const out = new Int32Array(n);
  const valid = new Uint8Array(n);
  const slow: number[] = [];
  plan.kernel(round9, raws, vs, blanks, blankCount, out, valid, slow, n);

  // Slow rows: read every cell of the row the generic way.
  const bad = new Uint8Array(n);
  const { errors, addError } = errorSink(bad);
  for (const i of slow) {
    blankCount[i] = 0;
    plan.fields.forEach((f, k) => {
      blanks[k][i] = 0;
      readNumberCell(f, raws[k][i], i, vs[k], blanks[k], blankCount, addError);
    });
  }
  const columns = new Map<string, Column>();
  plan.fields.forEach((field, k) => columns.set(field.key, { type: "number", field, v: vs[k], blank: blanks[k] }));
  const parsed: ParsedTable = { n, columns, errors, blankCount, bad, fieldCount: plan.fields.length };
  checkRequireOneOf(template, parsed, addError);
  return { parsed, gradeIndex: out, valid, slow, complete: plan.complete };
}
