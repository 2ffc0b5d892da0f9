/*
 * manifest.xml (development) and the production manifest made from it (scripts/manifests.js): offline XSD
 * validation (scripts/validate-manifest.js -> xmllint), rejection of broken copies, the GradeKit-specific
 * wiring the XSD cannot check (shared runtime, namespace, zh-CN, icons), and what differs per environment
 * (Id, display name, namespace; <Version> from package.json).
 * Needs xmllint (Debian package libxml2-utils) - the tests FAIL with that name when it is missing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, attrValues, el, pngSize, requireOfflineValidation, validateManifest, xpath } from "./tools";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/manifests.js is a CommonJS build script
const manifests = require("../../scripts/manifests.js") as {
  ENVIRONMENTS: Record<"development" | "production", { id: string; displayName: string; displayNameZh: string; namespace: string }>;
  manifestFor: (env: string, content: string | Buffer, options?: { baseUrl?: string; version?: string }) => string;
  manifestVersion: (version: string) => string;
  normalizeBaseUrl: (raw: string) => string;
};
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const PROD_BASE = "https://addins.example.test/gradekit/";

const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_BASE = "https://localhost:3000/";
const VO = `/${el("OfficeApp")}/${el("VersionOverrides")}`;
const HOST = `${VO}/${el("Hosts")}/${el("Host")}`;
const RES = `${VO}/${el("Resources")}`;

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-manifest-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeVariant(name: string, edit: (xml: string) => string): string {
  const original = fs.readFileSync(MANIFEST, "utf8");
  const changed = edit(original);
  expect(changed).not.toBe(original); // the edit really happened
  const file = path.join(tmp, name);
  fs.writeFileSync(file, changed);
  return file;
}

/** string(...) of an XPath, trimmed. */
const str = (expr: string): string => xpath(MANIFEST, `string(${expr})`).trim();

/** DefaultValue of a bt:Url / bt:Image / bt:String resource by id. */
function resource(kind: "Urls" | "Images" | "ShortStrings" | "LongStrings", id: string): string {
  const item = kind === "Urls" ? "Url" : kind === "Images" ? "Image" : "String";
  return str(`${RES}/${el(kind)}/${el(item)}[@id='${id}']/@DefaultValue`);
}
function zhOverride(kind: "ShortStrings" | "LongStrings", id: string): string {
  return str(`${RES}/${el(kind)}/${el("String")}[@id='${id}']/${el("Override")}[@Locale='zh-CN']/@Value`);
}

describe("offline validation prerequisites", () => {
  test("xmllint (libxml2-utils) and the offline schemas are available", () => {
    requireOfflineValidation();
  });
});

describe("scripts/validate-manifest.js", () => {
  beforeAll(() => requireOfflineValidation());

  test("the real manifest.xml validates (exit 0)", () => {
    const r = validateManifest(MANIFEST);
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  test("defaults to manifest.xml in the project root", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js")], {
      encoding: "utf8",
      cwd: os.tmpdir(),
    });
    expect(`${r.stdout}${r.stderr}`).toContain(MANIFEST);
    expect(r.status).toBe(0);
  });

  test("rejects a copy with a misspelled element", () => {
    const file = writeVariant("misspelled.xml", (xml) =>
      xml.replace("<ProviderName>GradeKit</ProviderName>", "<ProvderName>GradeKit</ProvderName>"),
    );
    const r = validateManifest(file);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("ProvderName");
  });

  test("rejects a misspelled element inside VersionOverrides (ribbon)", () => {
    const file = writeVariant("misspelled-ribbon.xml", (xml) =>
      xml.replace(/<Supertip>/g, "<SuperTip>").replace(/<\/Supertip>/g, "</SuperTip>"),
    );
    const r = validateManifest(file);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("SuperTip");
  });

  test("rejects a copy with <Id> removed", () => {
    const file = writeVariant("no-id.xml", (xml) => xml.replace(/\s*<Id>[^<]*<\/Id>/, ""));
    const r = validateManifest(file);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Expected is \(.*Id \)/);
  });

  test("rejects XML that is not well-formed", () => {
    const file = writeVariant("broken.xml", (xml) => xml.replace("</OfficeApp>", ""));
    expect(validateManifest(file).status).not.toBe(0);
  });

  test("reports a missing file with a usage error", () => {
    const r = validateManifest(path.join(tmp, "does-not-exist.xml"));
    expect(r.status).toBe(2);
    expect(r.output).toContain("not found");
  });
});

describe("manifest.xml content", () => {
  beforeAll(() => requireOfflineValidation());

  test("identity: fixed GUID, provider, version, permissions, en-US default", () => {
    expect(str(`/${el("OfficeApp")}/@*[local-name()='type']`)).toBe("TaskPaneApp");
    expect(str(`/${el("OfficeApp")}/${el("Id")}`)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(str(`/${el("OfficeApp")}/${el("ProviderName")}`)).toBe("GradeKit");
    expect(str(`/${el("OfficeApp")}/${el("DefaultLocale")}`)).toBe("en-US");
    expect(str(`/${el("OfficeApp")}/${el("Permissions")}`)).toBe("ReadWriteDocument");
    expect(str(`/${el("OfficeApp")}/${el("SupportUrl")}/@DefaultValue`)).toMatch(/^https:\/\//);
    expect(attrValues(MANIFEST, `/${el("OfficeApp")}/${el("Hosts")}/${el("Host")}`, "Name")).toEqual(["Workbook"]);
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = `/${el("OfficeApp")}/${el("Requirements")}/${el("Sets")}/${el("Set")}`;
    for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
      expect(str(`${sets}[@Name='${name}']/@MinVersion`)).toBe("1.1");
    }
  });

  test("shared runtime: runtime, task pane, function file, custom functions page and button use Taskpane.Url", () => {
    expect(attrValues(MANIFEST, `${HOST}/${el("Runtimes")}/${el("Runtime")}`, "resid")).toEqual(["Taskpane.Url"]);
    expect(str(`${HOST}/${el("Runtimes")}/${el("Runtime")}/@lifetime`)).toBe("long");
    const cf = `${HOST}/${el("AllFormFactors")}/${el("ExtensionPoint")}[@*[local-name()='type']='CustomFunctions']`;
    expect(str(`${cf}/${el("Page")}/${el("SourceLocation")}/@resid`)).toBe("Taskpane.Url");
    expect(str(`${HOST}/${el("DesktopFormFactor")}/${el("FunctionFile")}/@resid`)).toBe("Taskpane.Url");
    expect(attrValues(MANIFEST, `//${el("Action")}/${el("SourceLocation")}`, "resid")).toEqual(["Taskpane.Url"]);
    expect(resource("Urls", "Taskpane.Url")).toBe(`${DEV_BASE}taskpane.html`);
    expect(str(`/${el("OfficeApp")}/${el("DefaultSettings")}/${el("SourceLocation")}/@DefaultValue`)).toBe(
      `${DEV_BASE}taskpane.html`,
    );
  });

  test("custom functions: GKDEV namespace (development), functions.js script, functions.json metadata", () => {
    const cf = `${HOST}/${el("AllFormFactors")}/${el("ExtensionPoint")}[@*[local-name()='type']='CustomFunctions']`;
    const scriptId = str(`${cf}/${el("Script")}/${el("SourceLocation")}/@resid`);
    const metaId = str(`${cf}/${el("Metadata")}/${el("SourceLocation")}/@resid`);
    const nsId = str(`${cf}/${el("Namespace")}/@resid`);
    expect(resource("Urls", scriptId)).toBe(`${DEV_BASE}functions.js`);
    expect(resource("Urls", metaId)).toBe(`${DEV_BASE}functions.json`);
    expect(resource("ShortStrings", nsId)).toBe("GKDEV");
  });

  test("Home-tab ribbon group with a GradeKit button that shows the task pane", () => {
    const tab = `${HOST}/${el("DesktopFormFactor")}/${el("ExtensionPoint")}[@*[local-name()='type']='PrimaryCommandSurface']/${el("OfficeTab")}`;
    expect(attrValues(MANIFEST, tab, "id")).toEqual(["TabHome"]);
    const button = `${tab}/${el("Group")}/${el("Control")}`;
    expect(str(`${button}/@*[local-name()='type']`)).toBe("Button");
    expect(str(`${button}/${el("Action")}/@*[local-name()='type']`)).toBe("ShowTaskpane");
    expect(resource("ShortStrings", str(`${button}/${el("Label")}/@resid`))).toBe("GradeKit");
  });

  test("every resid used is defined, and every ribbon/start string has a zh-CN override", () => {
    const used = new Set(
      [...fs.readFileSync(MANIFEST, "utf8").matchAll(/resid="([^"]+)"/g)].map((m) => m[1]),
    );
    const defined = new Set(attrValues(MANIFEST, `${RES}/*/*`, "id"));
    for (const id of used) expect(defined).toContain(id);

    const labelIds = new Set(
      attrValues(
        MANIFEST,
        `${HOST}/${el("DesktopFormFactor")}//*[local-name()='Label' or local-name()='Title' or local-name()='Description']`,
        "resid",
      ),
    );
    expect(labelIds.size).toBeGreaterThanOrEqual(5);
    for (const id of labelIds) {
      const kind = resource("ShortStrings", id) ? "ShortStrings" : "LongStrings";
      expect(resource(kind, id)).not.toBe("");
      expect({ id, zh: zhOverride(kind, id) }).toEqual({ id, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    for (const name of ["DisplayName", "Description"]) {
      expect(str(`/${el("OfficeApp")}/${el(name)}/${el("Override")}[@Locale='zh-CN']/@Value`)).toMatch(
        /[\u4e00-\u9fff]/,
      );
    }
  });

  test("icons: every icon URL maps to a PNG in assets/ of the declared size", () => {
    const icons: Array<[string, number]> = [
      [str(`/${el("OfficeApp")}/${el("IconUrl")}/@DefaultValue`), 32],
      [str(`/${el("OfficeApp")}/${el("HighResolutionIconUrl")}/@DefaultValue`), 64],
    ];
    const images = attrValues(MANIFEST, `//${el("Icon")}/${el("Image")}`, "size").map(Number);
    expect(new Set(images)).toEqual(new Set([16, 32, 80]));
    for (const size of images) {
      const resid = str(`(//${el("Icon")}/${el("Image")}[@size='${size}'])[1]/@resid`);
      icons.push([resource("Images", resid), size]);
    }
    for (const [url, size] of icons) {
      expect(url.startsWith(`${DEV_BASE}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_BASE.length));
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("all URLs use the dev base URL (the production build rewrites exactly this prefix)", () => {
    const urls = [...fs.readFileSync(MANIFEST, "utf8").matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_BASE)).toBe(true);
  });
});

describe("icons", () => {
  test("assets/ icons are the exact output of scripts/make-icons.js", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.js"), "--check"], {
      encoding: "utf8",
    });
    expect(`${r.stdout}${r.stderr}`).toContain("up to date");
    expect(r.status).toBe(0);
  });

  test.each([
    ["icon-16.png", 16],
    ["icon-32.png", 32],
    ["icon-64.png", 64],
    ["icon-80.png", 80],
    ["icon-128.png", 128],
    ["logo-filled.png", 160],
  ])("%s is %ipx square", (file, size) => {
    expect(pngSize(path.join(ROOT, "assets", file))).toEqual({ width: size, height: size });
  });
});

describe("per-environment manifests (scripts/manifests.js)", () => {
  let prodFile: string;
  const prod = (expr: string): string => xpath(prodFile, `string(${expr})`).trim();
  const identity = (read: (expr: string) => string) => ({
    id: read(`/${el("OfficeApp")}/${el("Id")}`),
    name: read(`/${el("OfficeApp")}/${el("DisplayName")}/@DefaultValue`),
    nameZh: read(`/${el("OfficeApp")}/${el("DisplayName")}/${el("Override")}[@Locale='zh-CN']/@Value`),
    namespace: read(`${RES}/${el("ShortStrings")}/${el("String")}[@id='Functions.Namespace']/@DefaultValue`),
    version: read(`/${el("OfficeApp")}/${el("Version")}`),
  });

  beforeAll(() => {
    requireOfflineValidation();
    prodFile = path.join(tmp, "production.xml");
    fs.writeFileSync(prodFile, manifests.manifestFor("production", fs.readFileSync(MANIFEST), { baseUrl: PROD_BASE }));
  });

  test("manifest.xml is the development manifest: its values are scripts/manifests.js's development ones", () => {
    const dev = manifests.ENVIRONMENTS.development;
    expect(identity(str)).toEqual({
      id: dev.id,
      name: dev.displayName,
      nameZh: dev.displayNameZh,
      namespace: dev.namespace,
      version: manifests.manifestVersion(PACKAGE_VERSION),
    });
    // making the development manifest from manifest.xml changes nothing
    const xml = fs.readFileSync(MANIFEST, "utf8");
    expect(manifests.manifestFor("development", xml)).toBe(xml);
  });

  test("the production manifest validates offline", () => {
    const r = validateManifest(prodFile);
    expect(r.output).toContain("validates");
    expect(r.status).toBe(0);
  });

  test("development and production differ in Id, display name and custom functions namespace (GKDEV vs GK)", () => {
    const d = identity(str);
    const p = identity(prod);
    expect(p).toEqual({
      id: manifests.ENVIRONMENTS.production.id,
      name: "GradeKit",
      nameZh: "GradeKit 客户分级",
      namespace: "GK",
      version: d.version,
    });
    expect(d.namespace).toBe("GKDEV");
    expect(p.id).not.toBe(d.id);
    expect(p.name).not.toBe(d.name);
    expect(p.nameZh).not.toBe(d.nameZh);
    expect(p.namespace).not.toBe(d.namespace);
    for (const id of [p.id, d.id]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("production: every URL under the base URL, no localhost, no developer comments", () => {
    const xml = fs.readFileSync(prodFile, "utf8");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).not.toContain("<!--");
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(PROD_BASE)).toBe(true);
  });

  test("<Version> comes from package.json (major.minor.patch + .0)", () => {
    expect(manifests.manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifests.manifestVersion("12.3.45")).toBe("12.3.45.0");
    for (const bad of ["1.2", "1.2.3-beta.1", "1.2.70000", "v1.2.3"]) {
      expect(() => manifests.manifestVersion(bad)).toThrow(/major\.minor\.patch/);
    }
    const bumped = manifests.manifestFor("production", fs.readFileSync(MANIFEST), { baseUrl: PROD_BASE, version: "2.3.4" });
    expect(bumped).toContain("<Version>2.3.4.0</Version>");
    expect(manifests.manifestFor("development", fs.readFileSync(MANIFEST), { version: "2.3.4" })).toContain(
      "<Version>2.3.4.0</Version>",
    );
    expect(str(`/${el("OfficeApp")}/${el("Version")}`)).toBe(manifests.manifestVersion(PACKAGE_VERSION));
  });

  test("base URLs: normalized to end in /, query, fragment and relative URLs refused", () => {
    expect(manifests.normalizeBaseUrl("https://a.example/x")).toBe("https://a.example/x/");
    expect(manifests.normalizeBaseUrl("https://a.example/x/")).toBe("https://a.example/x/");
    expect(() => manifests.normalizeBaseUrl("addins/gradekit")).toThrow(/not an absolute URL/);
    expect(() => manifests.normalizeBaseUrl("https://a.example/?v=1")).toThrow(/query or fragment/);
  });

  test("a manifest without exactly one namespace string is refused, not half-converted", () => {
    const xml = fs.readFileSync(MANIFEST, "utf8").replace(/\s*<bt:String id="Functions\.Namespace"[^>]*\/>/, "");
    expect(() => manifests.manifestFor("production", xml, { baseUrl: PROD_BASE })).toThrow(/namespace/);
  });
});
