/**
 * Workbook template storage (src/excel/storage.ts) over the in-memory host: one custom XML part per
 * template, versions and change notes, persistence in the workbook model (a NEW host built from
 * the snapshot reads them back through a fresh adapter), conflicts, damaged and hostile parts,
 * and labels that look like formulas written to cells as text.
 */
import { checkTemplate, gradeTable, type Template } from "../../src/engine";
import {
  TEMPLATE_XML_NAMESPACE,
  TemplateStorageError,
  createWorkbookActions,
  decodeTemplatePart,
  deleteWorkbookTemplate,
  encodeTemplatePart,
  listWorkbookTemplates,
  saveWorkbookTemplate,
  xmlRootText,
} from "../../src/excel";
import { createExcelHost, type ExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";
import { hostFromSnapshot, tiers } from "./helpers";

const NOW = new Date("2025-03-01T09:30:00Z");

function newHost(): ExcelHost {
  const host = createExcelHost({ sheets: ["Data"], selection: { sheet: "Data", address: "A1" } });
  host.setValues("Data", "A1", [["Customer", "Amount"], ["Acme", 150], ["Birch", 60], ["Cobalt", 10], ["Delta", ""]]);
  return host;
}

async function addPart(host: ExcelHost, xml: string): Promise<void> {
  await host.Excel.run(async (context) => {
    context.workbook.customXmlParts.add(xml);
    await context.sync();
  });
}

describe("save, list, reopen", () => {
  test("a saved template is one custom XML part in GradeKit's namespace, JSON inside", async () => {
    const host = newHost();
    const stored = await saveWorkbookTemplate(host.Excel, tiers(), { note: "first cut", baseVersion: null, now: NOW });
    expect(stored.template.version).toBe(1);
    expect(stored.template.changeNote).toBe("first cut");
    expect(stored.history).toEqual([{ version: 1, savedAt: "2025-03-01T09:30:00.000Z", note: "first cut" }]);
    const parts = host.snapshot().customXmlParts;
    expect(parts).toHaveLength(1);
    expect(parts[0].namespaceUri).toBe(TEMPLATE_XML_NAMESPACE);
    const root = xmlRootText(parts[0].xml);
    expect(root.ok && JSON.parse(root.text).template.id).toBe("my-tiers");
  });

  test("every save raises the version and keeps the change notes; the part is updated, not duplicated", async () => {
    const host = newHost();
    const actions = createWorkbookActions(host.Excel);
    await actions.saveTemplate(tiers(), { note: "v1", baseVersion: null, now: NOW });
    const t2 = tiers({ name: { en: "My tiers 2", zh: "我的分档 2" } });
    const s2 = await actions.saveTemplate(t2, { note: "renamed", baseVersion: 1, now: NOW });
    const s3 = await actions.saveTemplate(s2.template, { note: "", baseVersion: 2, now: NOW });
    expect(s3.template.version).toBe(3);
    expect(s3.template.changeNote).toBeUndefined();
    expect(s3.history.map((h) => [h.version, h.note])).toEqual([
      [1, "v1"],
      [2, "renamed"],
      [3, ""],
    ]);
    expect(host.snapshot().customXmlParts).toHaveLength(1);
    const list = await actions.listTemplates();
    expect(list.templates.map((s) => [s.template.id, s.template.version, s.template.name.en])).toEqual([["my-tiers", 3, "My tiers 2"]]);
    expect(list.problems).toEqual([]);
  });

  test("reopened: a NEW host built from the snapshot, read through a fresh adapter, grades the same", async () => {
    const host = newHost();
    await saveWorkbookTemplate(host.Excel, tiers(), { note: "for the team", baseVersion: null, now: NOW });
    const snap = JSON.parse(JSON.stringify(host.snapshot())); // only data crosses over
    const reopened = await hostFromSnapshot(snap);
    const actions = createWorkbookActions(reopened.Excel); // a fresh adapter instance, nothing in memory
    const { templates } = await actions.listTemplates();
    expect(templates).toHaveLength(1);
    expect(templates[0].template).toEqual({ ...tiers(), changeNote: "for the team" });
    expect(templates[0].history[0].note).toBe("for the team");
    const rows = [[150], [60], [10], [""]];
    const grade = (t: Template) => {
      const r = gradeTable(t, { rows, fields: ["amount"] });
      return Array.from({ length: r.n }, (_, i) => r.grade(i));
    };
    expect(grade(templates[0].template)).toEqual(grade(tiers()));
    expect(grade(templates[0].template)).toEqual(["A", "B", "C", null]); // the blank row has no data
  });

  test("list costs 2 syncs in one Excel.run; an empty workbook 1", async () => {
    const host = newHost();
    host.resetStats();
    expect(await listWorkbookTemplates(host.Excel)).toEqual({ templates: [], problems: [] });
    expect(host.stats.syncs).toBe(1);
    await saveWorkbookTemplate(host.Excel, tiers(), { now: NOW });
    await saveWorkbookTemplate(host.Excel, tiers({ id: "other" }), { now: NOW });
    host.resetStats();
    await listWorkbookTemplates(host.Excel);
    expect(host.stats.syncs).toBe(2);
  });

  test("delete removes the part", async () => {
    const host = newHost();
    await saveWorkbookTemplate(host.Excel, tiers(), { now: NOW });
    expect(await deleteWorkbookTemplate(host.Excel, "my-tiers")).toBe(true);
    expect(await deleteWorkbookTemplate(host.Excel, "my-tiers")).toBe(false);
    expect(host.snapshot().customXmlParts).toEqual([]);
  });
});

describe("refusals", () => {
  test("a new template whose id is already saved; a stale base version", async () => {
    const host = newHost();
    await saveWorkbookTemplate(host.Excel, tiers(), { baseVersion: null, now: NOW });
    await expect(saveWorkbookTemplate(host.Excel, tiers(), { baseVersion: null })).rejects.toMatchObject({ code: "exists" });
    await saveWorkbookTemplate(host.Excel, tiers(), { baseVersion: 1 }); // a teammate saves version 2
    const err = await saveWorkbookTemplate(host.Excel, tiers(), { baseVersion: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(TemplateStorageError);
    expect(err.code).toBe("conflict");
    expect(err.messageIn("zh-CN")).toMatch(/当前版本 2/);
    expect(err.messageIn("en")).toMatch(/now version 2/);
  });

  test("a template with checker errors is not saved", async () => {
    const host = newHost();
    const broken = tiers({ model: { kind: "bands", field: "nope", bands: [{ grade: "A", op: ">=", value: 1 }] } });
    const err = await saveWorkbookTemplate(host.Excel, broken).catch((e) => e);
    expect(err.code).toBe("invalid");
    expect(err.message).toMatch(/model\.field: unknown field 'nope'/);
    expect(host.snapshot().customXmlParts).toEqual([]);
  });

  test("without custom XML parts (ExcelApi 1.5) the error says so", async () => {
    const fake = {
      run: ((fn: (c: unknown) => Promise<unknown>) => fn({ workbook: {}, sync: async () => undefined })) as unknown as typeof Excel.run,
    };
    await expect(listWorkbookTemplates(fake)).rejects.toMatchObject({ code: "notSupported" });
  });
});

describe("the part's XML", () => {
  test("text that is special in XML or JSON survives the round trip", () => {
    const t = tiers({
      name: { en: "A < B & C > D ]]> \"q\" 'a' \u2028 \uFFFE", zh: "中文 <标签> &amp; \u0000" },
    });
    const xml = encodeTemplatePart({ template: t, history: [{ version: 1, savedAt: NOW.toISOString(), note: "<b>&</b>" }] });
    expect(xml).not.toMatch(/\uFFFE|\u0000/);
    const back = decodeTemplatePart(xml);
    expect(back.ok && back.stored.template.name).toEqual(t.name);
    expect(back.ok && back.stored.history[0].note).toBe("<b>&</b>");
  });

  test("Excel's own ways of writing the same XML are read: declaration, quotes, entities, CDATA, prefixes", () => {
    const json = JSON.stringify({ format: 1, template: tiers(), history: [] });
    const half = Math.floor(json.length / 2);
    const variants = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<gradekitTemplate xmlns='${TEMPLATE_XML_NAMESPACE}'>${json.replace(/"/g, "&quot;")}</gradekitTemplate>`,
      `<gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}"><![CDATA[${json.slice(0, half)}]]>${json.slice(half).replace(/:/g, "&#x3A;")}</gradekitTemplate>`,
      `<!-- saved by GradeKit --><gk:gradekitTemplate xmlns:gk="${TEMPLATE_XML_NAMESPACE}">${json.replace(/\{/g, "&#123;")}</gk:gradekitTemplate>`,
    ];
    for (const xml of variants) {
      const r = decodeTemplatePart(xml);
      expect(r.ok && r.stored.template.id).toBe("my-tiers");
    }
  });

  test("damaged and hostile parts are reported, never listed; good parts still are", async () => {
    const host = newHost();
    await saveWorkbookTemplate(host.Excel, tiers(), { now: NOW });
    const wrap = (s: string) => `<gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}">${s}</gradekitTemplate>`;
    const good = JSON.stringify({ format: 1, template: tiers({ id: "x" }), history: [] });
    const hostile = [
      wrap("not json"),
      wrap(good.replace('"format":1', '"__proto__":{"polluted":true},"format":1')),
      wrap(good.replace('"label":{"en":"Amount"', '"label":{"constructor":1,"en":"Amount"')),
      wrap("[".repeat(10_000) + "]".repeat(10_000)),
      wrap(JSON.stringify({ format: 1, template: tiers({ id: "big", description: { en: "x".repeat(3_000_000), zh: "" } }), history: [] })),
      wrap(JSON.stringify({ format: 2, template: tiers({ id: "future" }), history: [] })),
      wrap(JSON.stringify({ format: 1, template: { ...tiers({ id: "extra" }), run: "=cmd()" }, history: [] })),
      `<gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}"><child/></gradekitTemplate>`,
    ];
    for (const xml of hostile) await addPart(host, xml);
    // A reader that backtracks or copies per step never finishes these parts: jest's timeout fails it
    // (timings themselves live in bench/, not in unit tests).
    const { templates, problems } = await listWorkbookTemplates(host.Excel);
    expect(templates.map((s) => s.template.id)).toEqual(["my-tiers"]);
    expect(problems).toHaveLength(hostile.length);
    const codes = problems.flatMap((p) => p.issues.map((i) => i.code));
    expect(codes).toEqual(expect.arrayContaining(["json", "forbiddenKey", "tooDeep", "tooLarge", "schema"]));
    expect(problems.find((p) => p.templateId === "extra")?.issues[0].message.en).toMatch(/unknown key "run"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // entity definitions (a DOCTYPE) are never expanded: such a part is refused outright
    const doctype = decodeTemplatePart(`<!DOCTYPE x [<!ENTITY e "boom">]><gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}">&e;</gradekitTemplate>`);
    expect(doctype.ok).toBe(false);
    expect(decodeTemplatePart(`<gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}">&e;</gradekitTemplate>`).ok).toBe(false);
    expect(decodeTemplatePart(`<other xmlns="urn:x">{}</other>`).ok).toBe(false);
  });
});

describe("labels that look like formulas", () => {
  test("are kept as text in storage and written to cells as text", async () => {
    const host = newHost();
    const evil = '=HYPERLINK("http://example.com","click")';
    const t = tiers({
      grades: [
        { id: "=1+1", label: { en: "@SUM(A1)", zh: evil }, color: "#1E8E3E" },
        { id: "B", label: { en: "+B", zh: "-乙" }, color: "#F9AB00" },
        { id: "C", label: { en: "C", zh: "丙" }, color: "#D93025" },
      ],
      model: { kind: "bands", field: "amount", bands: [{ grade: "=1+1", op: ">=", value: 100 }, { grade: "B", op: ">=", value: 50 }], otherwise: "C" },
    });
    expect(checkTemplate(t).ok).toBe(true);
    await saveWorkbookTemplate(host.Excel, t, { now: NOW });
    const reopened = await hostFromSnapshot(host.snapshot());
    const actions = createWorkbookActions(reopened.Excel);
    const stored = (await actions.listTemplates()).templates[0].template;
    expect(stored.grades[0].label.zh).toBe(evil);
    for (const lang of ["en", "zh-CN"] as const) {
      const read = await actions.readSelection(stored);
      const res = await actions.apply({ template: stored, table: read.table, mapping: { amount: 1 }, lang, confirmOverwrite: true, outputs: { grade: true, reason: false } });
      expect(res.status).toBe("applied");
      const cell = reopened.getCell("Data", "C2");
      expect(cell.formula).toBeNull();
      expect(cell.valueType).toBe("String");
      expect(cell.value).toBe(lang === "en" ? "=1+1" : evil);
      expect(reopened.getCell("Data", "C3").value).toBe(lang === "en" ? "B" : "-乙");
    }
  });
});

test("a built-in's copy saved in the workbook keeps every built-in feature (scorecard)", async () => {
  const host = newHost();
  const base = getBuiltinTemplate("pharma-score")!;
  const copy: Template = { ...JSON.parse(JSON.stringify(base)), id: "pharma-mine" };
  const s = await saveWorkbookTemplate(host.Excel, copy, { now: NOW });
  const back = (await listWorkbookTemplates((await hostFromSnapshot(host.snapshot())).Excel)).templates[0];
  expect(back.template).toEqual(s.template);
});

test("entity names that are Object.prototype members are unknown entities, not functions", () => {
  for (const e of ["toString", "valueOf", "__proto__"]) {
    const r = xmlRootText(`<gradekitTemplate xmlns="${TEMPLATE_XML_NAMESPACE}">&${e};</gradekitTemplate>`);
    expect(r.ok).toBe(false);
  }
});

test("the XML reader stays linear on crafted parts (no regex backtracking, no per-step copies)", () => {
  const ns = TEMPLATE_XML_NAMESPACE;
  const crafted = [
    "<?a?>".repeat(1_000_000) + `<gradekitTemplate xmlns="${ns}">{}</gradekitTemplate>`,
    "<gradekitTemplate" + " ".repeat(2_000_000) + "x",
    `<gradekitTemplate xmlns="${ns}">` + "</gradekitTemplate><!--".repeat(200_000),
    `<gradekitTemplate xmlns="${ns}">` + "<![CDATA[x]]>".repeat(300_000) + "</gradekitTemplate>",
    `<gradekitTemplate xmlns="${ns}">` + "&amp;".repeat(1_000_000) + "</gradekitTemplate>",
  ];
  // Each part is a million steps: a quadratic reader would need ~10^12 of them and hit jest's timeout.
  for (const xml of crafted) {
    const r = decodeTemplatePart(xml);
    expect(r.ok).toBe(false);
  }
});
