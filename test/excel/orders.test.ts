/**
 * "My selection holds order lines" through the adapter on the in-memory host: rfm-8 from the
 * sample order lines (the same customers and grades as the CLI test, worked out by hand there),
 * the new customers sheet, the keyless line and the bad line named by sheet row, and a missing
 * key column refused by name.
 */
import * as fs from "fs";
import * as path from "path";
import { createWorkbookActions } from "../../src/excel";
import { isGradeKitError, parseCsv } from "../../src/engine";
import { getBuiltinTemplate } from "../../src/templates";
import { hostRows, seededHost } from "./helpers";

const SAMPLE = parseCsv(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "orders", "rfm-8-orders.csv"), "utf8")).filter((r) => r.some((c) => c !== ""));

describe("grading order lines in the workbook", () => {
  const rfm = getBuiltinTemplate("rfm-8")!;

  test("rfm-8: one row per customer on a new sheet, by hand", async () => {
    const host = seededHost(SAMPLE, { at: "B3" });
    const actions = createWorkbookActions(host.Excel);
    const res = await actions.gradeOrderLines({ template: rfm, asOf: "2026-12-03" });
    expect(res).toMatchObject({ sheet: "GradeKit Customers", lines: 18, customers: 7, graded: 6, keylessCount: 1, asOf: "2026-12-03" });
    // the header is sheet row 3, so the keyless line (line 14 of the file) is sheet row 16, A07's bad amount row 20
    expect(res.keyless).toEqual([{ line: 16, reason: "line 16: no customer key in 'customerId': not counted" }]);
    expect(res.errors).toEqual([{ key: "A07", reason: "line 20: 'amount' is '面议', not a number" }]);
    const rows = hostRows(host, "GradeKit Customers", "A1:F8");
    expect(rows[0]).toEqual(["customerId", "daysSinceLastOrder", "orderCount", "totalAmount", "grade", "reason"]);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["A01", 5, 3, 1640, "general-value"],
      ["A04", 266, 2, 7000, "important-win-back"],
      ["A03", 13, 4, 3450, "important-value"],
      ["A06", 212, 1, 300, "general-win-back"],
      ["A02", 156, 1, 80, "general-win-back"],
      ["A05", 2, 5, 200, "general-value"],
      ["A07", "", "", "", ""],
    ]);
    expect(String(rows[1][5])).toMatch(/as of 2026-12-03$/);
  });

  test("Chinese sheet and labels; a second run gets a new sheet", async () => {
    const host = seededHost(SAMPLE);
    const actions = createWorkbookActions(host.Excel);
    const first = await actions.gradeOrderLines({ template: rfm, asOf: "2026-12-03", lang: "zh-CN" });
    expect(first.sheet).toBe("客户分级");
    host.setSelection("Data", "A1"); // the customers sheet was activated
    const again = await actions.gradeOrderLines({ template: rfm, asOf: "2026-12-03", lang: "zh-CN" });
    expect(again.sheet).toBe("客户分级 (2)");
    expect(hostRows(host, "客户分级", "E4:E4")).toEqual([["重要价值客户"]]);
  });

  test("a key column that is not there is refused by name", async () => {
    const host = seededHost(SAMPLE);
    let caught: unknown;
    try {
      await createWorkbookActions(host.Excel).gradeOrderLines({ template: rfm, key: "client" });
    } catch (e) {
      caught = e;
    }
    expect(isGradeKitError(caught) && caught.messageIn("en")).toBe("order lines: no column 'client' for the customer key (headers: orderId, customerId, orderDate, amount, channel)");
  });
});
