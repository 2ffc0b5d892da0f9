#!/usr/bin/env node
/**
 * The hand-written baseline for bench/cli/run.js: what a developer would write for one template
 * without GradeKit. Streams the CSV in blocks, splits lines and fields, reads numbers (plain and
 * `12万`), grades, writes `line,grade[,reason]` in blocks.
 *
 *   node bench/cli/hand.js <sales-pipeline|tobacco-retail-score> <in.csv> <out.csv> [reasons]
 *
 * tobacco-retail-score needs every row's maximum first: two passes, the first keeping the three
 * number columns in Float64Arrays (the same plan as the streaming CLI).
 */
"use strict";
const fs = require("fs");
const [template, input, output, withReasons] = process.argv.slice(2);
const reasons = withReasons === "reasons";

function num(s) {
  if (s === "") return NaN;
  if (s.endsWith("万")) return Number(s.slice(0, -1)) * 10000;
  return Number(s);
}

/** Calls `line(text, index)` for every data line (header skipped). */
function eachLine(file, line) {
  const fd = fs.openSync(file, "r");
  const buf = Buffer.alloc(1 << 20);
  let rest = "";
  let i = -1;
  for (;;) {
    const got = fs.readSync(fd, buf, 0, buf.length, null);
    const text = rest + buf.toString("utf8", 0, got);
    const parts = text.split("\n");
    rest = got === 0 ? "" : parts.pop();
    for (const p of parts) {
      const l = p.endsWith("\r") ? p.slice(0, -1) : p;
      if (i++ >= 0 && l !== "") line(l, i - 1);
    }
    if (got === 0) break;
  }
  fs.closeSync(fd);
}

function writer(file) {
  const fd = fs.openSync(file, "w");
  let out = "";
  return {
    put(s) {
      out += s;
      if (out.length > 1 << 20) {
        fs.writeSync(fd, out);
        out = "";
      }
    },
    end() {
      fs.writeSync(fd, out);
      fs.closeSync(fd);
    },
  };
}

if (template === "sales-pipeline") {
  const w = writer(output);
  w.put(reasons ? "grade,reason\r\n" : "grade\r\n");
  eachLine(input, (l) => {
    const f = l.split(",");
    const m = num(f[1]);
    const a = num(f[2]);
    let g;
    if (m <= 3 || a >= 100000) g = "A";
    else if (m <= 6 || a >= 50000) g = "B";
    else if (m <= 12 || a >= 20000) g = "C";
    else g = "D";
    if (reasons) w.put(`${l},${g},${g}: months ${m} / amount ${a}\r\n`);
    else w.put(`${l},${g}\r\n`);
  });
  w.end();
} else if (template === "tobacco-retail-score") {
  const q = [], p = [], s = [];
  let maxQ = 0, maxP = 0, maxS = 0;
  eachLine(input, (l) => {
    const f = l.split(",");
    const a = num(f[2]), b = num(f[3]), c = num(f[4]);
    q.push(a); p.push(b); s.push(c);
    if (a > maxQ) maxQ = a;
    if (b > maxP) maxP = b;
    if (c > maxS) maxS = c;
  });
  const Q = Float64Array.from(q), P = Float64Array.from(p), S = Float64Array.from(s);
  q.length = p.length = s.length = 0;
  const w = writer(output);
  w.put(reasons ? "grade,score,reason\r\n" : "grade,score\r\n");
  eachLine(input, (l, i) => {
    const f = l.split(",");
    const score = (45 * Math.max(Q[i], 0)) / maxQ + (15 * Math.max(P[i], 0)) / maxP + (15 * Math.max(S[i], 0)) / maxS + num(f[5]) + num(f[6]);
    let tier = score >= 90 ? 8 : score >= 80 ? 7 : score >= 70 ? 6 : score >= 60 ? 5 : score >= 50 ? 4 : score >= 40 ? 3 : score >= 30 ? 2 : 1;
    const law = f[7];
    if (law === "C" && tier > 2) tier = 2;
    if (law === "D") tier = 1;
    if (reasons) w.put(`${l},${tier},${score},score ${score.toFixed(2)} (quantity ${Q[i]}/${maxQ})\r\n`);
    else w.put(`${l},${tier},${score}\r\n`);
  });
  w.end();
} else {
  console.error("template: sales-pipeline or tobacco-retail-score");
  process.exit(2);
}
