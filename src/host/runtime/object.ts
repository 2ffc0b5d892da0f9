/**
 * The proxy object base: what every Office object of the host shares.
 *
 * Like Office.js, proxy methods and property writes only queue operations on the request context;
 * the operations run at `context.sync()` against the resolved model target. Reading a property
 * that was not loaded and synced throws PropertyNotLoaded. A proxy class declares its scalar
 * properties, navigation properties, events and unimplemented members once, with `defineProxy`.
 */
import {
  hostNotImplemented,
  invalidArgument,
  invalidOperation,
  itemNotFound,
  propertyNotLoaded,
  valueNotLoaded,
} from "../errors";
import type { CustomRuleEvaluator } from "../model/conditional-rules";
import type { WorkbookModel } from "../model/workbook";
import { emptyPlan, LoadPlan, parseLoadOption } from "./load-plan";
import { newProxy, ProxyClasses, ProxyName, ProxyOf, registerProxy, TargetOf } from "./registry";
import type { FormatKind, HostStats } from "./stats";

// ---------------------------------------------------------------------------------------------
// What a proxy needs from its host and its request context
// ---------------------------------------------------------------------------------------------

export interface HostInternals {
  model: WorkbookModel;
  stats: HostStats;
  requestLimitBytes: number;
  responseLimitBytes: number;
  maxCellsPerRead: number;
  customRuleEvaluator: CustomRuleEvaluator | null;
}

type OpKind = "load" | "set" | "call" | "instantiate";

export type OpOutcome = { response?: unknown; commit?: () => void; cells?: number } | void;

/** One queued operation of a batch. */
export interface Op {
  kind: OpKind;
  obj: HostObject<unknown>;
  name: string;
  /** request payload (arguments or written value) */
  payload: unknown;
  /** runs at sync; returns the response payload (or undefined) and an optional commit */
  run: () => OpOutcome;
  formatKind?: FormatKind;
}

/** The request context as proxies see it (implemented by HostRequestContext in context.ts). */
export interface ProxyContext {
  readonly _host: HostInternals;
  readonly application: HostObject<unknown>;
  _suspendCalc: boolean;
  _suspendScreen: boolean;
  _enqueue(op: Op): void;
  /** Office.js refuses objects from another request context as arguments. */
  _checkArgContext(arg: unknown, location: string): void;
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
// Declaring a proxy class
// ---------------------------------------------------------------------------------------------

export interface PropDef<T> {
  /** Computes the value to return from a load (must return a fresh snapshot). `location` is `Type.property`. */
  get?: (target: T, self: HostObject<T>, location: string) => unknown;
  /**
   * Applies a write at sync time. Throw RichApiError for invalid input. Return cells written (for
   * stats). `location` is `Type.property`, for error messages.
   */
  set?: (target: T, value: unknown, self: HostObject<T>, location: string) => number | void;
  /** counts as a formatting operation of this kind */
  fmt?: FormatKind;
  /** not loaded by load() without arguments (e.g. very large or expensive properties) */
  noDefaultLoad?: boolean;
}

export interface ProxySpec<T> {
  /** scalar properties */
  props?: Record<string, PropDef<T>>;
  /** navigation properties (loadable with `load("format/fill/color")`) */
  navigation?: string[];
  /** events: accepted, never raised */
  events?: string[];
  /** Office.js members this host does not implement: they throw NotImplemented */
  unimplemented?: { properties?: string[]; methods?: string[] };
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

/** Event handler list (handlers are accepted and removable; the host never raises events). */
class HostEventHandlers {
  private handlers: ((args: unknown) => unknown)[] = [];
  constructor(private readonly ctx: ProxyContext) {}
  add(handler: (args: unknown) => unknown): { context: ProxyContext; remove: () => void } {
    this.handlers.push(handler);
    return { context: this.ctx, remove: () => this.remove(handler) };
  }
  remove(handler: (args: unknown) => unknown): void {
    this.handlers = this.handlers.filter((h) => h !== handler);
  }
}

/**
 * Registers a proxy class under its Office type name and installs its members: scalar property
 * getters read loaded values (PropertyNotLoaded otherwise); setters exist only for writable
 * properties and queue a write; events hand out handler lists; unimplemented members throw.
 */
export function defineProxy<K extends ProxyName>(cls: ProxyClasses[K], typeName: K, spec: ProxySpec<TargetOf<K>> = {}): void {
  const proto = (cls as unknown as { prototype: object }).prototype;
  const parent = metaOf(Object.getPrototypeOf(proto));
  const inherit = parent && parent.typeName === typeName;
  const meta: ClassMeta = {
    typeName,
    props: new Map(inherit ? parent.props : []),
    navs: new Set([...(inherit ? parent.navs : []), ...(spec.navigation ?? [])]),
  };
  for (const [name, def] of Object.entries(spec.props ?? {})) {
    meta.props.set(name, def as PropDef<unknown>);
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: HostObject<unknown>) {
        return this._readProp(name);
      },
    };
    if (def.set) {
      desc.set = function (this: HostObject<unknown>, v: unknown) {
        this._writeProp(name, v);
      };
    }
    Object.defineProperty(proto, name, desc);
  }
  for (const name of spec.unimplemented?.properties ?? []) {
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get() {
        throw hostNotImplemented(`${typeName}.${name}`);
      },
    });
  }
  for (const name of spec.unimplemented?.methods ?? []) {
    Object.defineProperty(proto, name, {
      configurable: true,
      value() {
        throw hostNotImplemented(`${typeName}.${name}`);
      },
    });
  }
  for (const name of spec.events ?? []) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: HostObject<unknown>) {
        const events = (this._events ??= new Map());
        let handlers = events.get(name);
        if (!handlers) {
          handlers = new HostEventHandlers(this.context);
          events.set(name, handlers);
        }
        return handlers;
      },
    });
  }
  META.set(proto, meta);
  registerProxy(typeName, cls as never);
}

// ---------------------------------------------------------------------------------------------
// Proxy base class
// ---------------------------------------------------------------------------------------------

let nextObjectId = 1;

export type Resolver<T> = () => T | null;

export abstract class HostObject<T> {
  /** The request context (same name as Office.js). */
  readonly context: ProxyContext;
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
  /** @internal */ _events: Map<string, HostEventHandlers> | undefined;

  constructor(ctx: ProxyContext, parent: HostObject<unknown> | null, pathName: string, pathArgs: unknown, resolver: Resolver<T>) {
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

  // --- creating other proxies ----------------------------------------------------------------

  /**
   * @internal A navigation property (`range.format`, `sheet.tables`): one cached child proxy whose
   * target is this one's (or `map` of it).
   */
  _nav<K extends ProxyName>(typeName: K, name: string, map?: (target: T) => TargetOf<K> | null): ProxyOf<K> {
    let c = this._children.get(name);
    if (!c) {
      c = newProxy(typeName, this.context, this, name, null, () => {
        const t = this._resolve();
        return t === null ? null : map ? map(t) : (t as unknown as TargetOf<K>);
      }) as unknown as HostObject<unknown>;
      this._children.set(name, c);
    }
    return c as unknown as ProxyOf<K>;
  }

  /**
   * @internal A proxy returned by method `method`, found at sync time by `find` from this one's
   * target. Nothing found: a null object when `nullable` (the `...OrNullObject` methods), else
   * ItemNotFound at `Type.method` (with `notFound` as detail).
   */
  _lookup<K extends ProxyName>(
    typeName: K,
    method: string,
    args: unknown[] | null,
    find: (target: T) => TargetOf<K> | null | undefined,
    opts: { nullable?: boolean; notFound?: string } = {},
  ): ProxyOf<K> {
    const p = newProxy(typeName, this.context, this, method, args, () => {
      const t = this._resolve();
      if (t === null) return null;
      const found = find(t);
      if (found === null || found === undefined) {
        if (opts.nullable) return null;
        throw itemNotFound(`${this._typeName}.${method}`, opts.notFound);
      }
      return found;
    });
    if (opts.nullable) (p as unknown as HostObject<unknown>)._instantiate();
    return p;
  }

  /**
   * @internal A proxy for an object that method `method` creates at sync time (`add`): `create`
   * runs as a queued call and returns the new object's target.
   */
  _create<K extends ProxyName>(
    typeName: K,
    method: string,
    args: unknown[],
    create: (target: T) => TargetOf<K>,
    opts: { formatKind?: FormatKind; pathArgs?: unknown[] } = {},
  ): ProxyOf<K> {
    let created: TargetOf<K> | null = null;
    const p = newProxy(typeName, this.context, this, method, opts.pathArgs ?? args, () => {
      if (!created) throw invalidOperation(`${this._typeName}.${method}`, "the add() call has not run");
      return created;
    });
    this._call(
      method,
      args,
      (t) => {
        created = create(t);
        (p as unknown as HostObject<unknown>)._resolve();
      },
      { formatKind: opts.formatKind },
    );
    return p;
  }

  /** @internal A proxy bound to a known target (items of a loaded collection). */
  _bound<K extends ProxyName>(typeName: K, key: unknown, target: TargetOf<K>): ProxyOf<K> {
    const p = newProxy(typeName, this.context, this, "item", [key], () => target);
    (p as unknown as HostObject<unknown>)._resolve();
    return p;
  }

  /** @internal A method whose answer is a ClientResult (`getCount()`, `getXml()`). */
  _result<R>(method: string, args: unknown[], fn: (target: T) => R): HostClientResult<R> {
    const result = new HostClientResult<R>();
    this._call(method, args, fn, { result });
    return result;
  }

  // --- properties and calls ------------------------------------------------------------------

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
    const location = `${this._typeName}.${name}`;
    if (!def || !def.set) throw invalidArgument(location, "property is read-only");
    this.context._checkArgContext(value, location);
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
        const cells = setter(t, value, this as HostObject<unknown>, location);
        return { cells: typeof cells === "number" ? cells : 0 };
      },
    });
  }

  /** @internal Queue a method call. `fn` runs at sync with the resolved target. */
  _call<R>(
    name: string,
    args: unknown[],
    fn: (target: T) => R,
    opts: { formatKind?: FormatKind; result?: HostClientResult<R> } = {},
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
        const res = opts.result;
        if (t === null) {
          if (res) return { response: null, commit: () => res._set(null as unknown as R) };
          return;
        }
        const out = fn(t);
        if (res) return { response: out, commit: () => res._set(out) };
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

  // --- load ------------------------------------------------------------------------------------

  /** Queues a load of the given properties (same forms as Office.js). */
  load(option?: unknown): this {
    const plan = parseLoadOption(option);
    this._validatePlan(plan);
    this.context._enqueue({
      kind: "load",
      obj: this as HostObject<unknown>,
      name: "load",
      payload: option ?? null,
      run: () => this._executeLoad(plan),
    });
    return this;
  }

  /** @internal the declared scalar properties of this proxy's type */
  get _props(): Map<string, PropDef<unknown>> | undefined {
    return metaOf(Object.getPrototypeOf(this))?.props;
  }

  /** @internal Checks property names synchronously so typos fail loudly at the load() call. */
  _validatePlan(plan: LoadPlan): void {
    const props = this._props;
    for (const name of plan.own) {
      if (props?.has(name)) continue;
      if (this._isNavigation(name)) continue;
      throw hostNotImplemented(`${this._typeName}.${name}`);
    }
    for (const [name, sub] of plan.nav) this._navChild(name)._validatePlan(sub);
  }

  /** @internal */
  _isNavigation(name: string): boolean {
    return !!metaOf(Object.getPrototypeOf(this))?.navs.has(name);
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
    if (t === null) return { response: null, commit: () => undefined };
    const props = this._props;
    const values = new Map<string, unknown>();
    const names = new Set<string>(plan.own);
    if (plan.all && props) {
      for (const [n, d] of props) if (d.get && !d.noDefaultLoad) names.add(n);
    }
    const navPlans = new Map(plan.nav);
    for (const n of names) {
      const def = props?.get(n);
      if (def?.get) {
        values.set(n, def.get(t, this as HostObject<unknown>, `${this._typeName}.${n}`));
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
      const r = this._navChild(n)._executeLoad(sub);
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
    const props = this._props;
    for (const [k, v] of Object.entries(properties ?? {})) {
      if (props?.get(k)?.set) {
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
