/**
 * Types for the two registry packages the playground calculates and displays with (only what it uses).
 * - fast-formula-parser (MIT) ships no types.
 * - numfmt 4.0.1 (MIT) ships types, but its package.json points `types`/`require` at `dist/index.d.cts` /
 *   `dist/index.cjs`, which the published package lacks (jest maps `numfmt` to `dist/index.js`).
 */
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details: unknown;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: never[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown;
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
    static readonly FormulaError: typeof FormulaError;
    static readonly DepParser: new (config?: { onVariable?: ParserConfig["onVariable"] }) => {
      parse(formula: string, position: { sheet: string; row: number; col: number }): (CellRef | RangeRef)[];
    };
  }
}

declare module "fast-formula-parser/grammar/utils" {
  /** The parser's operator hooks (`applyInfix` etc. call these with the operands' values). */
  export default class Utils {
    constructor(context: unknown);
    _applyInfix(
      res1: { val: unknown; isArray: boolean },
      infix: string,
      res2: { val: unknown; isArray: boolean },
    ): unknown;
    _applyPrefix(prefixes: string[], val: unknown, isArray: boolean): unknown;
    _applyPostfix(val: unknown, isArray: boolean, postfix: string): unknown;
    extractRefValue(obj: unknown): { val: unknown; isArray: boolean };
  }
}

declare module "numfmt" {
  export function format(
    pattern: string,
    value: unknown,
    options?: { locale?: string; throws?: boolean; nbsp?: boolean },
  ): string;
  export function isDateFormat(pattern: string): boolean;
}
