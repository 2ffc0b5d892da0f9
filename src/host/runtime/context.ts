/**
 * The request context and sync(): queued operations go to the workbook as one batch.
 *
 * Like Office.js, nothing touches the workbook until `context.sync()`, which applies the queue in
 * order, stops at the first error (earlier operations stay applied, like Excel), and only then
 * makes loaded values readable. Each batch is measured (request/response bytes, format
 * operations, cells written) and refused when it exceeds the payload limits.
 */
import { invalidObjectPath, invalidRequestContext, requestPayloadTooLarge, responsePayloadTooLarge, RichApiError } from "../errors";
import { jsonByteLength } from "./json-size";
import { HostInternals, HostObject, Op, OpOutcome, ProxyContext } from "./object";
import { newProxy, ProxyOf } from "./registry";
import type { BatchRecord } from "./stats";

export class HostTrackedObjects {
  add(objects: HostObject<unknown> | HostObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) o._tracked = true;
  }
  remove(objects: HostObject<unknown> | HostObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) o._tracked = false;
  }
}

export class HostRequestContext implements ProxyContext {
  /** @internal */ readonly _host: HostInternals;
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;
  /** @internal */ _suspendCalc = false;
  /** @internal */ _suspendScreen = false;
  readonly trackedObjects = new HostTrackedObjects();
  requestHeaders: Record<string, string> = {};
  private _workbook: ProxyOf<"Workbook"> | null = null;
  private _application: ProxyOf<"Application"> | null = null;

  constructor(host: HostInternals) {
    this._host = host;
  }

  get workbook(): ProxyOf<"Workbook"> {
    if (!this._workbook) this._workbook = newProxy("Workbook", this, null, "workbook", null, () => this._host.model);
    return this._workbook;
  }

  get application(): ProxyOf<"Application"> {
    if (!this._application) this._application = newProxy("Application", this, null, "application", null, () => this._host.model);
    return this._application;
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._queue.map((op) => `${op.obj._typeName}.${op.name || op.kind}`) };
  }

  load(object: HostObject<unknown>, option?: unknown): void {
    object.load(option);
  }

  trace(_message: string): void {
    /* trace messages are not recorded */
  }

  /** @internal */
  _enqueue(op: Op): void {
    this._queue.push(op);
  }

  /** @internal Office.js refuses objects from another request context as arguments. */
  _checkArgContext(arg: unknown, location: string): void {
    if (arg instanceof HostObject && arg.context !== this) throw invalidRequestContext(location);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    this._host.stats.syncs++;
    return this._flush().then(() => passThroughValue as T);
  }

  /** @internal Send the queued operations as one batch. */
  async _flush(): Promise<void> {
    const ops = this._queue;
    this._queue = [];
    // Like a real round trip, the batch is applied asynchronously: code that forgets to await
    // sync() does not see its effects.
    await Promise.resolve();
    if (ops.length === 0) return;
    const host = this._host;
    const stats = host.stats;
    const record: BatchRecord = {
      index: stats.batches.length + 1,
      ops: ops.length,
      loads: ops.filter((o) => o.kind === "load").length,
      sets: ops.filter((o) => o.kind === "set").length,
      calls: ops.filter((o) => o.kind === "call").length,
      requestBytes: 0,
      responseBytes: 0,
      formatOps: 0,
      cellsWritten: 0,
      suspendedCalculation: false,
      suspendedScreenUpdating: false,
    };
    record.requestBytes = requestSize(ops);
    stats.batches.push(record);
    stats.totalRequestBytes += record.requestBytes;
    if (!stats.largestBatch || record.requestBytes > stats.largestBatch.requestBytes) stats.largestBatch = record;

    const fail = (err: RichApiError): RichApiError => {
      record.error = err.code;
      return err;
    };
    if (record.requestBytes > host.requestLimitBytes) throw fail(requestPayloadTooLarge(record.requestBytes, host.requestLimitBytes));
    if (this._closed) {
      const stale = ops.find((o) => !isTracked(o.obj));
      if (stale) throw fail(invalidObjectPath(`${stale.obj._typeName}.${stale.name}`));
    }

    const commits: (() => void)[] = [];
    let responseBytes = 2;
    try {
      for (const op of ops) {
        let out: OpOutcome;
        try {
          out = op.run();
        } catch (e) {
          throw asRichApiError(e, `${op.obj._typeName}.${op.name || op.kind}`);
        }
        if (op.formatKind) {
          record.formatOps++;
          stats.formatOps++;
          stats.formatOpsByKind[op.formatKind]++;
        }
        if (out) {
          if (out.cells) {
            record.cellsWritten += out.cells;
            stats.cellsWritten += out.cells;
          }
          if (out.response !== undefined) responseBytes += jsonByteLength(out.response) + 1;
          if (out.commit) commits.push(out.commit);
        }
      }
    } catch (e) {
      record.responseBytes = responseBytes;
      stats.totalResponseBytes += responseBytes;
      throw fail(asRichApiError(e, undefined));
    } finally {
      record.suspendedCalculation = this._suspendCalc;
      record.suspendedScreenUpdating = this._suspendScreen;
      this._suspendCalc = false;
      this._suspendScreen = false;
    }
    record.responseBytes = responseBytes;
    stats.totalResponseBytes += responseBytes;
    if (responseBytes > host.responseLimitBytes) throw fail(responsePayloadTooLarge(responseBytes, host.responseLimitBytes));
    for (const c of commits) c();
  }
}

function isTracked(o: HostObject<unknown>): boolean {
  for (let p: HostObject<unknown> | null = o; p; p = p._parent) if (p._tracked) return true;
  return false;
}

function requestSize(ops: Op[]): number {
  let bytes = 30; // envelope {"Actions":[...],"ObjectPaths":{...}}
  const paths = new Set<HostObject<unknown>>();
  for (const op of ops) {
    bytes += 45 + op.name.length + jsonByteLength(op.payload); // {"Id":n,"ActionType":n,"Name":"...","ObjectPathId":n,"ArgumentInfo":{...}}
    for (let p: HostObject<unknown> | null = op.obj; p && !paths.has(p); p = p._parent) paths.add(p);
  }
  for (const p of paths) bytes += jsonByteLength(p._pathDescriptor()) + 12;
  return bytes;
}

function asRichApiError(e: unknown, location: string | undefined): RichApiError {
  if (e instanceof RichApiError) {
    if (location && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = location;
    return e;
  }
  const msg = e instanceof Error ? e.message : String(e);
  const err = new RichApiError("GeneralException", `An internal error has occurred. (${msg})`, location);
  if (e instanceof Error && e.stack) err.stack = e.stack;
  return err;
}
