/**
 * Excel 365's `LET(name1, value1, [name2, value2, ...], calculation)` as a rewrite: each name in the
 * calculation (and in later values) is replaced by its value in parentheses, innermost binding first.
 * For formulas without volatile functions this is LET's meaning (LET only saves computing a value twice).
 * The file form's prefixes (`_xlfn.LET`, `_xlpm.name`) are read as well. Text in quotes and quoted sheet
 * names are never touched. Throws an `Error` naming the problem for a LET that cannot be read.
 */

const IDENT = /[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/y;

/** Index just past the string or quoted sheet name starting at `i` (quote doubled inside). */
function skipQuoted(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  throw new Error("a text in quotes is never closed");
}

/** Replaces every identifier token `name` (case-insensitive; not a function name, not a sheet name). */
function substitute(expr: string, name: string, value: string): string {
  const want = name.toUpperCase();
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(expr, i);
      out += expr.slice(i, j);
      i = j;
      continue;
    }
    IDENT.lastIndex = i;
    const m = /[A-Za-z0-9_.\\]/.test(expr[i - 1] ?? "") ? null : IDENT.exec(expr);
    if (m) {
      const end = i + m[0].length;
      const next = expr.slice(end).trimStart()[0];
      const isName = m[0].toUpperCase() === want && next !== "(" && next !== "!" && expr[i - 1] !== "!";
      out += isName ? `(${value})` : m[0];
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The top-level arguments of the call whose "(" is at `open`, and the index of its ")". */
function callArgs(s: string, open: number): { args: string[]; close: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(s, i) - 1;
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0) {
        args.push(s.slice(start, i));
        return { args, close: i };
      }
    } else if (ch === "," && depth === 1) {
      args.push(s.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error("LET( is never closed: add )");
}

/** The position of the first `LET(` outside quotes (as a function name), or -1. */
function findLet(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(s, i) - 1;
      continue;
    }
    if (/[A-Za-z0-9_.]/.test(s[i - 1] ?? "")) continue;
    if (/^LET\s*\(/i.test(s.slice(i, i + 8))) return i;
  }
  return -1;
}

/** Removes `_xlfn.` and `_xlpm.` outside quotes. */
function stripPrefixes(s: string): string {
  let out = "";
  for (let i = 0; i < s.length;) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(s, i);
      out += s.slice(i, j);
      i = j;
      continue;
    }
    const prefix = /^_xl(fn|pm)\./i.exec(s.slice(i, i + 6));
    if (prefix && !/[A-Za-z0-9_.]/.test(s[i - 1] ?? "")) {
      i += prefix[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The formula (without "=") with every LET replaced by its calculation. */
export function expandLet(formula: string): string {
  let s = stripPrefixes(formula);
  for (let guard = 0; guard < 1000; guard++) {
    const at = findLet(s);
    if (at < 0) return s;
    const open = s.indexOf("(", at);
    const { args, close } = callArgs(s, open);
    if (args.length < 3 || args.length % 2 === 0)
      throw new Error("LET needs names with values and a calculation: LET(name, value, calculation)");
    let body = args[args.length - 1];
    for (let k = args.length - 3; k >= 0; k -= 2) {
      const name = args[k].trim();
      if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name))
        throw new Error(`LET: '${name}' is not a name`);
      body = substitute(body, name, args[k + 1].trim());
    }
    s = `${s.slice(0, at)}(${body})${s.slice(close + 1)}`;
  }
  throw new Error("LET is nested too deeply");
}
