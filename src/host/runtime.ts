/**
 * The batch/proxy runtime: request context, proxy base classes, the operation queue and sync().
 *
 * Like Office.js: proxy methods and property writes queue operations; nothing touches the
 * workbook until `context.sync()`, which applies the queue in order, stops at the first error
 * (earlier operations stay applied, like Excel), and only then makes loaded values readable.
 */
import { jsonByteLength } from "./json-size";
import {
  hostNotImplemented,
  invalidArgument,
  invalidObjectPath,
  invalidRequestContext,
  propertyNotLoaded,
  requestPayloadTooLarge,
  responsePayloadTooLarge,
  RichApiError,
  valueNotLoaded,
} from "./errors";
import type { WorkbookModel } from "./model";
import type { CustomRuleEvaluator } from "./conditional";

// ---------------------------------------------------------------------------------------------
// Stats
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Shared host state
// ---------------------------------------------------------------------------------------------

export interface HostInternals {
  model: WorkbookModel;
  stats: HostStats;
  requestLimitBytes: number;
  responseLimitBytes: number;
  maxCellsPerRead: number;
  customRuleEvaluator: CustomRuleEvaluator | null;
  /** Builds the root workbook proxy for a context (set by proxies.ts to avoid an import cycle). */
  createWorkbookProxy: (ctx: HostRequestContext) => HostObject<unknown>;
  createApplicationProxy: (ctx: HostRequestContext) => HostObject<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

type OpKind = "load" | "set" | "call" | "instantiate";

interface Op {
  kind: OpKind;
  obj: HostObject<unknown>;
  name: string;
  /** request payload (arguments or written value) */
  payload: unknown;
  /** runs at sync; returns response payload (or undefined) and an optional commit */
  run: () => { response?: unknown; commit?: () => void; cells?: number } | void;
  formatKind?: FormatKind;
}

// ---------------------------------------------------------------------------------------------
// ClientResult
// ---------------------------------------------------------------------------------------------

export class HostClientResult<T> {
  private _value: T | undefined;
  private _loaded = false;
  get value(): T {
    if (!this._loaded) throw valueNotLoaded();
    return this._value as T;
  }
  /** @internal */
  _set(v: T): void {
    this._value = v;
    this._loaded = true;
  }
  toJSON(): unknown {
    return this._loaded ? this._value : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Load option parsing
// ---------------------------------------------------------------------------------------------

/** A normalized load request: own scalar names (or "*" for all), and per-navigation sub-requests. */
export interface LoadPlan {
  all: boolean;
  own: Set<string>;
  nav: Map<string, LoadPlan>;
  top?: number;
  skip?: number;
}

export function emptyPlan(): LoadPlan {
  return { all: false, own: new Set(), nav: new Map() };
}

function addPath(plan: LoadPlan, path: string): void {
  const p = path.trim();
  if (!p) return;
  const segs = p.split("/").map((s) => s.trim());
  let cur = plan;
  for (let i = 0; i < segs.length - 1; i++) {
    let next = cur.nav.get(segs[i]);
    if (!next) {
      next = emptyPlan();
      cur.nav.set(segs[i], next);
    }
    cur = next;
  }
  const last = segs[segs.length - 1];
  if (last === "*" || last === "$all") cur.all = true;
  else cur.own.add(last);
}

function splitList(v: string | string[] | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => String(x).split(","));
  return String(v).split(",");
}

function addInterfaceOptions(plan: LoadPlan, opts: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(opts)) {
    if (k === "$all") {
      if (v) plan.all = true;
    } else if (k === "$top") {
      plan.top = Number(v);
    } else if (k === "$skip") {
      plan.skip = Number(v);
    } else if (v === true) {
      plan.own.add(k);
    } else if (v && typeof v === "object") {
      let next = plan.nav.get(k);
      if (!next) {
        next = emptyPlan();
        plan.nav.set(k, next);
      }
      addInterfaceOptions(next, v as Record<string, unknown>);
    }
  }
}

export function parseLoadOption(option: unknown): LoadPlan {
  const plan = emptyPlan();
  if (option === undefined || option === null) {
    plan.all = true;
    return plan;
  }
  if (typeof option === "string" || Array.isArray(option)) {
    for (const p of splitList(option as string | string[])) addPath(plan, p);
    if (plan.own.size === 0 && plan.nav.size === 0) plan.all = true;
    return plan;
  }
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o || "top" in o || "skip" in o) {
      for (const p of splitList(o.select as string | string[] | undefined)) addPath(plan, p);
      for (const p of splitList(o.expand as string | string[] | undefined)) addPath(plan, `${p.trim()}/*`);
      if (typeof o.top === "number") plan.top = o.top;
      if (typeof o.skip === "number") plan.skip = o.skip;
      if (plan.own.size === 0 && plan.nav.size === 0) plan.all = true;
      return plan;
    }
    addInterfaceOptions(plan, o);
    if (plan.own.size === 0 && plan.nav.size === 0) plan.all = true;
    return plan;
  }
  throw invalidArgument("load", "unsupported load option");
}

// ---------------------------------------------------------------------------------------------
// Property definitions
// ---------------------------------------------------------------------------------------------

export interface PropDef<T> {
  /** Computes the value to return from a load (must return a fresh snapshot). */
  get?: (target: T, self: HostObject<T>) => unknown;
  /** Applies a write at sync time. Throw RichApiError for invalid input. Return cells written (for stats). */
  set?: (target: T, value: unknown, self: HostObject<T>) => number | void;
  /** counts as a formatting operation of this kind */
  fmt?: FormatKind;
  /** not loaded by load() without arguments (e.g. very large or expensive properties) */
  noDefaultLoad?: boolean;
}

interface ClassMeta {
  typeName: string;
  props: Map<string, PropDef<unknown>>;
  navs: Set<string>;
}

const META = new WeakMap<object, ClassMeta>();

function metaOf(proto: object): ClassMeta | undefined {
  let p: object | null = proto;
  while (p) {
    const m = META.get(p);
    if (m) return m;
    p = Object.getPrototypeOf(p);
  }
  return undefined;
}

/**
 * Installs scalar properties on a proxy class: getters read loaded values (PropertyNotLoaded
 * otherwise); setters exist only for writable properties and queue a write.
 */
export function defineProps<T>(
  cls: { prototype: HostObject<T> },
  typeName: string,
  props: Record<string, PropDef<T>>,
  navs: string[] = [],
  unimplemented: string[] = [],
): void {
  const proto = cls.prototype as object;
  const parent = metaOf(Object.getPrototypeOf(proto));
  const meta: ClassMeta = {
    typeName,
    props: new Map(parent && parent.typeName === typeName ? parent.props : []),
    navs: new Set([...(parent && parent.typeName === typeName ? parent.navs : []), ...navs]),
  };
  for (const [name, def] of Object.entries(props)) {
    meta.props.set(name, def as PropDef<unknown>);
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: HostObject<T>) {
        return this._readProp(name);
      },
    };
    if (def.set) {
      desc.set = function (this: HostObject<T>, v: unknown) {
        this._writeProp(name, v);
      };
    }
    Object.defineProperty(proto, name, desc);
  }
  for (const name of unimplemented) {
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get() {
        throw hostNotImplemented(`${typeName}.${name}`);
      },
    });
  }
  META.set(proto, meta);
}

// ---------------------------------------------------------------------------------------------
// Proxy base class
// ---------------------------------------------------------------------------------------------

let nextObjectId = 1;

export type Resolver<T> = () => T | null;

export abstract class HostObject<T> {
  /** The request context (same name as Office.js). */
  readonly context: HostRequestContext;
  /** @internal */ readonly _id: number;
  /** @internal */ readonly _parent: HostObject<unknown> | null;
  /** @internal */ readonly _pathName: string;
  /** @internal */ readonly _pathArgs: unknown;
  /** @internal */ _resolver: Resolver<T>;
  /** @internal */ _resolved = false;
  /** @internal */ _target: T | null = null;
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _tracked = false;
  /** @internal */ _children = new Map<string, HostObject<unknown>>();
  /** @internal */ _resolvedAtBatch = -1;

  constructor(
    ctx: HostRequestContext,
    parent: HostObject<unknown> | null,
    pathName: string,
    pathArgs: unknown,
    resolver: Resolver<T>,
  ) {
    this.context = ctx;
    this._id = nextObjectId++;
    this._parent = parent;
    this._pathName = pathName;
    this._pathArgs = pathArgs;
    this._resolver = resolver;
  }

  /** @internal */
  get _typeName(): string {
    return metaOf(Object.getPrototypeOf(this))?.typeName ?? this.constructor.name;
  }

  /** @internal */
  get _host(): HostInternals {
    return this.context._host;
  }

  /** @internal */
  get _model(): WorkbookModel {
    return this.context._host.model;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject");
    return this._isNull;
  }

  /** @internal Resolve to the model target (cached); null for null objects. Throws RichApiError. */
  _resolve(): T | null {
    if (!this._resolved) {
      const t = this._resolver();
      this._target = t;
      this._resolved = true;
      this._isNull = t === null;
    }
    return this._target;
  }

  /** @internal Resolve, throwing if this is a null object (used by children that require a parent). */
  _resolveRequired(location: string): T {
    const t = this._resolve();
    if (t === null) throw invalidObjectPath(location);
    return t;
  }

  /** @internal Child proxies are cached per navigation property, like Office.js. */
  _child<C extends HostObject<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  /** @internal */
  _readProp(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(name, this._typeName);
  }

  /** @internal */
  _writeProp(name: string, value: unknown): void {
    const meta = metaOf(Object.getPrototypeOf(this));
    const def = meta?.props.get(name);
    if (!def || !def.set) throw invalidArgument(`${this._typeName}.${name}`, "property is read-only");
    this.context._checkArgContext(value, `${this._typeName}.${name}`);
    // Office.js keeps the written value on the proxy, so reading it back without a load works.
    this._loaded.set(name, value);
    const setter = def.set;
    this.context._enqueue({
      kind: "set",
      obj: this as HostObject<unknown>,
      name,
      payload: value,
      formatKind: def.fmt,
      run: () => {
        const t = this._resolve();
        if (t === null) return;
        const cells = setter(t, value, this);
        return { cells: typeof cells === "number" ? cells : 0 };
      },
    });
  }

  /** @internal Queue a method call. `fn` runs at sync with the resolved target. */
  _call<R>(
    name: string,
    args: unknown[],
    fn: (target: T) => R,
    opts: { formatKind?: FormatKind; result?: HostClientResult<R>; allowNull?: boolean } = {},
  ): void {
    for (const a of args) this.context._checkArgContext(a, `${this._typeName}.${name}`);
    this.context._enqueue({
      kind: "call",
      obj: this as HostObject<unknown>,
      name,
      payload: args.map(serializeArg),
      formatKind: opts.formatKind,
      run: () => {
        const t = this._resolve();
        if (t === null) {
          if (opts.result) {
            const res = opts.result;
            return { response: null, commit: () => res._set(null as unknown as R) };
          }
          return;
        }
        const out = fn(t);
        if (opts.result) {
          const res = opts.result;
          return { response: out, commit: () => res._set(out) };
        }
        return;
      },
    });
  }

  /** @internal Queue an "instantiate" action so isNullObject becomes known at the next sync. */
  _instantiate(): void {
    this.context._enqueue({
      kind: "instantiate",
      obj: this as HostObject<unknown>,
      name: "",
      payload: null,
      run: () => {
        this._resolve();
        return { commit: () => undefined };
      },
    });
  }

  /** Queues a load of the given properties (same forms as Office.js). */
  load(option?: unknown): this {
    const plan = parseLoadOption(option);
    this._validatePlan(plan);
    this.context._enqueue({
      kind: "load",
      obj: this as HostObject<unknown>,
      name: "load",
      payload: option ?? null,
      run: () => {
        const { response, commit } = this._executeLoad(plan);
        return { response, commit };
      },
    });
    return this;
  }

  /** @internal Checks property names synchronously so typos fail loudly at the load() call. */
  _validatePlan(plan: LoadPlan): void {
    const meta = metaOf(Object.getPrototypeOf(this));
    for (const name of plan.own) {
      if (meta?.props.has(name)) continue;
      if (this._isNavigation(name)) continue;
      throw hostNotImplemented(`${this._typeName}.${name}`);
    }
    for (const [name, sub] of plan.nav) {
      const child = this._navChild(name);
      child._validatePlan(sub);
    }
  }

  /** @internal */
  _isNavigation(name: string): boolean {
    const meta = metaOf(Object.getPrototypeOf(this));
    return !!meta?.navs.has(name);
  }

  /** @internal */
  _navChild(name: string): HostObject<unknown> {
    if (!this._isNavigation(name)) throw hostNotImplemented(`${this._typeName}.${name}`);
    const child = (this as unknown as Record<string, unknown>)[name];
    if (!(child instanceof HostObject)) throw hostNotImplemented(`${this._typeName}.${name}`);
    return child as HostObject<unknown>;
  }

  /** @internal Snapshot the requested properties now (at sync time); returns the response and a commit. */
  _executeLoad(plan: LoadPlan): { response: unknown; commit: () => void } {
    const t = this._resolve();
    if (t === null) {
      return { response: null, commit: () => undefined };
    }
    const meta = metaOf(Object.getPrototypeOf(this));
    const values = new Map<string, unknown>();
    const names = new Set<string>(plan.own);
    if (plan.all && meta) {
      for (const [n, d] of meta.props) if (d.get && !d.noDefaultLoad) names.add(n);
    }
    const navPlans = new Map(plan.nav);
    for (const n of names) {
      const def = meta?.props.get(n);
      if (def?.get) {
        values.set(n, def.get(t, this));
      } else if (this._isNavigation(n)) {
        // load("format") on a navigation property loads its scalar properties
        if (!navPlans.has(n)) {
          const p = emptyPlan();
          p.all = true;
          navPlans.set(n, p);
        }
      } else {
        throw hostNotImplemented(`${this._typeName}.${n}`);
      }
    }
    const response: Record<string, unknown> = {};
    for (const [k, v] of values) response[k] = v;
    const commits: (() => void)[] = [];
    for (const [n, sub] of navPlans) {
      const child = this._navChild(n);
      const r = child._executeLoad(sub);
      response[n] = r.response;
      commits.push(r.commit);
    }
    return {
      response,
      commit: () => {
        for (const [k, v] of values) this._loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  /** Sets several properties at once (`range.set({ values, format: { fill: { color } } })`). */
  set(properties: Record<string, unknown>): void {
    const meta = metaOf(Object.getPrototypeOf(this));
    for (const [k, v] of Object.entries(properties ?? {})) {
      const def = meta?.props.get(k);
      if (def?.set) {
        this._writeProp(k, v);
      } else if (this._isNavigation(k) && v && typeof v === "object") {
        this._navChild(k).set(v as Record<string, unknown>);
      } else {
        throw invalidArgument(`${this._typeName}.set`, `cannot set '${k}'`);
      }
    }
  }

  track(): this {
    this._tracked = true;
    return this;
  }

  untrack(): this {
    this._tracked = false;
    return this;
  }

  /** Plain object of the loaded scalar properties (Office.js toJSON). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) {
      if (Array.isArray(v) && v.length > 0 && v[0] instanceof HostObject) {
        out[k] = v.map((x: HostObject<unknown>) => x.toJSON());
      } else {
        out[k] = v;
      }
    }
    return out;
  }

  /** @internal request-size description of this object's path */
  _pathDescriptor(): unknown {
    const args = Array.isArray(this._pathArgs) ? this._pathArgs.map(serializeArg) : this._pathArgs ?? null;
    return { Id: this._id, P: this._parent ? this._parent._id : 0, N: this._pathName, A: args };
  }
}

function serializeArg(a: unknown): unknown {
  if (a instanceof HostObject) return { _ObjectPathId: a._id };
  return a === undefined ? null : a;
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

/**
 * Base for collections: `items` is loadable; `load("name")` / `load("items/name")` load item
 * properties. Subclasses enumerate the model and build (resolved) item proxies.
 */
export abstract class HostCollection<T, I extends HostObject<unknown>> extends HostObject<T> {
  /** @internal enumerate item proxies at sync time */
  abstract _enumerate(target: T): I[];

  get items(): I[] {
    return this._readProp("items") as I[];
  }

  override _validatePlan(plan: LoadPlan): void {
    // names apply to the items unless they are collection scalars
    const itemPlan = this._itemPlan(plan);
    const sample = this._sampleItem();
    if (itemPlan && sample) sample._validatePlan(itemPlan);
  }

  /** @internal a throwaway item proxy used to validate load paths */
  abstract _sampleItem(): I | null;

  /** @internal the load plan for the items, or null when only collection properties were requested */
  _itemPlan(plan: LoadPlan): LoadPlan | null {
    const meta = metaOf(Object.getPrototypeOf(this));
    const onlyOwn = !plan.all && plan.nav.size === 0 && plan.own.size > 0 && [...plan.own].every((n) => n !== "items" && meta?.props.has(n));
    if (onlyOwn) return null;
    const item = emptyPlan();
    item.all = plan.all;
    for (const name of plan.own) {
      if (name === "items") item.all = true;
      else if (!meta?.props.has(name)) item.own.add(name);
    }
    for (const [name, sub] of plan.nav) {
      if (name === "items") {
        item.all = item.all || sub.all;
        for (const n of sub.own) item.own.add(n);
        for (const [k, v] of sub.nav) item.nav.set(k, v);
      } else {
        item.nav.set(name, sub);
      }
    }
    if (item.own.size === 0 && item.nav.size === 0) item.all = true;
    return item;
  }

  override _executeLoad(plan: LoadPlan): { response: unknown; commit: () => void } {
    const t = this._resolve();
    if (t === null) return { response: null, commit: () => undefined };
    const meta = metaOf(Object.getPrototypeOf(this));
    const own = new Map<string, unknown>();
    for (const name of plan.own) {
      const def = meta?.props.get(name);
      if (def?.get) own.set(name, def.get(t, this));
    }
    const itemPlan = this._itemPlan(plan);
    const response: Record<string, unknown> = {};
    for (const [k, v] of own) response[k] = v;
    if (!itemPlan) {
      return { response, commit: () => own.forEach((v, k) => this._loaded.set(k, v)) };
    }
    let items = this._enumerate(t);
    const skip = plan.skip ?? 0;
    if (skip > 0 || plan.top !== undefined) items = items.slice(skip, plan.top !== undefined ? skip + plan.top : undefined);
    const responses: unknown[] = [];
    const commits: (() => void)[] = [];
    for (const it of items) {
      const r = it._executeLoad(itemPlan);
      responses.push(r.response);
      commits.push(r.commit);
    }
    response.items = responses;
    return {
      response,
      commit: () => {
        for (const c of commits) c();
        for (const [k, v] of own) this._loaded.set(k, v);
        this._loaded.set("items", items);
      },
    };
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------------

export class HostTrackedObjects {
  add(objects: HostObject<unknown> | HostObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) o._tracked = true;
  }
  remove(objects: HostObject<unknown> | HostObject<unknown>[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) o._tracked = false;
  }
}

export class HostRequestContext {
  /** @internal */ readonly _host: HostInternals;
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;
  /** @internal */ _suspendCalc = false;
  /** @internal */ _suspendScreen = false;
  readonly trackedObjects = new HostTrackedObjects();
  requestHeaders: Record<string, string> = {};
  private _workbook: HostObject<unknown> | null = null;
  private _application: HostObject<unknown> | null = null;

  constructor(host: HostInternals) {
    this._host = host;
  }

  get workbook(): HostObject<unknown> {
    if (!this._workbook) this._workbook = this._host.createWorkbookProxy(this);
    return this._workbook;
  }

  get application(): HostObject<unknown> {
    if (!this._application) this._application = this._host.createApplicationProxy(this);
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

    if (record.requestBytes > host.requestLimitBytes) {
      const err = requestPayloadTooLarge(record.requestBytes, host.requestLimitBytes);
      record.error = err.code;
      throw err;
    }
    if (this._closed) {
      const stale = ops.find((o) => !isTracked(o.obj));
      if (stale) {
        const err = invalidObjectPath(`${stale.obj._typeName}.${stale.name}`);
        record.error = err.code;
        throw err;
      }
    }

    const commits: (() => void)[] = [];
    let responseBytes = 2;
    try {
      for (const op of ops) {
        let out: { response?: unknown; commit?: () => void; cells?: number } | void;
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
      const err = asRichApiError(e, undefined);
      record.error = err.code;
      record.responseBytes = responseBytes;
      stats.totalResponseBytes += responseBytes;
      throw err;
    } finally {
      record.suspendedCalculation = this._suspendCalc;
      record.suspendedScreenUpdating = this._suspendScreen;
      this._suspendCalc = false;
      this._suspendScreen = false;
    }
    record.responseBytes = responseBytes;
    stats.totalResponseBytes += responseBytes;
    if (responseBytes > host.responseLimitBytes) {
      const err = responsePayloadTooLarge(responseBytes, host.responseLimitBytes);
      record.error = err.code;
      throw err;
    }
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
