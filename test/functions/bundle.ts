/*
 * Builds the add-in the way production does (`npx webpack --mode production --output-path <tmp>`) and
 * loads the custom functions the way Excel does: read the generated functions.json, evaluate the built
 * functions.js as a script in a vm context whose globals are a stub `CustomFunctions` (associate(),
 * Error, ErrorCode - shaped like Office's custom-functions-runtime) and a stub `Office`, then call each
 * function by its functions.json id.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

export const ROOT = path.resolve(__dirname, "../..");

/** Office's ErrorCode values (custom-functions-runtime). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/**
 * Like Office's CustomFunctionError: `new CustomFunctions.Error(code, message?)`, `.code`, `.message`,
 * `.type === "Error"`. Error cells in arguments arrive as such objects with no message.
 */
export class CustomFunctionError extends Error {
  readonly code: string;
  readonly type = "Error";
  constructor(code?: string, message?: string) {
    super(message ?? "");
    this.code = code ?? ErrorCode.invalidValue;
  }
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

export type Fn = (...args: unknown[]) => unknown;

export interface LoadedFunctions {
  dir: string;
  metadata: Metadata;
  metadataZh: Metadata;
  /** Functions by functions.json id. */
  byId: Record<string, Fn>;
  /** The stub Office global (tests set context.displayLanguage). */
  office: { context: { displayLanguage: string } };
}

export interface Build {
  status: number | null;
  output: string;
  seconds: number;
  dir: string;
}

function webpack(args: string[], dir: string): Build {
  const started = Date.now();
  const r = spawnSync("npx", ["webpack", ...args, "--mode", "production", "--output-path", dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, GRADEKIT_BASE_URL: process.env.GRADEKIT_BASE_URL || "https://example.test/gk/" }, // production builds need one
    timeout: 170_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`,
    seconds: (Date.now() - started) / 1000,
    dir,
  };
}

/** `npx webpack --mode production --output-path <tmp>`: exactly the production build. */
export function buildProduction(): Build {
  return webpack([], fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-functions-")));
}

/**
 * The production config with only the `functions` entry (no task pane page): used when the full build
 * fails for reasons outside the functions (e.g. task pane work in progress), so the functions can still
 * be tested - the failed full build is reported by its own test.
 */
export function buildFunctionsOnly(): Build {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradekit-functions-only-"));
  const config = path.join(dir, "..", `${path.basename(dir)}.webpack.config.js`);
  fs.writeFileSync(
    config,
    `"use strict";
const base = require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))});
module.exports = async (env, argv) => {
  const c = await base(env, argv);
  c.context = ${JSON.stringify(ROOT)};
  c.entry = { functions: c.entry.functions };
  c.plugins = c.plugins.filter((p) => p.constructor.name !== "HtmlWebpackPlugin");
  return c;
};
`,
  );
  try {
    return webpack(["--config", config], dir);
  } finally {
    fs.rmSync(config, { force: true });
  }
}

export function loadFunctions(dir: string): LoadedFunctions {
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8")) as Metadata;
  const metadataZh = JSON.parse(fs.readFileSync(path.join(dir, "functions-zh-CN.json"), "utf8")) as Metadata;
  const associated: Record<string, Fn> = {};
  const office = { context: { displayLanguage: "en-US" } };
  const sandbox: Record<string, unknown> = {
    console,
    CustomFunctions: {
      associate(id: string, fn: Fn) {
        if (associated[id]) throw new Error(`associate("${id}") called twice`);
        associated[id] = fn;
      },
      Error: CustomFunctionError,
      ErrorCode,
    },
    Office: office,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(dir, "functions.js"), "utf8"), context, { filename: "functions.js" });
  const byId: Record<string, Fn> = {};
  for (const f of metadata.functions) {
    const fn = associated[f.id];
    if (typeof fn !== "function") throw new Error(`functions.json lists ${f.id} but the bundle did not associate it`);
    byId[f.id] = fn;
  }
  return { dir, metadata, metadataZh, byId, office };
}

/** A cell of a result, for assertions: error objects as { error, message }, vm-realm arrays as plain arrays. */
export type Shown = string | number | boolean | null | { error: string; message: string };

export function show(v: unknown): Shown | Shown[][] {
  if (Array.isArray(v)) return v.map((row: unknown) => (Array.isArray(row) ? row.map((c) => show(c) as Shown) : [show(row) as Shown]));
  if (v instanceof CustomFunctionError) return { error: v.code, message: v.message };
  if (v instanceof Error) throw new Error(`a plain Error reached Excel: ${v.message}`);
  return v as Shown;
}

/** Calls a function; a thrown CustomFunctions.Error becomes { error, message } (what Excel shows). */
export function call(fn: Fn, ...args: unknown[]): Shown | Shown[][] {
  try {
    return show(fn(...args));
  } catch (e) {
    if (e instanceof CustomFunctionError) return { error: e.code, message: e.message };
    throw e;
  }
}

/** Minimal RFC 4180 CSV reader (quotes, doubled quotes, CRLF, BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
