/**
 * Band lists (`VIP > 500000, Platinum >= 200000, ... otherwise Regular`), shared by the kinds that
 * grade a number by thresholds (bands on a field, scorecards on their score): matching, reasons,
 * checks and lowering to the formula/SQL IR.
 */
import { arith, cmp, iff, NA, num, type CmpOp, type Node } from "../../compile/ir";
import type { LowerContext } from "../../compile/lower-context";
import { compare, numValue, showNum, showOp } from "../../eval/expr";
import { isPopStat } from "../../eval/pop-stats";
import { ALL, fromCompare, intersect, isEmpty, showSet, subtract, union, type IntervalSet } from "../../eval/intervals";
import { round9 } from "../../eval/precision";
import type { Band, Field } from "../../template/schema";
import { fmt } from "../../text/display";
import type { Lang } from "../../text/lang";
import { msg } from "../../text/messages";
import type { CheckContext, ModelContext } from "../types";

export interface BandMatcher {
  /** Band index for a value (compared at 9 decimals), -1 when none applies. */
  match(x: number): number;
  thresholds: number[];
}

export function bandMatcher(bands: readonly Band[], params: Readonly<Record<string, number>>): BandMatcher {
  const thresholds = bands.map((b) => numValue(b.value, params));
  const tests = bands.map((b, k) => compare(b.op, thresholds[k]));
  const m = tests.length;
  return {
    thresholds,
    match(x) {
      const r = round9(x);
      for (let k = 0; k < m; k++) if (tests[k](r)) return k;
      return -1;
    },
  };
}

/** Grade index for a band match, or the otherwise grade, or -1. */
export function bandGrader(
  bands: readonly Band[],
  otherwise: string | undefined,
  ctx: ModelContext,
): { grade(x: number): number; band(x: number): number; thresholds: number[]; show(k: number, lang: Lang): string } {
  const m = bandMatcher(bands, ctx.params);
  const idx = bands.map((b) => ctx.gradeIndex.get(b.grade) ?? -1);
  const other = otherwise !== undefined ? ctx.gradeIndex.get(otherwise) ?? -1 : -1;
  return {
    thresholds: m.thresholds,
    band: m.match,
    // A population threshold shows what it is ("median of amount (30)"); a number as itself.
    show: (k, lang) => (isPopStat(bands[k].value) ? showNum(bands[k].value, ctx, 0, lang) : ""),
    grade(x) {
      if (!(x === x)) return -1;
      const k = m.match(x);
      return k >= 0 ? idx[k] : other;
    },
  };
}

/** "A: score 92 > 90" style text for the band that applied. */
export function describeBand(
  bands: readonly Band[],
  k: number,
  thresholds: number[],
  measure: string,
  x: number,
  gradeLabel: string,
  unit: Field["unit"],
  lang: Lang,
  show?: (k: number, lang: Lang) => string,
): string {
  if (k < 0) return msg("bandOtherwise", lang, { grade: gradeLabel, measure, value: fmt(x, unit) });
  return msg("bandFired", lang, {
    grade: gradeLabel,
    measure,
    value: fmt(x, unit),
    op: showOp(bands[k].op),
    threshold: show?.(k, lang) || fmt(thresholds[k], unit),
  });
}

/**
 * Checks a band list over a domain of possible values: unsorted thresholds, mixed directions,
 * shadowed (unreachable) bands, values that get no grade (gaps), an unreachable default.
 */
export function checkBands(
  bands: readonly Band[],
  otherwise: string | undefined,
  domain: IntervalSet,
  ctx: CheckContext,
  path: string,
  unit?: Field["unit"],
): void {
  const higher = bands.filter((b) => b.op === ">" || b.op === ">=").length;
  if (higher > 0 && higher < bands.length) {
    ctx.report("warning", path, "mixedDirections", {
      en: "bands mix 'higher is better' (>, >=) and 'lower is better' (<, <=) thresholds",
      zh: "等级阈值混用了“越高越好”（>、>=）和“越低越好”（<、<=）",
    });
  }
  let covered: IntervalSet = [];
  const values = bands.map((b, k) => ctx.num(b.value, `${path}[${k}].value`));
  if (bands.some((b) => isPopStat(b.value))) {
    // A population threshold depends on the data: no interval analysis, every band may apply.
    bands.forEach((b, k) => {
      ctx.grade(b.grade, `${path}[${k}].grade`);
      ctx.gives(b.grade);
    });
    if (otherwise !== undefined) {
      ctx.grade(otherwise, `${path}.otherwise`);
      ctx.gives(otherwise);
    } else {
      ctx.report("warning", path, "gap", {
        en: "with a population threshold some values may get no grade (add a default grade)",
        zh: "使用总体阈值时部分取值可能没有等级（请添加默认等级）",
      });
    }
    return;
  }
  bands.forEach((b, k) => {
    ctx.grade(b.grade, `${path}[${k}].grade`);
    if (k > 0) {
      const prev = values[k - 1];
      const higherBetter = b.op === ">" || b.op === ">=";
      const sorted = higherBetter ? values[k] <= prev : values[k] >= prev;
      if (!sorted) {
        ctx.report("warning", `${path}[${k}].value`, "unsortedThresholds", {
          en: `thresholds are not sorted: ${fmt(values[k], unit)} comes after ${fmt(prev, unit)}`,
          zh: `阈值未排序：${fmt(values[k], unit)} 排在 ${fmt(prev, unit)} 之后`,
        });
      }
    }
    const own = intersect(fromCompare(b.op, values[k]), domain);
    const reach = subtract(own, covered);
    if (isEmpty(reach)) {
      const why = isEmpty(own)
        ? {
            en: `possible values are ${showSet(domain, unit)}, the band needs ${showOp(b.op)} ${fmt(values[k], unit)}`,
            zh: `可能的取值为 ${showSet(domain, unit)}，该等级需要 ${showOp(b.op)} ${fmt(values[k], unit)}`,
          }
        : { en: "earlier bands take all of its values", zh: "其取值已全部被前面的等级覆盖" };
      ctx.report("error", `${path}[${k}]`, "unreachable", {
        en: `grade ${b.grade} unreachable: ${why.en}`,
        zh: `等级 ${b.grade} 不可达：${why.zh}`,
      });
    } else ctx.gives(b.grade);
    covered = union(covered, own);
  });
  const rest = subtract(domain, covered);
  if (otherwise !== undefined) {
    ctx.grade(otherwise, `${path}.otherwise`);
    if (isEmpty(rest)) {
      ctx.report("warning", `${path}.otherwise`, "unreachable", {
        en: `default grade ${otherwise} is never given: the bands cover every possible value`,
        zh: `默认等级 ${otherwise} 永远不会出现：各等级已覆盖所有可能取值`,
      });
    } else ctx.gives(otherwise);
  } else if (!isEmpty(rest)) {
    ctx.report("error", path, "gap", {
      en: `values ${showSet(rest, unit)} get no grade (add a default grade or a band)`,
      zh: `取值 ${showSet(rest, unit)} 没有对应等级（请添加默认等级或阈值）`,
    });
  }
}

/** The domain of a number field from its declared range. */
export function fieldDomain(field: Field | undefined): IntervalSet {
  if (!field) return ALL;
  const lo = field.min ?? -Infinity;
  const hi = field.max ?? Infinity;
  return lo === -Infinity && hi === Infinity ? ALL : [{ lo, hi, loIn: lo !== -Infinity, hiIn: hi !== Infinity }];
}

/**
 * IR: the grade number of the first matching band of a (rounded) measure, or the otherwise grade,
 * or `na`. `computed`: the measure is a computed value (a score), so with `compactBands` the
 * bands are counted in one pass when they allow it.
 */
export function lowerBandIndex(ctx: LowerContext, m: Node, bands: readonly Band[], otherwise: string | undefined, computed: boolean): Node {
  const other = otherwise !== undefined ? num(ctx.gradeNo(otherwise)) : NA;
  if (bands.some((b) => isPopStat(b.value))) {
    // Population thresholds: one comparison per band with the threshold's node.
    let out = other;
    for (let k = bands.length - 1; k >= 0; k--) out = iff(cmp(bands[k].op, m, ctx.numNode(bands[k].value)), num(ctx.gradeNo(bands[k].grade)), out);
    return out;
  }
  const ts = bands.map((b) => ctx.num(b.value));
  if (computed && ctx.compactBands && bands.length > 1 && monotone(bands, ts)) {
    // Satisfied bands form a suffix of the list: the first match is band K - c + 1.
    const byOp = new Map<CmpOp, number[]>();
    bands.forEach((b, k) => byOp.set(b.op, [...(byOp.get(b.op) ?? []), ts[k]]));
    let count: Node | undefined;
    for (const [op, list] of byOp) {
      const c: Node = { k: "countTrue", a: m, op, ts: list };
      count = count ? arith("+", count, c) : c;
    }
    const opts = [other, ...bands.map((b) => num(ctx.gradeNo(b.grade))).reverse()];
    return { k: "choose", idx: arith("+", count!, num(1)), opts };
  }
  let out = other;
  for (let k = bands.length - 1; k >= 0; k--) out = iff(cmp(bands[k].op, m, num(ts[k])), num(ctx.gradeNo(bands[k].grade)), out);
  return out;
}

/** Whether a band matching implies the next one matching (then the matches are a suffix). */
function monotone(bands: readonly Band[], ts: readonly number[]): boolean {
  const up = (op: string) => op === ">" || op === ">=";
  const higher = up(bands[0].op);
  for (let k = 1; k < bands.length; k++) {
    const a = bands[k - 1];
    const b = bands[k];
    if (up(b.op) !== higher) return false;
    const strictlyNext = higher ? ts[k] < ts[k - 1] : ts[k] > ts[k - 1];
    const equalOk = ts[k] === ts[k - 1] && (b.op.endsWith("=") || !a.op.endsWith("="));
    if (!strictlyNext && !equalOk) return false;
  }
  return true;
}
