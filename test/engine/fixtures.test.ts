/**
 * Spec fixtures: every JSON file under test/fixtures/grading (recursively, including other
 * engineers' `cli-*` files) is one case, graded as one table. Expectations in the fixtures are
 * derived by hand from shared/spec/templates.md, never copied from the engine.
 */
import * as fs from "fs";
import * as path from "path";
import { FIXTURE_ROOT, loadFixtures, type Fixture, type FixtureRow } from "../fixtures/grading";
import { checkTemplate, gradeTable } from "../../src/engine";
import { BUILTIN_IDS, BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../src/templates";

const ROOT = FIXTURE_ROOT;
const files = loadFixtures().map((f) => f.file);
const fixtures = files.map((file) => ({
  file,
  rel: path.relative(ROOT, file),
  fixture: JSON.parse(fs.readFileSync(file, "utf8")) as Fixture,
}));

/** Union of the input keys of all rows, in first-seen order. */
function fieldsOf(rows: FixtureRow[]): string[] {
  const seen: string[] = [];
  for (const r of rows) for (const k of Object.keys(r.in)) if (!seen.includes(k)) seen.push(k);
  return seen;
}

function describeRow(i: number, r: FixtureRow): string {
  return `row ${i} ${JSON.stringify(r.in)}`;
}

describe("grading fixtures", () => {
  test("fixture files exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(fixtures.map((f) => [f.rel, f] as const))("%s", (_rel, { fixture }) => {
    const template = getBuiltinTemplate(fixture.template);

    test("names a built-in template and has rows", () => {
      expect(template).toBeDefined();
      expect(Array.isArray(fixture.rows)).toBe(true);
      expect(fixture.rows.length).toBeGreaterThan(0);
    });
    if (!template) return;

    const fields = fieldsOf(fixture.rows);
    const rows = fixture.rows.map((r) => fields.map((k) => r.in[k]));
    const run = () => gradeTable(template, { rows, fields }, fixture.params ? { params: fixture.params } : {});

    test.each(fixture.rows.map((r, i) => [describeRow(i, r), i, r] as const))("%s", (_name, i, r) => {
      const result = run();
      expect(result.n).toBe(fixture.rows.length);
      const status = r.status ?? (r.grade === null ? undefined : "graded");
      const got = {
        grade: result.grade(i),
        status: result.status(i),
        reason: result.reason(i, "en"),
      };
      // One object so a failure shows everything about the row at once.
      expect({ grade: got.grade, status: status === undefined ? undefined : got.status }).toEqual({ grade: r.grade, status });
      if (r.score !== undefined) {
        const s = result.score(i);
        expect(s).not.toBeNull();
        expect(s as number).toBeCloseTo(r.score, 9);
      }
      if (r.errorField !== undefined) expect(result.error(i)?.field).toBe(r.errorField);
      if (r.reason !== undefined) expect(got.reason).toContain(r.reason);
      expect(typeof got.reason).toBe("string");
      expect(got.reason.length).toBeGreaterThan(0);
    });
  });
});

describe("built-in templates", () => {
  test.each(BUILTIN_IDS.map((id) => [id]))("%s has at least one fixture file", (id) => {
    expect(fixtures.filter((f) => f.fixture.template === id).length).toBeGreaterThan(0);
  });

  test("there are 23 built-in templates", () => {
    expect(BUILTIN_TEMPLATES.length).toBe(23);
  });

  test.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s passes checkTemplate with no issues", (_id, t) => {
    const res = checkTemplate(t);
    expect(res.issues).toEqual([]);
    expect(res.ok).toBe(true);
  });
});
