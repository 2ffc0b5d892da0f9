/*
 * Shared by the benchmarks that run TypeScript sources (bench/excel, bench/host): compiles folders
 * of src with the project's TypeScript into a temp folder under node_modules/.cache (there the
 * compiled code finds the project's dependencies; ts-node is not installed), and reads options.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** `--name value` from the command line, or undefined. */
function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Compiles `folders` of `src` (default: this checkout's src) to JavaScript.
 * Returns { js: the output folder (src's layout), seconds, remove() }. Exits on a compile error.
 */
function compileSrc(folders, { src = path.join(ROOT, "src"), tag = "bench" } = {}) {
  fs.mkdirSync(path.join(ROOT, "node_modules", ".cache"), { recursive: true });
  const out = fs.mkdtempSync(path.join(ROOT, "node_modules", ".cache", `gk-${tag}-`));
  const tsconfig = path.join(out, "tsconfig.json");
  fs.writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { noEmit: false, outDir: path.join(out, "js"), rootDir: src, sourceMap: false, declaration: false, types: ["node", "office-js"], typeRoots: [path.join(ROOT, "node_modules", "@types")] },
      include: folders.map((d) => path.join(src, d)),
    }),
  );
  const t0 = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [ROOT] }), "-p", tsconfig], { encoding: "utf8" });
  if (tsc.status !== 0) {
    console.error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
    fs.rmSync(out, { recursive: true, force: true });
    process.exit(1);
  }
  return { js: path.join(out, "js"), seconds: (Date.now() - t0) / 1000, remove: () => fs.rmSync(out, { recursive: true, force: true }) };
}

module.exports = { ROOT, option, compileSrc };
