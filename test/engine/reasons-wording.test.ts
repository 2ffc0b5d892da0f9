/**
 * Reasons read as a person writes them: the score shown once, no clause said twice, Chinese without
 * spaces between Chinese characters and with Chinese colons and brackets only. Every built-in
 * template's sample, both languages.
 */
import * as fs from "fs";
import * as path from "path";
import { gradeTable, matchHeaders } from "../../src/engine";
import { parseCsv } from "../../src/engine/input/csv";
import { BUILTIN_TEMPLATES } from "../../src/templates";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

function reasons(lang: "en" | "zh-CN"): { id: string; reason: string }[] {
  const out: { id: string; reason: string }[] = [];
  for (const t of BUILTIN_TEMPLATES) {
    const file = path.join(SAMPLES, `${t.id}.csv`);
    if (!fs.existsSync(file)) continue;
    const [headers, ...rows] = parseCsv(fs.readFileSync(file, "utf8"));
    const { mapping } = matchHeaders(headers, t);
    const fields = Object.keys(mapping);
    const r = gradeTable(t, { rows: rows.map((row) => fields.map((k) => row[mapping[k]] ?? "")), fields });
    for (let i = 0; i < rows.length; i++) out.push({ id: t.id, reason: r.reason(i, lang) });
  }
  return out;
}

test("the samples give reasons for many templates", () => {
  expect(new Set(reasons("en").map((x) => x.id)).size).toBeGreaterThanOrEqual(20);
});

test("Chinese reasons: no space between Chinese characters, no ASCII colon or bracket after Chinese", () => {
  for (const { id, reason } of reasons("zh-CN")) {
    expect([id, reason, /[\u4e00-\u9fff] +[\u4e00-\u9fff]/.test(reason)]).toEqual([id, reason, false]);
    expect([id, reason, /[\u4e00-\u9fff（）]:|[\u4e00-\u9fff] ?\(/.test(reason)]).toEqual([id, reason, false]);
  }
});

test("no clause twice: a scorecard's score is shown once; an adjustment does not repeat its grade", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    for (const { id, reason } of reasons(lang)) {
      const scores = reason.match(/(score|得分) [\d,.]+/g) ?? [];
      expect([id, lang, reason, new Set(scores).size === scores.length]).toEqual([id, lang, reason, true]);
      const clauses = reason.split(/; |；/);
      expect([id, lang, reason, new Set(clauses).size === clauses.length]).toEqual([id, lang, reason, true]);
    }
  }
  const capped = reasons("en").filter((x) => x.id === "tobacco-retail-score" && /limited to/.test(x.reason));
  expect(capped.length).toBeGreaterThan(0);
  for (const { reason } of capped) expect(reason).toMatch(/limited to Tier \d: Law grade is [CD]$/);
});
