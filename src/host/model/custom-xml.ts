/**
 * Minimal XML checks for custom XML parts (no DOMParser in Node): tags must balance and there must
 * be exactly one root element. Returns the root element's namespace URI (default xmlns or the
 * namespace bound to the root's prefix), "" when none.
 */
/** Markup that is skipped over, first match wins (`<!` last: it also starts comments and CDATA). */
const SKIPPED: { open: string; close: string; what: string; insideRootOnly?: boolean }[] = [
  { open: "<?", close: "?>", what: "processing instruction" },
  { open: "<!--", close: "-->", what: "comment" },
  { open: "<![CDATA[", close: "]]>", what: "CDATA", insideRootOnly: true },
  { open: "<!", close: ">", what: "declaration" },
];

export function checkXml(xml: string): { ok: true; namespaceUri: string } | { ok: false; reason: string } {
  if (typeof xml !== "string" || xml.trim() === "") return { ok: false, reason: "empty" };
  const stack: string[] = [];
  let roots = 0;
  let rootNs = "";
  let i = 0;
  const s = xml;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      if (stack.length === 0 && s.slice(i).trim() !== "") return { ok: false, reason: "text outside root" };
      break;
    }
    if (stack.length === 0 && s.slice(i, lt).trim() !== "") return { ok: false, reason: "text outside root" };
    const skipped = SKIPPED.find((k) => s.startsWith(k.open, lt));
    if (skipped) {
      if (skipped.insideRootOnly && stack.length === 0) return { ok: false, reason: `${skipped.what} outside root` };
      const end = s.indexOf(skipped.close, lt);
      if (end < 0) return { ok: false, reason: `unterminated ${skipped.what}` };
      i = end + skipped.close.length;
      continue;
    }
    // find the end of the tag, skipping quoted attribute values
    let j = lt + 1;
    let quote = "";
    for (; j < s.length; j++) {
      const ch = s[j];
      if (quote) {
        if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === ">") {
        break;
      } else if (ch === "<") {
        return { ok: false, reason: "unexpected '<' inside tag" };
      }
    }
    if (j >= s.length) return { ok: false, reason: "unterminated tag" };
    const body = s.slice(lt + 1, j);
    i = j + 1;
    if (body.startsWith("/")) {
      const name = body.slice(1).trim();
      if (stack.pop() !== name) return { ok: false, reason: `mismatched closing tag </${name}>` };
      continue;
    }
    const selfClosing = body.endsWith("/");
    const m = /^([A-Za-z_][\w.\-:]*)([\s\S]*?)\/?$/.exec(body);
    if (!m) return { ok: false, reason: "bad tag" };
    const name = m[1];
    if (stack.length === 0) {
      roots++;
      if (roots > 1) return { ok: false, reason: "more than one root element" };
      const prefix = name.includes(":") ? name.split(":")[0] : "";
      const attrRe = /([A-Za-z_][\w.\-:]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let a: RegExpExecArray | null;
      while ((a = attrRe.exec(m[2]))) {
        const attr = a[1];
        const val = a[3] ?? a[4] ?? "";
        if ((prefix === "" && attr === "xmlns") || (prefix !== "" && attr === `xmlns:${prefix}`)) rootNs = val;
      }
    }
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) return { ok: false, reason: `unclosed <${stack[stack.length - 1]}>` };
  if (roots !== 1) return { ok: false, reason: "no root element" };
  return { ok: true, namespaceUri: rootNs };
}
