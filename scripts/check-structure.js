#!/usr/bin/env node
"use strict";
/**
 * The shape of the code, checked (docs/ARCHITECTURE.md is its map):
 * - no import circles among the files under src/ (type-only imports count: they are circles too);
 * - every import follows the layer table below (arrows point toward the engine);
 * - nothing imports an entry point;
 * - no source file over the line limit, except generated data and message catalogues.
 *
 * Uses TypeScript's own pre-processor to list each file's imports (no extra dependency).
 * `node scripts/check-structure.js [ROOT]` prints the problems and exits 1 when there are any.
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const MAX_LINES = 600;

/** Files allowed past MAX_LINES: generated data and message catalogues (path regexes, from src/). */
const LONG_OK = [/^host\/enums\.ts$/, /\/i18n\//, /^taskpane\/i18n\//, /messages?\.ts$/, /catalogue/];

/** Entry points (webpack, the CLI binary): nothing may import them. */
const ENTRY_POINTS = [
  "functions/functions.ts",
  "commands/commands.ts",
  "taskpane/index.tsx",
  "playground/index.tsx",
  "cli/main.ts",
];

/**
 * Which top-level folders of src/ each folder may import (besides itself). The engine imports
 * nothing else; everything may import the engine.
 */
const LAYERS = {
  engine: [],
  templates: ["engine"],
  forms: ["engine", "templates"],
  reports: ["engine"],
  host: ["engine"],
  excel: ["engine", "templates", "forms", "reports"],
  functions: ["engine", "templates"],
  commands: ["engine", "templates", "excel", "functions"],
  taskpane: ["engine", "templates", "forms", "reports", "excel", "functions"],
  cli: ["engine", "templates", "forms", "reports"],
  playground: ["engine", "templates", "forms", "reports", "excel", "functions", "host", "taskpane"],
};

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function resolveImport(fromFile, spec, known) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, ""));
  for (const c of [base + ".ts", base + ".tsx", path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (known.has(c)) return c;
  }
  return null;
}

/** Strongly connected components with more than one file (Tarjan), plus self-imports. */
function circles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const found = [];
  const visit = (v) => {
    // iterative DFS to stay safe on deep graphs
    const work = [[v, 0]];
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    while (work.length) {
      const top = work[work.length - 1];
      const [node, i] = top;
      const next = graph.get(node) || [];
      if (i < next.length) {
        top[1]++;
        const w = next[i];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index);
          index++;
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) {
          low.set(node, Math.min(low.get(node), idx.get(w)));
        }
      } else {
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1][0];
          low.set(parent, Math.min(low.get(parent), low.get(node)));
        }
        if (low.get(node) === idx.get(node)) {
          const comp = [];
          let w;
          do {
            w = stack.pop();
            onStack.delete(w);
            comp.push(w);
          } while (w !== node);
          if (comp.length > 1 || (graph.get(node) || []).includes(node)) found.push(comp.sort());
        }
      }
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** Checks a source tree; returns a list of problems (empty when the shape holds). */
function checkStructure(srcDir, options = {}) {
  const layers = options.layers || LAYERS;
  const entries = options.entryPoints || ENTRY_POINTS;
  const maxLines = options.maxLines || MAX_LINES;
  const files = listFiles(srcDir);
  const known = new Set(files);
  const rel = (f) => path.relative(srcDir, f).split(path.sep).join("/");
  const graph = new Map();
  const problems = [];
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    const lines = text.split("\n").length;
    if (lines > maxLines && !LONG_OK.some((re) => re.test(rel(f)))) {
      problems.push(`${rel(f)}: ${lines} lines (limit ${maxLines}); split it by what it holds`);
    }
    const info = ts.preProcessFile(text, true, true);
    const targets = [];
    for (const imp of info.importedFiles) {
      const target = resolveImport(f, imp.fileName, known);
      if (!target) continue;
      targets.push(target);
      const from = rel(f).split("/")[0];
      const to = rel(target).split("/")[0];
      if (entries.includes(rel(target))) problems.push(`${rel(f)} imports the entry point ${rel(target)}`);
      if (from !== to && layers[from] && !layers[from].includes(to)) {
        problems.push(`${rel(f)} imports ${rel(target)}: src/${from} may import only ${layers[from].join(", ") || "itself"}`);
      }
    }
    graph.set(f, targets);
  }
  for (const comp of circles(graph)) problems.push(`import circle: ${comp.map(rel).join(" <-> ")}`);
  return problems;
}

module.exports = { checkStructure, LAYERS, ENTRY_POINTS, MAX_LINES };

if (require.main === module) {
  const root = path.resolve(process.argv[2] || path.join(__dirname, "..", "src"));
  const problems = checkStructure(root);
  for (const p of problems) console.log(p);
  console.log(problems.length ? `check-structure: ${problems.length} problem(s)` : "check-structure: no circles, layers hold, no long files");
  process.exit(problems.length ? 1 : 0);
}
