/**
 * Import and export of a template as a `.json` file. The import is a pure function on text
 * (`importTemplate`): the file is untrusted, so it goes through the engine's `parseTemplateJson`
 * (the one JSON gate: size limit, depth scan before JSON.parse, prototype keys refused; then the
 * zod schema with strict objects and the checker).
 * Nothing in it is executed; labels stay text (and are written to cells as text by the adapter).
 */
import { DEFAULTS, MAX_TEMPLATE_FILE_BYTES, parseTemplateJson, type CheckIssue, type Template } from "../../engine";
import { templateFileName, templateJson } from "../../excel/storage";

export type ImportOutcome =
  /** The schema holds: the template opens in the editor, with the checker's issues (errors block saving). */
  | { ok: true; template: Template; issues: CheckIssue[] }
  /** Not a template: why, with paths. */
  | { ok: false; issues: CheckIssue[] };

/** Largest file read at all, in bytes (UTF-8 can take up to 4 bytes per character of the limit). */
export const MAX_IMPORT_BYTES = MAX_TEMPLATE_FILE_BYTES;

/** Template JSON text -> a template to edit, or the reasons it is refused. */
export function importTemplate(text: unknown): ImportOutcome {
  const r = parseTemplateJson(text);
  if (r.template) return { ok: true, template: r.template, issues: r.issues };
  return { ok: false, issues: r.issues };
}

const tooLarge = (bytes: number): CheckIssue => ({
  severity: "error",
  path: "(file)",
  code: "tooLarge",
  message: {
    en: `the file is ${bytes.toLocaleString("en-US")} bytes; templates are at most ${DEFAULTS.maxTemplateChars.toLocaleString("en-US")} characters`,
    zh: `文件大小为 ${bytes.toLocaleString("en-US")} 字节；模板最多 ${DEFAULTS.maxTemplateChars.toLocaleString("en-US")} 个字符`,
  },
});

/** Reads a chosen file (refused unread when larger than `MAX_IMPORT_BYTES`) and imports it. */
export async function importFile(file: Blob): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, issues: [tooLarge(file.size)] };
  const text = typeof file.text === "function" ? await file.text() : await readWithFileReader(file);
  return importTemplate(text);
}

function readWithFileReader(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}

export type Downloader = (fileName: string, text: string) => void;

/** Browser download of a text file (object URL, else a data URL). */
export const browserDownload: Downloader = (fileName, text) => {
  const a = document.createElement("a");
  let url: string;
  let revoke = false;
  if (typeof URL !== "undefined" && typeof URL.createObjectURL === "function") {
    url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    revoke = true;
  } else url = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(url), 1000);
};

let downloader: Downloader = browserDownload;

/** Replaces how exports are delivered (tests, playground); no argument restores the browser download. */
export function setDownloader(d?: Downloader): void {
  downloader = d ?? browserDownload;
}

/** Exports a template as `<id>-v<version>.json`. Returns the file name. */
export function exportTemplate(template: Template): string {
  const name = templateFileName(template);
  downloader(name, templateJson(template));
  return name;
}
