/** GK.GRADE / GK.SCORE read money as finance tables write it through the engine's one parser. */
import { gradeCells } from "../../src/functions/core";

test("GK.GRADE: currency signs, 元 units, accounting negatives; near misses are #VALUE! with the reason", () => {
  const cells = [["¥600,000"], ["25万元"], ["(1,200)"], ["（1.2万元）"], ["$60,000"], ["3亿元"], ["5千元"]];
  expect(gradeCells("grade", "spend-5", cells, "en")).toEqual([["VIP"], ["Platinum"], ["Regular"], ["Regular"], ["Silver"], ["VIP"], ["Regular"]]);
  for (const bad of ["1,2,3元", "¥", "万元", "(1,200"]) {
    const [[cell]] = gradeCells("grade", "spend-5", [[bad]], "en");
    expect(cell).toEqual(expect.objectContaining({ code: "#VALUE!" }));
    expect(JSON.stringify(cell)).toContain(`'${bad}' is not a number`);
  }
});
