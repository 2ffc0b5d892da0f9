/**
 * Custom templates saved inside the workbook.
 *
 * Storage: one custom XML part per template id (ExcelApi 1.5), namespace `TEMPLATE_XML_NAMESPACE`,
 * holding `{ format: 1, template, history }` as JSON text (XML-escaped). Custom XML parts are part of
 * the .xlsx package (`customXml/itemN.xml`), so they survive save/reopen in Excel desktop and on the
 * web and travel with the file to a teammate, independent of the add-in instance that wrote them
 * (README.md, "Workbook templates", says why not `settings`).
 *
 * Everything read back is untrusted (a teammate's or a crafted file): it goes through the engine's
 * one JSON gate (`parseJsonSafely`: size-limited, depth-checked before `JSON.parse`, prototype keys
 * rejected), then the schema and logic checks of the engine's checker. Nothing is ever executed;
 * labels stay text.
 */
import { z } from "zod";
import { checkTemplate, DEFAULTS, GradeKitError, parseJsonSafely, type Bilingual, type CheckIssue, type CheckResult, type ErrorClass, type Template } from "../engine";
import type { SaveTemplateOptions, StoredTemplate, StoredTemplateProblem, WorkbookTemplates } from "./contract";
import { detailed } from "./errors";
import type { ExcelApi } from "./excel-api";

/** Namespace of GradeKit's template parts (`getByNamespace`). */
export const TEMPLATE_XML_NAMESPACE = "urn:gradekit:template:1";
/** Root element of a template part. */
export const TEMPLATE_XML_ROOT = "gradekitTemplate";
/** Largest decoded part (template + history) read or written, in characters. */
export const MAX_STORED_CHARS = 2_000_000;
/** Largest part XML looked at (escaping can grow the text); larger parts are reported, not parsed. */
export const MAX_PART_XML_CHARS = 8_000_000;
/** Change notes kept per template (the oldest are dropped first). */
export const MAX_HISTORY = 200;
/** Longest change note (the template schema's own text limit). */
export const MAX_NOTE_CHARS = 4000;

export type TemplateStorageErrorCode = "notSupported" | "exists" | "conflict" | "tooLarge" | "invalid";

/** The storage's error sentences; `{detail}` is filled per error. */
export const STORAGE_MESSAGES = {
  notSupported: {
    en: "This version of Excel cannot keep templates in the workbook (custom XML parts, ExcelApi 1.5, are needed).",
    zh: "此版本的 Excel 无法在工作簿中保存模板（需要自定义 XML 部件，ExcelApi 1.5）。",
  },
  exists: {
    en: "A template with the id '{detail}' is already saved in this workbook. Choose another id, or edit that template.",
    zh: "本工作簿中已保存 id 为“{detail}”的模板。请换一个 id，或编辑那个模板。",
  },
  conflict: {
    en: "The template was saved by someone else since you opened it (now version {detail}). Open it again to see the changes.",
    zh: "自您打开以来，此模板已被他人保存（当前版本 {detail}）。请重新打开以查看更改。",
  },
  tooLarge: { en: "The template is too large to keep in the workbook: {detail}", zh: "模板过大，无法保存在工作簿中：{detail}" },
  invalid: { en: "The template has problems and was not saved: {detail}", zh: "模板有问题，未保存：{detail}" },
} as const satisfies Record<TemplateStorageErrorCode, Bilingual>;

const STORAGE_CLASSES: Readonly<Record<TemplateStorageErrorCode, ErrorClass>> = {
  notSupported: "unsupported",
  exists: "output",
  conflict: "output",
  tooLarge: "output",
  invalid: "template",
};

/** A storage failure a person can act on (bilingual, stable code). */
export class TemplateStorageError extends GradeKitError<TemplateStorageErrorCode> {
  constructor(code: TemplateStorageErrorCode, detail = "") {
    super(code, STORAGE_CLASSES[code], detailed(STORAGE_MESSAGES[code], detail));
  }
}

// ---------------------------------------------------------------------------------------------
// Template files

const issue = (path: string, code: string, en: string, zh: string): CheckIssue => ({ severity: "error", path, code, message: { en, zh } });

const grouped = (n: number) => n.toLocaleString("en-US");

/** A template as the JSON file GradeKit exports (2-space indented, trailing newline). */
export function templateJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** File name of an exported template, e.g. `my-tiers-v3.json` (ids are already file-name safe). */
export function templateFileName(template: Template): string {
  return `${template.id}-v${template.version}.json`;
}

// ---------------------------------------------------------------------------------------------
// The part's XML

const EntrySchema = z.strictObject({
  version: z.number().int().min(1),
  savedAt: z.string().max(40),
  note: z.string().max(MAX_NOTE_CHARS),
});

const EnvelopeSchema = z.strictObject({
  format: z.literal(1),
  template: z.unknown(),
  history: z.array(EntrySchema).max(MAX_HISTORY),
});

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** U+FFFE / U+FFFF are not XML characters; JSON.stringify leaves them raw (only inside strings). */
function xmlSafeJson(json: string): string {
  return json.replace(/\uFFFE/g, "\\ufffe").replace(/\uFFFF/g, "\\uffff");
}

/** The XML of a stored template's part. */
export function encodeTemplatePart(stored: StoredTemplate): string {
  const json = xmlSafeJson(JSON.stringify({ format: 1, template: stored.template, history: stored.history }));
  return `<${TEMPLATE_XML_ROOT} xmlns="${TEMPLATE_XML_NAMESPACE}">${escapeXml(json)}</${TEMPLATE_XML_ROOT}>`;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string | null {
  let bad = false;
  const out = s.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{1,8})?(;)?/g, (_, e: string | undefined, semi: string | undefined) => {
    if (!e || !semi) {
      bad = true;
      return "";
    }
    if (e[0] === "#") {
      const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(n >= 0 && n <= 0x10ffff)) {
        bad = true;
        return "";
      }
      return String.fromCodePoint(n);
    }
    const v = Object.prototype.hasOwnProperty.call(ENTITIES, e) ? ENTITIES[e] : undefined;
    if (v === undefined) bad = true;
    return v ?? "";
  });
  return bad ? null : out;
}

/** Longest root start tag looked at (GradeKit's is about 60 characters). */
const MAX_START_TAG = 2000;

/**
 * The text content of a part's root element and its namespace. Excel may write the part back in its
 * own way (declaration, quotes, entities, CDATA), so this accepts any of those, but only a root
 * holding text: GradeKit's parts have no child elements.
 */
export function xmlRootText(xml: string): { ok: true; namespace: string; root: string; text: string } | { ok: false; reason: string } {
  if (typeof xml !== "string") return { ok: false, reason: "not text" };
  if (xml.length > MAX_PART_XML_CHARS) return { ok: false, reason: `larger than ${grouped(MAX_PART_XML_CHARS)} characters` };
  // Index-based scanning only (no slicing per step, no regex over the whole part): linear in the size.
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  // prolog: declaration, processing instructions, comments, whitespace (a DOCTYPE is refused)
  for (;;) {
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (xml.startsWith("<?", i)) {
      const e = xml.indexOf("?>", i + 2);
      if (e < 0) return { ok: false, reason: "unterminated processing instruction" };
      i = e + 2;
    } else if (xml.startsWith("<!--", i)) {
      const e = xml.indexOf("-->", i + 4);
      if (e < 0) return { ok: false, reason: "unterminated comment" };
      i = e + 3;
    } else if (xml.startsWith("<!", i)) return { ok: false, reason: "a DOCTYPE is not accepted" };
    else break;
  }
  // the root's start tag: short by construction, so it is looked at within its first characters only
  const gt = xml.indexOf(">", i);
  if (gt < 0 || gt - i > MAX_START_TAG) return { ok: false, reason: "no root element" };
  const open = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>$/.exec(xml.slice(i, gt + 1));
  if (!open) return { ok: false, reason: "no root element" };
  const [, name, attrs, selfClosing] = open;
  const prefix = name.includes(":") ? name.slice(0, name.indexOf(":")) : "";
  const local = prefix ? name.slice(prefix.length + 1) : name;
  let namespace = "";
  for (const m of attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((prefix === "" && m[1] === "xmlns") || (prefix !== "" && m[1] === `xmlns:${prefix}`)) namespace = decodeEntities(m[2] ?? m[3] ?? "") ?? "";
  }
  // the end: trailing whitespace and comments, then the closing tag
  let end = xml.length;
  for (;;) {
    while (end > gt + 1 && isSpace(xml.charCodeAt(end - 1))) end--;
    if (end - 3 > gt && xml.startsWith("-->", end - 3)) {
      const c = xml.lastIndexOf("<!--", end - 3);
      if (c <= gt) return { ok: false, reason: "unterminated comment" };
      end = c;
    } else break;
  }
  let body = "";
  if (!selfClosing) {
    const closing = `</${name}`;
    const c = xml.lastIndexOf(closing, end);
    if (c <= gt || !/^\s*>$/.test(xml.slice(c + closing.length, end)) || end - (c + closing.length) > 64) return { ok: false, reason: `no closing </${name}>` };
    body = xml.slice(gt + 1, c);
  } else if (end !== gt + 1) return { ok: false, reason: "text after the root element" };
  // text and CDATA sections only
  let text = "";
  i = 0;
  while (i < body.length) {
    const cdata = body.indexOf("<![CDATA[", i);
    const chunk = body.slice(i, cdata < 0 ? body.length : cdata);
    if (chunk.includes("<")) return { ok: false, reason: "the root element holds elements, not text" };
    const decoded = decodeEntities(chunk);
    if (decoded === null) return { ok: false, reason: "unknown entity" };
    text += decoded;
    if (cdata < 0) break;
    const end = body.indexOf("]]>", cdata);
    if (end < 0) return { ok: false, reason: "unterminated CDATA" };
    text += body.slice(cdata + 9, end);
    i = end + 3;
  }
  return { ok: true, namespace, root: local, text };
}

export type DecodedPart = { ok: true; stored: StoredTemplate } | { ok: false; templateId?: string; issues: CheckIssue[] };

/** A part's XML -> the stored template, or why not (every check of an import, plus the envelope's). */
export function decodeTemplatePart(xml: string): DecodedPart {
  const root = xmlRootText(xml);
  if (!root.ok) return { ok: false, issues: [issue("(part)", "xml", `the part cannot be read: ${root.reason}`, `无法读取该部件：${root.reason}`)] };
  if (root.namespace !== TEMPLATE_XML_NAMESPACE || root.root !== TEMPLATE_XML_ROOT) {
    return { ok: false, issues: [issue("(part)", "xml", "the part is not a GradeKit template", "该部件不是 GradeKit 模板")] };
  }
  const parsed = parseJsonSafely(root.text, MAX_STORED_CHARS);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const env = EnvelopeSchema.safeParse(parsed.value);
  if (!env.success) {
    return {
      ok: false,
      issues: env.error.issues.map((i) =>
        issue(i.path.length ? i.path.map(String).join(".") : "(part)", "schema", i.message, `存储格式不符：${i.message}`),
      ),
    };
  }
  const checked = checkTemplate(env.data.template);
  const templateId = (env.data.template as { id?: unknown } | null)?.id;
  const id = typeof templateId === "string" ? templateId : undefined;
  if (!checked.ok || !checked.template) return { ok: false, templateId: id, issues: checked.issues.filter((x) => x.severity === "error") };
  const history = env.data.history.map((h) => ({ version: h.version, savedAt: h.savedAt, note: h.note }));
  return { ok: true, stored: { template: checked.template, history } };
}

// ---------------------------------------------------------------------------------------------
// Workbook

interface LoadedPart {
  partId: string;
  part: Excel.CustomXmlPart;
  decoded: DecodedPart;
}

function isApiMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ApiNotFound" || code === "NotImplemented";
}

/** Every GradeKit template part of the workbook, read and decoded. Syncs: 1 + 1 (when there are parts). */
async function loadParts(context: Excel.RequestContext): Promise<LoadedPart[]> {
  const collection = context.workbook.customXmlParts;
  if (!collection) throw new TemplateStorageError("notSupported");
  const scoped = collection.getByNamespace(TEMPLATE_XML_NAMESPACE);
  scoped.load("items/id");
  try {
    await context.sync();
  } catch (e) {
    if (isApiMissing(e)) throw new TemplateStorageError("notSupported");
    throw e;
  }
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded above as "items/id" and synced in the try block
  const items = scoped.items;
  const xml = items.map((p) => p.getXml());
  if (items.length) await context.sync();
  return items.map((part, k) => ({ partId: part.id, part, decoded: decodeTemplatePart(xml[k].value) }));
}

function summarize(parts: readonly LoadedPart[]): { byId: Map<string, LoadedPart[]>; result: WorkbookTemplates } {
  const byId = new Map<string, LoadedPart[]>();
  const problems: StoredTemplateProblem[] = [];
  for (const p of parts) {
    if (!p.decoded.ok) {
      problems.push({ partId: p.partId, templateId: p.decoded.templateId, issues: p.decoded.issues });
      continue;
    }
    const id = p.decoded.stored.template.id;
    const list = byId.get(id) ?? [];
    list.push(p);
    byId.set(id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => versionOf(b) - versionOf(a)); // newest first
  const templates = [...byId.values()].map((list) => (list[0].decoded as { stored: StoredTemplate }).stored);
  return { byId, result: { templates, problems } };
}

const versionOf = (p: LoadedPart): number => (p.decoded.ok ? p.decoded.stored.template.version : 0);

/** The templates saved in the workbook, inside another action's `Excel.run`. Syncs: 1 + 1 (when there are parts). */
export async function readWorkbookTemplates(context: Excel.RequestContext): Promise<WorkbookTemplates> {
  return summarize(await loadParts(context)).result;
}

/** The templates saved in the workbook (and the parts that could not be read). One `Excel.run`, 2 syncs. */
export async function listWorkbookTemplates(excel: ExcelApi): Promise<WorkbookTemplates> {
  return excel.run(async (context) => summarize(await loadParts(context)).result);
}

function firstError(r: CheckResult): string {
  const e = r.issues.find((i) => i.severity === "error");
  return e ? `${e.path}: ${e.message.en}` : "";
}

/**
 * Saves a template in the workbook: its version becomes the stored version + 1 (a template not yet
 * stored keeps its own version, at least 1), the change note is added to the history. A template
 * with checker errors is refused. One `Excel.run`, 3 syncs.
 */
export async function saveWorkbookTemplate(excel: ExcelApi, template: Template, options: SaveTemplateOptions = {}): Promise<StoredTemplate> {
  const checked = checkTemplate(template);
  const valid = checked.template;
  if (!checked.ok || !valid) throw new TemplateStorageError("invalid", firstError(checked));
  const note = (options.note ?? "").trim().slice(0, MAX_NOTE_CHARS);
  const savedAt = (options.now ?? new Date()).toISOString();
  return excel.run(async (context) => {
    const { byId } = summarize(await loadParts(context));
    const same = byId.get(template.id) ?? [];
    const existing = same.length ? (same[0].decoded as { stored: StoredTemplate }).stored : null;
    if (options.baseVersion === null && existing) throw new TemplateStorageError("exists", template.id);
    if (typeof options.baseVersion === "number" && existing && existing.template.version !== options.baseVersion) {
      throw new TemplateStorageError("conflict", String(existing.template.version));
    }
    const version = existing ? existing.template.version + 1 : Math.max(1, Math.floor(template.version) || 1);
    const next: Template = { ...valid, version };
    if (note) next.changeNote = note;
    else delete next.changeNote;
    const templateChars = JSON.stringify(next).length;
    if (templateChars > DEFAULTS.maxTemplateChars) {
      throw new TemplateStorageError("tooLarge", `${grouped(templateChars)} > ${grouped(DEFAULTS.maxTemplateChars)}`);
    }
    let history = [...(existing?.history ?? []), { version, savedAt, note }].slice(-MAX_HISTORY);
    const stored: StoredTemplate = { template: next, history };
    let xml = encodeTemplatePart(stored);
    while (xml.length > MAX_STORED_CHARS && history.length > 1) {
      history = history.slice(Math.ceil(history.length / 2));
      stored.history = history;
      xml = encodeTemplatePart(stored);
    }
    if (same.length) {
      same[0].part.setXml(xml);
      for (const dup of same.slice(1)) dup.part.delete();
    } else {
      context.workbook.customXmlParts.add(xml);
    }
    await context.sync();
    return stored;
  });
}

/** Deletes a saved template (every part holding that id). Returns false when there was none. One `Excel.run`. */
export async function deleteWorkbookTemplate(excel: ExcelApi, id: string): Promise<boolean> {
  return excel.run(async (context) => {
    const { byId } = summarize(await loadParts(context));
    const same = byId.get(id) ?? [];
    if (!same.length) return false;
    for (const p of same) p.part.delete();
    await context.sync();
    return true;
  });
}
