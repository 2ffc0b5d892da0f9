/** The README's template table is generated from the templates; it must be up to date. */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");

test("README lists every built-in template, as scripts/readme-templates.js makes the table", () => {
  // The script reads the compiled library (npm test builds lib/ first).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script that reads the compiled lib/
  const { block } = require(path.join(root, "scripts", "readme-templates.js"));
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  expect(readme).toContain(block());
});

test("README shows the commands a fresh clone needs", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  for (const cmd of ["npm install", "npm start", "npm test"]) expect(readme).toContain(cmd);
});
