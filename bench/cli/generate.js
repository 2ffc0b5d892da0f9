#!/usr/bin/env node
/**
 * Writes large CSV inputs for the CLI benchmark and the bounded-memory test, streamed to disk
 * (never held whole): `node bench/cli/generate.js <sales-pipeline|tobacco-retail-score> <rows> <file>`.
 * Deterministic (a fixed-seed PRNG): the same rows every time. About 1 row in 1,000 has a text
 * amount (`12万`), 1 in 500 a blank months cell, so the generic parser is exercised too.
 */
"use strict";
const fs = require("fs");

/** mulberry32 */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERATORS = {
  "sales-pipeline": {
    header: "Customer,Expected months to close,Expected monthly deal amount,Note",
    row(i, r) {
      const months = r() < 0.002 ? "" : String(Math.floor(r() * 24));
      const amount = r() < 0.001 ? `${1 + Math.floor(r() * 20)}万` : String(Math.floor(r() * 200000));
      return `C${i},${months},${amount},n${i % 7}`;
    },
  },
  "tobacco-retail-score": {
    header: "Retailer,License,Quantity bought,Average price bought,Number of brands/specs,Cooperation,Growth,Law grade",
    row(i, r) {
      const law = "AAABBC D"[Math.floor(r() * 8)].replace(" ", "B");
      return `R${i},${440103000000 + i},${Math.floor(r() * 2000)},${Math.floor(50 + r() * 300)},${Math.floor(r() * 120)},${Math.floor(r() * 16)},${Math.floor(r() * 11)},${law}`;
    },
  },
};

/** Writes `rows` data rows (plus the header) to `file`; returns the byte size. */
function generate(template, rows, file) {
  const g = GENERATORS[template];
  if (!g) throw new Error(`no generator for ${template}; one of ${Object.keys(GENERATORS).join(", ")}`);
  const r = rng(20261203);
  const fd = fs.openSync(file, "w");
  let buf = g.header + "\n";
  for (let i = 1; i <= rows; i++) {
    buf += g.row(i, r) + "\n";
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = "";
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

module.exports = { generate, GENERATORS, rng };

if (require.main === module) {
  const [template, rows, file] = process.argv.slice(2);
  if (!template || !rows || !file) {
    console.error("usage: node bench/cli/generate.js <template> <rows> <file>");
    process.exit(2);
  }
  const size = generate(template, Number(rows), file);
  console.log(`${file}: ${Number(rows).toLocaleString("en-US")} rows, ${(size / 1e6).toFixed(1)} MB`);
}
