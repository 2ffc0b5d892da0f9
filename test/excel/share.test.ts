/**
 * "Prepare to share" on the in-memory host: the check finds every GK formula (blocks and scalars,
 * built-in and stored templates) and says what each becomes; converting replaces them (portable
 * formulas that give what GradeKit showed, values where they cannot), and one undo restores every
 * formula exactly.
 */
import { createWorkbookActions, type ShareCheckResult } from "../../src/excel";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { planShare, type LoadedSheet } from "../../src/excel/share/plan";
import { evaluatorFor, FORMULAS, shareWorkbook, UNCONVERTIBLE } from "./share-workbook";

const addr = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;

/** Every formula cell of the workbook, as "Sheet!A1" -> formula. */
function formulasOf(host: ExcelHost): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of host.snapshot().sheets) for (const [a, f] of Object.entries(s.formulas)) out[`${s.name}!${a}`] = f;
  return out;
}

describe("Prepare to share: the check", () => {
  let host: ExcelHost;
  let check: ShareCheckResult;
  beforeAll(async () => {
    host = await shareWorkbook();
    const before = JSON.stringify(host.snapshot());
    const syncs = host.stats.syncs;
    check = await createWorkbookActions(host.Excel).shareCheck();
    expect(host.stats.syncs - syncs).toBe(4); // template part ids, their XML, used range sizes, contents
    expect(JSON.stringify(host.snapshot())).toBe(before); // read-only
  });

  test("finds every GK formula, on every sheet", () => {
    expect(check.formulas).toBe(FORMULAS.length);
    expect(check.items.map((i) => i.address).sort()).toEqual(FORMULAS.map(addr).sort());
    expect(check.sheets).toEqual(["Data", "Team"]);
    expect(check.target).toBe("excel-compat");
  });

  test("blocks fill their spill area; scalars one cell", () => {
    const area = (a: string) => check.items.find((i) => i.address === a)?.area;
    expect(area("Data!C2")).toBe("Data!C2:C11");
    expect(area("Data!I2")).toBe("Data!I2:I11");
    expect(area("Data!K2")).toBe("Data!K2:K11");
    expect(area("Team!B2")).toBe("Team!B2:B7");
    expect(area("Data!D5")).toBe("Data!D5");
    expect(area("Data!L3")).toBe("Data!L3");
    expect(area("Data!N4")).toBe("Data!N4");
    expect(check.cells).toBe(10 + 10 + 10 + 10 + 10 + 10 + 10 + 3 + 6 + 6);
  });

  test("names each cell that cannot be converted, and why", () => {
    const values = check.items.filter((i) => i.becomes === "value");
    expect(values.map((i) => i.address).sort()).toEqual(UNCONVERTIBLE);
    expect(check.toValues).toBe(3);
    expect(check.toFormulas).toBe(FORMULAS.length - 3);
    const why = (a: string) => values.find((i) => i.address === a)!.reason!;
    expect(why("Data!M2").en).toMatch(/EXPLAIN/);
    expect(why("Data!M3").en).toMatch(/no template “no-such-template”/);
    expect(why("Data!M3").zh).toMatch(/找不到模板/);
    expect(why("Data!M4").en).toMatch(/larger formula/);
    for (const v of values) expect(v.preview).toBe(String(host.getValues("Data", v.address.split("!")[1])[0][0]));
  });

  test("templates: built-in by id or name, stored in the workbook", () => {
    const t = (a: string) => check.items.find((i) => i.address === a)!.template;
    expect(t("Data!C2")).toBe("sales-pipeline");
    expect(t("Data!D2")).toBe("sales-pipeline");
    expect(t("Data!J2")).toBe("weighted-value");
    expect(t("Team!B2")).toBe("team-spend");
    expect(t("Team!C4")).toBe("team-spend");
    expect(check.items.find((i) => i.address === "Data!C2")!.preview).toMatch(/^=IF\(/);
    expect(check.formulaRuns).toEqual([
      { area: "Data!C2:C11", formulas: 1, fn: "GRADE", template: "sales-pipeline" },
      { area: "Data!D2:D11", formulas: 10, fn: "GRADE", template: "sales-pipeline" },
      { area: "Data!I2:I11", formulas: 1, fn: "SCORE", template: "weighted-value" },
      { area: "Data!J2:J11", formulas: 1, fn: "GRADE", template: "weighted-value" },
      { area: "Data!K2:K11", formulas: 1, fn: "PERCENTILE_TIER" },
      { area: "Data!L2:L11", formulas: 10, fn: "TIER" },
      { area: "Data!N2:N11", formulas: 10, fn: "PERCENTILE_TIER" },
      { area: "Team!B2:B7", formulas: 1, fn: "GRADE", template: "team-spend" },
      { area: "Team!C2:C7", formulas: 6, fn: "GRADE", template: "team-spend" },
    ]);
  });

  test("Excel 365 target: the same cells, formulas with LET", async () => {
    const c365 = await createWorkbookActions(host.Excel).shareCheck({ target: "excel" });
    expect(c365.toFormulas).toBe(check.toFormulas);
    expect(c365.items.find((i) => i.address === "Data!J2")!.preview).toMatch(/LET\(/);
  });
});

describe("Prepare to share: convert and undo", () => {
  test("replaces every GK formula; the formulas give what GradeKit showed; one undo restores every formula", async () => {
    const host = await shareWorkbook();
    const actions = createWorkbookActions(host.Excel);
    const ev = evaluatorFor(() => host);
    const original = host.snapshot();
    const originalFormulas = formulasOf(host);
    // what GradeKit shows: every GK formula evaluated (whole spilled arrays)
    const shown = new Map(FORMULAS.map((f) => [addr(f), ev.evaluate(f.formula, f.sheet, Number(f.cell.slice(1)) - 1, f.cell.charCodeAt(0) - 65)]));

    const r = await actions.prepareToShare();
    expect(r.replaced).toBe(true);
    expect(r.formulas).toBe(FORMULAS.length);
    const after = formulasOf(host);
    expect(Object.values(after).filter((f) => /GK\./i.test(f))).toEqual([]);
    expect(await actions.canUndo()).toBe(true);

    for (const item of r.items) {
      const [sheet, ref] = item.area.split("!");
      const [from, to] = ref.split(":");
      const col = from.charCodeAt(0) - 65;
      const r0 = Number(from.slice(1)) - 1;
      const r1 = Number((to ?? from).slice(1)) - 1;
      const want = shown.get(item.address)!;
      for (let row = r0; row <= r1; row++) {
        const a = `${sheet}!${String.fromCharCode(65 + col)}${row + 1}`;
        const expected = want[row - r0]?.[0] ?? "";
        if (item.becomes === "value") {
          expect([a, after[a]]).toEqual([a, undefined]); // a value, no formula
          expect([a, host.getValues(sheet, a.split("!")[1])[0][0]]).toEqual([a, expected]);
          continue;
        }
        const f = after[a];
        expect(f).toMatch(/^=/);
        const got = ev.evaluate(f, sheet, row, col)[0][0];
        if (typeof expected === "number") expect([a, Math.abs((got as number) - expected) < 1e-9]).toEqual([a, true]);
        else expect([a, got]).toEqual([a, expected]);
      }
    }

    const u = await actions.undoLastApply();
    expect(u.restored).toBe(true);
    expect(formulasOf(host)).toEqual(originalFormulas);
    expect(host.snapshot().sheets).toEqual(original.sheets);
    expect(await actions.canUndo()).toBe(false);
  });

  test("cells edited since are named before undo puts the formulas back", async () => {
    const host = await shareWorkbook();
    const actions = createWorkbookActions(host.Excel);
    const originalFormulas = formulasOf(host);
    await actions.prepareToShare({ target: "excel" });
    expect(Object.values(formulasOf(host)).some((f) => /LET\(/.test(f))).toBe(true);
    host.setValues("Data", "C5", [["typed over"]]);
    const asked = await actions.undoLastApply();
    expect(asked.restored).toBe(false);
    expect(asked.edited).toEqual([{ address: "Data!C5", now: "typed over" }]);
    const done = await actions.undoLastApply({ confirmEdits: true });
    expect(done.restored).toBe(true);
    expect(formulasOf(host)).toEqual(originalFormulas);
  });

  test("a workbook without GK formulas: nothing to do, nothing to undo", async () => {
    const host = await shareWorkbook();
    await host.Excel.run(async (context) => {
      for (const s of ["Data", "Team"]) context.workbook.worksheets.getItem(s).getRange("B2:N11").clear("Contents");
      await context.sync();
    });
    const actions = createWorkbookActions(host.Excel);
    const r = await actions.prepareToShare();
    expect(r).toMatchObject({ replaced: false, formulas: 0, items: [] });
    expect(await actions.canUndo()).toBe(false);
  });
});

test("a sheet past one read (60,000 rows): read in blocks under Excel's 5 MB payload limit, the block at its end found", async () => {
  const host = createExcelHost({ sheets: ["Big"] });
  const n = 60_000;
  host.setValues("Big", "A1", Array.from({ length: n }, (_, i) => [(i % 13) + 0.5, 1000 * (i % 97), `customer number ${i} of a long list`]));
  await host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Big").getRange(`D${n - 9}`).formulas = [[`=GK.GRADE("sales-pipeline",A${n - 9}:B${n})`]];
    await context.sync();
  });
  const syncs = host.stats.syncs;
  const check = await createWorkbookActions(host.Excel).shareCheck();
  expect(host.stats.syncs - syncs).toBeGreaterThan(3);
  expect(host.stats.largestBatch?.responseBytes).toBeLessThan(5 * 1024 * 1024);
  expect(check.items.map((i) => [i.area, i.becomes])).toEqual([[`Big!D${n - 9}:D${n}`, "formula"]]);
});

describe("Prepare to share: what cannot be converted (the plan, pure)", () => {
  const sheet = (formulas: unknown[][], values: unknown[][]): LoadedSheet => ({ name: "S", r0: 0, c0: 0, formulas, values });
  const one = (formula: string, values: unknown[][], target: "excel" | "excel-compat" = "excel-compat") => {
    const formulas = values.map((row, i) => row.map((v, j) => (i === 0 && j === row.length - 1 ? formula : v)));
    const plan = planShare([sheet(formulas, values)], [], target);
    expect(plan).toHaveLength(1);
    return plan[0].item;
  };
  const rows = (n: number, f: (i: number) => unknown[]) => Array.from({ length: n }, (_, i) => [...f(i), ""]);

  test("text a population reads: kept as values, naming the cells", () => {
    const values = rows(4, (i) => [70 + i, i === 2 ? "1,200" : 1000 * (i + 1), 100]);
    const item = one('=GK.GRADE("weighted-value",A1:C4)', values);
    expect(item.becomes).toBe("value");
    expect(item.reason!.en).toMatch(/B3 '1,200'/);
  });

  test("a text number in a row-wise template: kept as values; plain numbers convert", () => {
    expect(one('=GK.GRADE("sales-pipeline",A1:B2)', rows(2, (i) => [i + 1, i ? "10万" : 5000])).reason!.en).toMatch(/B2 '10万'/);
    expect(one('=GK.GRADE("sales-pipeline",A1:B2)', rows(2, (i) => [i + 1, 5000])).becomes).toBe("formula");
  });

  test("words GradeKit reads and formulas cannot (full-width, tabs, √): kept as values; the template's words in any spelling convert", () => {
    const need = (w: unknown) => one('=GK.GRADE("need-close-5",A1:B2)', rows(2, (i) => [i ? w : "explicit", 2]));
    expect(need("ｅｘｐｌｉｃｉｔ").reason!.en).toMatch(/A2 'ｅｘｐｌｉｃｉｔ'/);
    expect(need("explicit\t").reason!.en).toMatch(/A2 'explicit\t'/); // the formulas remove spaces, not tabs
    expect(need(" Ex-plicit ").becomes).toBe("formula");
    expect(need("nonsense").becomes).toBe("formula"); // #VALUE! in GradeKit and in the formulas alike
    const risk = (w: unknown) => one('=GK.GRADE("risk-3",A1:D2)', rows(2, (i) => [i ? w : "yes", "no", "no", "yes"]));
    expect(risk("√").reason!.en).toMatch(/A2 '√'/);
    expect(risk("Y").becomes).toBe("formula");
  });

  test("inputs on another sheet, not covering the fields, one row of a population template, a score the template lacks", () => {
    expect(one('=GK.GRADE("sales-pipeline",Other!A1:B2)', rows(2, () => [1, 2])).reason!.en).toMatch(/another sheet \(Other\)/);
    expect(one('=GK.GRADE("sales-pipeline",A1:A2)', rows(2, () => [1, 2])).reason!.en).toMatch(/cover 1 of the 2 fields/);
    expect(one('=GK.GRADE("weighted-value",A1:C1)', rows(1, () => [1, 2, 3])).reason!.en).toMatch(/compares rows/);
    expect(one('=GK.SCORE("sales-pipeline",A1:B1)', rows(1, () => [1, 2])).reason!.en).toMatch(/gives no score/);
    expect(one("=GK.PERCENTILE_TIER(A1:A3,,,B1:B3)", rows(3, (i) => [i, "g"])).reason!.en).toMatch(/groups/);
  });

  test("a development copy's GKDEV.* formulas are found too; other names are not GK calls", () => {
    expect(one('=GKDEV.GRADE("sales-pipeline",A1:B2)', rows(2, (i) => [i + 1, 5000])).becomes).toBe("formula");
    const values = [[1, 2, "=MYGK.GRADE(A1)", "=SUM(A1:B1)"]];
    expect(planShare([sheet(values, values)], [], "excel-compat")).toEqual([]);
  });

  test("a spill area in the way", () => {
    const values = rows(3, (i) => [i + 1, 5000]);
    const formulas = values.map((row, i) => row.map((v, j) => (j === 2 ? (i === 0 ? '=GK.GRADE("sales-pipeline",A1:B3)' : i === 2 ? "=1+1" : "") : v)));
    const plan = planShare([sheet(formulas, values)], [], "excel-compat");
    expect(plan[0].item.reason!.en).toMatch(/does not spill \(cells in the way: C3\)/);
  });
});
