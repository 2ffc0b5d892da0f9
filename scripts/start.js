#!/usr/bin/env node
/**
 * `npm start`: the main job.
 * - Where Excel desktop can run (Windows, macOS): build and serve the add-in on
 *   https://localhost:3000 and sideload it into Excel with office-addin-debugging
 *   (`npm stop` ends it).
 * - Elsewhere (Linux, CI — office-addin-debugging prints "Platform not supported" there and still
 *   exits 0, so the platform is checked here, not its exit code): the playground, the real task pane
 *   next to an in-browser workbook (webpack.playground.js, served on http://localhost:3100 from
 *   memory, localhost only; GRADEKIT_PLAYGROUND_PORT picks another port). See scripts/playground-server.js.
 * `GRADEKIT_START=excel|playground|demo` forces one of them; `demo` is the command-line demo, which
 * grades the bundled sample workbook with the same engine and prints the counts per grade.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");

/** Where Excel desktop exists: office-addin-debugging supports only Windows and macOS. */
function excelAvailable() {
  const forced = process.env.GRADEKIT_START;
  if (forced === "excel") return true;
  if (forced === "demo" || forced === "playground") return false;
  return process.platform === "win32" || process.platform === "darwin";
}

/** What `npm start` runs: "excel" (sideload), "playground" (no Excel here) or "demo" (GRADEKIT_START=demo). */
function startMode() {
  if (excelAvailable()) return "excel";
  return process.env.GRADEKIT_START === "demo" ? "demo" : "playground";
}

function run(cmd, args, { forwardSignals = false } = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : code ?? 0));
  // Stopping npm start (SIGTERM to this process alone) stops the server it started too.
  if (forwardSignals) for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

if (require.main === module) {
  const mode = startMode();
  if (mode === "excel") {
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
  } else if (mode === "demo") {
    console.log("GradeKit: running the command-line demo (GRADEKIT_START=demo).");
    run(process.execPath, [path.join(__dirname, "demo.js"), ...process.argv.slice(2)]);
  } else {
    console.log(
      process.env.GRADEKIT_START === "playground"
        ? "GradeKit: starting the playground (GRADEKIT_START=playground)."
        : `GradeKit: Excel desktop is not available on ${process.platform}; starting the playground instead ` +
            "(the task pane next to an in-browser workbook). GRADEKIT_START=demo npm start runs the command-line demo.",
    );
    run(process.execPath, [path.join(__dirname, "playground-server.js"), ...process.argv.slice(2)], { forwardSignals: true });
  }
}

module.exports = { excelAvailable, startMode };
