/**
 * Importing template JSON is untrusted input: malformed, oversized and hostile files are refused
 * with a path and an English + Chinese message, quickly and without a stack overflow; labels that
 * look like formulas are kept as plain text. The import path is a pure function on text.
 */
import { checkTemplate, FORBIDDEN_KEYS, forbiddenKeyPaths, jsonTextDepth, parseJsonSafely, parseTemplateJson, type Template } from "../../src/engine";
import { templateFileName, templateJson } from "../../src/excel";
import { getBuiltinTemplate } from "../../src/templates";
import { MAX_IMPORT_BYTES, exportTemplate, importFile, importTemplate, setDownloader } from "../../src/taskpane/editor/io";
import { tiers } from "./helpers";

const json = (t: unknown) => JSON.stringify(t);
const codes = (text: string) => {
  const r = importTemplate(text);
  return r.ok ? [] : r.issues.map((i) => i.code);
};
/** Runs a hostile import; one that backtracks on it never returns, and jest's timeout fails the test. */
const timed = <T>(f: () => T): { value: T } => ({ value: f() });

test("a valid file imports, and export -> import gives the same template", () => {
  const t = getBuiltinTemplate("sales-pipeline")!;
  const r = importTemplate(templateJson(t));
  expect(r.ok && r.template).toEqual(t);
  expect(templateFileName(tiers({ version: 4 }))).toBe("my-tiers-v4.json");
  let got: [string, string] | null = null;
  setDownloader((name, text) => (got = [name, text]));
  try {
    expect(exportTemplate(tiers())).toBe("my-tiers-v1.json");
  } finally {
    setDownloader();
  }
  expect(got![0]).toBe("my-tiers-v1.json");
  expect(JSON.parse(got![1])).toEqual(tiers());
});

describe("malformed", () => {
  test("not JSON: a message with the parser's reason, in both languages", () => {
    const r = importTemplate('{"id": "x",');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path: "(file)", code: "json" });
    expect(r.issues[0].message.en).toMatch(/^not valid JSON: /);
    expect(r.issues[0].message.zh).toMatch(/^不是有效的 JSON：/);
    expect(codes("")).toEqual(["json"]);
    expect(codes("null")).toEqual(["schema"]);
    expect(importTemplate(42 as unknown as string).ok).toBe(false);
  });

  test("schema problems name the path, in English and Chinese", () => {
    const bad = { ...tiers(), version: 0, grades: [{ id: "A", label: { en: "A" }, color: "green" }] };
    const r = importTemplate(json(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["version", "grades[0].label.zh", "grades[0].color"]));
    const color = r.issues.find((i) => i.path === "grades[0].color")!;
    expect(color.message.en).toBe("must be a colour like #1E8E3E");
    expect(color.message.zh).not.toBe("");
  });

  test("unknown keys are errors (strict objects), not silently dropped", () => {
    const r = importTemplate(json({ ...tiers(), script: "alert(1)" }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message.en).toBe('unknown key "script" (check its spelling, or remove it)');
  });

  test("logic problems still open in the editor, with the checker's messages (Save stays blocked there)", () => {
    const t = tiers({ model: { kind: "bands", field: "amount", bands: [{ grade: "A", op: ">=", value: 50 }, { grade: "B", op: ">=", value: 100 }], otherwise: "C" } });
    const r = importTemplate(json(t));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.issues.some((i) => i.severity === "error" && i.path === "model.bands[1]")).toBe(true);
  });
});

describe("oversized", () => {
  test("a 10 MB string is refused before parsing, quickly", () => {
    const text = json({ ...tiers(), description: { en: "x".repeat(10 * 1024 * 1024), zh: "" } });
    const { value } = timed(() => importTemplate(text));
    expect(value.ok).toBe(false);
    if (!value.ok) {
      expect(value.issues).toHaveLength(1);
      expect(value.issues[0]).toMatchObject({ path: "(file)", code: "tooLarge" });
      expect(value.issues[0].message.en).toMatch(/larger than 1,000,000 characters/);
      expect(value.issues[0].message.zh).toMatch(/超过 1,000,000 个字符/);
    }
  });

  test("a 10 MB file is refused unread", async () => {
    const big = new Blob(["x".repeat(10 * 1024 * 1024)]);
    expect(big.size).toBeGreaterThan(MAX_IMPORT_BYTES);
    const r = await importFile(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe("tooLarge");
    const small = await importFile(new Blob([templateJson(tiers())]));
    expect(small.ok).toBe(true);
  });

  test("long labels inside the size limit are schema errors with their path", () => {
    const r = importTemplate(json({ ...tiers(), name: { en: "n".repeat(5000), zh: "" } }));
    expect(!r.ok && r.issues[0].path).toBe("name.en");
  });
});

describe("deep nesting", () => {
  const deepArray = "[".repeat(10_000) + "]".repeat(10_000);
  const deepObject = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
  const deepCondition = (() => {
    const t = tiers();
    let when = '{"field":"amount","op":">=","value":1}';
    for (let k = 0; k < 10_000; k++) when = `{"not":${when}}`;
    const text = json({ ...t, model: { kind: "rules", rules: [{ grade: "A", when: "__WHEN__" }], otherwise: "C" } });
    return text.replace('"__WHEN__"', when);
  })();

  test.each([
    ["10,000 nested arrays", deepArray],
    ["10,000 nested objects", deepObject],
    ["10,000 nested NOT conditions in a rule", deepCondition],
  ])("%s: refused with 'nested too deeply', no stack overflow, no hang", (_, text) => {
    const { value } = timed(() => importTemplate(text));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.issues).toEqual([expect.objectContaining({ path: "(file)", code: "tooDeep" })]);
  });

  test("the depth scan ignores brackets inside strings, and the engine's own checker agrees", () => {
    expect(jsonTextDepth('{"a":"[[[[{{{{","b":[1,[2]]}')).toBe(3);
    expect(jsonTextDepth('"\\"[["')).toBe(0);
    expect(parseTemplateJson(deepArray).issues[0].code).toBe("tooDeep");
  });

  test("nesting within the limit is fine", () => {
    let when = '{"field":"amount","op":">=","value":100}';
    for (let k = 0; k < 10; k++) when = `{"not":{"not":${when}}}`;
    const text = json({ ...tiers(), model: { kind: "rules", rules: [{ grade: "A", when: "__W__" }], otherwise: "C" } }).replace('"__W__"', when);
    const r = importTemplate(text);
    expect(r.ok).toBe(true);
  });
});

describe("prototype keys", () => {
  const base = json(tiers());
  const cases: [string, string, string][] = [
    ["__proto__ at the top", base.replace('{"id"', '{"__proto__":{"polluted":true},"id"'), "__proto__"],
    ["constructor in a field", base.replace('"key":"amount"', '"key":"amount","constructor":{"prototype":{"polluted":true}}'), "fields[0].constructor"],
    ["prototype in a label", base.replace('"label":{"en":"Amount"', '"label":{"prototype":1,"en":"Amount"'), "fields[0].label.prototype"],
    ["__proto__ in the model", base.replace('"kind":"bands"', '"__proto__":{"kind":"rules"},"kind":"bands"'), "model.__proto__"],
  ];

  test.each(cases)("%s: refused with its path", (_, text, path) => {
    const r = importTemplate(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path, code: "forbiddenKey" });
    expect(r.issues[0].message.en).toMatch(/is not allowed/);
    expect(r.issues[0].message.zh).toMatch(/不允许使用键/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  test("a map of points keyed '__proto__' or 'constructor' (a record, not a strict object) is refused too", () => {
    const t = JSON.parse(json(getBuiltinTemplate("pharma-score")));
    const text = json(t).replace('"kind":"map","field":"bidPriceCompliant","points":{', '"kind":"map","field":"bidPriceCompliant","points":{"__proto__":5,"constructor":3,');
    expect(text).toContain('"__proto__":5');
    const r = importTemplate(text);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(expect.arrayContaining([expect.stringMatching(/scoring\.points\.__proto__$/), expect.stringMatching(/scoring\.points\.constructor$/)]));
  });

  test("the engine's checker alone already rejects them where objects are strict (zod strictObject)", () => {
    const top = checkTemplate(JSON.parse(cases[0][1]));
    expect(top.ok).toBe(false);
    expect(top.issues[0]).toMatchObject({ path: "(template)", code: "schema" });
    expect(top.issues[0].message.en).toBe('unknown key "__proto__" (check its spelling, or remove it)');
    const field = checkTemplate(JSON.parse(cases[1][1]));
    expect(field.issues[0]).toMatchObject({ path: "fields[0]" });
    expect(field.issues[0].message.en).toBe('unknown key "constructor" (check its spelling, or remove it)');
  });

  test("helpers: keys are found iteratively at any depth; JSON.parse never sets a prototype", () => {
    const v = JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}');
    expect(Object.getPrototypeOf(v.a[0].b)).toBe(Object.prototype);
    expect(forbiddenKeyPaths(v)).toEqual(["a[0].b.__proto__"]);
    expect(FORBIDDEN_KEYS).toEqual(["__proto__", "constructor", "prototype"]);
    const r = parseJsonSafely('{"ok":1}');
    expect(r.ok && r.value).toEqual({ ok: 1 });
  });
});

describe("formula-looking labels", () => {
  test("are kept exactly as plain text (nothing evaluated, nothing stripped)", () => {
    const labels = ['=HYPERLINK("http://evil.example","click")', "=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+1", "@SUM(A1)", "<script>alert(1)</script>"];
    const t: Template = tiers({
      name: { en: labels[0], zh: labels[1] },
      grades: labels.slice(0, 3).map((l, k) => ({ id: ["A", "B", "C"][k], label: { en: l, zh: labels[k + 3] }, color: "#1E8E3E" })),
    });
    const r = parseTemplateJson(json(t));
    expect(r.ok).toBe(true);
    expect(r.template!.name).toEqual({ en: labels[0], zh: labels[1] });
    expect(r.template!.grades.map((g) => g.label)).toEqual(t.grades.map((g) => g.label));
  });
});

describe("schema problems read as sentences (not validator output)", () => {
  const base = () => ({
    id: "x",
    version: 1,
    name: { en: "a", zh: "b" },
    description: { en: "", zh: "" },
    category: "custom",
    fields: [{ key: "a", label: { en: "A", zh: "A" }, type: "number" }],
    grades: [{ id: "A", label: { en: "A", zh: "A" }, color: "#112233" }],
    model: { kind: "bands", field: "a", bands: [{ grade: "A", op: ">", value: 10 }] },
  });
  const issue = (t: unknown) => {
    const r = checkTemplate(t);
    expect(r.ok).toBe(false);
    return r.issues[0];
  };
  test.each([
    ["a wrong field type", (t: ReturnType<typeof base>) => ((t.fields[0] as { type: string }).type = "numbr"), "fields[0].type", 'must be one of: "number", "yesno", "category", "text", "date"', '应为以下之一：'],
    ["text where a number goes", (t: ReturnType<typeof base>) => ((t as { version: unknown }).version = "1"), "version", "must be a number, not text", "应为数字，而不是文本"],
    ["a missing list", (t: ReturnType<typeof base>) => delete (t as { grades?: unknown }).grades, "grades", "is missing: give a list [ … ]", "缺失：请填写列表"],
    ["text for a threshold", (t: ReturnType<typeof base>) => ((t.model.bands[0] as { value: unknown }).value = "10"), "model.bands[0].value", "is not a valid value here (text)", "不是此处可用的值（文本）"],
  ])("%s", (_, change, path, en, zh) => {
    const t = base();
    change(t);
    const i = issue(t);
    expect(i.path).toBe(path);
    expect(i.message.en).toContain(en);
    expect(i.message.zh).toContain(zh);
    expect(i.message.en).not.toMatch(/Invalid|received|expected/);
  });
});
