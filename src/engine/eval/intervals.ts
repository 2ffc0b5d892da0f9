/**
 * Sets of real numbers as sorted, disjoint intervals: enough arithmetic for the checker to find
 * unreachable grades, gaps and overlaps between bands.
 */
import { fmt } from "../text/display";

export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}
export type IntervalSet = Interval[];

export const ALL: IntervalSet = [{ lo: -Infinity, hi: Infinity, loIn: false, hiIn: false }];
export const EMPTY: IntervalSet = [];

function isEmptyInterval(a: Interval): boolean {
  return a.lo > a.hi || (a.lo === a.hi && !(a.loIn && a.hiIn));
}

export function range(lo: number, hi: number, loIn = true, hiIn = true): IntervalSet {
  const a = { lo, hi, loIn: loIn && lo !== -Infinity, hiIn: hiIn && hi !== Infinity };
  return isEmptyInterval(a) ? [] : [a];
}

/** The values x with `x op t`. */
export function fromCompare(op: string, t: number): IntervalSet {
  switch (op) {
    case "<":
      return range(-Infinity, t, false, false);
    case "<=":
      return range(-Infinity, t, false, true);
    case ">":
      return range(t, Infinity, false, false);
    case ">=":
      return range(t, Infinity, true, false);
    case "=":
      return range(t, t);
    default:
      return union(range(-Infinity, t, false, false), range(t, Infinity, false, false));
  }
}

function normalize(list: Interval[]): IntervalSet {
  const xs = list.filter((a) => !isEmptyInterval(a)).sort((a, b) => a.lo - b.lo || (a.loIn === b.loIn ? 0 : a.loIn ? -1 : 1));
  const out: Interval[] = [];
  for (const a of xs) {
    const last = out[out.length - 1];
    if (last && (a.lo < last.hi || (a.lo === last.hi && (a.loIn || last.hiIn)))) {
      if (a.hi > last.hi || (a.hi === last.hi && a.hiIn)) {
        last.hiIn = a.hi === last.hi ? last.hiIn || a.hiIn : a.hiIn;
        last.hi = a.hi;
      }
    } else out.push({ ...a });
  }
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  return normalize([...a, ...b]);
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      let lo: number, loIn: boolean, hi: number, hiIn: boolean;
      if (x.lo > y.lo) [lo, loIn] = [x.lo, x.loIn];
      else if (y.lo > x.lo) [lo, loIn] = [y.lo, y.loIn];
      else [lo, loIn] = [x.lo, x.loIn && y.loIn];
      if (x.hi < y.hi) [hi, hiIn] = [x.hi, x.hiIn];
      else if (y.hi < x.hi) [hi, hiIn] = [y.hi, y.hiIn];
      else [hi, hiIn] = [x.hi, x.hiIn && y.hiIn];
      out.push({ lo, hi, loIn, hiIn });
    }
  return normalize(out);
}

export function complement(a: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loIn = false;
  for (const x of a) {
    out.push({ lo, hi: x.lo, loIn, hiIn: !x.loIn && x.lo !== -Infinity });
    lo = x.hi;
    loIn = !x.hiIn && x.hi !== Infinity;
  }
  out.push({ lo, hi: Infinity, loIn, hiIn: false });
  return normalize(out);
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  return intersect(a, complement(b));
}

export function isEmpty(a: IntervalSet): boolean {
  return a.length === 0;
}

/** A short text such as "[0, 20000)" or "> 90". */
export function showSet(a: IntervalSet, unit?: Parameters<typeof fmt>[1]): string {
  if (!a.length) return "∅";
  return a
    .map((x) => {
      if (x.lo === x.hi) return fmt(x.lo, unit);
      if (x.lo === -Infinity) return `${x.hiIn ? "≤" : "<"} ${fmt(x.hi, unit)}`;
      if (x.hi === Infinity) return `${x.loIn ? "≥" : ">"} ${fmt(x.lo, unit)}`;
      return `${x.loIn ? "[" : "("}${fmt(x.lo, unit)}, ${fmt(x.hi, unit)}${x.hiIn ? "]" : ")"}`;
    })
    .join(" ∪ ");
}
