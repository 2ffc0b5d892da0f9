/** The seven templates of spec sections 17–23 on the command line: listing, check, grade, compile refusals. */
import * as fs from "fs";
import * as path from "path";
import { cli, ensureBuilt, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("new-templates");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("templates lists 23, the new seven last in the spec's order", () => {
  const r = cli(["templates", "--json"]);
  expect(r.code).toBe(0);
  const ids = (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
  expect(ids).toHaveLength(23);
  expect(ids.slice(16)).toEqual(["bank-credit-5", "power-load-3", "value-share-3", "status-5", "wealth-risk-5", "defeat-3", "rfm-8"]);
});

test("check refuses bank-credit-5 weights that do not add up to 100 (exit 1), in both languages", () => {
  const t = JSON.parse(cli(["templates", "--export", "bank-credit-5"]).stdout);
  expect(cli(["check", writeJson("ok.json", t)]).code).toBe(0);
  t.params = t.params.map((p: { key: string; default: number }) => (p.key === "wMarket" ? { ...p, default: 25 } : p));
  const file = writeJson("weights.json", t);
  const r = cli(["check", file]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("error model.groups: the group weights add up to 105, not 100\n");
  expect(cli(["check", file, "--lang", "zh-CN"]).stdout).toMatch(/^error model\.groups: 各组权重之和为 105，不等于 100/m);
});

test("grade refuses --param weights that do not add up to 100, naming the sum", () => {
  const r = cli(["grade", "--template", "bank-credit-5", "--in", "samples/bank-credit-5.csv", "--out", path.join(dir, "o.csv"), "--param", "wMarket=30"]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/add up to 110, not 100/);
});

test.each(["bank-credit-5", "value-share-3", "rfm-8", "power-load-3", "status-5", "wealth-risk-5", "defeat-3"])("compile gives formulas and SQL for %s", (id) => {
  for (const target of ["excel-compat", "excel", "sql"]) expect(cli(["compile", "--template", id, "--target", target]).code).toBe(0);
});

function writeJson(name: string, x: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(x));
  return file;
}
