/**
 * Excel.CustomXmlPartCollection, Excel.CustomXmlPartScopedCollection (the parts of one
 * namespace) and Excel.CustomXmlPart.
 */
import { invalidArgument, itemNotFound } from "../errors";
import { checkXml } from "../model/custom-xml";
import type { CustomXmlPartRecord } from "../model/records";
import type { WorkbookModel } from "../model/workbook";
import { HostCollection } from "../runtime/collection";
import { defineProxy, HostClientResult, HostObject } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    CustomXmlPartCollection: typeof CustomXmlPartCollectionProxy;
    CustomXmlPartScopedCollection: typeof CustomXmlPartScopedCollectionProxy;
    CustomXmlPart: typeof CustomXmlPartProxy;
  }
}

interface XmlTarget {
  model: WorkbookModel;
  part: CustomXmlPartRecord;
}

interface XmlScope {
  model: WorkbookModel;
  /** null: every part */
  ns: string | null;
}

/** The well-formed XML's root namespace, or InvalidArgument. */
function wellFormed(xml: string, location: string): string {
  const check = checkXml(xml);
  if (!check.ok) throw invalidArgument(location, `the XML is not well-formed: ${check.reason}`);
  return check.namespaceUri;
}

const byId = (id: string) => (parts: XmlTarget[]) => parts.find((x) => x.part.id.toLowerCase() === String(id).toLowerCase());
const onlyOne = (parts: XmlTarget[]) => (parts.length === 1 ? parts[0] : undefined);

/** The parts of a workbook (or of one namespace), with the lookups both collections have. */
abstract class XmlPartsProxy<T> extends HostCollection<T, "CustomXmlPart"> {
  readonly _itemType = "CustomXmlPart";
  abstract _scope(t: T): XmlScope;
  _items(t: T): XmlTarget[] {
    const { model, ns } = this._scope(t);
    return model.customXmlParts.filter((x) => ns === null || x.namespaceUri === ns).map((part) => ({ model, part }));
  }
  _itemKey(t: XmlTarget): unknown {
    return t.part.id;
  }
  getItem(id: string): ProxyOf<"CustomXmlPart"> {
    return this._item("getItem", [id], byId(id), { notFound: this._notFound(id) });
  }
  getItemOrNullObject(id: string): ProxyOf<"CustomXmlPart"> {
    return this._item("getItemOrNullObject", [id], byId(id), { nullable: true });
  }
  getCount(): HostClientResult<number> {
    return this._count();
  }
  /** @internal ItemNotFound detail of getItem */
  abstract _notFound(id: string): string | undefined;
}

export class CustomXmlPartCollectionProxy extends XmlPartsProxy<WorkbookModel> {
  _scope(m: WorkbookModel): XmlScope {
    return { model: m, ns: null };
  }
  _notFound(id: string): string {
    return `no custom XML part '${id}'`;
  }
  add(xml: string): ProxyOf<"CustomXmlPart"> {
    return this._create("CustomXmlPart", "add", [xml], (m) => {
      const namespaceUri = wellFormed(xml, "CustomXmlPartCollection.add");
      const n = m.nextId("xml");
      const part: CustomXmlPartRecord = {
        id: `{${String(n).padStart(8, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}}`,
        namespaceUri,
        xml,
      };
      m.customXmlParts.push(part);
      return { model: m, part };
    });
  }
  getByNamespace(namespaceUri: string): ProxyOf<"CustomXmlPartScopedCollection"> {
    return this._lookup("CustomXmlPartScopedCollection", "getByNamespace", [namespaceUri], (m) => ({ model: m, ns: namespaceUri }));
  }
}
defineProxy(CustomXmlPartCollectionProxy, "CustomXmlPartCollection");

export class CustomXmlPartScopedCollectionProxy extends XmlPartsProxy<XmlScope> {
  _scope(s: XmlScope): XmlScope {
    return s;
  }
  _notFound(): undefined {
    return undefined;
  }
  getOnlyItem(): ProxyOf<"CustomXmlPart"> {
    return this._item("getOnlyItem", [], onlyOne);
  }
  getOnlyItemOrNullObject(): ProxyOf<"CustomXmlPart"> {
    return this._item("getOnlyItemOrNullObject", [], onlyOne, { nullable: true });
  }
}
defineProxy(CustomXmlPartScopedCollectionProxy, "CustomXmlPartScopedCollection");

export class CustomXmlPartProxy extends HostObject<XmlTarget> {
  override _resolve(): XmlTarget | null {
    const t = super._resolve();
    if (t && !t.model.customXmlParts.includes(t.part)) throw itemNotFound("CustomXmlPart", "the custom XML part was deleted");
    return t;
  }
  getXml(): HostClientResult<string> {
    return this._result("getXml", [], (t) => t.part.xml);
  }
  setXml(xml: string): void {
    this._call("setXml", [xml], (t) => {
      t.part.namespaceUri = wellFormed(xml, "CustomXmlPart.setXml");
      t.part.xml = xml;
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.model.customXmlParts = t.model.customXmlParts.filter((x) => x !== t.part);
    });
  }
}
defineProxy(CustomXmlPartProxy, "CustomXmlPart", {
  props: {
    id: { get: (t) => t.part.id },
    namespaceUri: { get: (t) => t.part.namespaceUri },
  },
});
