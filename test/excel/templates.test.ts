/**
 * Every built-in template, on its sample table with English and with Chinese headers, through the
 * adapter against the in-memory host: find the table, map the fields, apply (= engine gradeTable
 * on the same rows), colours, bad rows, undo.
 */
import { BAD_INPUT_STYLE, createWorkbookActions } from "../../src/excel";
import { compileTemplate, type Lang } from "../../src/engine";
import type { ExcelHost } from "../../src/host";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { col, expectedGrade, labelledHeaders, oracle, sample, seededHost } from "./helpers";

const cases: { id: string; headers: "en" | "zh"; lang: Lang }[] = BUILTIN_TEMPLATES.flatMap((t) => [
  { id: t.id, headers: "en" as const, lang: "en" as Lang },
  { id: t.id, headers: "zh" as const, lang: "zh-CN" as Lang },
]);

describe.each(cases)("$id with $headers headers (output $lang)", ({ id, headers, lang }) => {
  const t = BUILTIN_TEMPLATES.find((x) => x.id === id)!;
  const compiled = compileTemplate(t);
  const s = sample(id);
  const heads = labelledHeaders(t, s.headers, headers);
  const width = heads.length;
  const n = s.rows.length;

  function setup(): ExcelHost {
    const host = seededHost([heads, ...s.rows]);
    // select a cell in the middle of the table: the region around it is the table
    host.setSelection("Data", "B3");
    return host;
  }

  test("readSelection finds the table and maps every field; apply writes the engine's grades with colours; undo restores", async () => {
    const host = setup();
    const actions = createWorkbookActions(host.Excel);
    const before = host.snapshot();

    const read = await actions.readSelection(t);
    expect(read.table).toMatchObject({ sheet: "Data", address: `Data!A1:${col(width - 1)}${n + 1}`, hasHeader: true, rowCount: n, columnCount: width });
    expect(read.table.headers).toEqual(heads);
    expect(read.match.missing).toEqual([]);
    for (const f of t.fields) expect(read.match.mapping[f.key]).toBe(heads.indexOf(headers === "en" ? f.label.en : f.label.zh));
    expect(read.rows).toEqual(host.getValues("Data", `A2:${col(width - 1)}${n + 1}`));
    expect(host.snapshot()).toEqual(before); // reading changes nothing

    const res = await actions.apply({ template: t, mapping: read.match.mapping, lang, table: read.table });
    const expected = oracle(t, read.rows, read.match.mapping);
    const kinds = ["grade", ...(compiled.scores ? ["score"] : []), "reason"];
    const g = width; // first output column
    expect(res).toMatchObject({ status: "applied", address: `Data!${col(g)}1:${col(g + kinds.length - 1)}${n + 1}`, rowsGraded: n });
    if (res.status === "needsConfirmation") throw new Error("unexpected");
    const out = host.getValues("Data", `${col(g)}1:${col(g + kinds.length - 1)}${n + 1}`);
    expect(out[0]).toEqual(kinds.map((k) => ({ grade: { en: "Grade", "zh-CN": "等级" }, score: { en: "Score", "zh-CN": "得分" }, reason: { en: "Reason", "zh-CN": "原因" } })[k]![lang]));
    const badRows: { row: number; address: string; reason: string }[] = [];
    for (let i = 0; i < n; i++) {
      const row = out[i + 1];
      const want: (string | number)[] = [expectedGrade(expected, i, lang)];
      if (compiled.scores) want.push(expected.score(i) ?? "");
      want.push(expected.reason(i, lang));
      expect(row).toEqual(want);
      const gradeCell = `${col(g)}${i + 2}`;
      const reasonCell = `${col(g + kinds.length - 1)}${i + 2}`;
      const st = expected.status(i);
      if (st === "graded") {
        expect(host.getCell("Data", gradeCell).effectiveFill).toBe(expected.row(i).color);
        expect(host.getCell("Data", reasonCell).effectiveFill).toBeNull();
      } else {
        expect(host.getCell("Data", gradeCell).effectiveFill).toBeNull();
        if (st === "error") {
          const e = expected.error(i)!;
          const c = e.field !== undefined ? read.match.mapping[e.field] : undefined;
          badRows.push({ row: i, address: c !== undefined ? `Data!${col(c)}${i + 2}` : `Data!${gradeCell}`, reason: expected.reason(i, lang) });
          expect(host.getCell("Data", reasonCell)).toMatchObject({
            effectiveFill: BAD_INPUT_STYLE.fill,
            effectiveFont: expect.objectContaining({ italic: true, color: BAD_INPUT_STYLE.fontColor }),
          });
        } else {
          expect(row[row.length - 1]).toBe(lang === "zh-CN" ? "无数据" : "no data");
          expect(host.getCell("Data", reasonCell).effectiveFill).toBeNull();
        }
      }
    }
    // the samples all hold a blank row and junk: both are exercised
    expect(res.empty).toBeGreaterThanOrEqual(1);
    expect(res.badRows).toEqual(badRows);
    expect(res.errors).toBe(badRows.length);
    expect(res.counts.map((c) => c.count)).toEqual(expected.counts().grades.map((c) => c.count));
    // one rule per grade on the grade cells only, plus one for bad rows
    const cfs = host.snapshot().sheets[0].conditionalFormats;
    expect(cfs).toHaveLength(compiled.grades.length + 1);
    for (const cf of cfs.filter((x) => x.type === "CellValue")) expect(cf.ranges).toEqual([`${col(g)}2:${col(g)}${n + 1}`]);
    expect(await actions.canUndo()).toBe(true);

    expect(await actions.undoLastApply()).toEqual({ restored: true, address: `Data!${col(g)}1:${col(g + kinds.length - 1)}${n + 1}` });
    expect(host.snapshot()).toEqual(before);
    expect(await actions.canUndo()).toBe(false);
    expect(await actions.undoLastApply()).toEqual({ restored: false });
  });

  test("non-empty target cells: asks first and writes nothing; confirmed, writes; undo brings the old contents back", async () => {
    const host = setup();
    const actions = createWorkbookActions(host.Excel);
    const read = await actions.readSelection(t);
    const k = compiled.scores ? 3 : 2;
    const g = width;
    // someone typed into the output area after the table was read
    host.setCell("Data", `${col(g)}3`, { value: "keep me", fill: "#00B050", font: { bold: true } });
    host.setFormulas("Data", `${col(g + k - 1)}${n + 1}`, [["=1+1"]]);
    host.setCell("Data", `${col(g + 1)}1`, { value: "007" });
    const before = host.snapshot();
    const ask = await actions.apply({ template: t, mapping: read.match.mapping, lang, table: read.table });
    expect(ask).toEqual({ status: "needsConfirmation", cellsToReplace: 3, address: `Data!${col(g)}1:${col(g + k - 1)}${n + 1}` });
    expect(host.snapshot()).toEqual(before);
    const res = await actions.apply({ template: t, mapping: read.match.mapping, lang, table: read.table, confirmOverwrite: true });
    expect(res.status).toBe("applied");
    const expected = oracle(t, read.rows, read.match.mapping);
    expect(host.getValues("Data", `${col(g)}3`)[0][0]).toBe(expectedGrade(expected, 1, lang));
    expect(host.getFormulas("Data", `${col(g + k - 1)}${n + 1}`)[0][0]).toBe(expected.reason(n - 1, lang));
    await actions.undoLastApply();
    expect(host.snapshot()).toEqual(before);
    expect(host.getCell("Data", `${col(g + 1)}1`)).toMatchObject({ value: "007", valueType: "String" });
  });
});
