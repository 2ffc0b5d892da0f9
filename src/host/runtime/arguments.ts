/**
 * Argument checks for property writes and method calls: each returns the accepted value or throws
 * InvalidArgument at `location` (`Type.member`), as Excel does at sync time. Also the property
 * definitions built from them (`field`: a record field read and written through a check).
 */
import { invalidArgument } from "../errors";
import { normalizeColor } from "../model/colors";
import type { FormatKind } from "./stats";
import type { PropDef } from "./object";

const ENUM_VALUES = new WeakMap<object, Set<string>>();

/** A value of an `Excel.*` enum (`exclude`: members the API refuses, such as "Invalid"). */
export function checkEnum(value: unknown, e: Record<string, string>, location: string, exclude: string[] = []): string {
  let values = ENUM_VALUES.get(e);
  if (!values) {
    values = new Set(Object.values(e));
    ENUM_VALUES.set(e, values);
  }
  if (typeof value !== "string" || !values.has(value) || exclude.includes(value)) {
    throw invalidArgument(location, `unexpected value ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkBool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(location, "expected a boolean");
  return value;
}

export function checkNumber(value: unknown, location: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) throw invalidArgument(location, "expected a number in range");
  return value;
}

export function checkString(value: unknown, location: string): string {
  if (typeof value !== "string") throw invalidArgument(location, "expected a string");
  return value;
}

/** `#RRGGBB` or an HTML colour name; returns `#RRGGBB`. */
export function checkColor(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c) throw invalidArgument(location, `'${String(value)}' is not a colour (#RRGGBB or an HTML colour name)`);
  return c;
}

/** A plain object argument (rules, alerts, zoom...). */
export function checkObject(value: unknown, location: string): Record<string, unknown> {
  if (!value || typeof value !== "object") throw invalidArgument(location);
  return value as Record<string, unknown>;
}

/** A check with its location (`Type.property`) still to be given. */
export type Check<V> = (value: unknown, location: string) => V;

export const bool: Check<boolean> = checkBool;
export const text: Check<string> = checkString;
export const color: Check<string> = checkColor;
export const number =
  (min = -Infinity, max = Infinity): Check<number> =>
  (v, loc) =>
    checkNumber(v, loc, min, max);
export const oneOf =
  (e: Record<string, string>, exclude: string[] = []): Check<string> =>
  (v, loc) =>
    checkEnum(v, e, loc, exclude);

/** A property backed by field `key` of the target: read as is, written through `check`. */
export function field<T, K extends keyof T & string>(key: K, check?: Check<T[K]>, fmt?: FormatKind): PropDef<T> {
  const def: PropDef<T> = { get: (t) => t[key] };
  if (check) {
    def.set = (t, v, _self, location) => {
      t[key] = check(v, location);
    };
  }
  if (fmt) def.fmt = fmt;
  return def;
}
