/**
 * Template details in words (`describeTemplate`, each kind's describer): rules, criteria and
 * cut-offs in English and Chinese, and which numbers are the source's and which are example defaults.
 */
import { describeTemplate, MODEL_KINDS, type Template } from "../../src/engine";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

const builtin = (id: string): Template => getBuiltinTemplate(id)!;

describe("describeTemplate", () => {
  test("every kind has a describer, and every built-in template is described in both languages", () => {
    for (const k of Object.values(MODEL_KINDS)) expect(typeof k.describe).toBe("function");
    for (const t of BUILTIN_TEMPLATES) {
      for (const lang of ["en", "zh-CN"] as const) {
        const d = describeTemplate(t, lang);
        // every grade the model gives is named with its rule, except code templates (codes are the grades)
        if (t.model.kind !== "code") for (const g of t.grades.filter((x) => t.model.kind !== "rules" || d.grades.some((y) => y.grade === x.id))) expect(d.grades.find((x) => x.grade === g.id)?.when).toBeTruthy();
        else expect(d.lines.length).toBeGreaterThan(0);
        expect(d.numbersNote).not.toBe("");
        const all = [...d.lines, ...d.grades.map((g) => g.when), ...d.adjustments, d.numbersNote].join("\n");
        expect([t.id, lang, /\{\w+\}|undefined|NaN|\[object/.test(all)]).toEqual([t.id, lang, false]);
        if (lang === "zh-CN") {
          // no space between two Chinese characters, no ASCII colon after Chinese
          expect([t.id, all.match(/[\u4e00-\u9fff] [\u4e00-\u9fff]/g)]).toEqual([t.id, null]);
          expect([t.id, all.match(/[\u4e00-\u9fff]:/g)]).toEqual([t.id, null]);
        }
      }
    }
  });

  test("bands: thresholds with the field and its unit, then the otherwise grade", () => {
    const en = describeTemplate(builtin("spend-5"), "en");
    expect(en.grades.map((g) => `${g.grade}: ${g.when}`)).toEqual([
      "VIP: Annual spend > 500,000",
      "Platinum: Annual spend ≥ 200,000",
      "Gold: Annual spend ≥ 100,000",
      "Silver: Annual spend ≥ 50,000",
      "Regular: otherwise",
    ]);
    const zh = describeTemplate(builtin("spend-5"), "zh-CN");
    expect(zh.grades.map((g) => `${g.label}：${g.when}`)).toEqual(["VIP：年消费额 > 500,000", "白金：年消费额 ≥ 200,000", "金卡：年消费额 ≥ 100,000", "银卡：年消费额 ≥ 50,000", "普通：其余"]);
    expect(zh.numbersNote).toBe("阈值与分值均为来源规定。");
  });

  test("rules: conditions in words; parameters with their default and name; floors after the model", () => {
    const need = describeTemplate(builtin("need-close-5"), "zh-CN");
    expect(need.grades.find((g) => g.grade === "A")!.when).toBe("需求为明显且预计成交月数 ≤ 1");
    const lifecycle = describeTemplate(builtin("lifecycle-5"), "en");
    expect(lifecycle.grades.find((g) => g.grade === "dormant")!.when).toMatch(/> 180 \(.+\)/);
    expect(lifecycle.numbersNote).toMatch(/^Example defaults .*180 days/);
    const bocom = describeTemplate(builtin("bocom-tier"), "en");
    expect(bocom.adjustments).toEqual([expect.stringMatching(/^raised to at least VIP when .* is yes$/)]);
  });

  test("scorecards: one line per criterion with its points and weight, the score, the cut-offs; example defaults named", () => {
    const pharma = describeTemplate(builtin("pharma-score"), "en");
    expect(pharma.lines).toHaveLength(builtin("pharma-score").model.kind === "scorecard" ? 10 : 0);
    expect(pharma.lines[5]).toBe("Key product share: ≥ 60% → 15, ≥ 55% → 12, ≥ 50% → 9, ≥ 45% → 6, ≥ 40% → 3, otherwise 0 (0–15 points)");
    expect(pharma.lines[7]).toBe("Purchase method: planned 5, consulted 3, other 0 (0–5 points)");
    expect(pharma.grades.map((g) => g.when)).toEqual(["score > 90", "score > 80", "score > 70", "otherwise"]);
    const multi = describeTemplate(builtin("multi-factor-5"), "zh-CN");
    expect(multi.lines[0]).toBe("购买行为：人工填写（购买行为得分）（0–100 分），权重 30%");
    expect(multi.grades[0].when).toBe("得分 ≥ 90");
    expect(multi.exampleDefaults).toHaveLength(1);
    expect(multi.numbersNote).toMatch(/^示例默认值.*≥ 90 \/ ≥ 80 \/ ≥ 70 \/ ≥ 60 为示例默认值/);
    const weighted = describeTemplate(builtin("weighted-value"), "en");
    expect(weighted.grades.map((g) => g.when)).toEqual(["top 20% by score", "next 60% by score (to the top 80%)", "the rest by score"]);
    const realestate = describeTemplate(builtin("realestate-6"), "en");
    expect(realestate.exampleDefaults).toEqual([]);
    expect(realestate.numbersNote).toBe("The thresholds and points are the source's.");
  });

  test("grouped scorecards, shares, segments and codes", () => {
    const bank = describeTemplate(builtin("bank-credit-5"), "en");
    expect(bank.lines[0]).toMatch(/^Operations \(30%\): the mean of Registered capital, /);
    expect(bank.numbersNote).toMatch(/the weights \(30\/15\/20\/25\/10\) and the bands \(90\/80\/70\/60\) are example defaults/);
    const share = describeTemplate(builtin("value-share-3"), "en");
    expect(share.grades[0].when).toMatch(/less than 70%/);
    const rfm = describeTemplate(builtin("rfm-8"), "zh-CN");
    expect(rfm.grades[0].when).toBe("R高、F高、M高");
    const code = describeTemplate(builtin("tobacco-retail-code"), "en");
    expect(code.lines[0]).toMatch(/^The grade is a code made of: Business format \(grocery store Z, /);
  });

  test("a custom template's own numbers are described as they are", () => {
    const t: Template = { ...builtin("spend-5"), id: "mine", readings: [], model: { kind: "bands", field: "annualSpend", bands: [{ grade: "VIP", op: ">=", value: 1234.5 }], otherwise: "Regular" } };
    expect(describeTemplate(t, "en").grades).toEqual([
      { grade: "VIP", label: "VIP", when: "Annual spend ≥ 1,234.5" },
      { grade: "Regular", label: "Regular", when: "otherwise" },
    ]);
  });
});
