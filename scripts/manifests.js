#!/usr/bin/env node
/*
 * GradeKit's add-in manifests, one per environment. Microsoft's guidance: a development copy and the
 * production add-in must not share the add-in Id or the custom functions namespace, or Excel mixes them up
 * (functions of one show #REF!/#NAME? in the other, a sideloaded copy replaces the deployed one).
 *
 *   manifest.xml (checked in)   DEVELOPMENT: https://localhost:3000/, Id below, "GradeKit (dev)", GKDEV.*
 *                               What `npm start`, `npm run sideload` and the dev server use.
 *   dist/manifest.xml           PRODUCTION, written by `npm run build`: GRADEKIT_BASE_URL, production Id,
 *                               "GradeKit", GK.*; developer comments dropped.
 *
 * Both get <Version> from package.json ("1.2.3" -> "1.2.3.0"). `npm version` runs `--sync-version` so the
 * checked-in manifest.xml follows package.json; test/manifest fails when they differ.
 *
 *   node scripts/manifests.js --sync-version                     write package.json's version into manifest.xml
 *   node scripts/manifests.js --production <base-url> [--out f]  print (or write) the production manifest
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "manifest.xml");
const DEV_BASE_URL = "https://localhost:3000/";

/** What differs between the environments (everything else comes from manifest.xml). */
const ENVIRONMENTS = {
  development: {
    id: "3c1f6f8e-5a0e-4b8e-9d3a-6f2b7c9e1d40",
    displayName: "GradeKit (dev)",
    displayNameZh: "GradeKit 客户分级（开发版）",
    namespace: "GKDEV",
  },
  production: {
    id: "7648df0e-081d-4aa2-b7b5-04ddcc76fdd3",
    displayName: "GradeKit",
    displayNameZh: "GradeKit 客户分级",
    namespace: "GK",
  },
};

/** package.json's version as a manifest <Version>: "1.2.3" -> "1.2.3.0" (Office wants 1 to 4 numbers, each <= 65535). */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(version));
  if (!m || m.slice(1).some((n) => Number(n) > 65535)) {
    throw new Error(
      `package.json version ${JSON.stringify(version)} cannot be a manifest <Version>: use major.minor.patch, each at most 65535`,
    );
  }
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
}

/** Replaces exactly one match of `re` (whose group 1 is kept before and group 2 after the value). */
function replaceOne(xml, re, value, what) {
  const matches = xml.match(new RegExp(re.source, "g"));
  if (!matches || matches.length !== 1) {
    throw new Error(`manifest: expected exactly one ${what}, found ${matches ? matches.length : 0}`);
  }
  return xml.replace(re, (_, before, after) => `${before}${value}${after}`);
}

const xmlAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The Id, display names, namespace and version of `env` written into a manifest. */
function withIdentity(xml, env, version) {
  const e = ENVIRONMENTS[env];
  if (!e) throw new Error(`unknown environment ${JSON.stringify(env)} (development or production)`);
  let out = xml;
  out = replaceOne(out, /(<Id>)[^<]*(<\/Id>)/, e.id, "<Id>");
  out = replaceOne(out, /(<Version>)[^<]*(<\/Version>)/, manifestVersion(version), "<Version>");
  out = replaceOne(out, /(<DisplayName DefaultValue=")[^"]*(")/, xmlAttr(e.displayName), "<DisplayName>");
  out = replaceOne(
    out,
    /(<DisplayName [^>]*>\s*<Override Locale="zh-CN" Value=")[^"]*(")/,
    xmlAttr(e.displayNameZh),
    "zh-CN <DisplayName> override",
  );
  out = replaceOne(
    out,
    /(<bt:String id="Functions\.Namespace" DefaultValue=")[^"]*(")/,
    e.namespace,
    "namespace string",
  );
  return out;
}

/** A base URL checked and normalized: absolute, no query or fragment, ending in "/". */
function normalizeBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`GRADEKIT_BASE_URL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
  if (url.search || url.hash)
    throw new Error(`GRADEKIT_BASE_URL must not have a query or fragment: ${JSON.stringify(raw)}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Developer comments dropped, the dev base URL replaced by `baseUrl` (XML-escaped). */
function rewriteManifest(content, baseUrl) {
  const xml = content.toString("utf8").replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
  if (baseUrl === DEV_BASE_URL) return xml;
  return xml.split(DEV_BASE_URL).join(xmlAttr(baseUrl));
}

/** The manifest of `env` made from manifest.xml's text: identity, version and (production) base URL. */
function manifestFor(env, content, { baseUrl = DEV_BASE_URL, version = packageVersion() } = {}) {
  const xml = withIdentity(content.toString("utf8"), env, version);
  return env === "production" ? rewriteManifest(xml, baseUrl) : xml;
}

function main(argv) {
  if (argv.includes("--sync-version")) {
    const xml = fs.readFileSync(SOURCE, "utf8");
    const next = manifestFor("development", xml);
    if (next !== xml) fs.writeFileSync(SOURCE, next);
    process.stdout.write(`manifest.xml: <Version>${manifestVersion(packageVersion())}</Version>\n`);
    return 0;
  }
  const i = argv.indexOf("--production");
  if (i >= 0 && argv[i + 1]) {
    const xml = manifestFor("production", fs.readFileSync(SOURCE), { baseUrl: normalizeBaseUrl(argv[i + 1]) });
    const o = argv.indexOf("--out");
    if (o >= 0 && argv[o + 1]) fs.writeFileSync(argv[o + 1], xml);
    else process.stdout.write(xml);
    return 0;
  }
  process.stdout.write("usage: node scripts/manifests.js --sync-version | --production <base-url> [--out file]\n");
  return argv.includes("--help") || argv.includes("-h") ? 0 : 2;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = {
  DEV_BASE_URL,
  ENVIRONMENTS,
  manifestFor,
  manifestVersion,
  normalizeBaseUrl,
  packageVersion,
  rewriteManifest,
  withIdentity,
};
