/*
 * Production build: runs `npm run build` ONCE (with GRADEKIT_BASE_URL set) and checks the output.
 *
 * The build goes to a temporary directory (`npm run build -- --output-path <tmp>`), not to dist/, so this
 * test never races other suites or a developer's dev server that use dist/. Everything else is exactly
 * `npm run build`. Needs xmllint (Debian package libxml2-utils) for the manifest validation.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, pngSize, requireOfflineValidation, validateManifest } from "../manifest/tools";

const BASE_URL = "https://example.test/gk/";
const FUNCTIONS_SOURCE = path.join(ROOT, "src", "functions", "functions.ts");

let out: string;
let build: { status: number | null; output: string; seconds: number };

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-build-"));
  const started = Date.now();
  const r = spawnSync("npm", ["run", "build", "--", "--output-path", out], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, GRADEKIT_BASE_URL: BASE_URL },
    timeout: 170_000,
  });
  build = {
    status: r.status,
    output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`,
    seconds: (Date.now() - started) / 1000,
  };
}, 180_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (rel: string): string => fs.readFileSync(path.join(out, rel), "utf8");

/** Custom function ids declared with @customfunction in src/functions/functions.ts. */
function declaredFunctionIds(): string[] {
  const src = fs.readFileSync(FUNCTIONS_SOURCE, "utf8");
  const ids: string[] = [];
  const re = /@customfunction\b[ \t]*([A-Za-z_][\w.]*)?[^]*?\*\/\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g;
  for (const m of src.matchAll(re)) ids.push((m[1] ?? m[2]).toUpperCase());
  return ids;
}

test("npm run build succeeds", () => {
  if (build.status !== 0) throw new Error(`build failed (exit ${build.status}):\n${build.output.slice(-4000)}`);
  expect(build.output).toMatch(/compiled successfully/);
  console.log(`production build took ${build.seconds.toFixed(1)} s`);
});

describe("build output", () => {
  beforeAll(() => {
    if (build.status !== 0) throw new Error("build failed; see the first test");
  });

  test("one taskpane.html loads self-hosted office.js first, then functions, commands, taskpane", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts.map((s) => s.replace(/\?.*$/, ""))).toEqual([
      "office-js/office.js",
      "functions.js",
      "commands.js",
      "taskpane.js",
    ]);
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com|https?:\/\//); // no CDN, no absolute URLs
    expect(html).toMatch(/id=["']?root/);
    for (const f of ["functions.js", "commands.js", "taskpane.js"]) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".html"))).toEqual(["taskpane.html"]);
  });

  test("office.js is self-hosted without *.debug.js", () => {
    const dir = path.join(out, "office-js");
    expect(fs.existsSync(path.join(dir, "office.js"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "excel-web-16.00.js"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "en-us", "office_strings.js"))).toBe(true);
    const debug = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".debug.js"));
    expect(debug).toEqual([]);
  });

  test("functions.json lists the @customfunction functions of src/functions/functions.ts", () => {
    const meta = JSON.parse(read("functions.json")) as { functions: Array<{ id: string; name: string }> };
    expect(Array.isArray(meta.functions)).toBe(true);
    expect(meta.functions.length).toBeGreaterThan(0);
    for (const f of meta.functions) {
      expect(typeof f.id).toBe("string");
      expect(typeof f.name).toBe("string");
    }
    const declared = declaredFunctionIds();
    expect(declared.length).toBeGreaterThan(0);
    expect(meta.functions.map((f) => f.id.toUpperCase()).sort()).toEqual([...declared].sort());
    // the plugin appended the registrations to the functions bundle
    const bundle = read("functions.js");
    for (const f of meta.functions) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
  });

  test("icons and logo are copied", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(out, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(fs.existsSync(path.join(out, "assets", "logo-filled.png"))).toBe(true);
  });

  test("bundles are tree-shaken and minified (size guard)", () => {
    const size = (f: string): number => fs.statSync(path.join(out, f)).size;
    const sizes = { functions: size("functions.js"), commands: size("commands.js"), taskpane: size("taskpane.js") };
    console.log(`bundle sizes (bytes): ${JSON.stringify(sizes)}`);
    expect(sizes.taskpane).toBeLessThan(2 * 1024 * 1024);
    expect(sizes.functions + sizes.commands).toBeLessThan(1024 * 1024);
  });

  test("dist manifest validates with scripts/validate-manifest.js", () => {
    requireOfflineValidation();
    const r = validateManifest(path.join(out, "manifest.xml"));
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  test(`with GRADEKIT_BASE_URL=${BASE_URL} the dist manifest has no localhost left`, () => {
    const xml = read("manifest.xml");
    expect(xml).not.toMatch(/localhost/i);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(BASE_URL)).toBe(true);
    expect(xml).toContain(`DefaultValue="${BASE_URL}taskpane.html"`);
    expect(xml).toContain(`DefaultValue="${BASE_URL}functions.json"`);
  });
});

describe("manifest rewriting (webpack.config.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, loaded as Node loads it
  const config = require(path.join(ROOT, "webpack.config.js")) as {
    rewriteManifest: (content: Buffer, baseUrl: string) => string;
  };
  const source = fs.readFileSync(path.join(ROOT, "manifest.xml"));

  test("without a deployment URL the production manifest keeps https://localhost:3000/", () => {
    const xml = config.rewriteManifest(source, "https://localhost:3000/");
    expect(xml).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
    expect(xml).not.toContain("<!--");
  });

  test("special characters in the base URL are XML-escaped", () => {
    const xml = config.rewriteManifest(source, "https://example.test/a&b/");
    expect(xml).toContain('DefaultValue="https://example.test/a&amp;b/taskpane.html"');
  });
});
