/** Migration matrices on known data: order, new/lost customers, duplicates, unknown grades, measure, CSV records. */
import { comparePeriods, migrationRecords, reviewSheet } from "../../src/engine/review";
import { getBuiltinTemplate } from "../../src/templates";

const t = getBuiltinTemplate("need-close-5")!; // A B C D E

describe("comparePeriods", () => {
  // previous: a A, b B, c C, d D, e B, f A(dup), f B(dup), g E, h (blank grade), x "Z" (unknown)
  const previous = {
    keys: ["a", "b", "c", "d", "e", "f", "f", "g", "h", "x", "", "lostOne"],
    grades: ["A", "B", "C", "D", "B", "A", "B", "E", "", "Z", "A", "C"],
    measure: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, "12"],
  };
  // current: a B (down), b A (up), c C (same), d B (up 2), e b (label, same), f A, g D (up), h A, x A, n1 C (new), n2 A (new)
  const current = {
    keys: ["a", "b", "c", "d", "e", "f", "g", "h", "x", "n1", "n2", "b2"],
    grades: ["B", "A", "C", "B", " b ", "A", "D", "A", "A", "C", "A", "A"],
    measure: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, "abc", ""],
  };
  const c = comparePeriods(previous, current, { template: t });

  test("grade order from the template, best -> worst", () => {
    expect(c.grades.map((g) => g.id)).toEqual(["A", "B", "C", "D", "E"]);
    expect(c.templateOrder).toBe(true);
  });

  test("the matrix counts each compared customer once; new in the last row, lost in the last column", () => {
    const G = 5;
    const want = Array.from({ length: G + 1 }, () => new Array(G + 1).fill(0));
    const A = 0, B = 1, C = 2, D = 3, E = 4, NONE = 5;
    want[A][B] = 1; // a
    want[B][A] = 1; // b
    want[C][C] = 1; // c
    want[D][B] = 1; // d
    want[B][B] = 1; // e
    want[E][D] = 1; // g
    want[C][NONE] = 1; // lostOne
    want[NONE][C] = 1; // n1
    want[NONE][A] = 2; // n2, b2
    expect(c.counts).toEqual(want);
  });

  test("lists: upgraded, downgraded, unchanged, new, lost (with levels and rows)", () => {
    expect(c.upgraded.map((m) => [m.key, m.from, m.to, m.steps])).toEqual([
      ["b", "B", "A", 1],
      ["d", "D", "B", 2],
      ["g", "E", "D", 1],
    ]);
    expect(c.downgraded.map((m) => [m.key, m.steps, m.previousRow, m.currentRow])).toEqual([["a", -1, 1, 1]]);
    expect(c.unchanged.map((m) => m.key)).toEqual(["c", "e"]);
    expect(c.added.map((m) => m.key)).toEqual(["n1", "n2", "b2"]);
    expect(c.lost.map((m) => [m.key, m.from, m.to])).toEqual([["lostOne", "C", null]]);
  });

  test("duplicate keys are reported with their rows and left out, not merged", () => {
    expect(c.duplicates).toEqual([{ key: "f", previousRows: [6, 7], currentRows: [6] }]);
    expect(c.movements.some((m) => m.key === "f")).toBe(false);
  });

  test("unknown grades, blank grades and blank keys are reported and left out", () => {
    expect(c.unknownGrades).toEqual([{ grade: "Z", side: "previous", rows: [10] }]);
    expect(c.ungraded).toEqual([{ key: "h", side: "previous", row: 9 }]);
    expect(c.blankKeys).toEqual([{ side: "previous", row: 11 }]);
    for (const k of ["h", "x"]) expect(c.movements.some((m) => m.key === k)).toBe(false);
  });

  test("measure: current value (previous for lost customers), shares of the total, non-numbers reported", () => {
    expect(c.measure![0][1]).toBe(100); // a
    expect(c.measure![5][0]).toBe(0); // n2 'abc' -> 0, b2 blank -> 0
    expect(c.measure![2][5]).toBe(12); // lostOne, previous "12"
    expect(c.measureTotal).toBe(100 + 200 + 300 + 400 + 500 + 700 + 12 + 1000);
    expect(c.measureProblems).toEqual([{ side: "current", row: 11, text: "abc" }]);
  });

  test("CSV records: from,to,count in grade order, lost after each from-grade, new rows last, zeros included", () => {
    const recs = migrationRecords(comparePeriods(previous, current, { template: t }));
    expect(recs[0]).toEqual(["from", "to", "count", "measure", "measure_share"]);
    const plain = migrationRecords(comparePeriods({ keys: previous.keys, grades: previous.grades }, { keys: current.keys, grades: current.grades }, { template: t }));
    expect(plain[0]).toEqual(["from", "to", "count"]);
    expect(plain.length).toBe(1 + 6 * 6 - 1);
    expect(plain.slice(1, 8)).toEqual([
      ["A", "A", "0"],
      ["A", "B", "1"],
      ["A", "C", "0"],
      ["A", "D", "0"],
      ["A", "E", "0"],
      ["A", "", "0"],
      ["B", "A", "1"],
    ]);
    expect(plain.slice(-5)).toEqual([
      ["", "A", "2"],
      ["", "B", "0"],
      ["", "C", "1"],
      ["", "D", "0"],
      ["", "E", "0"],
    ]);
    expect(plain.find((r) => r[0] === "C" && r[1] === "")).toEqual(["C", "", "1"]);
  });

  test("without a template: order of first appearance (previous, then current), texts as found", () => {
    const x = comparePeriods({ keys: [1, 2, 3], grades: ["silver", "gold", "silver"] }, { keys: [1, 2, 4], grades: ["gold", "bronze", "gold"] });
    expect(x.templateOrder).toBe(false);
    expect(x.grades.map((g) => g.id)).toEqual(["silver", "gold", "bronze"]);
    // silver was seen first, so it ranks above gold: silver -> gold is "down"
    expect(x.movements.map((m) => [m.key, m.change])).toEqual([
      ["1", "down"],
      ["2", "down"],
      ["3", "lost"],
      ["4", "new"],
    ]);
  });

  test("the review sheet layout: matrix position, totals and region fills", () => {
    const s = reviewSheet(c, { previous: "2024-01", current: "2024-02", template: t, measureName: "Revenue" });
    expect(s.name).toBe("GradeKit Review");
    const top = s.matrix.row;
    expect(s.cells[top].slice(0, 8)).toEqual(["From \\ To", "A", "B", "C", "D", "E", "Lost", "Total"]);
    expect(s.cells[top + 1].slice(0, 8)).toEqual(["A", 0, 1, 0, 0, 0, 0, 1]);
    expect(s.cells[top + 6].slice(0, 8)).toEqual(["New", 2, 0, 1, 0, 0, "", 3]);
    expect(s.cells[top + 7].slice(0, 8)).toEqual(["Total", 3, 3, 2, 1, 0, 1, 10]);
    expect(s.fills).toContainEqual({ row: top + 2, col: 1, rows: 1, cols: 1, color: "#C6EFCE" }); // B -> A: upgrade
    expect(s.fills).toContainEqual({ row: top + 2, col: 2, rows: 1, cols: 1, color: "#DDEBF7" }); // B -> B: diagonal
    expect(s.fills).toContainEqual({ row: top + 2, col: 3, rows: 1, cols: 3, color: "#FFC7CE" }); // B -> C..E: downgrade
    const zh = reviewSheet(c, { previous: "1月", current: "2月", template: t, lang: "zh-CN" });
    expect(zh.name).toBe("分级变动");
    expect(zh.cells[zh.matrix.row][0]).toBe("原等级 \\ 新等级");
  });
});
