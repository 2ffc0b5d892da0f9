/** What the host counts: round trips, payload sizes, formatting operations, cells written. */

export type FormatKind = "fill" | "font" | "numberFormat" | "conditionalFormat" | "alignment" | "border" | "size" | "other";

export interface BatchRecord {
  /** 1-based round-trip number */
  index: number;
  /** queued operations (loads + property writes + method calls) */
  ops: number;
  loads: number;
  sets: number;
  calls: number;
  /** UTF-8 bytes of the JSON request: queued operations with their arguments/written values and the object paths they use */
  requestBytes: number;
  /** UTF-8 bytes of the JSON response: loaded property values and method results */
  responseBytes: number;
  formatOps: number;
  cellsWritten: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  /** error code when the batch failed */
  error?: string;
}

export interface HostStats {
  /** number of `context.sync()` calls made by code (empty ones included; the implicit flush at the end of Excel.run is not) */
  syncs: number;
  /** number of Excel.run calls */
  runs: number;
  /** one record per round trip that carried operations (includes Excel.run's final implicit flush) */
  batches: BatchRecord[];
  /** largest batch by requestBytes */
  largestBatch: BatchRecord | null;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** formatting operations: fills, fonts, number formats, conditional format adds/edits, alignment, borders, widths */
  formatOps: number;
  formatOpsByKind: Record<FormatKind, number>;
  /** cells written through values/formulas/numberFormat (non-null entries) */
  cellsWritten: number;
}

export function newStats(): HostStats {
  return {
    syncs: 0,
    runs: 0,
    batches: [],
    largestBatch: null,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
    formatOps: 0,
    formatOpsByKind: { fill: 0, font: 0, numberFormat: 0, conditionalFormat: 0, alignment: 0, border: 0, size: 0, other: 0 },
    cellsWritten: 0,
  };
}
