#!/usr/bin/env node
/**
 * `npm start`: the main job.
 * - Where Excel desktop can run (Windows, macOS): build and serve the add-in on
 *   https://localhost:3000 and sideload it into Excel with office-addin-debugging
 *   (`npm stop` ends it).
 * - Elsewhere (Linux, CI — office-addin-debugging prints "Platform not supported" there and still
 *   exits 0, so the platform is checked here, not its exit code): the demo, which grades the
 *   bundled sample workbook with the same engine and prints the counts per grade.
 * `GRADEKIT_START=excel|demo` forces one or the other.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");

/** Where Excel desktop exists: office-addin-debugging supports only Windows and macOS. */
function excelAvailable() {
  const forced = process.env.GRADEKIT_START;
  if (forced === "excel") return true;
  if (forced === "demo") return false;
  return process.platform === "win32" || process.platform === "darwin";
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : code ?? 0));
}

if (require.main === module) {
  if (excelAvailable()) {
    console.log("GradeKit: starting the add-in in Excel (npm stop to end)…");
    run("npx", [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      "3000",
    ]);
  } else {
    console.log(`GradeKit: Excel desktop is not available on ${process.platform}; running the demo instead.`);
    run(process.execPath, [path.join(__dirname, "demo.js"), ...process.argv.slice(2)]);
  }
}

module.exports = { excelAvailable };
