/**
 * Segments over several measures (RFM): each measure is high when the row is at least as good as
 * the population mean (compared at 9 decimals), else low; the segment table maps the high/low
 * pattern to a grade.
 */
import { round9 } from "../../eval/precision";
import { fmt, tr } from "../../text/display";
import { fillBoth, joinParts } from "../../text/format";
import type { CheckContext, ModelKind, ModelOf } from "../types";
import { lowerSegments } from "./compile";
import { SEGMENT_TEXT, segmentSay } from "./messages";
import { describeSegments } from "./describe";

type SegmentsModel = ModelOf<"segments">;

const key = (levels: readonly string[]) => levels.map((l) => (l === "high" ? "H" : "L")).join("");

/** Population means of each measure over the included rows (NaN when there is none). */
export function measureMeans(values: readonly Float64Array[], include: Uint8Array): number[] {
  return values.map((v) => {
    let s = 0;
    let c = 0;
    for (let i = 0; i < v.length; i++) {
      if (include[i] === 1 && v[i] === v[i]) {
        s += v[i];
        c++;
      }
    }
    return c > 0 ? s / c : NaN;
  });
}

export const segmentsKind: ModelKind<SegmentsModel> = {
  kind: "segments",
  title: { en: "Segments against the mean (RFM)", zh: "均值高低细分（RFM）" },
  summary: {
    en: "Each measure is high or low against the population mean; the pattern of highs and lows picks the segment.",
    zh: "每个指标与总体均值比较得出高或低，高低组合决定客户细分。",
  },
  scores: false,
  population: () => true,
  bind(model, ctx) {
    const cols = model.measures.map((m) => {
      const c = ctx.columns.get(m.field);
      if (!c || c.type !== "number") throw new Error(`segments need a number field '${m.field}'`);
      return c;
    });
    const means = measureMeans(
      cols.map((c) => c.v),
      ctx.valid,
    );
    const rmeans = means.map(round9);
    // Grade per pattern, indexed by a bit mask (bit m-1-k set when measure k is low).
    const m = model.measures.length;
    const byMask = new Int32Array(1 << m).fill(-1);
    const seen = new Uint8Array(1 << m);
    for (const sg of model.segments) {
      if (sg.levels.length !== m) continue;
      const mask = sg.levels.reduce((acc, l) => (acc << 1) | (l === "low" ? 1 : 0), 0);
      if (!seen[mask]) byMask[mask] = ctx.gradeIndex.get(sg.grade) ?? -1;
      seen[mask] = 1;
    }
    const vs = cols.map((c) => c.v);
    const lowerBetter = model.measures.map((ms) => ms.better === "lower");
    const high = (i: number, k: number) => {
      const x = round9(vs[k][i]);
      return lowerBetter[k] ? x <= rmeans[k] : x >= rmeans[k];
    };
    /** The row's pattern as a bit mask (bit m-1-k set when measure k is low). */
    const maskOf = (i: number) => {
      let mask = 0;
      for (let k = 0; k < m; k++) mask = (mask << 1) | (high(i, k) ? 0 : 1);
      return mask;
    };
    const levels = (i: number) => model.measures.map((_, k) => (high(i, k) ? "high" : "low"));
    return {
      grade: (i) => byMask[maskOf(i)],
      gradeAll(valid, out) {
        // Every row's mask at once, measure by measure, built in `out` itself (no array of its own:
        // on a million rows, fresh memory is most of the cost), then looked up in the table.
        for (let k = 0; k < m; k++) {
          const v = vs[k];
          const mean = rmeans[k];
          const bit = 1 << (m - 1 - k);
          const lower = lowerBetter[k];
          const first = k === 0;
          for (let i = 0; i < ctx.n; i++) {
            if (valid[i] !== 1) continue;
            const x = round9(v[i]);
            const low = lower ? !(x <= mean) : !(x >= mean);
            if (first) out[i] = low ? bit : 0;
            else if (low) out[i] |= bit;
          }
        }
        for (let i = 0; i < ctx.n; i++) if (valid[i] === 1) out[i] = byMask[out[i]];
      },
      error: (i) => ({ type: "#N/A", code: "noSegment", message: fillBoth(SEGMENT_TEXT.noSegment, { levels: key(levels(i)) }) }),
      explain(i, lang) {
        const parts = model.measures.map((m, k) => {
          const h = high(i, k);
          const x = cols[k].v[i];
          const op = m.better === "lower" ? (h ? "≤" : ">") : h ? "≥" : "<";
          const args = { measure: tr(m.label, lang), value: fmt(x, cols[k].field.unit), op, mean: fmt(Math.round(means[k] * 1e4) / 1e4, cols[k].field.unit) };
          return segmentSay(h ? "high" : "low", lang, args);
        });
        return segmentSay("segment", lang, { grade: ctx.gradeName(byMask[maskOf(i)], lang), parts: joinParts(parts, lang) });
      },
    };
  },
  check: checkSegments,
  lower: lowerSegments,
  describe: describeSegments,
  editor: {
    label: { en: "Segments against the mean (RFM)", zh: "均值高低细分（RFM）" },
    hint: {
      en: "Several measures, each high or low against the population mean; a table maps each pattern to a grade.",
      zh: "多个指标各自与总体均值比较得出高低；由组合表决定等级。",
    },
    form: false,
  },
};

function checkSegments(model: SegmentsModel, ctx: CheckContext): void {
  model.measures.forEach((m, k) => ctx.field(m.field, `model.measures[${k}].field`, ["number"]));
  const m = model.measures.length;
  const first = new Map<string, number>();
  model.segments.forEach((s, k) => {
    const path = `model.segments[${k}]`;
    ctx.grade(s.grade, `${path}.grade`);
    if (s.levels.length !== m) {
      ctx.report("error", `${path}.levels`, "levelCount", fillBoth(SEGMENT_TEXT.levelCount, { count: s.levels.length, measures: m }));
      return;
    }
    const kk = key(s.levels);
    if (first.has(kk)) {
      ctx.report("warning", path, "unreachable", fillBoth(SEGMENT_TEXT.duplicate, { first: first.get(kk)! + 1 }));
      return;
    }
    first.set(kk, k);
    ctx.gives(s.grade);
  });
  for (let p = 0; p < 1 << m; p++) {
    const levels = model.measures.map((_, k) => ((p >> (m - 1 - k)) & 1 ? "low" : "high"));
    if (!first.has(key(levels))) ctx.report("error", "model.segments", "gap", fillBoth(SEGMENT_TEXT.missing, { levels: key(levels) }));
  }
}
