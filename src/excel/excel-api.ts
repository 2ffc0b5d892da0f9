/** The one thing the adapter needs from Office.js: `Excel.run` (the global, or the in-memory host's). */
export interface ExcelApi {
  run: typeof Excel.run;
}

/** The global `Excel` namespace, looked up when first used (office.js may load after this module). */
export function globalExcel(): ExcelApi {
  const ex = (globalThis as { Excel?: ExcelApi }).Excel;
  if (!ex || typeof ex.run !== "function") throw new Error("Excel is not available: Office.js has not loaded (or this is not Excel)");
  return ex;
}
