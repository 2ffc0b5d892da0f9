/** @jest-environment jsdom */
/**
 * The task pane grades a sample of each new template family (grouped scorecard, ABC value share,
 * RFM segments, yes/no rules with a staleness parameter) end to end over the in-memory host, in
 * English and Chinese: pick, map (automatic), apply; the written grades equal the engine's.
 */
import * as fs from "fs";
import * as path from "path";
import { screen } from "@testing-library/react";
import { gradeTable, matchHeaders, type Lang } from "../../src/engine";
import { parseCsv } from "../../src/engine/input/csv";
import { getBuiltinTemplate } from "../../src/templates";
import { SHEET, chooseTemplate, renderApp, seedHost } from "./harness";

jest.setTimeout(60_000);

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const col = (n: number) => String.fromCharCode(64 + n);

/** A sample's rows without its all-blank row (a blank row would end the detected table). */
function sampleRows(id: string): unknown[][] {
  const rows = parseCsv(fs.readFileSync(path.join(SAMPLES, `${id}.csv`), "utf8"));
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

const CASES: [string, Lang][] = ["bank-credit-5", "value-share-3", "rfm-8", "defeat-3"].flatMap((id) => [
  [id, "en"] as [string, Lang],
  [id, "zh-CN"] as [string, Lang],
]);

test.each(CASES)("%s (%s): picked, applied, grades equal the engine's", async (id, lang) => {
  const t = getBuiltinTemplate(id)!;
  const rows = sampleRows(id);
  const host = seedHost({}, rows);
  const h = renderApp({ lang, host });
  const name = lang === "en" ? t.name.en : t.name.zh;
  await chooseTemplate(h, lang === "en" ? `Use ${name}` : `使用 ${name}`);
  const button = await screen.findByRole("button", { name: lang === "en" ? /^Grade \d+ rows$/ : /^为 \d+ 行分级$/ });
  await h.user.click(button);
  await screen.findByTestId("result-panel");

  const header = rows[0].map(String);
  const mapping = matchHeaders(header, t).mapping;
  const fields = Object.keys(mapping);
  const data = rows.slice(1).map((r) => fields.map((f) => r[mapping[f]]));
  const result = gradeTable(t, { rows: data, fields });
  const gradeCol = col(header.length + 1);
  const written = host.getValues(SHEET, `${gradeCol}2:${gradeCol}${rows.length}`).map((r) => r[0]);
  // Grades are written as their labels in the task pane's language (the ids in English).
  const shown = (g: string) => (lang === "en" ? g : t.grades.find((x) => x.id === g)!.label.zh);
  expect(written).toEqual(data.map((_, i) => {
    const g = result.grade(i);
    return g !== null ? shown(g) : result.status(i) === "error" ? expect.anything() : "";
  }));
  expect(written.filter((g) => t.grades.some((x) => shown(x.id) === g)).length).toBeGreaterThan(3);
});
