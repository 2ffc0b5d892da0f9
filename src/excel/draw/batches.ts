/**
 * Round trips of the Office.js drawer: writes are queued into the current batch until the next
 * one would pass the payload budget (4 MB of cell data) or 20,000 rows; only then is it synced.
 * The number of syncs depends on the size of the data, never on the number of cells or rules.
 */
import { MAX_BLOCK_ROWS, PAYLOAD_BUDGET_BYTES } from "../batching";
import type { Area } from "../../engine";

export class WriteBatches {
  private bytes = 0;
  private rows = 0;

  constructor(private readonly context: Excel.RequestContext) {
    this.begin();
  }

  /** Every batch that writes suspends calculation and screen updating first. */
  private begin(): void {
    this.context.application.suspendApiCalculationUntilNextSync();
    this.context.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Room for a write of `bytes` over `rows` rows: the current batch is synced first when the write would not fit. */
  async room(bytes: number, rows: number): Promise<void> {
    const used = this.bytes > 0 || this.rows > 0;
    if (used && (this.bytes + bytes > PAYLOAD_BUDGET_BYTES || this.rows + rows > MAX_BLOCK_ROWS)) await this.sync();
    this.bytes += bytes;
    this.rows += rows;
  }

  /** Sends the current batch; the next one starts suspended again. */
  async sync(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
    this.rows = 0;
    this.begin();
  }
}

/** The range of an area. */
export function rangeOf(ws: Excel.Worksheet, a: Area): Excel.Range {
  return ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
}
