/**
 * The templates saved in a playground workbook (custom XML parts of the in-memory host, written by the
 * task pane through `src/excel/storage.ts`), as a template source for `GK.*` formulas: while the
 * workbook recalculates, `GK.GRADE("my-template", ...)` finds the workbook's own templates first (by id
 * or English/Chinese name), as in Excel where the shared runtime gets them from the task pane. Each
 * workbook has its own: the source is registered only for the duration of that workbook's calculation.
 */
import { normalizeWord, type Template } from "../engine";
import { decodeTemplatePart, TEMPLATE_XML_NAMESPACE } from "../excel/storage";
import { registerTemplateSource, type TemplateSource } from "../functions/templates";

export interface XmlPart {
  namespaceUri: string;
  xml: string;
}

/** A template source over the parts `parts()` returns; decoded again only when a part's XML changes. */
export function partsTemplateSource(parts: () => readonly XmlPart[]): TemplateSource {
  const decoded = new Map<string, Template | null>();
  return (name) => {
    const want = normalizeWord(name);
    for (const p of parts()) {
      if (p.namespaceUri !== TEMPLATE_XML_NAMESPACE) continue;
      let t = decoded.get(p.xml);
      if (t === undefined) {
        const d = decodeTemplatePart(p.xml);
        t = d.ok ? d.stored.template : null; // a part that does not pass the checks is never used
        decoded.set(p.xml, t);
      }
      if (t && [t.id, t.name.en, t.name.zh].some((k) => normalizeWord(k) === want)) return t;
    }
    return undefined;
  };
}

/** Runs `f` with `source` tried before the built-ins. */
export function withTemplateSource<T>(source: TemplateSource, f: () => T): T {
  const remove = registerTemplateSource(source);
  try {
    return f();
  } finally {
    remove();
  }
}
