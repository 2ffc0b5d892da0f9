/**
 * Message catalogues: same keys in en and zh-CN, none empty, placeholders agree; and no UI string
 * hard-coded in the task pane's .tsx files (JSX text, aria-label, placeholder, title, label, hint...
 * string literals, and string literals directly inside JSX expressions).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { BUILTIN_TEMPLATES } from "../../src/templates";
import { en, zhCN } from "../../src/taskpane/i18n/catalogue";
import { CATALOGUES, MESSAGES, translate } from "../../src/taskpane/i18n";

const SRC = path.join(__dirname, "..", "..", "src", "taskpane");
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  test("en and zh-CN have the same keys, none missing or empty", () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zhCN).sort();
    expect(zhKeys).toEqual(enKeys);
    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      for (const key of enKeys) {
        const v = (cat as Record<string, string>)[key];
        if (typeof v !== "string" || !v.trim()) throw new Error(`${lang}: message '${key}' is missing or empty`);
      }
    }
  });

  test("each screen's catalogue file holds its own keys, none shared with another screen", () => {
    const dir = path.join(SRC, "i18n");
    const screens = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "catalogue.ts");
    expect(screens.length).toBeGreaterThanOrEqual(6);
    const owner = new Map<string, string>();
    for (const f of screens) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads each screen file by its path to see what it exports
      const exported = Object.values(require(path.join(dir, f)) as Record<string, Record<string, { en: string; zh: string }>>);
      expect([f, exported.length]).toEqual([f, 1]);
      for (const key of Object.keys(exported[0])) {
        if (owner.has(key)) throw new Error(`'${key}' is in both ${owner.get(key)} and ${f}`);
        owner.set(key, f);
      }
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  test("placeholders agree between the languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(zhCN[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  test("Chinese messages are Chinese (apart from names that are the same in both)", () => {
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === zhCN[k as keyof typeof en]);
    // Language names, separators, format-only messages.
    expect(same.sort()).toEqual(
      ["adhoc.percentSign", "adhoc.problem.checker", "app.language.en", "app.language.zh", "mapping.sampleSeparator"].sort(),
    );
  });

  test("translate fills placeholders, groups numbers, uses .one for a count of 1", () => {
    expect(translate("en", "apply.button", { count: 1200 })).toBe("Grade 1,200 rows");
    expect(translate("en", "apply.button", { count: 1 })).toBe("Grade 1 row");
    expect(translate("zh-CN", "apply.button", { count: 3 })).toBe("为 3 行分级");
    expect(translate("en", "result.badRow", { address: "Sheet1!C7", reason: "x" })).toBe("Sheet1!C7: x");
  });

  test("every built-in template text exists in both languages", () => {
    const texts: { en: string; zh: string }[] = [];
    for (const t of BUILTIN_TEMPLATES) {
      texts.push(t.name, t.description, ...(t.source ? [t.source] : []), ...(t.readings ?? []));
      for (const f of t.fields) texts.push(f.label);
      for (const g of t.grades) texts.push(g.label);
    }
    for (const x of texts) {
      expect(x.en.trim()).not.toBe("");
      expect(x.zh.trim()).not.toBe("");
    }
  });
});

/** Attributes whose string literal values are read by people. */
const TEXT_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-valuetext", "placeholder", "title", "alt", "label", "hint", "validationMessage", "content"]);
const HAS_WORDS = /[\p{L}]/u;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(p);
    return e.name.endsWith(".tsx") ? [p] : [];
  });
}

/** Hard-coded UI strings in a .tsx source: `file:line: text`. */
function findHardCodedStrings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${path.relative(SRC, file)}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text)) report(node, `JSX text ${JSON.stringify(node.text.trim())}`);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression
          : null;
      if (literal && TEXT_ATTRIBUTES.has(name) && HAS_WORDS.test(literal.text)) report(node, `${name}=${JSON.stringify(literal.text)}`);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && HAS_WORDS.test(e.text)) report(node, `{${JSON.stringify(e.text)}}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("no hard-coded UI strings in src/taskpane/**/*.tsx", () => {
  const files = tsxFiles(SRC);

  test("there are task pane components to scan", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  test("JSX text and text attributes come from the catalogues", () => {
    const found = files.flatMap((f) => findHardCodedStrings(f, fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  test("the scanner finds what it should", () => {
    const sample = [
      `const a = <Button aria-label="Close">Save</Button>;`,
      `const b = <Input placeholder={"Search"} title='Tip' />;`,
      `const c = <p>{"Hello"} {t("ok")} · 12</p>;`,
      `const d = <Field label="客户" hint={t("x")} />;`,
    ].join("\n");
    expect(findHardCodedStrings(path.join(SRC, "sample.tsx"), sample).map((s) => s.replace(/^.*?: /, ""))).toEqual([
      `aria-label="Close"`,
      `JSX text "Save"`,
      `placeholder="Search"`,
      `title="Tip"`,
      `{"Hello"}`,
      `label="客户"`,
    ]);
  });
});
