/**
 * The engine is pure: no Office, DOM, React or Node APIs. These tests compile the engine itself
 * with its own tsconfig (no DOM lib, no types), show that a file using DOM, Node or Office.js
 * beside it is a compile error, and check that every engine file imports only the engine and zod
 * (an explicit import of a package with types, React say, would compile: that check catches it).
 */
import * as path from "path";
import * as ts from "typescript";

const root = path.join(__dirname, "..", "..");
const engineDir = path.join(root, "src", "engine");
const inEngine = (file: string) => path.resolve(file).startsWith(engineDir + path.sep);

/** The engine's tsconfig as tsc reads it (`tsc -p src/engine/tsconfig.json`). */
function engineConfig(): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(engineDir, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("cannot read src/engine/tsconfig.json");
  return config;
}

function show(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  });
}

const config = engineConfig();
let engine: ts.Program;

/** The engine's program plus one more file in src/engine (kept in memory, never written). */
function withProbe(source: string): { program: ts.Program; probe: string } {
  const probe = path.join(engineDir, "purity-probe.ts");
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, onError, create) =>
    path.resolve(file) === probe ? ts.createSourceFile(file, source, lang) : getSourceFile(file, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram({ rootNames: [...config.fileNames, probe], options: config.options, host, oldProgram: engine });
  return { program, probe };
}

beforeAll(() => {
  engine = ts.createProgram({ rootNames: config.fileNames, options: config.options });
}, 120000);

describe("engine purity", () => {
  test("the engine compiles cleanly under its own tsconfig", () => {
    const files = engine.getSourceFiles().filter((f) => inEngine(f.fileName));
    // The program is the engine itself: its entry point, every kind, the compilers.
    expect(files.map((f) => path.relative(engineDir, f.fileName).split(path.sep).join("/"))).toEqual(
      expect.arrayContaining(["index.ts", "kinds/index.ts", "compile/index.ts", "review/index.ts"]),
    );
    expect(files.length).toBeGreaterThan(40);
    expect(config.options.types).toEqual([]);
    expect(config.options.lib).toEqual(["lib.es2020.d.ts"]);
    expect(show(ts.getPreEmitDiagnostics(engine))).toBe("");
  }, 120000);

  test.each([
    ["DOM", "export const x = document.title;\n", /document/],
    ["Node fs", 'import * as fs from "fs";\nexport const x = fs.readFileSync;\n', /fs/],
    ["Office.js", "export const x = Excel.run;\n", /Excel/],
    ["Node globals", "export const x = process.env;\n", /process/],
  ])("a file using %s beside the engine is a compile error", (_name, source, pattern) => {
    const { program, probe } = withProbe(source);
    const sf = program.getSourceFile(probe)!;
    const out = show([...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]);
    expect(out).toMatch(/error TS/);
    expect(out).toMatch(pattern);
  }, 120000);

  test("engine files import only the engine itself and zod", () => {
    const bad: string[] = [];
    for (const sf of engine.getSourceFiles()) {
      if (!inEngine(sf.fileName)) continue;
      const where = path.relative(root, sf.fileName);
      // Every import, export-from, require and dynamic import, type-only ones included.
      for (const { fileName: spec } of ts.preProcessFile(sf.text, true, true).importedFiles) {
        if (spec === "zod") continue;
        const resolved = ts.resolveModuleName(spec, sf.fileName, config.options, ts.sys).resolvedModule;
        if (!spec.startsWith(".") || !resolved || !inEngine(resolved.resolvedFileName)) bad.push(`${where} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
