/**
 * Test helpers for workbook template storage: "reopen" a workbook by building a NEW in-memory host
 * from another host's `snapshot()` (sheets' values, settings, custom XML parts), so what a test reads
 * back comes from the workbook model, never from an adapter's memory.
 */
import { createExcelHost, type ExcelHost, type WorkbookSnapshot } from "../../src/host";
import type { Template } from "../../src/engine";

export async function hostFromSnapshot(snap: WorkbookSnapshot): Promise<ExcelHost> {
  const host = createExcelHost({
    workbookName: snap.name,
    sheets: snap.sheets.map((s) => s.name),
    selection: snap.selection ?? undefined,
  });
  for (const sh of snap.sheets) {
    if (sh.usedRange) host.setValues(sh.name, sh.usedRange.split(":")[0], sh.values, { raw: true });
  }
  for (const [k, v] of Object.entries(snap.settings)) host.setSetting(k, v);
  if (snap.selection) host.setSelection(snap.selection.sheet, snap.selection.address);
  // The parts' XML goes in through the API, as Excel loads them from the file (ids are new GUIDs there too).
  await host.Excel.run(async (context) => {
    for (const p of snap.customXmlParts) context.workbook.customXmlParts.add(p.xml);
    await context.sync();
  });
  host.resetStats();
  return host;
}

/** A small bands template: A >= 100, B >= 50, else C on one number field. */
export function tiers(overrides: Partial<Template> = {}): Template {
  return {
    id: "my-tiers",
    version: 1,
    name: { en: "My tiers", zh: "我的分档" },
    description: { en: "Test tiers", zh: "测试分档" },
    category: "custom",
    fields: [{ key: "amount", label: { en: "Amount", zh: "金额" }, type: "number" }],
    grades: [
      { id: "A", label: { en: "A", zh: "甲" }, color: "#1E8E3E" },
      { id: "B", label: { en: "B", zh: "乙" }, color: "#F9AB00" },
      { id: "C", label: { en: "C", zh: "丙" }, color: "#D93025" },
    ],
    model: {
      kind: "bands",
      field: "amount",
      bands: [
        { grade: "A", op: ">=", value: 100 },
        { grade: "B", op: ">=", value: 50 },
      ],
      otherwise: "C",
    },
    ...overrides,
  };
}
