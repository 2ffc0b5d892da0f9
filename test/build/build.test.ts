/*
 * The add-in build, run for real:
 * - `npm run build` ONCE with GRADEKIT_BASE_URL set (production: office.js from Microsoft's CDN, production
 *   manifest, help pages, third-party notices);
 * - `npm run build:dev` ONCE (development: self-hosted office.js, development manifest);
 * - `npm run build` without GRADEKIT_BASE_URL, which must stop at once with a message.
 *
 * Builds go to temporary directories (`-- --output-path <tmp>`), not to dist/, so this test never races
 * other suites or a developer's dev server that use dist/. Everything else is exactly the npm scripts.
 * Needs xmllint (Debian package libxml2-utils) for the manifest validation.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, pngSize, requireOfflineValidation, validateManifest } from "../manifest/tools";

const BASE_URL = "https://example.test/gk/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHINA_OFFICE_JS = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
const FUNCTIONS_SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string })
  .version;

interface Built {
  dir: string;
  status: number | null;
  output: string;
  seconds: number;
}

const tmpDirs: string[] = [];

/** `npm run <script> -- --output-path <tmp>` with the given environment changes. */
function npmBuild(script: string, env: Record<string, string | undefined>, timeout = 230_000): Built {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gradekit-${script.replace(/:/g, "-")}-`));
  tmpDirs.push(dir);
  const fullEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete fullEnv[k];
  const started = Date.now();
  const r = spawnSync("npm", ["run", script, "--", "--output-path", dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: fullEnv,
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    dir,
    status: r.status,
    output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`,
    seconds: (Date.now() - started) / 1000,
  };
}

afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Custom function ids declared with @customfunction in src/functions/functions.ts. */
function declaredFunctionIds(): string[] {
  const src = fs.readFileSync(FUNCTIONS_SOURCE, "utf8");
  const ids: string[] = [];
  const re =
    /@customfunction\b[ \t]*([A-Za-z_][\w.]*)?[^]*?\*\/\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g;
  for (const m of src.matchAll(re)) ids.push((m[1] ?? m[2]).toUpperCase());
  return ids;
}

const scriptsOf = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1].replace(/\?.*$/, ""));

const manifestValue = (xml: string, re: RegExp): string => re.exec(xml)?.[1] ?? "";

describe("production build (npm run build, GRADEKIT_BASE_URL set)", () => {
  let build: Built;
  const read = (rel: string): string => fs.readFileSync(path.join(build.dir, rel), "utf8");

  beforeAll(() => {
    build = npmBuild("build", { GRADEKIT_BASE_URL: BASE_URL, GRADEKIT_OFFICE_JS: undefined });
  }, 240_000);

  test("npm run build succeeds", () => {
    if (build.status !== 0) throw new Error(`build failed (exit ${build.status}):\n${build.output.slice(-4000)}`);
    expect(build.output).toMatch(/compiled successfully/);
    console.log(`production build took ${build.seconds.toFixed(1)} s`);
  });

  describe("output", () => {
    beforeAll(() => {
      if (build.status !== 0) throw new Error("build failed; see the first test");
    });

    test("one taskpane.html loads office.js from Microsoft's CDN first, then functions, commands, taskpane", () => {
      const html = read("taskpane.html");
      expect(scriptsOf(html)).toEqual([CDN_OFFICE_JS, "functions.js", "commands.js", "taskpane.js"]);
      // no other absolute URL: everything else is served from the add-in's own origin
      expect(html.split(CDN_OFFICE_JS).join("")).not.toMatch(/https?:\/\//);
      expect(html).toMatch(/id=["']?root/);
      for (const f of ["functions.js", "commands.js", "taskpane.js"])
        expect(fs.existsSync(path.join(build.dir, f))).toBe(true);
      expect(fs.readdirSync(build.dir).filter((f) => f.endsWith(".html"))).toEqual(["taskpane.html"]);
      expect(fs.existsSync(path.join(build.dir, "office-js"))).toBe(false); // not redistributed by default
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

    test("every function's helpUrl points at its help page under the base URL; the pages exist in en and zh-CN", () => {
      for (const file of ["functions.json", "functions-zh-CN.json"]) {
        const meta = JSON.parse(read(file)) as { functions: Array<{ id: string; name: string; helpUrl?: string }> };
        for (const f of meta.functions) {
          const page = `help/${f.id.toLowerCase()}.html`;
          expect({ file, id: f.id, helpUrl: f.helpUrl }).toEqual({ file, id: f.id, helpUrl: `${BASE_URL}${page}` });
          expect(fs.existsSync(path.join(build.dir, page))).toBe(true);
          const en = read(`help/en/${f.id.toLowerCase()}.html`);
          const zh = read(`help/zh-CN/${f.id.toLowerCase()}.html`);
          expect(en).toContain(`GK.${f.name}`);
          expect(zh).toContain(`GK.${f.name}`);
          expect(zh).toMatch(/[\u4e00-\u9fff]/);
          expect(en).toMatch(/<html lang=["']?en/);
          expect(zh).toMatch(/<html lang=["']?zh-CN/);
        }
      }
      for (const index of ["help/index.html", "help/en/index.html", "help/zh-CN/index.html"]) {
        expect(fs.existsSync(path.join(build.dir, index))).toBe(true);
      }
    });

    test("icons and logo are copied", () => {
      for (const size of [16, 32, 64, 80]) {
        expect(pngSize(path.join(build.dir, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
      }
      expect(fs.existsSync(path.join(build.dir, "assets", "logo-filled.png"))).toBe(true);
    });

    test("bundles are tree-shaken and minified (size guard)", () => {
      const size = (f: string): number => fs.statSync(path.join(build.dir, f)).size;
      const sizes = { functions: size("functions.js"), commands: size("commands.js"), taskpane: size("taskpane.js") };
      console.log(`bundle sizes (bytes): ${JSON.stringify(sizes)}`);
      expect(sizes.taskpane).toBeLessThan(2 * 1024 * 1024);
      expect(sizes.functions + sizes.commands).toBeLessThan(1024 * 1024);
    });

    test("dist manifest validates with scripts/validate-manifest.js", () => {
      requireOfflineValidation();
      const r = validateManifest(path.join(build.dir, "manifest.xml"));
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

    test("the dist manifest is the production one: GK namespace, 'GradeKit', production Id, package.json version", () => {
      const xml = read("manifest.xml");
      const dev = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
      const ns = /<bt:String id="Functions\.Namespace" DefaultValue="([^"]*)"/;
      const id = /<Id>([^<]*)<\/Id>/;
      expect(manifestValue(xml, ns)).toBe("GK");
      expect(manifestValue(xml, /<DisplayName DefaultValue="([^"]*)"/)).toBe("GradeKit");
      expect(manifestValue(xml, id)).not.toBe(manifestValue(dev, id));
      expect(manifestValue(xml, /<Version>([^<]*)<\/Version>/)).toBe(`${PACKAGE_VERSION}.0`);
    });

    test("THIRD-PARTY-NOTICES.txt covers the bundled packages, each named in THIRD-PARTY-NOTICES.md", () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS webpack plugin
      const { packagesListed } = require(path.join(ROOT, "scripts", "third-party-notices.js")) as {
        packagesListed: (text: string) => Array<{ name: string; version: string; license: string }>;
      };
      const text = read("THIRD-PARTY-NOTICES.txt");
      const listed = packagesListed(text);
      const names = listed.map((p) => p.name);
      for (const expected of ["react", "react-dom", "zod", "@fluentui/react-button"]) expect(names).toContain(expected);
      expect(names).not.toContain("@microsoft/office-js"); // CDN by default: not redistributed
      for (const p of listed)
        expect({ name: p.name, license: p.license }).not.toEqual({ name: p.name, license: "UNKNOWN" });
      const summary = fs.readFileSync(path.join(ROOT, "THIRD-PARTY-NOTICES.md"), "utf8");
      const missing = names.filter((n) => !summary.includes(`\`${n}\``));
      expect(missing).toEqual([]);
    });
  });
});

describe("development build (npm run build:dev)", () => {
  let build: Built;

  beforeAll(() => {
    build = npmBuild("build:dev", { GRADEKIT_BASE_URL: undefined, GRADEKIT_OFFICE_JS: undefined });
  }, 240_000);

  test("succeeds with self-hosted office.js (no *.debug.js), the development manifest and GKDEV help pages", () => {
    if (build.status !== 0) throw new Error(`build failed (exit ${build.status}):\n${build.output.slice(-4000)}`);
    const html = fs.readFileSync(path.join(build.dir, "taskpane.html"), "utf8");
    expect(scriptsOf(html)[0]).toBe("office-js/office.js");
    const dir = path.join(build.dir, "office-js");
    expect(fs.existsSync(path.join(dir, "office.js"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "excel-web-16.00.js"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "en-us", "office_strings.js"))).toBe(true);
    const debug = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".debug.js"));
    expect(debug).toEqual([]);
    expect(fs.readFileSync(path.join(build.dir, "manifest.xml"), "utf8")).toBe(
      fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
    );
    expect(fs.readFileSync(path.join(build.dir, "help", "en", "grade.html"), "utf8")).toContain("GKDEV.GRADE");
    const notices = fs.readFileSync(path.join(build.dir, "THIRD-PARTY-NOTICES.txt"), "utf8");
    expect(notices).toMatch(/^- @microsoft\/office-js@\S+ \(see licence text\) - office\.js, self-hosted/m);
    expect(notices).toContain("MICROSOFT SOFTWARE LICENSE TERMS");
  });
});

describe("a production build without GRADEKIT_BASE_URL", () => {
  test("exits non-zero at once with a message saying what to set", () => {
    const r = npmBuild("build", { GRADEKIT_BASE_URL: undefined }, 120_000);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("[gradekit] A production build needs GRADEKIT_BASE_URL");
    expect(r.output).toContain("GRADEKIT_BASE_URL=https://addins.example.com/gradekit/ npm run build");
    expect(r.output).not.toMatch(/compiled/);
    expect(fs.readdirSync(r.dir)).toEqual([]); // nothing was built
  }, 120_000);
});

describe("webpack.config.js switches", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, loaded as Node loads it
  const config = require(path.join(ROOT, "webpack.config.js")) as {
    rewriteManifest: (content: Buffer, baseUrl: string) => string;
    officeJsSource: (isProduction: boolean, raw?: string) => { mode: string; src: string };
    deploymentBaseUrl: (isProduction: boolean, raw?: string) => string;
    ConfigError: new (message: string) => Error;
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

  test("GRADEKIT_OFFICE_JS: cdn (production default), self (development default), china, any https URL", () => {
    expect(config.officeJsSource(true, undefined)).toEqual({ mode: "cdn", src: CDN_OFFICE_JS });
    expect(config.officeJsSource(false, undefined)).toEqual({ mode: "self", src: "office-js/office.js" });
    expect(config.officeJsSource(true, "self")).toEqual({ mode: "self", src: "office-js/office.js" });
    expect(config.officeJsSource(false, "cdn")).toEqual({ mode: "cdn", src: CDN_OFFICE_JS });
    expect(config.officeJsSource(true, "china")).toEqual({ mode: "china", src: CHINA_OFFICE_JS });
    const own = "https://cdn.example.test/office/1/office.js";
    expect(config.officeJsSource(true, own)).toEqual({ mode: "url", src: own });
    for (const bad of ["CDN", "http://insecure.example/office.js", "https://x/a b.js"]) {
      expect(() => config.officeJsSource(true, bad)).toThrow(config.ConfigError);
    }
  });

  test("GRADEKIT_BASE_URL: required in production, optional in development, normalized", () => {
    expect(() => config.deploymentBaseUrl(true, undefined)).toThrow(/needs GRADEKIT_BASE_URL/);
    expect(config.deploymentBaseUrl(false, undefined)).toBe("https://localhost:3000/");
    expect(config.deploymentBaseUrl(true, "https://a.example/gk")).toBe("https://a.example/gk/");
    expect(() => config.deploymentBaseUrl(true, "not a url")).toThrow(config.ConfigError);
  });
});
