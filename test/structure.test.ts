/**
 * The shape of the code (docs/ARCHITECTURE.md): no import circles, layers point toward the engine,
 * no entry point imported, no overlong files. The checker itself is tested on a small tree that
 * breaks each rule, so a pass on src/ means something.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script shared with `npm run check:structure`
const { checkStructure } = require("../scripts/check-structure.js") as {
  checkStructure(src: string, options?: { maxLines?: number }): string[];
};

describe("code structure", () => {
  it("src/ has no import circles, layer breaches, imported entry points or overlong files", () => {
    expect(checkStructure(path.join(__dirname, "..", "src"))).toEqual([]);
  });

  it("the checker finds each kind of breach", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "gk-structure-"));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write("engine/a.ts", 'import type { B } from "./b";\nexport type A = B;\n');
    write("engine/b.ts", 'import type { A } from "./a";\nexport type B = A | 1;\n');
    write("engine/c.ts", 'import { x } from "../excel/x";\nexport const c = x;\n');
    write("excel/x.ts", 'import "../cli/main";\nexport const x = 1;\n');
    write("cli/main.ts", "export {};\n" + "// line\n".repeat(20));
    try {
      const problems = checkStructure(root, { maxLines: 10 });
      expect(problems).toEqual(
        expect.arrayContaining([
          "import circle: engine/a.ts <-> engine/b.ts",
          "engine/c.ts imports excel/x.ts: src/engine may import only itself",
          "excel/x.ts imports the entry point cli/main.ts",
          "excel/x.ts imports cli/main.ts: src/excel may import only engine, templates, forms, reports",
          "cli/main.ts: 22 lines (limit 10); split it by what it holds",
        ]),
      );
      expect(problems).toHaveLength(5);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
