/**
 * The checker's search of a condition's value space (issue 20, item 8): which inputs can make a
 * condition hold. Every field is a dimension — number fields an interval set (from min/max) plus
 * "blank" where the field may be blank, category and yes/no fields a set of values plus "blank" —
 * and a condition becomes a union of boxes (DNF). Two unions are kept per condition: `over`
 * (every input it may match) and `under` (inputs it surely matches). Conditions the analysis cannot
 * read (expressions, population thresholds, free text, measures' links to their fields) make
 * `over` everything and `under` nothing, so a rule is called unreachable only when it surely is:
 * no false alarms, possibly missed ones.
 */
import { fromCompare, intersect, isEmpty, showSet, subtract, type IntervalSet } from "../../eval/intervals";
import { isPopStat } from "../../eval/pop-stats";
import { normalizeWord, parseYesNo } from "../../input/parse";
import { categoryIndex } from "../../input/table";
import type { Condition, Field } from "../../template/schema";
import type { CheckContext } from "../types";
import { fieldDomain } from "./bands";

type Dom = { t: "n"; set: IntervalSet; blank: boolean } | { t: "c"; vals: readonly number[]; blank: boolean };
/** Constrained fields only; a field not in the map takes its whole domain. */
type Box = ReadonlyMap<string, Dom>;
/** A union of boxes. */
export type Region = readonly Box[];
export interface Reach {
  over: Region;
  under: Region;
}

const CAP = 400;
const TOP: Region = [new Map()];
const BOTTOM: Region = [];

/** The value space of a template's fields (measures count as free number fields). */
export class Space {
  private readonly full = new Map<string, Dom>();

  constructor(private readonly ctx: CheckContext) {
    for (const f of ctx.fields.values()) {
      const d = fullDom(f);
      if (d) this.full.set(f.key, d);
    }
  }

  private whole(key: string): Dom | undefined {
    return this.full.get(key);
  }

  /** Over- and under-approximations of the inputs for which a condition holds. */
  condition(c: Condition): Reach {
    if ("all" in c || "any" in c) {
      const parts = ("all" in c ? c.all : c.any).map((x) => this.condition(x));
      if ("any" in c) return { over: capOr(parts.flatMap((p) => p.over), TOP), under: capOr(parts.flatMap((p) => p.under), BOTTOM) };
      return {
        over: parts.reduce<Region | null>((a, p) => (a ? this.and(a, p.over) : null), TOP) ?? TOP,
        under: parts.reduce<Region | null>((a, p) => (a ? this.and(a, p.under) : null), TOP) ?? BOTTOM,
      };
    }
    if ("not" in c) {
      const inner = this.condition(c.not);
      return { over: this.complement(inner.under) ?? TOP, under: this.complement(inner.over) ?? BOTTOM };
    }
    const exact = this.leaf(c);
    return exact ? { over: exact, under: exact } : { over: TOP, under: BOTTOM };
  }

  /** A leaf condition as one box, or undefined when the analysis cannot read it. */
  private leaf(c: Condition): Region | undefined {
    if ("expr" in c || !("field" in c)) return undefined;
    const f = this.ctx.fields.get(c.field);
    const whole = this.whole(c.field);
    if (!f || !whole) return undefined;
    if ("op" in c) {
      if (whole.t !== "n" || isPopStat(c.value)) return undefined;
      const t = this.ctx.num(c.value, "");
      if (!(t === t)) return undefined;
      return [new Map([[c.field, { t: "n", set: fromCompare(c.op, t), blank: false } as Dom]])];
    }
    if ("is" in c || "in" in c) {
      if (whole.t !== "c") return undefined;
      const idx: number[] = [];
      for (const w of "is" in c ? [c.is] : c.in) {
        const k = wordIndex(f, w);
        if (k === undefined) return undefined;
        idx.push(k);
      }
      return [new Map([[c.field, { t: "c", vals: [...new Set(idx)].sort((a, b) => a - b), blank: false } as Dom]])];
    }
    // text patterns (contains, starts with, ...): not read by the analysis
    if (!("blank" in c)) return undefined;
    // `{ field, blank }`: a default fills a blank cell, so both hold at once; not read then.
    if (f.default !== undefined) return undefined;
    const d: Dom = c.blank ? (whole.t === "n" ? { t: "n", set: [], blank: true } : { t: "c", vals: [], blank: true }) : { ...whole, blank: false };
    return [new Map([[c.field, d]])];
  }

  private dom(b: Box, key: string): Dom {
    return b.get(key) ?? this.whole(key)!;
  }

  private meet(a: Box, b: Box): Box | null {
    const out = new Map(a);
    for (const [k, d] of b) {
      const m = meetDom(this.dom(a, k), d);
      if (!m) return null;
      out.set(k, m);
    }
    // a box constrained only by `b` must still fit the field's domain
    for (const [k, d] of out) {
      const m = meetDom(this.whole(k)!, d);
      if (!m) return null;
      out.set(k, m);
    }
    return out;
  }

  /** Intersection of two unions; null when it grows past the cap. */
  private and(a: Region, b: Region): Region | null {
    const out: Box[] = [];
    for (const x of a)
      for (const y of b) {
        const m = this.meet(x, y);
        if (m) out.push(m);
        if (out.length > CAP) return null;
      }
    return out;
  }

  /** A box minus another: up to one piece per field the other constrains. */
  private minusBox(a: Box, b: Box): Box[] {
    if (!this.meet(a, b)) return [a];
    const out: Box[] = [];
    let cur = new Map(a);
    for (const [k, db] of b) {
      const da = this.dom(cur, k);
      const rest = minusDom(da, db);
      if (rest) out.push(new Map(cur).set(k, rest));
      const both = meetDom(da, db);
      if (!both) return out;
      cur = new Map(cur).set(k, both);
    }
    return out;
  }

  /** `a` minus every box of `b`; stops subtracting (keeps a larger region) past the cap. */
  minus(a: Region, b: Region): Region {
    let cur: Box[] = a.map((x) => this.meet(x, new Map())).filter((x): x is Box => x !== null);
    for (const y of b) {
      const next = cur.flatMap((x) => this.minusBox(x, y));
      if (next.length > CAP) return cur;
      cur = next;
    }
    return cur;
  }

  /** The inputs outside a union; null when it grows past the cap. */
  private complement(r: Region): Region | null {
    let out: Region | null = TOP;
    for (const b of r) {
      const pieces: Box[] = [];
      for (const [k, d] of b) {
        const rest = minusDom(this.whole(k)!, d);
        if (rest) pieces.push(new Map([[k, rest]]));
      }
      out = this.and(out, pieces);
      if (!out) return null;
    }
    return out;
  }

  /** Whether two unions share an input (true when the search grows past the cap). */
  overlaps(a: Region, b: Region): boolean {
    const m = this.and(a, b);
    return m === null || m.length > 0;
  }

  isEmpty(r: Region): boolean {
    return r.every((b) => !this.meet(b, new Map()));
  }

  /** The declared value spaces of some fields, for explanations: "score [0, 100]". */
  describe(keys: Iterable<string>): string {
    const parts: string[] = [];
    for (const k of keys) {
      const f = this.ctx.fields.get(k);
      const d = this.whole(k);
      if (!f || !d || d.t !== "n" || (f.min === undefined && f.max === undefined)) continue;
      parts.push(`${k} ${showSet(d.set, f.unit)}`);
    }
    return parts.join(", ");
  }
}

function capOr(r: Box[], overflow: Region): Region {
  return r.length > CAP ? overflow : r;
}

function wordIndex(f: Field, w: string): number | undefined {
  if (f.type === "yesno") {
    const yn = parseYesNo(w);
    return yn.ok ? (yn.value ? 0 : 1) : undefined;
  }
  return categoryIndex(f).get(normalizeWord(w));
}

function mayBeBlank(f: Field): boolean {
  return f.default === undefined && (f.required === false || f.requiredUnless !== undefined);
}

function fullDom(f: Field): Dom | undefined {
  if (f.type === "number") return { t: "n", set: fieldDomain(f), blank: mayBeBlank(f) };
  if (f.type === "yesno") return { t: "c", vals: [0, 1], blank: mayBeBlank(f) };
  if (f.type === "category") return { t: "c", vals: (f.categories ?? []).map((_, k) => k), blank: mayBeBlank(f) };
  return undefined;
}

function nonEmpty(d: Dom): Dom | null {
  return d.blank || (d.t === "n" ? !isEmpty(d.set) : d.vals.length > 0) ? d : null;
}

function meetDom(a: Dom, b: Dom): Dom | null {
  if (a.t === "n" && b.t === "n") return nonEmpty({ t: "n", set: intersect(a.set, b.set), blank: a.blank && b.blank });
  if (a.t === "c" && b.t === "c") return nonEmpty({ t: "c", vals: a.vals.filter((v) => b.vals.includes(v)), blank: a.blank && b.blank });
  return null;
}

function minusDom(a: Dom, b: Dom): Dom | null {
  if (a.t === "n" && b.t === "n") return nonEmpty({ t: "n", set: subtract(a.set, b.set), blank: a.blank && !b.blank });
  if (a.t === "c" && b.t === "c") return nonEmpty({ t: "c", vals: a.vals.filter((v) => !b.vals.includes(v)), blank: a.blank && !b.blank });
  return a;
}
