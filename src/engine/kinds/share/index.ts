/**
 * Cumulative-share tiers (ABC analysis): rows ranked by a positive amount (within groups if
 * given); a row's tier is decided by the share of the total held by larger amounts.
 */
import { numValue } from "../../eval/expr";
import { fmt } from "../../text/display";
import { fillBoth } from "../../text/format";
import type { Lang } from "../../text/lang";
import { groupIds, groupLabel } from "../shared/tiers";
import { msg } from "../../text/messages";
import type { ModelKind, ModelOf } from "../types";
import { lowerShare } from "./compile";
import { SHARE_TEXT, shareSay } from "./messages";
import { shareTiers } from "./tiers";
import { describeShare } from "./describe";

const pct = (x: number) => fmt(Math.round(x * 1e6) / 1e4) + "%";

export const shareKind: ModelKind<ModelOf<"share">> = {
  kind: "share",
  title: { en: "Cumulative-share tiers (ABC)", zh: "累计占比分级（ABC）" },
  summary: {
    en: "Rows ranked by a positive amount (within groups if given): the largest amounts that make up the first share of the total get the first grade, and so on.",
    zh: "按正数金额排序（可分组）：合计占总额前若干比例的大额客户为第一级，依此类推。",
  },
  scores: true,
  population: () => true,
  bind(model, ctx) {
    const col = ctx.columns.get(model.field);
    if (!col || col.type !== "number") throw new Error(`share needs a number field '${model.field}'`);
    const gcol = model.groupBy ? ctx.columns.get(model.groupBy) : undefined;
    // The group column is used when some row has a group; a blank group is then no grade.
    const grouped = gcol !== undefined && gcol.blank.some((b) => b === 0);
    const groups = grouped ? groupIds(gcol, ctx.n) : undefined;
    const shares = model.shares.map((s) => numValue(s, ctx.params));
    const t = shareTiers(col.v, shares, ctx.valid, groups);
    const groupText = (i: number, lang: Lang) => {
      const g = grouped ? groupLabel(gcol, i, lang) : undefined;
      return g ? msg("inGroup", lang, { group: g }) : "";
    };
    return {
      grade: (i) => t.tier[i],
      score: (i) => (t.tier[i] >= 0 ? t.share[i] * 100 : NaN),
      error() {
        const f = gcol ?? col;
        return { type: "#N/A", code: "groupBlank", field: f.field.key, message: fillBoth(SHARE_TEXT.groupBlank, { field: f.field.label.en }, { field: f.field.label.zh }) };
      },
      explain(i, lang) {
        const k = t.tier[i];
        const grade = ctx.gradeName(k, lang);
        const value = fmt(col.v[i], col.field.unit);
        if (!(col.v[i] > 0)) return shareSay("notPositive", lang, { grade, value });
        const before = pct(t.before[i]);
        const rule =
          k < shares.length
            ? shareSay("below", lang, { before, cut: pct(shares[k]) })
            : shareSay("atLeast", lang, { before, cut: pct(shares[shares.length - 1]) });
        return shareSay("tier", lang, {
          grade,
          value,
          share: pct(t.share[i]),
          total: fmt(t.total[i], col.field.unit),
          group: groupText(i, lang),
          before,
          cum: pct(t.before[i] + t.share[i]),
          rule,
        });
      },
    };
  },
  check(model, ctx) {
    ctx.field(model.field, "model.field", ["number"]);
    if (model.groupBy) ctx.field(model.groupBy, "model.groupBy", ["category", "text", "yesno"]);
    const values = model.shares.map((s, k) => ctx.num(s, `model.shares[${k}]`));
    values.forEach((v, k) => {
      if (!(v > 0 && v <= 1)) ctx.report("error", `model.shares[${k}]`, "shareRange", fillBoth(SHARE_TEXT.outOfRange, { value: fmt(v) }));
      if (k > 0 && !(v > values[k - 1])) ctx.report("error", `model.shares[${k}]`, "unsortedShares", SHARE_TEXT.unsorted);
    });
    const grades = ctx.template.grades.length;
    if (values.length + 1 !== grades) {
      ctx.report("error", "model.shares", "shareCount", fillBoth(SHARE_TEXT.shareCount, { count: values.length, tiers: values.length + 1, grades }));
    }
    ctx.template.grades.forEach((g) => ctx.gives(g.id));
  },
  lower: lowerShare,
  describe: describeShare,
  editor: {
    label: { en: "Cumulative-share tiers (ABC)", zh: "累计占比分级（ABC）" },
    hint: {
      en: "One amount column; shares of the total (e.g. 70% / 90%) split the grades, best first.",
      zh: "一个金额列；按占总额的累计比例（如 70% / 90%）划分等级，从好到差。",
    },
    form: false,
  },
};
