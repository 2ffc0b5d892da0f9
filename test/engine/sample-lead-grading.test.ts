/**
 * samples/custom/lead-grading-pardot: lead grading after Pardot's grading profiles (text patterns:
 * contains, equalsAny, endsWith), graded against values worked out by hand from the source's rule
 * (start at D, +2/3 of a letter per matched criterion, -1 letter for a competitor's email).
 */
import * as fs from "fs";
import * as path from "path";
import { checkTemplate, gradeTable, matchHeaders, type Template } from "../../src/engine";
import { parseCsv } from "../../src/engine/input/csv";

const DIR = path.join(__dirname, "..", "..", "samples", "custom");

test("the sample grades as worked out by hand", () => {
  const checked = checkTemplate(JSON.parse(fs.readFileSync(path.join(DIR, "lead-grading-pardot.json"), "utf8")));
  expect(checked.ok).toBe(true);
  const template = (checked as { template: Template }).template;
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(DIR, "lead-grading-pardot.csv"), "utf8"));
  const match = matchHeaders(header, template);
  expect(match.missing).toEqual([]);
  const fields = header.map((_, c) => Object.entries(match.mapping).find(([, col]) => col === c)?.[0] ?? "");
  const r = gradeTable(template, { rows, fields });
  // Thirds of a letter above D, by hand:
  //  王芳        title 市场 +2, dept 市场 +2, 金融服务 +2, 500 ≥ 100 +2, 中国 +2          = 10 -> A+
  //  John Smith  ＭＡＲＫＥＴＩＮＧ (full width) +2, Marketing +2, healthcare +2, 80 < 100, China +2 = 8 -> A-
  //  Li Lei      Financial Services +2, 1,200 +2, 中国 +2, @competitor.example -3      = 3 -> C
  //  赵敏        市场专员 +2                                                           = 2 -> C-
  //  Ann Lee     300 +2, @COMPETITOR.example -3 (case ignored)                        = -1 -> D-
  //  Bob Brown   @competitor.example -3                                                = -3 -> F
  //  陈静        医疗 +2                                                               = 2 -> C-
  //  (blank row) no data; Dan Wu: job title blank; Eve Ng: employees 'abc'
  expect(rows.map((_, i) => r.grade(i))).toEqual(["A+", "A-", "C", "C-", "D-", "F", "C-", null, null, null]);
  expect(r.status(7)).toBe("empty");
  expect(r.reason(8)).toBe("Job title is blank");
  expect(r.reason(9)).toBe("Employees: 'abc' is not a number");
  // The company-size threshold is a parameter: at 50 employees 赵敏's company counts too (2 + 2 = 4 -> C+).
  expect(gradeTable(template, { rows, fields }, { params: { minEmployees: 50 } }).grade(3)).toBe("C+");
});
