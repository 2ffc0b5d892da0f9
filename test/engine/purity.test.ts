/**
 * The engine is pure: no Office, DOM, React or Node APIs. Its own tsconfig (no DOM lib, no
 * types) makes a violation a compile error; these tests prove that, and that the engine imports
 * nothing but itself and zod.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const engineDir = path.join(root, "src", "engine");

function tscErrors(probe: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gk-purity-"));
  fs.writeFileSync(path.join(dir, "probe.ts"), probe);
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ extends: path.join(engineDir, "tsconfig.json"), include: [], files: [path.join(dir, "probe.ts")] }),
  );
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", dir], { encoding: "utf8" });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("engine purity", () => {
  test("the engine compiles cleanly under its own tsconfig", () => {
    expect(tscErrors("export const ok: number = 1;\n")).toBe("");
  }, 60000);

  test.each([
    ["DOM", "export const x = document.title;\n", /document/],
    ["Node fs", 'import * as fs from "fs";\nexport const x = fs.readFileSync;\n', /fs/],
    ["Office.js", "export const x = Excel.run;\n", /Excel/],
    ["Node globals", "export const x = process.env;\n", /process/],
  ])("using %s under the engine tsconfig is a compile error", (_name, probe, pattern) => {
    const out = tscErrors(probe);
    expect(out).toMatch(/error TS/);
    expect(out).toMatch(pattern);
  }, 60000);

  test("engine files import only the engine itself and zod", () => {
    const files: string[] = [];
    const walk = (d: string) =>
      fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith(".ts") && files.push(path.join(d, e.name))));
    walk(engineDir);
    const bad: string[] = [];
    for (const f of files) {
      for (const m of fs.readFileSync(f, "utf8").matchAll(/from\s+"([^"]+)"/g)) {
        const spec = m[1];
        const ok = spec === "zod" || (spec.startsWith(".") && path.resolve(path.dirname(f), spec).startsWith(engineDir));
        if (!ok) bad.push(`${path.relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
