/**
 * The proxy class registry: how one proxy creates another without importing its module.
 *
 * Office objects point at each other (a Range has a `worksheet`, a Worksheet hands out Ranges, a
 * ConditionalFormat has `getRange()`...). If every proxy module imported the classes it returns,
 * the modules would import each other in circles. Instead each module under `proxies/` registers
 * its class here under its Office type name (`defineProxy(RangeProxy, "Range", ...)`) and adds the
 * name to `ProxyClasses` by module augmentation:
 *
 * ```ts
 * declare module "<this module>" {
 *   interface ProxyClasses { Range: typeof RangeProxy }
 * }
 * ```
 *
 * Other modules then write `ProxyOf<"Range">` for the type and `newProxy("Range", ...)` (or the
 * HostObject helpers built on it) to create one. `proxies/index.ts` loads every proxy module.
 */

/** Office type name -> proxy class. Filled in by the modules under `proxies/` (module augmentation). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation in proxies/, so it starts empty
export interface ProxyClasses {}

export type ProxyName = keyof ProxyClasses;
export type ProxyOf<K extends ProxyName> = InstanceType<ProxyClasses[K]>;
/** The model object a proxy of type K resolves to. */
export type TargetOf<K extends ProxyName> = ProxyOf<K> extends { _resolve(): infer T } ? Exclude<T, null> : never;

/** Every proxy class has the HostObject constructor. */
export type ProxyConstructor = abstract new (
  context: never,
  parent: never,
  pathName: string,
  pathArgs: unknown,
  resolver: () => unknown,
) => unknown;

type Concrete = new (context: unknown, parent: unknown, pathName: string, pathArgs: unknown, resolver: () => unknown) => unknown;

const classes = new Map<string, Concrete>();

export function registerProxy(typeName: string, cls: ProxyConstructor): void {
  if (classes.has(typeName)) throw new Error(`In-memory Excel host: proxy type '${typeName}' registered twice`);
  classes.set(typeName, cls as unknown as Concrete);
}

function classOf(typeName: string): Concrete {
  const cls = classes.get(typeName);
  if (!cls) throw new Error(`In-memory Excel host: proxy type '${typeName}' is not registered (is its module imported by proxies/index.ts?)`);
  return cls;
}

/** A new proxy of the registered type (same arguments as the HostObject constructor). */
export function newProxy<K extends ProxyName>(
  typeName: K,
  context: unknown,
  parent: unknown,
  pathName: string,
  pathArgs: unknown,
  resolver: () => TargetOf<K> | null,
): ProxyOf<K> {
  const Cls = classOf(typeName);
  return new Cls(context, parent, pathName, pathArgs, resolver) as ProxyOf<K>;
}

/** `value instanceof` the registered class. */
export function isProxy<K extends ProxyName>(typeName: K, value: unknown): value is ProxyOf<K> {
  return value instanceof classOf(typeName);
}
