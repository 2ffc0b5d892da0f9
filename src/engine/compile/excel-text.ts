/**
 * Text patterns on free-text cells as Excel formulas. The engine folds a cell (full-width forms
 * to ASCII, odd spaces to plain ones, runs of spaces to one, trimmed, lower case); the formula
 * uses `LOWER(TRIM(cell))`, which is the same for every cell without the characters listed in
 * `ODD_CHARS` — a cell with one is an error value there (`oddText`), never another grade. FIND,
 * LEFT and RIGHT are used, not SEARCH: no wildcards (`*`, `?`, `~`) to escape.
 */
import type { Node } from "./ir";

type Out = { s: string; p: number };
type Call = (fn: string, args: string[]) => Out;

/** What the engine's `normalizeText` changes besides case and ASCII spaces: full-width forms, odd spaces, the minus sign. */
export const ODD_CHARS: readonly string[] = [
  ...Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCharCode(0xff01 + k)),
  "\u3000",
  "\u00a0",
  "\u2009",
  "\u202f",
  "\u2212",
];
/** Control characters JavaScript's trim removes and Excel's TRIM does not (by code, CHAR(n)). */
const ODD_CODES = [9, 10, 11, 12, 13];

export function textMatchFormula(n: Extract<Node, { k: "textMatch" }>, cell: string, str: (w: string) => string, call: Call): Out {
  const t = `LOWER(TRIM(${cell}))`;
  const one = (w: string): string => {
    switch (n.mode) {
      case "contains":
        return call("ISNUMBER", [call("FIND", [str(w), t]).s]).s;
      case "startsWith":
        return `${call("LEFT", [t, String(w.length)]).s}=${str(w)}`;
      case "endsWith":
        return `${call("RIGHT", [t, String(w.length)]).s}=${str(w)}`;
      case "equalsAny":
        return `${t}=${str(w)}`;
    }
  };
  const parts = n.words.map(one);
  return parts.length === 1 ? { s: parts[0], p: n.mode === "contains" ? 5 : 0 } : call("OR", parts);
}

export function oddTextFormula(cell: string, arrayConst: (items: string[]) => string, call: Call): Out {
  const chars = arrayConst(ODD_CHARS.map((c) => `"${c}"`));
  const codes = arrayConst(ODD_CODES.map((c) => String(c)));
  const found = `${call("SUMPRODUCT", [`--ISNUMBER(${call("FIND", [chars, cell]).s})`]).s}+${call("SUMPRODUCT", [`--ISNUMBER(${call("FIND", [call("CHAR", [codes]).s, cell]).s})`]).s}`;
  return { s: `${found}>0`, p: 0 };
}
