/**
 * The collection base: `items` is loadable; `load("name")` / `load("items/name")` load item
 * properties. A collection says what its items are (`_itemType`, `_items`, `_itemKey`); the
 * base builds the item proxies and provides the lookups collections share (`getItem...`,
 * `getItemAt`, `getCount`).
 */
import { emptyPlan, LoadPlan } from "./load-plan";
import { HostClientResult, HostObject } from "./object";
import { newProxy, ProxyName, ProxyOf, TargetOf } from "./registry";

export abstract class HostCollection<T, K extends ProxyName> extends HostObject<T> {
  /** @internal Office type name of the items */
  abstract readonly _itemType: K;
  /** @internal the items' targets at sync time, in collection order */
  abstract _items(target: T): TargetOf<K>[];
  /** @internal the path argument that identifies a loaded item (its id, name or index) */
  abstract _itemKey(item: TargetOf<K>, index: number): unknown;

  get items(): ProxyOf<K>[] {
    return this._readProp("items") as ProxyOf<K>[];
  }

  /** @internal item proxies bound to the items at sync time */
  _enumerate(target: T): HostObject<unknown>[] {
    return this._items(target).map((it, i) => this._bound(this._itemType, this._itemKey(it, i), it) as unknown as HostObject<unknown>);
  }

  /** @internal the item found by `pick`, or ItemNotFound / a null object (see HostObject._lookup) */
  _item(
    method: string,
    args: unknown[],
    pick: (items: TargetOf<K>[], target: T) => TargetOf<K> | undefined,
    opts: { nullable?: boolean; notFound?: string } = {},
  ): ProxyOf<K> {
    return this._lookup(this._itemType, method, args, (t) => pick(this._items(t), t), opts);
  }

  /** @internal `getItemAt(index)` */
  _itemAt(index: number): ProxyOf<K> {
    return this._item("getItemAt", [index], (items) => items[index]);
  }

  /** @internal `getCount()` */
  _count(): HostClientResult<number> {
    return this._result("getCount", [], (t) => this._items(t).length);
  }

  override _validatePlan(plan: LoadPlan): void {
    // names apply to the items unless they are collection scalars
    const itemPlan = this._itemPlan(plan);
    const sample = newProxy(this._itemType, this.context, this, "sample", null, () => null) as unknown as HostObject<unknown>;
    if (itemPlan) sample._validatePlan(itemPlan);
  }

  /** @internal the load plan for the items, or null when only collection properties were requested */
  _itemPlan(plan: LoadPlan): LoadPlan | null {
    const props = this._props;
    const onlyOwn = !plan.all && plan.nav.size === 0 && plan.own.size > 0 && [...plan.own].every((n) => n !== "items" && props?.has(n));
    if (onlyOwn) return null;
    const item = emptyPlan();
    item.all = plan.all;
    for (const name of plan.own) {
      if (name === "items") item.all = true;
      else if (!props?.has(name)) item.own.add(name);
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
    const props = this._props;
    const own = new Map<string, unknown>();
    for (const name of plan.own) {
      const def = props?.get(name);
      if (def?.get) own.set(name, def.get(t, this as HostObject<unknown>, `${this._typeName}.${name}`));
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
}
