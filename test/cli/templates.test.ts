/** `gradekit templates` and `gradekit check`. */
import * as fs from "fs";
import * as path from "path";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { cli, ensureBuilt, tempDir } from "./helpers";
import { EXIT_CODE_OF } from "../../src/cli/exit";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("templates");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ids = BUILTIN_TEMPLATES.map((t) => t.id);

test("templates lists every built-in template with its fields (key, English and Chinese label) and grades", () => {
  const r = cli(["templates"]);
  expect(r.code).toBe(0);
  for (const t of BUILTIN_TEMPLATES) {
    expect(r.stdout).toContain(`${t.id}  ${t.name.en}`);
    for (const f of t.fields) expect(r.stdout).toContain(`${f.key} (${f.label.en} / ${f.label.zh}`);
  }
  expect(r.stdout).toMatch(/grades: VIP, Platinum, Gold, Silver, Regular/);
  expect(r.stdout).toMatch(/grades: 112 codes, e\.g\. Z121, C112L, YX11/);
  const zh = cli(["templates", "--lang", "zh-CN"]);
  expect(zh.stdout).toContain("spend-5  年消费额分级");
  expect(zh.stdout).toMatch(/等级: VIP, 白金, 金卡, 银卡, 普通/);
});

test("templates --json: id, names, fields for all 23", () => {
  const r = cli(["templates", "--json"]);
  expect(r.code).toBe(0);
  const list = JSON.parse(r.stdout) as { id: string; name: { en: string; zh: string }; fields: { key: string; required: boolean }[]; grades: { id: string }[] }[];
  expect(list.map((t) => t.id)).toEqual(ids);
  const sp = list.find((t) => t.id === "sales-pipeline")!;
  expect(sp.name).toEqual({ en: "Sales pipeline A/B/C/D", zh: "销售客户等级划分标准" });
  expect(sp.fields.map((f) => f.key)).toEqual(["closeMonths", "monthlyAmount"]);
  expect(list.find((t) => t.id === "bocom-tier")!.fields.find((f) => f.key === "platinumCard")!.required).toBe(false);
  expect(list.find((t) => t.id === "spend-5")!.grades.map((g) => g.id)).toEqual(["VIP", "Platinum", "Gold", "Silver", "Regular"]);
});

describe.each(ids)("templates --export %s", (id) => {
  test("prints the full template as 2-space JSON, and the output passes `check`", () => {
    const r = cli(["templates", "--export", id]);
    expect(r.code).toBe(0);
    const t = BUILTIN_TEMPLATES.find((x) => x.id === id)!;
    expect(r.stdout).toBe(JSON.stringify(t, null, 2) + "\n");
    const file = path.join(dir, `${id}.json`);
    fs.writeFileSync(file, r.stdout);
    const c = cli(["check", file]);
    expect(c.stdout).toBe("OK\n");
    expect(c.code).toBe(0);
  });
});

test("templates --export of an unknown id is not found (exit 6)", () => {
  const r = cli(["templates", "--export", "nope"]);
  expect(r.code).toBe(EXIT_CODE_OF.notFound);
  expect(r.stderr).toMatch(/unknown template 'nope': run `gradekit templates`/);
});

describe("check", () => {
  const exported = () => JSON.parse(cli(["templates", "--export", "pharma-score"]).stdout);

  test("a template with an error: each issue as `error|warning path: message`, exit 1", () => {
    const t = exported();
    t.fields = t.fields.filter((f: { key: string }) => f.key !== "otherScore");
    t.model.criteria = t.model.criteria.filter((c: { key: string }) => c.key !== "other");
    const file = path.join(dir, "no-other.json");
    fs.writeFileSync(file, JSON.stringify(t, null, 2));
    const r = cli(["check", file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    for (const l of lines) expect(l).toMatch(/^(error|warning) \S+: .+$/);
    expect(r.stdout).toMatch(/^error model\.grading\.bands\[0\]: grade A unreachable/m);
    const zh = cli(["check", file, "--lang", "zh-CN"]);
    expect(zh.stdout).toMatch(/^error model\.grading\.bands\[0\]: 等级 A 不可达/m);
  });

  test("warnings alone also exit 1", () => {
    const t = exported();
    t.fields.push({ key: "extra", label: { en: "Extra", zh: "额外" }, type: "number" });
    const file = path.join(dir, "warn.json");
    fs.writeFileSync(file, JSON.stringify(t));
    const r = cli(["check", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`warning fields[${t.fields.length - 1}]: field 'extra' is not used\n`);
  });

  test("schema errors, bad JSON, a BOM exit 1; a missing file is not found, a missing argument a usage error", () => {
    const bad = path.join(dir, "schema.json");
    fs.writeFileSync(bad, JSON.stringify({ id: "Bad Id", version: 0 }));
    const r = cli(["check", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error id: /m);
    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, '{"id": ');
    const b = cli(["check", broken]);
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/^error \(file\): not valid JSON/);
    const bom = path.join(dir, "bom.json");
    fs.writeFileSync(bom, "\uFEFF" + cli(["templates", "--export", "risk-3"]).stdout);
    expect(cli(["check", bom]).code).toBe(0);
    expect(cli(["check", path.join(dir, "nope.json")]).code).toBe(EXIT_CODE_OF.notFound);
    const none = cli(["check"]);
    expect(none.code).toBe(EXIT_CODE_OF.usage);
    expect(none.stderr).toMatch(/gradekit check <template\.json>/);
  });
});
