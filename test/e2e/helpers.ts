/**
 * End-to-end test helpers: Debian Chromium through playwright-core (never a downloaded browser), the
 * playground built once and served on a free localhost port, pages whose every request is checked
 * (anything not to localhost fails the test), screenshots under test-artifacts/e2e/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
export const CHROMIUM = process.env.GRADEKIT_CHROMIUM || "/usr/bin/chromium";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/playground-server.js is a CommonJS script
const server = require(path.join(ROOT, "scripts", "playground-server.js")) as {
  buildPlayground(opts: { outputPath?: string; mode?: string }): Promise<string>;
  serveStatic(dir: string, opts: { port?: number }): Promise<{ port: number; close(): Promise<unknown> }>;
};

/** Fails (never skips) when the browser is missing. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing: ${CHROMIUM} does not exist. The end-to-end tests need Debian's Chromium; ` +
        "install it with `bash scripts/install-deps.sh` (or `apt-get install -y chromium`).",
    );
  }
}

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

export interface Served {
  url: string;
  dir: string;
  buildSeconds: number;
  close(): Promise<void>;
}

/** Builds the playground once into a temporary directory and serves it on a free localhost port. */
export async function buildAndServe(): Promise<Served> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-playground-"));
  const started = Date.now();
  await server.buildPlayground({ outputPath: dir, mode: "development" });
  const buildSeconds = (Date.now() - started) / 1000;
  const s = await server.serveStatic(dir, { port: 0 });
  return {
    url: `http://localhost:${s.port}/`,
    dir,
    buildSeconds,
    async close() {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** True for URLs that stay on this machine (and data:/blob: URLs, which make no request). */
export function isLocal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
  return LOCAL_HOSTS.has(u.hostname);
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Requests to anything but localhost (aborted). Must stay empty. */
  external: string[];
  /** Uncaught page errors and console errors. Must stay empty. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context + page on the playground; every request is routed and checked. */
export async function openPlayground(browser: Browser, served: Served, query = "?lang=en&workbook=en"): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: "en-US", serviceWorkers: "block" });
  const external: string[] = [];
  const errors: string[] = [];
  context.on("request", (req) => {
    if (!isLocal(req.url())) external.push(`${req.method()} ${req.url()}`);
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    if (!external.includes(`${route.request().method()} ${url}`)) external.push(`${route.request().method()} ${url}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000); // a step that cannot happen fails in seconds, not at the test timeout
  page.setDefaultNavigationTimeout(60_000); // the first load of the development build on a busy 2-core machine
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(served.url + query, { timeout: 60_000 }); // a development bundle on a loaded machine
  await page.locator(".gk-grid").waitFor({ timeout: 60_000 });
  await page.locator("li[data-template-id]").first().waitFor();
  return {
    page,
    context,
    external,
    errors,
    async close() {
      await context.close();
    },
  };
}

let shotCount = 0;

/** Saves a screenshot under test-artifacts/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  shotCount++;
  return file;
}

/**
 * Runs one step of a flow; when it fails, a screenshot of the page is saved and its path is added to
 * the error message.
 */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    let where = "(no screenshot: the page could not be captured)";
    try {
      where = `screenshot: ${await screenshot(page, `FAILED-${name.replace(/[^\w.-]+/g, "-").slice(0, 80)}`)}`;
    } catch {
      // page closed or crashed
    }
    const original = e instanceof Error ? e : new Error(String(e));
    const err = new Error(`step "${name}" failed: ${original.message}\n${where}`);
    err.stack = `${err.message}\n${(original.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).join("\n")}`;
    throw err;
  }
}

/** "#B7E1CD" -> "rgb(183, 225, 205)", as getComputedStyle reports colours. */
export function rgb(hex: string): string {
  const h = hex.replace("#", "");
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return `rgb(${n(0)}, ${n(2)}, ${n(4)})`;
}

export const NO_FILL = "rgba(0, 0, 0, 0)";

/** Text and computed background colour of grid cells `col` rows r0..r1 (1-based) of the shown sheet. */
export async function columnCells(page: Page, col: string, r0: number, r1: number): Promise<{ text: string; bg: string }[]> {
  const addresses = Array.from({ length: r1 - r0 + 1 }, (_, i) => `${col}${r0 + i}`);
  return page.$$eval(
    ".gk-grid td[data-address]",
    (tds, wanted) => {
      const by = new Map(tds.map((td) => [td.getAttribute("data-address"), td as HTMLElement]));
      return (wanted as string[]).map((a) => {
        const td = by.get(a);
        return td ? { text: td.textContent ?? "", bg: getComputedStyle(td).backgroundColor } : { text: "<missing>", bg: "" };
      });
    },
    addresses,
  );
}

export function cell(page: Page, address: string) {
  return page.locator(`.gk-grid td[data-address="${address}"]`);
}

/** Drags the mouse from one cell to another (a range selection). */
export async function drag(page: Page, from: string, to: string): Promise<void> {
  await cell(page, from).hover();
  await page.mouse.down();
  await cell(page, to).hover({ force: true });
  await page.mouse.up();
}

export async function selection(page: Page): Promise<string | null> {
  return page.locator(".gk-grid").getAttribute("data-selection");
}

export function artifactsNote(): string {
  return `${shotCount} screenshots in ${path.relative(ROOT, ARTIFACTS)}/`;
}

/** Polls `read` until it returns `want` (the page updates asynchronously after an action). */
export async function eventually<T>(read: () => Promise<T>, want: T, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    if (Date.now() > end) throw new Error(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
