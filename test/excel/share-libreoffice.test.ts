/**
 * "Prepare to share", then opened where GradeKit is not: the converted host workbook written to
 * .xlsx (each sheet's values and formulas, no cached results) and recalculated by LibreOffice shows
 * what GradeKit showed in every cell the GK formulas filled (grades, scores, tiers; values where
 * nothing could be converted) and no #NAME? anywhere.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { createWorkbookActions } from "../../src/excel";
import type { ExcelHost } from "../../src/host";
import { fromCsv, libreOfficeCsv } from "../interop/evaluate";
import { sofficePath } from "../support/libreoffice";
import { evaluatorFor, FORMULAS, shareWorkbook, type Shown } from "./share-workbook";

const ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/;

/** One .xlsx per sheet of the host (values and formulas; formulas without cached results). */
async function writeSheet(host: ExcelHost, sheet: string, file: string): Promise<void> {
  const snap = host.snapshot().sheets.find((s) => s.name === sheet)!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  snap.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const a = cell.address;
      const f = snap.formulas[a];
      if (f) cell.value = { formula: f.slice(1) } as ExcelJS.CellFormulaValue;
      else if (typeof v === "string" && ERROR.test(v)) cell.value = { error: v } as ExcelJS.CellErrorValue;
      else if (v !== "") cell.value = v;
    }),
  );
  await wb.xlsx.writeFile(file);
}

test("the converted workbook, recalculated by LibreOffice, shows GradeKit's grades and no #NAME?", async () => {
  sofficePath(); // a missing LibreOffice fails with the install hint
  const host = await shareWorkbook();
  const ev = evaluatorFor(() => host);
  const shown = new Map<string, Shown[][]>(FORMULAS.map((f) => [`${f.sheet}!${f.cell}`, ev.evaluate(f.formula, f.sheet, Number(f.cell.slice(1)) - 1, f.cell.charCodeAt(0) - 65)]));
  const r = await createWorkbookActions(host.Excel).prepareToShare({ target: "excel-compat" });
  expect(r.toFormulas).toBe(FORMULAS.length - 3);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gk-share-"));
  const files = { Data: path.join(dir, "share-data.xlsx"), Team: path.join(dir, "share-team.xlsx") };
  for (const [sheet, file] of Object.entries(files)) await writeSheet(host, sheet, file);
  const { records, seconds } = libreOfficeCsv(sofficePath(), Object.values(files), dir);

  let compared = 0;
  const counts = { formula: 0, value: 0 };
  for (const item of r.items) {
    const [sheet, ref] = item.area.split("!");
    const csv = records.get(files[sheet as keyof typeof files])!;
    const [from, to] = ref.split(":");
    const col = from.charCodeAt(0) - 65;
    const r0 = Number(from.slice(1)) - 1;
    const r1 = Number((to ?? from).slice(1)) - 1;
    const want = shown.get(item.address)!;
    for (let row = r0; row <= r1; row++) {
      const at = `${sheet}!${String.fromCharCode(65 + col)}${row + 1}`;
      const got = fromCsv(csv[row]?.[col] ?? "");
      const expected = want[row - r0]?.[0] ?? "";
      if (typeof expected === "number") expect([at, typeof got === "number" && Math.abs(got - expected) < 1e-9]).toEqual([at, true]);
      else expect([at, got]).toEqual([at, expected]);
      compared++;
      counts[item.becomes]++;
    }
  }
  expect(compared).toBe(r.cells);
  for (const csv of records.values()) for (const row of csv) for (const cell of row) expect(cell).not.toMatch(/#NAME\?|Err:/);
  console.log(`share via LibreOffice: ${compared} cells compared (${counts.formula} formula cells, ${counts.value} value cells), ${seconds.toFixed(1)} s`);
  fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);
