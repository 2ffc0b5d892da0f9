/**
 * The order in which the playground recalculates formula cells: a formula after every formula it reads
 * (a cell it names, or a cell in a range it names, or a cell another formula spilled into), as Excel's
 * dependency tree does. References are read with fast-formula-parser's dependency parser (LET expanded
 * first). Formulas that read each other in a circle cannot be ordered: they come last, in sheet order,
 * and are named in `circular` (the workbook shows them as an error rather than a value from an
 * arbitrary order).
 *
 * Pure: anchors and spill areas in, an order out.
 */
import FormulaParser, { type CellRef, type RangeRef } from "fast-formula-parser";
import type { Rect } from "../engine/sheet-address/a1";
import { expandLet } from "./let-expansion";

export interface Anchor {
  sheet: string;
  /** 0-based */
  r: number;
  c: number;
  formula: string;
}

export interface Order {
  /** Every anchor, each after the anchors it reads. */
  order: Anchor[];
  /** Anchors in or behind a circle of references (keys `sheet\0r\0c`). */
  circular: Set<string>;
}

export const anchorKey = (sheet: string, r: number, c: number) => `${sheet}\u0000${r}\u0000${c}`;

const deps = new FormulaParser.DepParser({ onVariable: () => null });

type Reads = { sheet: string; rect: Rect }[];

/** References by sheet and formula text (A1 references do not depend on the formula's cell). */
const cache = new Map<string, Reads>();
const CACHE_SIZE = 20_000;

/** The rectangles (0-based) a formula reads, by sheet. */
export function references(a: Anchor): Reads {
  const key = `${a.sheet}\u0000${a.formula}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const reads = parseReferences(a);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, reads);
  return reads;
}

function parseReferences(a: Anchor): Reads {
  let text = a.formula.trim();
  if (text.startsWith("=")) text = text.slice(1);
  let refs: (CellRef | RangeRef)[];
  try {
    refs = deps.parse(expandLet(text), { sheet: a.sheet, row: a.r + 1, col: a.c + 1 });
  } catch {
    return []; // a formula that cannot be read reads nothing (it shows its error)
  }
  return refs.map((ref) => {
    const sheet = ref.sheet ?? a.sheet;
    if ("from" in ref)
      return { sheet, rect: { r0: ref.from.row - 1, c0: ref.from.col - 1, r1: ref.to.row - 1, c1: ref.to.col - 1 } };
    return { sheet, rect: { r0: ref.row - 1, c0: ref.col - 1, r1: ref.row - 1, c1: ref.col - 1 } };
  });
}

const overlaps = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/**
 * Orders `anchors` (given in sheet order, row by row). `spills` are the areas anchors spilled into at
 * the last calculation (by anchor key): reading such a cell depends on its anchor.
 */
export function recalcOrder(anchors: readonly Anchor[], spills: ReadonlyMap<string, Rect> = new Map()): Order {
  const n = anchors.length;
  const area = anchors.map((a) => spills.get(anchorKey(a.sheet, a.r, a.c)) ?? { r0: a.r, c0: a.c, r1: a.r, c1: a.c });
  const bySheet = new Map<string, number[]>();
  anchors.forEach((a, i) => bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), i]));
  // readers[j]: the anchors that read anchor j
  const readers: number[][] = anchors.map(() => []);
  const pending = new Array<number>(n).fill(0);
  anchors.forEach((a, i) => {
    const seen = new Set<number>();
    for (const ref of references(a)) {
      for (const j of bySheet.get(ref.sheet) ?? []) {
        if (j === i || seen.has(j) || !overlaps(ref.rect, area[j])) continue;
        seen.add(j);
        readers[j].push(i);
        pending[i]++;
      }
    }
  });
  const order: Anchor[] = [];
  const done = new Array<boolean>(n).fill(false);
  // ready anchors in sheet order: a simple sorted queue (indexes are already in sheet order)
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready.push(i);
  while (ready.length) {
    ready.sort((x, y) => x - y);
    const i = ready.shift()!;
    done[i] = true;
    order.push(anchors[i]);
    for (const k of readers[i]) if (--pending[k] === 0) ready.push(k);
  }
  const circular = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    circular.add(anchorKey(anchors[i].sheet, anchors[i].r, anchors[i].c));
    order.push(anchors[i]);
  }
  return { order, circular };
}
