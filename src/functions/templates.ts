/**
 * Which template a formula means. `=GK.GRADE("sales-pipeline", ...)` names a built-in template by id or
 * name; workbook templates (saved by the task pane) are found the same way. `registerTemplateSource`
 * is the seam: every GK.* call tries the sources in order, built-ins last. The workbook source below is
 * one of them, filled by the task pane (same shared runtime, same module instance).
 */
import { compileTemplate, normalizeWord, type CompiledTemplate, type Template } from "../engine";
import { BUILTIN_IDS, BUILTIN_TEMPLATES } from "../templates";
import { fnError } from "./errors";

/** Finds a template by the text a user typed, or returns undefined. */
export type TemplateSource = (name: string) => Template | CompiledTemplate | undefined;

const builtinIndex = new Map<string, Template>();
for (const t of BUILTIN_TEMPLATES) {
  for (const key of [t.id, t.name.en, t.name.zh]) {
    const k = normalizeWord(key);
    if (k && !builtinIndex.has(k)) builtinIndex.set(k, t);
  }
}

/** Built-in templates by id (or English/Chinese name), case-, space- and dash-insensitive. */
export const builtinSource: TemplateSource = (name) => builtinIndex.get(normalizeWord(name));

const sources: TemplateSource[] = [];

/**
 * Adds a template source tried before the built-ins (e.g. the workbook's own templates).
 * Returns a function that removes it again.
 */
export function registerTemplateSource(source: TemplateSource): () => void {
  sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

// Workbook templates: the custom templates saved in the open workbook (src/excel/storage.ts). The shared
// runtime fills this when the task pane loads them (at start and after every save or delete, see
// src/taskpane/index.tsx); they are tried before the built-ins, by id or English/Chinese name.
let workbookIndex = new Map<string, Template>();

/** Replaces the workbook templates `GK.*` formulas see (by id, English or Chinese name). */
export function setWorkbookTemplates(templates: readonly Template[]): void {
  const index = new Map<string, Template>();
  for (const t of templates) {
    for (const key of [t.id, t.name.en, t.name.zh]) {
      const k = normalizeWord(key);
      if (k && !index.has(k)) index.set(k, t);
    }
  }
  workbookIndex = index;
}

/** The workbook's own templates, by id or name (case-, space- and dash-insensitive). */
export const workbookSource: TemplateSource = (name) => workbookIndex.get(normalizeWord(name));
registerTemplateSource(workbookSource);

/**
 * The compiled template a formula argument names.
 * Blank or non-text -> #VALUE!; not found -> #N/A; a template with problems -> #VALUE!.
 */
export function resolveTemplate(arg: unknown): CompiledTemplate {
  const name = typeof arg === "string" ? arg.trim() : typeof arg === "number" ? String(arg) : "";
  if (!name) throw fnError("#VALUE!", "noTemplate");
  let found: Template | CompiledTemplate | undefined;
  for (const source of sources) {
    found = source(name);
    if (found) break;
  }
  found ??= builtinSource(name);
  if (!found) throw fnError("#N/A", "unknownTemplate", { name, ids: BUILTIN_IDS.join(", ") });
  try {
    return compileTemplate(found);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw fnError("#VALUE!", "brokenTemplate", { name, why });
  }
}
