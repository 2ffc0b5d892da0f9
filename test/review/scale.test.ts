/** Blocks: saving and comparing periods larger than one 20,000-row block stays within Excel's payload limit, one sync per block. */
import { createWorkbookActions } from "../../src/excel";
import { createExcelHost } from "../../src/host";
import { getBuiltinTemplate } from "../../src/templates";

const t = getBuiltinTemplate("need-close-5")!;
const N = 25_000;
const G = ["A", "B", "C", "D", "E"];

test(`save two periods of ${N.toLocaleString("en-US")} customers and compare them`, async () => {
  const host = createExcelHost({ sheets: ["Data"] }); // 5 MB payload limit, like Excel on the web
  const put = (shift: number) => {
    host.setValues("Data", "A1", [["id", "grade", "revenue"], ...Array.from({ length: N }, (_, i) => [`customer-${String(i).padStart(6, "0")}`, G[(i + shift) % 5], i])]);
    host.setSelection("Data", "A1");
  };
  const actions = createWorkbookActions(host.Excel);
  put(0);
  host.resetStats();
  const r1 = await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 1, measureColumn: 2, period: "P1", date: "2024-01-31" });
  expect(r1).toMatchObject({ status: "saved", rowsSaved: N });
  const max = () => Math.max(...host.stats.batches.map((b) => Math.max(b.requestBytes, b.responseBytes)));
  expect(max()).toBeLessThan(5 * 1024 * 1024);
  expect(host.stats.syncs).toBeLessThanOrEqual(12);
  put(1);
  host.resetStats();
  const r2 = await actions.savePeriod({ template: t, keyColumn: 0, gradeColumn: 1, measureColumn: 2, period: "P2", date: "2024-02-29" });
  expect(r2).toMatchObject({ status: "saved", rowsSaved: N, address: `'GradeKit History'!A${N + 2}:I${2 * N + 1}` });
  expect(max()).toBeLessThan(5 * 1024 * 1024);
  host.resetStats();
  const res = await actions.comparePeriods({ previous: "P1", current: "P2" });
  expect(max()).toBeLessThan(5 * 1024 * 1024);
  // (i % 5) -> ((i + 1) % 5): A->B, B->C, C->D, D->E down; E->A up
  expect(res.comparison.downgraded.length).toBe((N / 5) * 4);
  expect(res.comparison.upgraded.length).toBe(N / 5);
  expect(res.comparison.counts[4][0]).toBe(N / 5);
}, 60_000);
