/**
 * GK.GRADE sees the workbook's templates by name: the workbook source registered in
 * src/functions/templates.ts, filled (as the shared runtime does after loading them) from what the
 * storage reads back out of a reopened workbook.
 */
import { gradeCells } from "../../src/functions/core";
import { setWorkbookTemplates, workbookSource } from "../../src/functions/templates";
import { createWorkbookActions } from "../../src/excel";
import { createExcelHost } from "../../src/host";
import { hostFromSnapshot, tiers } from "./helpers";

afterEach(() => setWorkbookTemplates([]));

test("GK.GRADE resolves a template saved in the workbook by its name, in English or Chinese, or by id", async () => {
  const host = createExcelHost({ sheets: ["Data"] });
  await createWorkbookActions(host.Excel).saveTemplate(tiers(), { note: "team tiers", baseVersion: null });

  // the workbook is reopened; the runtime fills the source from the templates it reads there
  const reopened = await hostFromSnapshot(host.snapshot());
  const { templates } = await createWorkbookActions(reopened.Excel).listTemplates();
  expect(() => gradeCells("grade", "My tiers", [[150]], "en")).toThrow(expect.objectContaining({ code: "#N/A" }));
  setWorkbookTemplates(templates.map((s) => s.template));

  expect(gradeCells("grade", "My tiers", [[150], [60], [10], [""]], "en")).toEqual([["A"], ["B"], ["C"], [""]]);
  expect(gradeCells("grade", "我的分档", [[60]], "zh-CN")).toEqual([["B"]]);
  expect(gradeCells("grade", "my-tiers", [[10]], "en")).toEqual([["C"]]);
  expect(gradeCells("grade", "  MY   TIERS ", [[100]], "en")).toEqual([["A"]]);
  expect(gradeCells("reason", "my tiers", [[150]], "en")[0][0]).toMatch(/Amount 150/);
  expect((workbookSource("my tiers") as { id?: string } | undefined)?.id).toBe("my-tiers");
  // built-ins still resolve
  expect(gradeCells("grade", "spend-5", [[600000]], "en")).toEqual([["VIP"]]);

  // after a delete the runtime refills the source: the name is unknown again
  setWorkbookTemplates([]);
  expect(() => gradeCells("grade", "My tiers", [[150]], "en")).toThrow(expect.objectContaining({ code: "#N/A" }));
});

test("a workbook template is tried before a built-in of the same name", () => {
  setWorkbookTemplates([tiers({ id: "spend-5-mine", name: { en: "spend-5", zh: "年消费" } })]);
  expect(gradeCells("grade", "spend-5", [[150]], "en")).toEqual([["A"]]);
});
