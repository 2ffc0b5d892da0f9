/**
 * The contract every model kind implements. A kind lives in its own folder `kinds/<kind>/`
 * (grading and reasons, checks, compilation, editor metadata) and is registered in
 * `kinds/index.ts`.
 */
import type { LowerContext, LoweredModel } from "../compile/lower-context";
import type { Scope } from "../eval/expr";
import type { GradeError } from "../input/table";
import type { Condition, Expr, Field, Grade, Model, Num, Param, Template, Text } from "../template/schema";
import type { Args } from "../text/format";
import type { Lang } from "../text/lang";
import type { DESCRIBE_TEXT } from "./shared/describe-words";

/** The model of one kind: `ModelOf<"bands">`. */
export type ModelOf<K extends Model["kind"]> = Extract<Model, { kind: K }>;

/** A grade as the engine uses it (code templates derive theirs). */
export type GradeInfo = Grade & { description?: Text };

/** A template bound to one parsed table. */
export interface ModelContext extends Scope {
  template: Template;
  grades: readonly GradeInfo[];
  gradeIndex: ReadonlyMap<string, number>;
  n: number;
  /** 1 where the row has no input problems and is not empty: the population. */
  valid: Uint8Array;
  /** A grade's label in a language, by index or id ("" when unknown). */
  gradeName(grade: number | string, lang: Lang): string;
}

export interface BoundModel {
  /** Grade index for a valid row; -1 when the model gives none (then `error(i)` says why). */
  grade(i: number): number;
  /**
   * Optional bulk form of `grade`: writes the grade of every row with `valid[i] === 1` into
   * `out` in one call (the fast path for large tables).
   */
  gradeAll?(valid: Uint8Array, out: Int32Array): void;
  /** Score in full precision, for kinds that score. */
  score?(i: number): number;
  error?(i: number): GradeError | undefined;
  /** Why row i got its grade (before post adjustments). */
  explain(i: number, lang: Lang): string;
}

export type Severity = "error" | "warning";

export interface CheckIssue {
  severity: Severity;
  /** Where in the template: `model.rules[2].when.field`. */
  path: string;
  code: string;
  message: Text;
}

export interface CheckContext {
  template: Template;
  fields: ReadonlyMap<string, Field>;
  params: ReadonlyMap<string, Param>;
  gradeIds: readonly string[];
  report(severity: Severity, path: string, code: string, message: Text): void;
  /** Checks field/param/value references in a condition. */
  condition(c: Condition, path: string): void;
  expr(e: Expr, path: string): void;
  /** A field must exist and have one of the types. */
  field(key: string, path: string, types: Field["type"][]): Field | undefined;
  grade(id: string, path: string): void;
  /** The value of a number or parameter (parameter default). */
  num(v: Num, path: string): number;
  /** Marks a grade as given by the model. */
  gives(id: string): void;
}

export interface ModelKind<M extends Model = Model> {
  kind: M["kind"];
  /** Short name and what it does, for the editor and docs. */
  title: Text;
  summary: Text;
  /** True when the kind produces a numeric score. */
  scores: boolean;
  /** True when a row's grade depends on the other rows (relative to max, percentiles). */
  population(model: M): boolean;
  /** Grades the kind produces when they are not listed in the template (code templates). */
  deriveGrades?(model: M, template: Template): GradeInfo[];
  bind(model: M, ctx: ModelContext): BoundModel;
  check(model: M, ctx: CheckContext): void;
  /**
   * The model as formula/SQL IR (`compile/`); refuses (`refuse` from `compile/types`) what the
   * targets cannot express.
   */
  lower(model: M, ctx: LowerContext): LoweredModel;
  /** The model's rules, criteria and thresholds in words (template details, forms' legends). */
  describe(model: M, ctx: DescribeContext): ModelDescription;
  /** What the template editor needs to know about the kind. */
  editor: KindEditor<M>;
}

/** A template's labels, numbers and conditions in one language, for a kind's describer. */
export interface DescribeContext {
  template: Template;
  lang: Lang;
  /** A field's label. */
  field(key: string): string;
  unitOf(key: string): Field["unit"];
  /** A number (with the field's unit), or a parameter's default and name. */
  value(v: Num, unit?: Field["unit"]): string;
  /** A grade's label. */
  grade(id: string): string;
  condition(c: Condition): string;
  expr(e: Expr): string;
  /** A list as the language writes it (`a, b` / `a、b`). */
  list(parts: readonly string[]): string;
  say(key: keyof typeof DESCRIBE_TEXT & string, args?: Args): string;
}

/** A model in words. */
export interface ModelDescription {
  /** How a row is scored or coded (one line per criterion, group or measure); empty for plain rules. */
  lines: string[];
  /** When each grade is given, in the model's order (a grade may appear more than once). */
  grades: { grade: string; when: string }[];
}

/** Names the editor gives new things in a starting model (its own catalogue's words). */
export interface NewModelNames {
  /** Label of the n-th criterion of a new scorecard. */
  criterion(n: number): Text;
}

/**
 * The template editor's view of a kind (pure data: the editor draws it). `form: true` kinds are
 * edited in the form editor and start from `newModel`; `form: false` kinds only in the JSON view.
 */
export type KindEditor<M extends Model = Model> = {
  /** Name in the editor's list of methods, and the hint under it. */
  label: Text;
  hint: Text;
} & (
  | {
      form: true;
      /** A starting model for a draft's fields and grades (every grade reachable). */
      newModel(draft: Template, names: NewModelNames): M;
    }
  | { form: false }
);
