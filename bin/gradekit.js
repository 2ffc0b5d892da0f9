#!/usr/bin/env node
"use strict";
// The `gradekit` command. The CLI is TypeScript (src/cli), compiled to lib/ by `npm run build:cli`
// (run by `prepare` on npm install).
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("gradekit: run npm install (or npm run build:cli) first\n");
  process.exit(2);
}
require(entry).main();
