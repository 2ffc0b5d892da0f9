/*
 * Webpack plugin (build time only): dist/THIRD-PARTY-NOTICES.txt, the licences of the third-party code
 * that dist/ redistributes - every npm package with a module in an emitted chunk (React, Fluent UI, zod,
 * ...), plus extra folders copied as they are (office.js when it is self-hosted). The list is taken from
 * the compilation itself, so it always matches what was bundled. The build fails on a copyleft licence.
 *
 * The file starts with one line per package, "- name@version (licence)", then each package's licence text.
 * THIRD-PARTY-NOTICES.md in the repository summarises the same list (test/build checks it is complete).
 *
 * webpack.config.js: new ThirdPartyNoticesPlugin({ extra: [{ dir: "node_modules/@microsoft/office-js", note }] })
 */
"use strict";

const fs = require("fs");
const path = require("path");

const PLUGIN = "GradeKitThirdPartyNoticesPlugin";
const OUTPUT = "THIRD-PARTY-NOTICES.txt";
const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL)\b/i;

/** The package folder of a file inside node_modules (the last node_modules/<name> or node_modules/@scope/<name>). */
function packageDirOf(file) {
  const parts = file.split(/[\\/]/);
  const i = parts.lastIndexOf("node_modules");
  if (i < 0 || i + 1 >= parts.length) return null;
  const n = parts[i + 1].startsWith("@") ? 3 : 2;
  return parts.slice(0, i + n).join("/");
}

function licenseOf(pkg) {
  // "SEE LICENSE IN <file>" or a bare file name: the terms are the licence text itself
  if (typeof pkg.license === "string" && /^(see licen[cs]e in\b|licen[cs]e(\.\w+)?$)/i.test(pkg.license.trim())) {
    return "see licence text";
  }
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license && typeof pkg.license.type === "string") return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type || l).join(" OR ");
  return "UNKNOWN";
}

function repositoryOf(pkg) {
  const r = pkg.repository;
  const url = typeof r === "string" ? r : r && r.url;
  return (url || pkg.homepage || "").replace(/^git\+/, "").replace(/\.git$/, "");
}

/** name, version, licence, repository and licence text of the package in `dir`. */
function describePackage(dir, note) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = fs
    .readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i.test(f))
    .sort()[0];
  return {
    name: pkg.name,
    version: pkg.version,
    license: licenseOf(pkg),
    repository: repositoryOf(pkg),
    text: file ? fs.readFileSync(path.join(dir, file), "utf8").trim() : "",
    note: note || "",
  };
}

/** The notices text for a list of packages (sorted by name). */
function noticesText(packages) {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const out = [
    "GradeKit - third-party notices",
    "",
    "This folder (the GradeKit add-in as built by `npm run build`) contains code from the packages below.",
    "GradeKit itself is MIT-licensed (see LICENSE in the source repository).",
    "",
    ...sorted.map((p) => `- ${p.name}@${p.version} (${p.license})${p.note ? ` - ${p.note}` : ""}`),
    "",
  ];
  for (const p of sorted) {
    out.push("=".repeat(78), `${p.name}@${p.version} (${p.license})`, p.repository, p.note, "");
    out.push(
      p.text || `Licensed under ${p.license}; the package ships no separate licence file (see ${p.repository}).`,
      "",
    );
  }
  return out.filter((line, i, all) => !(line === "" && all[i - 1] === "")).join("\n") + "\n";
}

/** Packages listed by a notices text ("- name@version (licence)" lines). */
function packagesListed(text) {
  const head = text.split("=".repeat(78))[0];
  return [...head.matchAll(/^- ((?:@[^/\s]+\/)?[^@\s]+)@(\S+) \(([^)]*)\)/gm)].map((m) => ({
    name: m[1],
    version: m[2],
    license: m[3],
  }));
}

class ThirdPartyNoticesPlugin {
  /** @param {{ extra?: Array<{ dir: string, note?: string }> }} [options] folders copied into dist as they are */
  constructor(options = {}) {
    this.extra = options.extra || [];
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const dirs = new Map();
        const visit = (m) => {
          if (m.modules) for (const inner of m.modules) visit(inner); // concatenated modules
          const resource = m.resource || (m.rootModule && m.rootModule.resource);
          const dir = resource && packageDirOf(resource);
          if (dir && !dirs.has(dir)) dirs.set(dir, "");
        };
        for (const chunk of compilation.chunks) {
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(m);
        }
        for (const e of this.extra) dirs.set(path.resolve(compiler.context, e.dir), e.note || "");
        const byId = new Map();
        for (const [dir, note] of dirs) {
          try {
            const p = describePackage(dir, note);
            byId.set(`${p.name}@${p.version}`, p);
          } catch (err) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: cannot read the package in ${dir}: ${err.message}`));
          }
        }
        for (const p of byId.values()) {
          if (COPYLEFT.test(p.license)) {
            compilation.errors.push(
              new WebpackError(
                `${PLUGIN}: ${p.name}@${p.version} is ${p.license}; dist/ must not bundle copyleft code`,
              ),
            );
          }
        }
        compilation.emitAsset(OUTPUT, new sources.RawSource(noticesText([...byId.values()])));
      });
    });
  }
}

module.exports = ThirdPartyNoticesPlugin;
module.exports.packageDirOf = packageDirOf;
module.exports.packagesListed = packagesListed;
module.exports.noticesText = noticesText;
module.exports.OUTPUT = OUTPUT;
