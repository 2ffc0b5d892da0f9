/**
 * A minimal `Office` global: onReady, context (displayLanguage, requirements, diagnostics,
 * document.settings) and the common enums. Enough for add-in start-up code to run unchanged.
 */
import type { WorkbookModel } from "./model/workbook";

export interface OfficeShimOptions {
  displayLanguage: string;
  platform: string;
  /** highest ExcelApi requirement set reported as supported, e.g. "1.17" */
  excelApiVersion: string;
  version: string;
}

type AsyncCallback = (result: { status: string; value?: unknown; error?: { name: string; message: string; code: number } }) => void;

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createOfficeShim(model: WorkbookModel, opts: OfficeShimOptions) {
  // Office.context.document.settings keeps an in-memory copy; saveAsync writes it to the document
  // (the same store as Excel's workbook.settings), refreshAsync re-reads it.
  let cache = new Map<string, unknown>(model.settings);
  const clone = <T>(v: T): T => (v instanceof Date ? (new Date(v.getTime()) as unknown as T) : v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const settings = {
    get(name: string): unknown {
      return cache.has(name) ? clone(cache.get(name)) : null;
    },
    set(name: string, value: unknown): void {
      cache.set(name, clone(value));
    },
    remove(name: string): void {
      cache.delete(name);
    },
    saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback): void {
      model.settings = new Map(cache);
      const cb = (typeof optionsOrCallback === "function" ? optionsOrCallback : callback) as AsyncCallback | undefined;
      if (cb) Promise.resolve().then(() => cb({ status: "succeeded" }));
    },
    refreshAsync(callback?: AsyncCallback): void {
      cache = new Map(model.settings);
      if (callback) Promise.resolve().then(() => callback({ status: "succeeded", value: settings }));
    },
    addHandlerAsync(_type: string, _handler: unknown, callback?: AsyncCallback): void {
      if (callback) Promise.resolve().then(() => callback({ status: "succeeded" }));
    },
    removeHandlerAsync(_type: string, _opts?: unknown, callback?: AsyncCallback): void {
      if (callback) Promise.resolve().then(() => callback({ status: "succeeded" }));
    },
  };
  const info = { host: "Excel", platform: opts.platform };
  const office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table" },
    EventType: { SettingsChanged: "settingsChanged", DocumentSelectionChanged: "documentSelectionChanged" },
    initialize: undefined as undefined | ((reason?: unknown) => void),
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
    context: {
      displayLanguage: opts.displayLanguage,
      contentLanguage: opts.displayLanguage,
      host: "Excel",
      platform: opts.platform,
      diagnostics: { host: "Excel", platform: opts.platform, version: opts.version },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (String(name).toLowerCase() !== "excelapi") return false;
          return minVersion === undefined ? true : versionAtLeast(opts.excelApiVersion, String(minVersion));
        },
      },
      document: { settings, url: model.name, mode: "readWrite" },
      officeTheme: undefined,
      ui: {
        messageParent(): void {
          /* no dialog host */
        },
        displayDialogAsync(_url: string, _opts?: unknown, callback?: AsyncCallback): void {
          const cb = typeof _opts === "function" ? (_opts as AsyncCallback) : callback;
          if (cb)
            Promise.resolve().then(() =>
              cb({ status: "failed", error: { name: "NotSupported", message: "Dialogs are not available in the in-memory Excel host.", code: 5001 } }),
            );
        },
      },
    },
  };
  return office;
}

export type OfficeShim = ReturnType<typeof createOfficeShim>;
