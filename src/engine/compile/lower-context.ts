/**
 * The contract between the kind-independent lowering (`lower.ts`: fields, validity, conditions,
 * expressions, post adjustments) and a kind's own lowering (`kinds/<kind>/compile.ts`). A kind
 * sees the template through this interface and returns its grade as IR.
 */
import type { Condition, Expr, Field, Num, Template } from "../template/schema";
import type { Node } from "./ir";

export interface LowerContext {
  readonly template: Template;
  /** Bands on a computed score counted in one pass (`SUMPRODUCT(--(s>{..}))`) instead of repeating the score per band. */
  readonly compactBands: boolean;
  /** A field of the template (refuses an unknown key). */
  field(key: string): Field;
  /** A number field's value in a valid row (its default where blank and not required). */
  readNum(key: string): Node;
  /** True where a number field's value is NaN (blank) in a valid row. */
  nanOf(key: string): Node;
  /** A number field's numeric default, if any. */
  numDefault(field: Field): number | undefined;
  /** The cell of a category or yes/no field is one of the values at `indexes` (or blank with such a default). */
  words(key: string, indexes: number[]): Node;
  /** Group key of a row (category index or trimmed text), and whether the key is missing. */
  groupKey(key: string): { key: Node; missing: Node };
  cond(c: Condition): Node;
  /** An expression's value and where it is NaN (a blank operand). */
  expr(e: Expr): { v: Node; nan: Node };
  /** The value of a number or parameter (parameter values as given to the compiler). */
  num(v: Num): number;
  /** A number, parameter or population threshold as a node (a threshold may depend on the row's group). */
  numNode(v: Num): Node;
  /** 1-based grade number of a grade id. */
  gradeNo(id: string): number;
  /** The population: valid rows (and not "no data", when every field may be blank). */
  validPop(): Node;
  /** A fresh name for a shared value: `max1`, `max2`, ... */
  uniqueId(prefix: string): string;
}

/**
 * A kind's grade as IR. `index`: the 1-based grade number (`num`, or `na` when the model gives
 * none); the compiler applies post adjustments and turns numbers into grade ids. `id`: the grade
 * id itself (code templates); such models take no post adjustments.
 */
export type LoweredModel = {
  index: Node;
  score?: Node;
  /** Rows whose cells read but that the model itself makes a bad input (`#VALUE!`), e.g. a group with no assessed indicator. */
  invalid?: Node;
} | { id: Node };
