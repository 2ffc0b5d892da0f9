/**
 * A tiny PNG reader (Node's zlib, no dependency): 8-bit greyscale, RGB or RGBA, not interlaced,
 * which is what `pdftoppm -png` writes. Enough to look at the colour of a pixel.
 */
import * as zlib from "zlib";

export interface Png {
  width: number;
  height: number;
  /** `#RRGGBB` of a pixel (alpha ignored). */
  hex(x: number, y: number): string;
  rgb(x: number, y: number): [number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(bytes: Buffer): Png {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colorType = data[9];
      const interlace = data[12];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType] ?? 0;
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v: number;
      switch (filter) {
        case 0:
          v = src[i];
          break;
        case 1:
          v = src[i] + a;
          break;
        case 2:
          v = src[i] + b;
          break;
        case 3:
          v = src[i] + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = src[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter} in row ${y}`);
      }
      out[i] = v & 0xff;
    }
  }
  const rgb = (x: number, y: number): [number, number, number] => {
    if (x < 0 || y < 0 || x >= width || y >= height) throw new Error(`pixel (${x}, ${y}) is outside the ${width}x${height} image`);
    const o = y * stride + x * channels;
    return channels >= 3 ? [px[o], px[o + 1], px[o + 2]] : [px[o], px[o], px[o]];
  };
  return {
    width,
    height,
    rgb,
    hex: (x, y) => "#" + rgb(x, y).map((v) => v.toString(16).padStart(2, "0").toUpperCase()).join(""),
  };
}

/** True when two colours differ by at most `tolerance` in every channel. */
export function near(hex: string, [r, g, b]: [number, number, number], tolerance = 3): boolean {
  const n = parseInt(hex.slice(1), 16);
  return Math.abs(((n >> 16) & 255) - r) <= tolerance && Math.abs(((n >> 8) & 255) - g) <= tolerance && Math.abs((n & 255) - b) <= tolerance;
}
