/**
 * `load()` arguments in all the forms Office.js accepts (`"a, b/c"`, `["a"]`,
 * `{ select, expand, top, skip }`, `{ a: true, format: { fill: { color: true } } }`, nothing),
 * normalised into one plan: own property names and per-navigation sub-plans.
 */
import { invalidArgument } from "../errors";

/** A normalized load request: own scalar names (or all), and per-navigation sub-requests. */
export interface LoadPlan {
  all: boolean;
  own: Set<string>;
  nav: Map<string, LoadPlan>;
  top?: number;
  skip?: number;
}

export function emptyPlan(): LoadPlan {
  return { all: false, own: new Set(), nav: new Map() };
}

/** The sub-plan for navigation property `name`, created on first use. */
export function navPlan(plan: LoadPlan, name: string): LoadPlan {
  let next = plan.nav.get(name);
  if (!next) {
    next = emptyPlan();
    plan.nav.set(name, next);
  }
  return next;
}

function addPath(plan: LoadPlan, path: string): void {
  const p = path.trim();
  if (!p) return;
  const segs = p.split("/").map((s) => s.trim());
  let cur = plan;
  for (let i = 0; i < segs.length - 1; i++) cur = navPlan(cur, segs[i]);
  const last = segs[segs.length - 1];
  if (last === "*" || last === "$all") cur.all = true;
  else cur.own.add(last);
}

function splitList(v: string | string[] | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => String(x).split(","));
  return String(v).split(",");
}

function addInterfaceOptions(plan: LoadPlan, opts: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(opts)) {
    if (k === "$all") {
      if (v) plan.all = true;
    } else if (k === "$top") {
      plan.top = Number(v);
    } else if (k === "$skip") {
      plan.skip = Number(v);
    } else if (v === true) {
      plan.own.add(k);
    } else if (v && typeof v === "object") {
      addInterfaceOptions(navPlan(plan, k), v as Record<string, unknown>);
    }
  }
}

/** A plan that names nothing loads every scalar property. */
function allIfEmpty(plan: LoadPlan): LoadPlan {
  if (plan.own.size === 0 && plan.nav.size === 0) plan.all = true;
  return plan;
}

export function parseLoadOption(option: unknown): LoadPlan {
  const plan = emptyPlan();
  if (option === undefined || option === null) {
    plan.all = true;
    return plan;
  }
  if (typeof option === "string" || Array.isArray(option)) {
    for (const p of splitList(option as string | string[])) addPath(plan, p);
    return allIfEmpty(plan);
  }
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o || "top" in o || "skip" in o) {
      for (const p of splitList(o.select as string | string[] | undefined)) addPath(plan, p);
      for (const p of splitList(o.expand as string | string[] | undefined)) addPath(plan, `${p.trim()}/*`);
      if (typeof o.top === "number") plan.top = o.top;
      if (typeof o.skip === "number") plan.skip = o.skip;
      return allIfEmpty(plan);
    }
    addInterfaceOptions(plan, o);
    return allIfEmpty(plan);
  }
  throw invalidArgument("load", "unsupported load option");
}
