/**
 * UTF-8 byte length of JSON.stringify(value), computed without building the string
 * (a 1,000,000 x 3 array would otherwise allocate tens of MB just to be measured).
 */
export function jsonByteLength(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? numberBytes(value) : 4; // null
    case "boolean":
      return value ? 4 : 5;
    case "undefined":
      return 4; // inside arrays JSON writes null; top-level callers never pass undefined
    case "bigint":
      return String(value).length;
    case "object": {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (let i = 0; i < value.length; i++) n += jsonByteLength(value[i]);
        return n;
      }
      if (value instanceof Date) return 26; // "YYYY-MM-DDTHH:mm:ss.sssZ"
      const maybe = value as { toJSON?: () => unknown };
      if (typeof maybe.toJSON === "function") return jsonByteLength(maybe.toJSON());
      let n = 2;
      let first = true;
      for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined || typeof v === "function") continue;
        if (!first) n += 1;
        first = false;
        n += stringBytes(k) + 1 + jsonByteLength(v);
      }
      return n;
    }
    default:
      return 4;
  }
}

function numberBytes(n: number): number {
  if (Number.isInteger(n) && n >= 0 && n < 1e9) {
    // fast path for small non-negative integers
    if (n < 10) return 1;
    if (n < 100) return 2;
    if (n < 1000) return 3;
    if (n < 10000) return 4;
    if (n < 100000) return 5;
    if (n < 1000000) return 6;
    if (n < 10000000) return 7;
    if (n < 100000000) return 8;
    return 9;
  }
  return String(n).length;
}

function stringBytes(s: string): number {
  let n = 2; // quotes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      // \n \r \t \b \f are 2 bytes, others \u00XX are 6
      n += c === 10 || c === 13 || c === 9 || c === 8 || c === 12 ? 2 : 6;
    } else if (c === 0x22 || c === 0x5c) {
      n += 2;
    } else if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 6; // lone surrogate is escaped as \uXXXX by JSON.stringify
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      n += 6;
    } else {
      n += 3;
    }
  }
  return n;
}
