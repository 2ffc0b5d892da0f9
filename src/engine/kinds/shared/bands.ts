/** Threshold bands on one number field: `VIP > 500000, Platinum >= 200000, ... otherwise Regular`. */
import { compare, numValue, showOp } from "../../eval/expr";
import { fmt, round9, tr, type Lang } from "../../text/display";
import { ALL, fromCompare, intersect, isEmpty, showSet, subtract, union, type IntervalSet } from "../../eval/intervals";
import { msg } from "../../text/messages";
import type { Band, Field, Model } from "../../template/schema";
import { makeError } from "../../input/table";
import type { CheckContext, ModelContext, ModelKind } from "../types";

type BandsModel = Extract<Model, { kind: "bands" }>;

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
): { grade(x: number): number; band(x: number): number; thresholds: number[] } {
  const m = bandMatcher(bands, ctx.params);
  const idx = bands.map((b) => ctx.gradeIndex.get(b.grade) ?? -1);
  const other = otherwise !== undefined ? ctx.gradeIndex.get(otherwise) ?? -1 : -1;
  return {
    thresholds: m.thresholds,
    band: m.match,
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
): string {
  if (k < 0) return msg("bandOtherwise", lang, { grade: gradeLabel, measure, value: fmt(x, unit) });
  return msg("bandFired", lang, {
    grade: gradeLabel,
    measure,
    value: fmt(x, unit),
    op: showOp(bands[k].op),
    threshold: fmt(thresholds[k], unit),
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

export const bandsKind: ModelKind<BandsModel> = {
  kind: "bands",
  title: { en: "Bands", zh: "阈值分级" },
  summary: {
    en: "Thresholds on one number, first match wins (higher or lower is better).",
    zh: "按单一数值的阈值分级，自上而下首个满足的等级生效。",
  },
  scores: false,
  population: () => false,
  bind(model, ctx) {
    const col = ctx.columns.get(model.field);
    if (!col || col.type !== "number") throw new Error(`bands need a number field '${model.field}'`);
    const v = col.v;
    const g = bandGrader(model.bands, model.otherwise, ctx);
    const label = (lang: Lang) => tr(col.field.label, lang);
    return {
      grade: (i) => g.grade(v[i]),
      error: (i) =>
        makeError("#N/A", "noBand", (l) => ({ measure: label(l), value: fmt(v[i], col.field.unit) }), model.field),
      explain(i, lang) {
        const gi = g.grade(v[i]);
        return describeBand(model.bands, g.band(v[i]), g.thresholds, label(lang), v[i], ctx.gradeName(gi, lang), col.field.unit, lang);
      },
    };
  },
  check(model, ctx) {
    const f = ctx.field(model.field, "model.field", ["number"]);
    checkBands(model.bands, model.otherwise, fieldDomain(f), ctx, "model.bands", f?.unit);
  },
};
