/**
 * The form layout model (src/forms): the MF/Q 102/A form as in the source, the fill-in form of any
 * template (validation per field type in the display language, grade/score formulas from the
 * compiler, one colour rule per grade, legend with actions, footer, print setup), refusals, and
 * the module's purity (no Node, DOM or Office).
 */
import * as fs from "fs";
import * as path from "path";
import { compileTemplate, type Template } from "../../src/engine";
import { compileFormulaRows } from "../../src/engine/compile";
import { areaA1, formLayout, headerFooterString, isFormRefusal, DEFAULT_FORM_ROWS, MAX_FORM_ROWS, type FormLayout } from "../../src/forms";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";
import { NOT_COMPILED } from "../support/compile-refusals";

function layoutOf(id: string, opts: Parameters<typeof formLayout>[1] = {}): FormLayout {
  const l = formLayout(getBuiltinTemplate(id)!, opts);
  if (isFormRefusal(l)) throw new Error(`refused: ${l.reason.en}`);
  return l;
}

const textAt = (l: FormLayout, row: number, col: number) => {
  const c = l.cells.find((x) => x.row === row && x.col === col);
  return c && "value" in c ? c.value : c && "formula" in c ? `=${c.formula}` : undefined;
};
const texts = (l: FormLayout) => l.cells.flatMap((c) => ("value" in c ? [String(c.value)] : []));

describe("MF/Q 102/A form", () => {
  const l = layoutOf("mfq-102a", { rows: 12, lang: "en" });

  test("laid out like the source: title, English subtitle, scope note, form number, columns, footer", () => {
    expect(l.kind).toBe("mfq-102a");
    expect(l.lang).toBe("zh-CN"); // Chinese whatever --lang says
    expect(textAt(l, 0, 0)).toBe("客户分类/等级划分表");
    expect(textAt(l, 1, 0)).toBe("Customer classification / grading form");
    expect(texts(l).some((s) => s.includes("聚合物移动电池和电芯客户") && s.includes("polymer mobile batteries and cells customers"))).toBe(true);
    expect(texts(l).filter((s) => s.includes("MF/Q 102/A")).length).toBeGreaterThanOrEqual(2); // top right and bottom
    expect(l.columns.map((c) => c.header)).toEqual(["客户名称", "地址", "法人代表", "联系电话", "主要产品", "交易过程分类", "累计订单次数", "累计订单量", "等级"]);
    expect(l.columns.map((c) => textAt(l, l.headerRow, l.columns.indexOf(c)))).toEqual(l.columns.map((c) => c.header));
    for (const label of ["记录：", "审核：", "日期："]) expect(texts(l)).toContain(label);
    expect(l.fieldColumns).toEqual({ orderCount: 6, orderVolume: 7 });
    expect(l.gradeColumn).toBe(8);
    expect(l.dataRows.last - l.dataRows.first + 1).toBe(12);
  });

  test("deal status drop-down, non-negative numbers with input and error messages", () => {
    const byCol = (c: number) => l.validations.find((v) => v.area.col === c)!;
    const status = byCol(5);
    expect(status.rule).toEqual({ kind: "list", items: ["曾经有过交易", "正在进行交易", "即将进行交易"] });
    expect(status.area).toEqual({ row: l.dataRows.first, col: 5, rows: 12, cols: 1 });
    for (const c of [6, 7]) {
      const v = byCol(c);
      expect(v.rule).toEqual({ kind: "decimal", min: 0, max: undefined });
      expect(v.prompt.title).toBe(l.columns[c].header);
      expect(v.prompt.message).toMatch(/≥ 0/);
      expect(v.prompt.message).toMatch(/必填/);
      expect(v.error.title).toBe("数字无效");
      expect(v.error.message).toContain(l.columns[c].header);
      expect(v.error.message).toMatch(/10万/);
    }
    expect(l.validations).toHaveLength(3);
  });

  test("grades: the compiler's excel-compat formulas, one colour rule per grade, errors in light red", () => {
    const t = getBuiltinTemplate("mfq-102a")!;
    const want = compileFormulaRows(t, { target: "excel-compat", columns: { orderCount: "G", orderVolume: "H" }, firstRow: l.dataRows.first + 1, lastRow: l.dataRows.last + 1 });
    expect(Array.isArray(want)).toBe(true);
    const formulas = l.cells.filter((c) => "formula" in c);
    expect(formulas).toEqual((want as { grade: string }[]).map((f, i) => ({ row: l.dataRows.first + i, col: 8, formula: f.grade })));
    expect(formulas.every((c) => "formula" in c && !/_xlfn|LET\(|IFS\(/.test(c.formula))).toBe(true);
    const grades = compileTemplate(t).grades;
    expect(l.conditionalFormats.filter((c) => c.kind === "equals")).toEqual(
      grades.map((g) => ({ kind: "equals", area: { row: l.dataRows.first, col: 8, rows: 12, cols: 1 }, text: g.id, fill: g.color, grade: g.id })),
    );
    expect(l.conditionalFormats[l.conditionalFormats.length - 1]).toEqual({ kind: "error", area: { row: l.dataRows.first, col: 8, rows: 12, cols: 1 }, fill: "#FFC7CE", fontColor: "#9C0006" });
  });

  test("frozen header, A4 landscape fitted to the width, header rows repeated, form number in header and footer", () => {
    expect(l.freeze).toEqual({ rows: l.headerRow + 1, cols: 0 });
    expect(l.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, titleRows: { first: 3, last: 4 }, centerHorizontally: true });
    expect(l.headerRow).toBe(4);
    expect(l.print.area).toEqual({ row: 0, col: 0, rows: l.height, cols: 9 });
    expect(headerFooterString(l.print.header)).toBe("&L客户分类/等级划分表&RMF/Q 102/A");
    expect(headerFooterString(l.print.footer)).toBe("&C第 &P 页，共 &N 页&RMF/Q 102/A");
  });

  test("legend: the source's definitions of A, B and C, in the grade colours", () => {
    const legendRows = l.cells.filter((c) => "value" in c && c.col === 0 && ["A", "B", "C"].includes(String(c.value)) && c.row > l.dataRows.last);
    expect(legendRows.map((c) => ("value" in c ? c.value : ""))).toEqual(["A", "B", "C"]);
    expect(String(textAt(l, legendRows[0].row, 1))).toMatch(/超过 5 次.*超过 100K/);
    expect(String(textAt(l, legendRows[1].row, 1))).toMatch(/10~100K/);
    const fillOf = (row: number) => l.styles.filter((s) => s.area.row === row && s.area.col === 0 && s.style.fill).map((s) => s.style.fill);
    expect(legendRows.map((c) => fillOf(c.row)[0])).toEqual(compileTemplate(getBuiltinTemplate("mfq-102a")!).grades.map((g) => g.color));
  });

  test("merges never overlap and stay inside the form; only top-left cells of merges hold values", () => {
    const covered = new Set<string>();
    for (const m of l.merges) {
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) {
          const k = `${r},${c}`;
          expect(covered.has(k)).toBe(false);
          covered.add(k);
          if (r !== m.row || c !== m.col) expect(textAt(l, r, c)).toBeUndefined();
        }
      expect(m.col + m.cols).toBeLessThanOrEqual(l.width);
      expect(m.row + m.rows).toBeLessThanOrEqual(l.height);
    }
    expect(l.merges.map((m) => areaA1(m))).toContain("A1:I1");
  });
});

describe("fill-in form of any template", () => {
  test("every built-in template the compiler expresses gets a form; the others are refused by name", () => {
    for (const id of NOT_COMPILED) {
      const l = formLayout(getBuiltinTemplate(id)!, { rows: 5 });
      if (!isFormRefusal(l)) throw new Error(`${id}: a form`);
      expect(l.reason.en).toContain(`'${id}'`);
    }
    for (const t of BUILTIN_TEMPLATES.filter((x) => !NOT_COMPILED.includes(x.id))) {
      const l = formLayout(t, { rows: 5 });
      if (isFormRefusal(l)) throw new Error(`${t.id}: ${l.reason.en}`);
      expect(l.columns.filter((c) => c.role === "field").map((c) => c.field)).toEqual(t.id === "mfq-102a" ? ["orderCount", "orderVolume"] : t.fields.map((f) => f.key));
      expect(l.cells.filter((c) => "formula" in c && c.col === l.gradeColumn)).toHaveLength(5);
      expect(l.conditionalFormats.filter((c) => c.kind === "equals")).toHaveLength(compileTemplate(t).grades.length);
    }
  });

  test("one column per field, with validation: ranges, category lists in the display language, yes/no", () => {
    const zh = layoutOf("need-close-5", { lang: "zh-CN" });
    const en = layoutOf("need-close-5", { lang: "en" });
    expect(zh.columns.map((c) => c.header)).toEqual(["客户名称", "需求", "预计成交月数", "等级", "备注"]);
    expect(en.columns.map((c) => c.header)).toEqual(["Customer", "Need", "Expected months to close", "Grade", "Notes"]);
    const list = (l: FormLayout, key: string) => l.validations.find((v) => v.area.col === l.fieldColumns[key])!;
    expect(list(zh, "need").rule).toEqual({ kind: "list", items: ["明显", "潜在", "无"] });
    expect(list(en, "need").rule).toEqual({ kind: "list", items: ["explicit", "potential", "none"] });
    expect(list(en, "closeMonths").rule).toEqual({ kind: "decimal", min: 0, max: undefined });
    expect(list(en, "closeMonths").prompt.message).toMatch(/except where it does not apply/);

    const risk = layoutOf("risk-3", { lang: "zh-CN" });
    for (const f of getBuiltinTemplate("risk-3")!.fields) expect(list(risk, f.key).rule).toEqual({ kind: "list", items: ["是", "否"] });
    expect(list(layoutOf("risk-3"), "overdue").rule).toEqual({ kind: "list", items: ["yes", "no"] });

    const real = layoutOf("realestate-6");
    expect(list(real, "strength").rule).toEqual({ kind: "decimal", min: 0, max: 15 });
    expect(list(real, "strength").prompt.message).toMatch(/from 0 to 15/);
    const pharma = layoutOf("pharma-score");
    expect(list(pharma, "grossMargin").rule).toEqual({ kind: "decimal", min: undefined, max: 1 });
    expect(list(pharma, "grossMargin").prompt.message).toMatch(/≤ 100%.*12\.5%/);
    const sp = layoutOf("sales-pipeline", { lang: "zh-CN" });
    expect(list(sp, "closeMonths").prompt.message).toMatch(/与“预计月度成交金额”至少填写一项/);
    for (const v of [...zh.validations, ...real.validations, ...pharma.validations]) {
      expect([...v.prompt.title].length).toBeLessThanOrEqual(32);
      expect([...v.error.title].length).toBeLessThanOrEqual(32);
      expect([...v.prompt.message].length).toBeLessThanOrEqual(255);
      expect([...v.error.message].length).toBeLessThanOrEqual(255);
    }
  });

  test("score column for scorecards; legend lists the grades with their follow-up actions", () => {
    const pharma = layoutOf("pharma-score");
    expect(pharma.scoreColumn).toBe(pharma.gradeColumn - 1);
    expect(pharma.cells.filter((c) => "formula" in c && c.col === pharma.scoreColumn)).toHaveLength(DEFAULT_FORM_ROWS);
    const l = layoutOf("relationship-4", { lang: "zh-CN" });
    for (const g of getBuiltinTemplate("relationship-4")!.grades) expect(texts(l)).toContain(g.action!.zh);
    for (const label of ["记录：", "审核：", "日期："]) expect(texts(l)).toContain(label);
    expect(texts(layoutOf("relationship-4"))).toEqual(expect.arrayContaining(["Recorded by:", "Reviewed by:", "Date:"]));
  });

  test("population templates rank the form's own rows (ranges over the data rows), and say so", () => {
    const l = layoutOf("weighted-value", { rows: 10 });
    const first = l.dataRows.first + 1;
    const last = l.dataRows.last + 1;
    const grade = l.cells.find((c) => "formula" in c && c.col === l.gradeColumn)!;
    expect("formula" in grade && grade.formula).toContain(`$${"C"}$${first}:$C$${last}`);
    expect(l.notes).toHaveLength(1);
    expect(texts(l).some((s) => s.includes("depends on all the rows"))).toBe(true);
  });

  test("code templates: legend of the colour part's codes; one rule per code", () => {
    const l = layoutOf("tobacco-retail-code");
    expect(l.conditionalFormats.filter((c) => c.kind === "equals").length).toBe(compileTemplate(getBuiltinTemplate("tobacco-retail-code")!).grades.length);
    expect(texts(l)).toEqual(expect.arrayContaining(["1", "2", "3", "X"]));
  });

  test("words that cannot be an inline list (commas, too long) are listed right of the printed area", () => {
    const t: Template = {
      ...getBuiltinTemplate("relationship-4")!,
      id: "commas",
      fields: [
        {
          key: "stage",
          label: { en: "Stage", zh: "阶段" },
          type: "category",
          categories: [
            { value: "committed", label: { en: "committed, able to pay", zh: "明确" } },
            { value: "hesitant", label: { en: "hesitant", zh: "犹豫" } },
            { value: "latent", label: { en: "latent", zh: "潜在" } },
            { value: "refused", label: { en: "refused", zh: "拒绝" } },
          ],
        },
      ],
    };
    const l = formLayout(t, { rows: 4 }) as FormLayout;
    expect(isFormRefusal(l)).toBe(false);
    const v = l.validations[0];
    expect(v.rule).toMatchObject({ kind: "list", items: ["committed, able to pay", "hesitant", "latent", "refused"], source: { row: l.headerRow + 1, col: l.width + 1, rows: 4, cols: 1 } });
    expect(textAt(l, l.headerRow + 1, l.width + 1)).toBe("committed, able to pay");
    expect(l.print.area.cols).toBe(l.width);
    expect((formLayout(t, { rows: 4, lang: "zh-CN" }) as FormLayout).validations[0].rule).toEqual({ kind: "list", items: ["明确", "犹豫", "潜在", "拒绝"] });
  });

  test("refusals: bad row counts, and templates the compiler refuses (with its reason)", () => {
    const t = getBuiltinTemplate("spend-5")!;
    for (const rows of [0, -1, 1.5, MAX_FORM_ROWS + 1]) {
      const r = formLayout(t, { rows });
      expect(isFormRefusal(r) && r.code).toBe("badOptions");
    }
    const code = getBuiltinTemplate("tobacco-retail-code")!;
    const refused = formLayout({ ...code, id: "code-with-cap", post: [{ cap: "Z111", when: { field: "chain", is: "yes" } }] } as Template);
    expect(isFormRefusal(refused)).toBe(true);
    if (isFormRefusal(refused)) {
      expect(refused.code).toBe("notExpressible");
      expect(refused.reason.en).toMatch(/post adjustments on a code template/);
      expect(refused.reason.zh).toMatch(/后置调整/);
    }
  });
});

describe("purity", () => {
  test("src/forms imports only itself and the engine (no Node, DOM, React or Office)", () => {
    const dir = path.join(__dirname, "..", "..", "src", "forms");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const i of imports) expect([f, i, /^\.\/|^\.\.\/engine(\/compile)?$/.test(i)]).toEqual([f, i, true]);
      expect([f, /\b(document|window|process|require|Excel|Office)\s*[.(]/.test(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))]).toEqual([f, false]);
    }
  });
});
