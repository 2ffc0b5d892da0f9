#!/usr/bin/env node
/**
 * Engine benchmark: grades generated rows with sales-pipeline, pharma-score and
 * tobacco-retail-code, value-share-3 (ABC) and rfm-8, and 1,000,000-row percentile tiers, against hand-written loops that
 * compute the same grades from the same inputs in the same run.
 *
 *   npm run build:cli && node bench/engine/run.js [rows=1000000] [repeats=5]
 *
 * Prints a Markdown table (paste into bench/RESULTS.md). Times are medians of the repeats;
 * the ratio engine/hand-written is the figure that matters on a noisy machine. Each benchmark
 * runs in its own Node process, so "peak RSS" is that process's high-water mark (inputs, the
 * engine's columns and results, and the hand-written loop's arrays together).
 */
"use strict";
const path = require("path");
const lib = path.join(__dirname, "..", "..", "lib");
const E = require(path.join(lib, "engine"));
const { getBuiltinTemplate } = require(path.join(lib, "templates"));

const N = Number(process.argv[2] || 1_000_000);
const REPEATS = Number(process.argv[3] || 5);
const ONLY = process.argv[4]; // set when this file runs one benchmark in a child process
const BENCHES = ["sales-pipeline", "pharma-score", "tobacco-retail-code", "percentile", "value-share-3", "rfm-8"];

if (!ONLY) {
  // Parent: one child process per benchmark, then the table.
  const { execFileSync } = require("child_process");
  const rows = BENCHES.map((b) => JSON.parse(execFileSync(process.execPath, [__filename, String(N), String(REPEATS), b], { encoding: "utf8" })));
  const os = require("os");
  console.log(`Node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; median of ${REPEATS} runs; ${new Date().toISOString().slice(0, 10)}`);
  console.log("");
  console.log("| benchmark | rows | engine ms | engine rows/s | hand-written ms | ratio engine/hand | peak RSS | note |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${N.toLocaleString("en-US")} | ${r.engineMs.toFixed(0)} | ${Math.round((N / r.engineMs) * 1000).toLocaleString("en-US")} | ${r.handMs.toFixed(0)} | ${(r.engineMs / r.handMs).toFixed(2)} | ${r.peakMb} MB | ${r.note} |`,
    );
  }
  process.exit(0);
}

// Deterministic pseudo-random numbers (mulberry32).
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs a and b alternately (so load changes hit both alike); medians of each. */
function timePair(a, b) {
  const ta = [];
  const tb = [];
  let outA;
  let outB;
  for (let r = 0; r < REPEATS; r++) {
    let t0 = process.hrtime.bigint();
    outA = a();
    ta.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    outB = b();
    tb.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [
    { ms: median(ta), out: outA },
    { ms: median(tb), out: outB },
  ];
}


function compare(name, a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) throw new Error(`${name}: engine and hand-written loop disagree at row ${i}: ${a[i]} vs ${b[i]}`);
}

function report(name, engine, hand, note = "") {
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ name, engineMs: engine.ms, handMs: hand.ms, peakMb, note }));
}

// --- sales-pipeline -------------------------------------------------------------------------
if (ONLY === "sales-pipeline") {
  const r = rng(1);
  const closeMonths = new Array(N);
  const monthlyAmount = new Array(N);
  for (let i = 0; i < N; i++) {
    closeMonths[i] = r() < 0.05 ? "" : Math.floor(r() * 24);
    monthlyAmount[i] = r() < 0.05 ? "" : Math.floor(r() * 150000);
  }
  const t = E.compileTemplate(getBuiltinTemplate("sales-pipeline"));
  const engineFn = (() => E.gradeTable(t, { columns: { closeMonths, monthlyAmount } }).gradeIndex);
  const handFn = (() => {
    const g = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      const c = closeMonths[i];
      const a = monthlyAmount[i];
      const cn = typeof c === "number";
      const an = typeof a === "number";
      if (!cn && !an) g[i] = -2;
      else if ((cn && c <= 3) || (an && a >= 100000)) g[i] = 0;
      else if ((cn && c <= 6) || (an && a >= 50000)) g[i] = 1;
      else if ((cn && c <= 12) || (an && a >= 20000)) g[i] = 2;
      else g[i] = 3;
    }
    return g;
  });
  const [engine, hand] = timePair(engineFn, handFn);
  compare("sales-pipeline", engine.out, hand.out);
  report("sales-pipeline", engine, hand);
}

// --- pharma-score ---------------------------------------------------------------------------
if (ONLY === "pharma-score") {
  const r = rng(2);
  const cols = {};
  const keys = ["avgMonthlyAmount", "avgMonthlyQty", "grossMargin", "m1", "m2", "m3", "m4", "m5", "m6", "avgPaymentDays", "keyProductShare", "bidPriceCompliant", "purchaseMethod", "otherScore"];
  for (const k of keys) cols[k] = new Array(N);
  const methods = ["planned", "consulted", "other"];
  for (let i = 0; i < N; i++) {
    cols.avgMonthlyAmount[i] = Math.round(r() * 1e6);
    cols.avgMonthlyQty[i] = Math.round(r() * 1e4);
    cols.grossMargin[i] = Math.round(r() * 30) / 100;
    for (let m = 1; m <= 6; m++) cols["m" + m][i] = Math.round(50000 + r() * 20000);
    cols.avgPaymentDays[i] = Math.floor(r() * 400);
    cols.keyProductShare[i] = Math.round(r() * 100) / 100;
    cols.bidPriceCompliant[i] = r() < 0.7 ? "yes" : "no";
    cols.purchaseMethod[i] = methods[Math.floor(r() * 3)];
    cols.otherScore[i] = Math.floor(r() * 11);
  }
  const t = E.compileTemplate(getBuiltinTemplate("pharma-score"));
  const engineFn = (() => E.gradeTable(t, { columns: cols }).gradeIndex);
  const handFn = (() => {
    const g = new Int32Array(N);
    let maxA = 0;
    let maxQ = 0;
    for (let i = 0; i < N; i++) {
      if (cols.avgMonthlyAmount[i] > maxA) maxA = cols.avgMonthlyAmount[i];
      if (cols.avgMonthlyQty[i] > maxQ) maxQ = cols.avgMonthlyQty[i];
    }
    const r9 = (x) => Math.round(x * 1e9) / 1e9;
    for (let i = 0; i < N; i++) {
      let s = (20 * cols.avgMonthlyAmount[i]) / maxA + (10 * cols.avgMonthlyQty[i]) / maxQ;
      const gm = cols.grossMargin[i];
      s += gm < 0 ? 0 : Math.min(12, Math.floor(r9(gm * 100)));
      const ms = [cols.m1[i], cols.m2[i], cols.m3[i], cols.m4[i], cols.m5[i], cols.m6[i]];
      const mean = (ms[0] + ms[1] + ms[2] + ms[3] + ms[4] + ms[5]) / 6;
      const st = mean === 0 ? 0 : (10 * (mean - (Math.max(...ms) - Math.min(...ms)))) / mean;
      s += st > 0 ? Math.min(10, st) : 0;
      const d = cols.avgPaymentDays[i];
      s += d > 365 ? 0 : d > 90 ? 2 : Math.min(15, (15 * (90 - d)) / 90);
      const k = cols.keyProductShare[i];
      s += k >= 0.6 ? 15 : k >= 0.55 ? 12 : k >= 0.5 ? 9 : k >= 0.45 ? 6 : k >= 0.4 ? 3 : 0;
      s += cols.bidPriceCompliant[i] === "yes" ? 3 : 0;
      const pm = cols.purchaseMethod[i];
      s += pm === "planned" ? 5 : pm === "consulted" ? 3 : 0;
      s += cols.otherScore[i];
      const x = r9(s);
      g[i] = x > 90 ? 0 : x > 80 ? 1 : x > 70 ? 2 : 3;
    }
    return g;
  });
  const [engine, hand] = timePair(engineFn, handFn);
  compare("pharma-score", engine.out, hand.out);
  report("pharma-score", engine, hand);
}

// --- tobacco-retail-code ----------------------------------------------------------------------
if (ONLY === "tobacco-retail-code") {
  const r = rng(3);
  const formats = ["Z", "B", "C", "S", "Y", "F", "Q"];
  const cols = { format: new Array(N), purchaseQty: new Array(N), market: new Array(N), lawful: new Array(N), isNew: new Array(N), chain: new Array(N) };
  for (let i = 0; i < N; i++) {
    cols.format[i] = formats[Math.floor(r() * 7)];
    cols.purchaseQty[i] = Math.floor(r() * 5000);
    cols.market[i] = r() < 0.6 ? "urban" : "rural";
    cols.lawful[i] = r() < 0.9 ? "lawful" : "violating";
    cols.isNew[i] = r() < 0.02 ? "yes" : "";
    cols.chain[i] = r() < 0.1 ? "yes" : "";
  }
  const tpl = E.compileTemplate(getBuiltinTemplate("tobacco-retail-code"));
  const engineFn = (() => {
    const res = E.gradeTable(tpl, { columns: cols });
    const codes = new Array(N);
    for (let i = 0; i < N; i++) codes[i] = res.grade(i);
    return codes;
  });
  const handFn = (() => {
    // Scale: percentile tier within format, new retailers out of the population.
    const byFormat = new Map(formats.map((f) => [f, []]));
    for (let i = 0; i < N; i++) if (cols.isNew[i] !== "yes") byFormat.get(cols.format[i]).push(cols.purchaseQty[i]);
    const sorted = new Map([...byFormat].map(([f, v]) => [f, Float64Array.from(v).sort()]));
    const codes = new Array(N);
    for (let i = 0; i < N; i++) {
      const f = cols.format[i];
      const isNew = cols.isNew[i] === "yes";
      let scale = "X";
      if (!isNew) {
        const s = sorted.get(f);
        const x = cols.purchaseQty[i];
        let lo = 0;
        let hi = s.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (s[mid] <= x) lo = mid + 1;
          else hi = mid;
        }
        const above = (s.length - lo) / s.length;
        scale = above < 0.2 ? "1" : above < 0.8 ? "2" : "3";
      }
      codes[i] = f + scale + (cols.market[i] === "urban" ? "1" : "2") + (isNew || cols.lawful[i] === "lawful" ? "1" : "2") + (cols.chain[i] === "yes" && f === "C" ? "L" : "");
    }
    return codes;
  });
  const [engine, hand] = timePair(engineFn, handFn);
  compare("tobacco-retail-code", engine.out, hand.out);
  report("tobacco-retail-code", engine, hand, "engine time includes reading each code label");
}

// --- percentile tiers -------------------------------------------------------------------------
if (ONLY === "percentile") {
  const r = rng(4);
  const v = new Float64Array(N);
  for (let i = 0; i < N; i++) v[i] = Math.floor(r() * 100000);
  const engineFn = (() => E.percentileTiers(v, { cuts: [0.2, 0.8] }).tier);
  const handFn = (() => {
    const s = v.slice().sort();
    const out = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      let lo = 0;
      let hi = N;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid] <= v[i]) lo = mid + 1;
        else hi = mid;
      }
      const above = (N - lo) / N;
      out[i] = above < 0.2 ? 0 : above < 0.8 ? 1 : 2;
    }
    return out;
  });
  const [engine, hand] = timePair(engineFn, handFn);
  compare("percentile", engine.out, hand.out);
  report("percentile tiers (1 group)", engine, hand, "Float64Array in, Int32Array of tiers out");
}


// --- value-share-3 (ABC, 10 groups) ------------------------------------------------------------
if (ONLY === "value-share-3") {
  const r = rng(5);
  const amount = new Array(N);
  const group = new Array(N);
  for (let i = 0; i < N; i++) {
    amount[i] = Math.floor(r() * 100000) - 1000; // some amounts <= 0 (Regular, outside the total)
    group[i] = "G" + Math.floor(r() * 10);
  }
  const t = E.compileTemplate(getBuiltinTemplate("value-share-3"));
  const engineFn = () => E.gradeTable(t, { columns: { amount, group } }).gradeIndex;
  const handFn = () => {
    const ids = new Map();
    const g = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      let k = ids.get(group[i]);
      if (k === undefined) ids.set(group[i], (k = ids.size));
      g[i] = k;
    }
    const counts = new Int32Array(ids.size);
    for (let i = 0; i < N; i++) if (amount[i] > 0) counts[g[i]]++;
    const pops = Array.from(counts, (c) => new Float64Array(c));
    const fill = new Int32Array(ids.size);
    for (let i = 0; i < N; i++) if (amount[i] > 0) pops[g[i]][fill[g[i]]++] = amount[i];
    const suffix = pops.map((p) => {
      p.sort();
      const s = new Float64Array(p.length + 1);
      for (let j = p.length - 1; j >= 0; j--) s[j] = s[j + 1] + p[j];
      return s;
    });
    const r9 = (x) => Math.round(x * 1e9) / 1e9;
    const out = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      const x = amount[i];
      if (!(x > 0)) {
        out[i] = 2;
        continue;
      }
      const p = pops[g[i]];
      let lo = 0;
      let hi = p.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (p[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      const before = r9(suffix[g[i]][lo] / suffix[g[i]][0]);
      out[i] = before < 0.7 ? 0 : before < 0.9 ? 1 : 2;
    }
    return out;
  };
  const [engine, hand] = timePair(engineFn, handFn);
  compare("value-share-3", engine.out, hand.out);
  report("value-share-3 (10 groups)", engine, hand, "amounts as numbers, groups as text");
}

// --- rfm-8 --------------------------------------------------------------------------------------
if (ONLY === "rfm-8") {
  const r = rng(6);
  const R = new Array(N);
  const F = new Array(N);
  const M = new Array(N);
  for (let i = 0; i < N; i++) {
    R[i] = Math.floor(r() * 365);
    F[i] = Math.floor(r() * 20);
    M[i] = Math.floor(r() * 50000);
  }
  const t = E.compileTemplate(getBuiltinTemplate("rfm-8"));
  const engineFn = () => E.gradeTable(t, { columns: { daysSinceLastOrder: R, orderCount: F, totalAmount: M } }).gradeIndex;
  const handFn = () => {
    let sr = 0;
    let sf = 0;
    let sm = 0;
    for (let i = 0; i < N; i++) {
      sr += R[i];
      sf += F[i];
      sm += M[i];
    }
    const r9 = (x) => Math.round(x * 1e9) / 1e9;
    const mr = r9(sr / N);
    const mf = r9(sf / N);
    const mm = r9(sm / N);
    // Segment index by (R low, F low, M low) bits, in the template's grade order.
    const seg = [0, 4, 1, 5, 2, 6, 3, 7];
    const out = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      const k = (R[i] <= mr ? 0 : 4) + (F[i] >= mf ? 0 : 2) + (M[i] >= mm ? 0 : 1);
      out[i] = seg[k];
    }
    return out;
  };
  const [engine, hand] = timePair(engineFn, handFn);
  compare("rfm-8", engine.out, hand.out);
  report("rfm-8", engine, hand, "three number columns");
}
