/** A sheet layout that uses every part of the model, for the drawer tests. */
import { a4Print, area, headerFooterLiteral, SheetBuilder, type SheetLayout } from "../../src/engine";

export const SINK_NAME = "Layout & more";

/** Title, a table block with text that needs guarding, formulas, a Text column, every style, rules, frozen panes, print setup, a chart. */
export function kitchenSink(opts: { fit?: boolean; margins?: number } = {}): SheetLayout {
  const b = new SheetBuilder(SINK_NAME);
  b.put(0, 0, "Kitchen sink: every part of the model").merge(area(0, 0, 1, 6)).style(area(0, 0, 1, 6), { bold: true, size: 16, hAlign: "center", vAlign: "center", wrap: true });
  b.put(1, 0, "subtitle").style(area(1, 0), { italic: true, size: 9, color: "#595959" });
  b.block(2, 0, [
    ["Key", "Count", "Share", "Flag", "Double", "Code"],
    ["=not a formula", 3, 0.25, true],
    ["0042", 5, 0.5, false],
    ["May 5", 7, 0.125, true, "", ""],
    ["plain", 0, 1],
  ]);
  for (let r = 3; r <= 6; r++) b.formula(r, 4, `B${r + 1}*2`);
  b.style(area(3, 5, 4, 1), { numberFormat: "@" });
  b.put(3, 5, "007").put(4, 5, "=A1").put(5, 5, "TRUE");
  b.style(area(2, 0, 1, 6), { bold: true, fill: "#F2F2F2", hAlign: "center", border: "grid" });
  b.style(area(3, 0, 4, 6), { vAlign: "center", border: "grid" });
  b.style(area(3, 2, 4, 1), { numberFormat: "0.0%", hAlign: "right" });
  b.style(area(3, 1, 4, 1), { numberFormat: "#,##0", fill: "#DDEBF7" });
  b.put(8, 0, "Signed:").style(area(8, 0), { bold: true, hAlign: "right", vAlign: "bottom" });
  b.merge(area(8, 1, 1, 3)).style(area(8, 1, 1, 3), { border: "bottom" });
  // a list kept in cells right of the table
  ["north, east", "south", "west"].forEach((w, k) => b.put(3 + k, 8, w));
  b.style(area(3, 8, 3, 1), { color: "#595959", size: 9 });
  b.validate({ area: area(3, 0, 4, 1), rule: { kind: "list", items: ["north, east", "south", "west"], source: area(3, 8, 3, 1) }, prompt: { title: "Region", message: "Choose a region." }, error: { title: "Choose from the list", message: "Not a region." } });
  b.validate({ area: area(3, 3, 4, 1), rule: { kind: "list", items: ["yes", "no"] }, prompt: { title: "Flag", message: "yes or no" }, error: { title: "yes or no", message: "Only yes or no." } });
  b.validate({ area: area(3, 1, 4, 1), rule: { kind: "decimal", min: 0, max: 100 }, prompt: { title: "Count", message: "0 to 100" }, error: { title: "Bad", message: "From 0 to 100." } });
  b.validate({ area: area(10, 1, 2, 1), rule: { kind: "decimal", min: 1 }, prompt: { title: "Min", message: "at least 1" }, error: { title: "Bad", message: ">= 1" } });
  b.validate({ area: area(10, 2, 2, 1), rule: { kind: "decimal", max: 9 }, prompt: { title: "Max", message: "at most 9" }, error: { title: "Bad", message: "<= 9" } });
  b.validate({ area: area(10, 3, 2, 1), rule: { kind: "decimal" }, prompt: { title: "Any", message: "a number" }, error: { title: "Bad", message: "a number" } });
  b.conditional({ kind: "equals", area: area(3, 0, 4, 1), text: "plain", fill: "#C6EFCE", grade: "A" });
  b.conditional({ kind: "equals", area: area(3, 0, 4, 1), text: 'say "hi"', fill: "#FFC7CE", fontColor: "#9C0006", grade: "B" });
  b.conditional({ kind: "error", area: area(3, 4, 4, 1), fill: "#FFC7CE", fontColor: "#9C0006" });
  b.columns([{ width: 20 }, { width: 9 }, { width: 12 }, { width: 10 }, { width: 14 }, { width: 8 }]);
  b.rowHeight(0, 30).rowHeight(8, 28).rowHeight(9, 28);
  b.freeze(3, 1).select(3, 1);
  if (opts.fit) b.fitColumns(area(2, 0, 5, 6));
  const m = opts.margins ?? 0.4;
  b.print(
    a4Print(area(0, 0, 9, 6), {
      orientation: "landscape",
      titleRows: { first: 2, last: 2 },
      header: { left: headerFooterLiteral("Sales & Co"), center: "", right: "GradeKit" },
      footer: { left: "", center: "Page &P of &N", right: "" },
      margins: { left: m, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    }),
  );
  b.chart({ kind: "column", source: area(2, 0, 5, 2), seriesBy: "columns", title: "Counts", legend: false, at: area(2, 10, 17, 8) });
  return b.done();
}
