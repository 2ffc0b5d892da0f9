#!/usr/bin/env node
/*
 * Generates GradeKit's icons in assets/ reproducibly, with Node built-ins only (zlib + a CRC32 table).
 *
 *   node scripts/make-icons.js            write assets/icon-{16,32,64,80,128}.png and assets/logo-filled.png
 *   node scripts/make-icons.js --check    exit 1 if any committed PNG differs from what this script draws
 *
 * Design (32-unit grid): a rounded navy tile holding four left-aligned bars that get shorter from top to
 * bottom, one per grade: A green, B blue, C amber, D red. Bar edges are snapped to whole pixels at every
 * size so the 16 and 32 px ribbon icons stay crisp. Rounded corners are anti-aliased by 8x8 supersampling.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.resolve(__dirname, "..", "assets");

// ---------- design ----------
const GRID = 32;
const TILE = { x0: 0, y0: 0, x1: 32, y1: 32, r: 7 };
const TILE_TOP = [0x33, 0x55, 0x91]; // gradient, top
const TILE_BOTTOM = [0x1c, 0x33, 0x5e]; // gradient, bottom
const BAR_LEFT = 6;
const BAR_HEIGHT = 4;
const BAR_PITCH = 6;
const BAR_TOP = 5;
const BARS = [
  { right: 26, color: [0x34, 0xc7, 0x7b] }, // A  green
  { right: 22, color: [0x4c, 0x9a, 0xff] }, // B  blue
  { right: 17, color: [0xff, 0xb3, 0x2e] }, // C  amber
  { right: 12, color: [0xf2, 0x5f, 0x5c] }, // D  red
];

const OUTPUTS = [
  { file: "icon-16.png", size: 16 },
  { file: "icon-32.png", size: 32 },
  { file: "icon-64.png", size: 64 },
  { file: "icon-80.png", size: 80 },
  { file: "icon-128.png", size: 128 },
  { file: "logo-filled.png", size: 160 },
];

// ---------- geometry ----------
function insideRoundRect(px, py, r) {
  if (px < r.x0 || px >= r.x1 || py < r.y0 || py >= r.y1) return false;
  const rad = r.r;
  if (rad <= 0) return true;
  const cx = px < r.x0 + rad ? r.x0 + rad : px > r.x1 - rad ? r.x1 - rad : px;
  const cy = py < r.y0 + rad ? r.y0 + rad : py > r.y1 - rad ? r.y1 - rad : py;
  const dx = px - cx;
  const dy = py - cy;
  return dx * dx + dy * dy <= rad * rad;
}

/** Shapes in pixel coordinates for one output size (edges snapped to whole pixels). */
function layout(size) {
  const s = size / GRID;
  const snap = (v) => Math.round(v * s);
  const tile = { x0: snap(TILE.x0), y0: snap(TILE.y0), x1: snap(TILE.x1), y1: snap(TILE.y1), r: TILE.r * s };
  const bars = BARS.map((b, i) => {
    const y0 = snap(BAR_TOP + i * BAR_PITCH);
    const y1 = snap(BAR_TOP + i * BAR_PITCH + BAR_HEIGHT);
    // Rounded bar ends: at least half a pixel so 2 px bars at 16 px still read as bars.
    const r = Math.max(0.5, Math.min((y1 - y0) / 2, 1.25 * s));
    return { x0: snap(BAR_LEFT), y0, x1: snap(b.right), y1, r, color: b.color };
  });
  return { tile, bars };
}

// ---------- rasterizer ----------
const SS = 8; // supersamples per axis

function render(size) {
  const { tile, bars } = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SS * SS;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tileCov = 0;
      const barCov = new Array(bars.length).fill(0);
      for (let sy = 0; sy < SS; sy++) {
        const py = y + (sy + 0.5) / SS;
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS;
          if (!insideRoundRect(px, py, tile)) continue;
          tileCov++;
          for (let b = 0; b < bars.length; b++) {
            if (insideRoundRect(px, py, bars[b])) {
              barCov[b]++;
              break;
            }
          }
        }
      }
      const o = (y * size + x) * 4;
      if (tileCov === 0) continue; // fully transparent
      // colour of the covered part: tile gradient with bars painted over it
      const t = (y + 0.5) / size;
      let col = TILE_TOP.map((c, i) => c + (TILE_BOTTOM[i] - c) * t);
      let barTotal = 0;
      const mix = [0, 0, 0];
      for (let b = 0; b < bars.length; b++) {
        if (!barCov[b]) continue;
        barTotal += barCov[b];
        for (let i = 0; i < 3; i++) mix[i] += bars[b].color[i] * barCov[b];
      }
      col = col.map((c, i) => (c * (tileCov - barTotal) + mix[i]) / tileCov);
      rgba[o] = Math.round(col[0]);
      rgba[o + 1] = Math.round(col[1]);
      rgba[o + 2] = Math.round(col[2]);
      rgba[o + 3] = Math.round((255 * tileCov) / n);
    }
  }
  return rgba;
}

// ---------- PNG encoder ----------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- main ----------
function main() {
  const check = process.argv.includes("--check");
  fs.mkdirSync(OUT_DIR, { recursive: true });
  let stale = 0;
  for (const { file, size } of OUTPUTS) {
    const png = encodePng(size, render(size));
    const target = path.join(OUT_DIR, file);
    if (check) {
      const same = fs.existsSync(target) && fs.readFileSync(target).equals(png);
      if (!same) {
        stale++;
        console.error(`make-icons: ${file} is missing or differs from the generator output`);
      }
    } else {
      fs.writeFileSync(target, png);
      console.log(`make-icons: wrote assets/${file} (${size}x${size}, ${png.length} bytes)`);
    }
  }
  if (check) {
    if (stale) {
      console.error("make-icons: run `node scripts/make-icons.js` to regenerate");
      process.exit(1);
    }
    console.log("make-icons: all icons up to date");
  }
}

if (require.main === module) main();
module.exports = { render, encodePng, layout, OUTPUTS };
