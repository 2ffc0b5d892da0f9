/**
 * Proxies for conditional formats, data validation, borders, tables, charts, settings,
 * custom XML parts, named items, freeze panes and page layout.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  absoluteAddress,
  parseAddress,
  rectCols,
  rectContains,
  rectIntersect,
  rectRows,
  rectSubtract,
} from "./address";
import { normalizeColor } from "./colors";
import { ConditionalFormatRecord, ConditionalFormatStyle, emptyStyle } from "./conditional";
import { hostNotImplemented, invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from "./errors";
import * as E from "./enums";
import {
  ChartRecord,
  CustomXmlPartRecord,
  DataValidationRecord,
  HeaderFooterRecord,
  NamedItemRecord,
  PageLayoutRecord,
  SheetModel,
  TableRecord,
  WorkbookModel,
  apiValue,
  CellError,
} from "./model";
import { defineProps, HostClientResult, HostCollection, HostObject, HostRequestContext, PropDef } from "./runtime";
import { checkRect, RangeProxy, RangeTarget, resolveRangeArg, WorksheetProxy } from "./proxies";
import { checkXml } from "./xml";

function checkEnum(value: unknown, e: Record<string, string>, location: string, exclude: string[] = []): string {
  if (typeof value !== "string" || !Object.values(e).includes(value) || exclude.includes(value)) {
    throw invalidArgument(location, `unexpected value ${JSON.stringify(value)}`);
  }
  return value;
}

function checkBool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(location, "expected a boolean");
  return value;
}

function checkNumber(value: unknown, location: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) throw invalidArgument(location, "expected a number in range");
  return value;
}

function checkString(value: unknown, location: string): string {
  if (typeof value !== "string") throw invalidArgument(location, "expected a string");
  return value;
}

function checkColor(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c) throw invalidArgument(location, `'${String(value)}' is not a colour (#RRGGBB or an HTML colour name)`);
  return c;
}

export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T;
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = deepClone(x);
  return out as T;
}

function rectCovered(rect: Rect, by: Rect[]): boolean {
  let rest: Rect[] = [rect];
  for (const b of by) {
    const next: Rect[] = [];
    for (const r of rest) next.push(...rectSubtract(r, b));
    rest = next;
    if (rest.length === 0) return true;
  }
  return rest.length === 0;
}

function defineMethodsNotImplemented(cls: { prototype: object }, typeName: string, names: string[]): void {
  for (const m of names) {
    Object.defineProperty(cls.prototype, m, {
      configurable: true,
      value() {
        throw hostNotImplemented(`${typeName}.${m}`);
      },
    });
  }
}

// =============================================================================================
// Conditional formats
// =============================================================================================

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatRecord;
}

const CF_TYPES = new Set(Object.values(E.ConditionalFormatType));

export class ConditionalFormatCollectionProxy extends HostCollection<RangeTarget, ConditionalFormatProxy> {
  _enumerate(t: RangeTarget): ConditionalFormatProxy[] {
    return this._list(t).map((cf) => ConditionalFormatProxy.bound(this.context, this, t.sheet, cf));
  }
  _sampleItem(): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, "sample", null, () => null);
  }
  /** @internal formats that apply to (intersect) the range, in priority order */
  _list(t: RangeTarget): ConditionalFormatRecord[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => rectIntersect(r, t.rect)));
  }
  add(type: string): ConditionalFormatProxy {
    let created: CfTarget | null = null;
    const p = new ConditionalFormatProxy(this.context, this, "add", [type], () => {
      if (!created) throw invalidOperation("ConditionalFormatCollection.add", "the add() call has not run");
      return created;
    });
    this._call(
      "add",
      [type],
      (t) => {
        if (!CF_TYPES.has(type as never)) throw invalidArgument("ConditionalFormatCollection.add", `unknown type '${type}'`);
        const wb = t.sheet.wb;
        const cf: ConditionalFormatRecord = {
          id: `{CF-${String(wb.nextId("cf")).padStart(8, "0")}}`,
          type,
          rects: [{ ...t.rect }],
          stopIfTrue: false,
          rule: null,
          format: emptyStyle(),
          extra: {},
        };
        // Like Excel: a new conditional format goes to the first (top) priority.
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
        p._resolve();
      },
      { formatKind: "conditionalFormat" },
    );
    return p;
  }
  clearAll(): void {
    this._call("clearAll", [], (t) => t.sheet.removeConditionalFormatsIn(t.rect), { formatKind: "conditionalFormat" });
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (t) => this._list(t).length, { result });
    return result;
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, "getItemAt", [index], () => {
      const t = this._resolve();
      if (!t) return null;
      const cf = this._list(t)[index];
      if (!cf) throw itemNotFound("ConditionalFormatCollection.getItemAt");
      return { sheet: t.sheet, cf };
    });
  }
  private _byId(id: string, nullable: boolean, name: string): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this.context, this, name, [id], () => {
      const t = this._resolve();
      if (!t) return null;
      const cf = this._list(t).find((x) => x.id === id);
      if (!cf) {
        if (nullable) return null;
        throw itemNotFound(`ConditionalFormatCollection.${name}`);
      }
      return { sheet: t.sheet, cf };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(id: string): ConditionalFormatProxy {
    return this._byId(id, false, "getItem");
  }
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._byId(id, true, "getItemOrNullObject");
  }
}
defineProps<RangeTarget>(ConditionalFormatCollectionProxy, "ConditionalFormatCollection", {});

type SubKind = "CellValue" | "ContainsText" | "Custom" | "PresetCriteria" | "TopBottom" | "ColorScale";

export class ConditionalFormatProxy extends HostObject<CfTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, sheet: SheetModel, cf: ConditionalFormatRecord): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(ctx, parent, "item", [cf.id], () => ({ sheet, cf }));
    p._resolve();
    return p;
  }
  override _resolve(): CfTarget | null {
    const t = super._resolve();
    if (t && !t.sheet.conditionalFormats.includes(t.cf)) throw itemNotFound("ConditionalFormat", "the conditional format was deleted");
    return t;
  }
  private _sub<P extends HostObject<unknown>>(
    name: string,
    kind: SubKind,
    nullable: boolean,
    Ctor: new (ctx: HostRequestContext, parent: HostObject<unknown>, n: string, a: unknown, r: () => CfTarget | null) => P,
  ): P {
    return this._child(name, () => {
      const p = new Ctor(this.context, this, name, null, () => {
        const t = this._resolve();
        if (!t) return null;
        if (t.cf.type !== kind) {
          if (nullable) return null;
          throw itemNotFound(`ConditionalFormat.${name}`, `the conditional format is of type ${t.cf.type}`);
        }
        return t;
      });
      if (nullable) p._instantiate();
      return p;
    });
  }
  get cellValue(): CellValueConditionalFormatProxy {
    return this._sub("cellValue", "CellValue", false, CellValueConditionalFormatProxy);
  }
  get cellValueOrNullObject(): CellValueConditionalFormatProxy {
    return this._sub("cellValueOrNullObject", "CellValue", true, CellValueConditionalFormatProxy);
  }
  get textComparison(): TextConditionalFormatProxy {
    return this._sub("textComparison", "ContainsText", false, TextConditionalFormatProxy);
  }
  get textComparisonOrNullObject(): TextConditionalFormatProxy {
    return this._sub("textComparisonOrNullObject", "ContainsText", true, TextConditionalFormatProxy);
  }
  get custom(): CustomConditionalFormatProxy {
    return this._sub("custom", "Custom", false, CustomConditionalFormatProxy);
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this._sub("customOrNullObject", "Custom", true, CustomConditionalFormatProxy);
  }
  get preset(): PresetConditionalFormatProxy {
    return this._sub("preset", "PresetCriteria", false, PresetConditionalFormatProxy);
  }
  get presetOrNullObject(): PresetConditionalFormatProxy {
    return this._sub("presetOrNullObject", "PresetCriteria", true, PresetConditionalFormatProxy);
  }
  get topBottom(): TopBottomConditionalFormatProxy {
    return this._sub("topBottom", "TopBottom", false, TopBottomConditionalFormatProxy);
  }
  get topBottomOrNullObject(): TopBottomConditionalFormatProxy {
    return this._sub("topBottomOrNullObject", "TopBottom", true, TopBottomConditionalFormatProxy);
  }
  get colorScale(): ColorScaleConditionalFormatProxy {
    return this._sub("colorScale", "ColorScale", false, ColorScaleConditionalFormatProxy);
  }
  get colorScaleOrNullObject(): ColorScaleConditionalFormatProxy {
    return this._sub("colorScaleOrNullObject", "ColorScale", true, ColorScaleConditionalFormatProxy);
  }
  delete(): void {
    this._call(
      "delete",
      [],
      (t) => {
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
      },
      { formatKind: "conditionalFormat" },
    );
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this, "getRange", [], () => {
      const t = this._resolve();
      if (!t) return null;
      if (t.cf.rects.length !== 1) throw invalidOperation("ConditionalFormat.getRange", "the conditional format applies to multiple ranges");
      return { sheet: t.sheet, rect: { ...t.cf.rects[0] } };
    });
  }
  getRangeOrNullObject(): RangeProxy {
    const p = new RangeProxy(this.context, this, "getRangeOrNullObject", [], () => {
      const t = this._resolve();
      if (!t || t.cf.rects.length !== 1) return null;
      return { sheet: t.sheet, rect: { ...t.cf.rects[0] } };
    });
    p._instantiate();
    return p;
  }
}
defineProps<CfTarget>(
  ConditionalFormatProxy,
  "ConditionalFormat",
  {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v) => {
        const n = checkNumber(v, "ConditionalFormat.priority");
        const list = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
        let idx = Math.trunc(n) < 0 ? list.length + 1 + Math.trunc(n) : Math.trunc(n);
        idx = Math.max(0, Math.min(list.length, idx));
        list.splice(idx, 0, t.cf);
        t.sheet.conditionalFormats = list;
      },
      fmt: "conditionalFormat",
    },
    stopIfTrue: {
      get: (t) => t.cf.stopIfTrue,
      set: (t, v) => {
        t.cf.stopIfTrue = checkBool(v, "ConditionalFormat.stopIfTrue");
      },
      fmt: "conditionalFormat",
    },
  },
  [
    "cellValue",
    "cellValueOrNullObject",
    "textComparison",
    "textComparisonOrNullObject",
    "custom",
    "customOrNullObject",
    "preset",
    "presetOrNullObject",
    "topBottom",
    "topBottomOrNullObject",
    "colorScale",
    "colorScaleOrNullObject",
  ],
  ["dataBar", "dataBarOrNullObject", "iconSet", "iconSetOrNullObject"],
);
defineMethodsNotImplemented(ConditionalFormatProxy, "ConditionalFormat", [
  "changeRuleToCellValue",
  "changeRuleToColorScale",
  "changeRuleToContainsText",
  "changeRuleToCustom",
  "changeRuleToDataBar",
  "changeRuleToIconSet",
  "changeRuleToPresetCriteria",
  "changeRuleToTopBottom",
  "getRanges",
  "setRanges",
]);

abstract class CfPartProxy extends HostObject<CfTarget> {
  get format(): ConditionalRangeFormatProxy {
    return this._child(
      "format",
      () =>
        new ConditionalRangeFormatProxy(this.context, this, "format", null, () => {
          const t = this._resolve();
          return t ? t.cf.format : null;
        }),
    );
  }
}

function ruleProp(validate: (v: unknown) => Record<string, unknown>): PropDef<CfTarget> {
  return {
    get: (t) => deepClone(t.cf.rule),
    set: (t, v) => {
      t.cf.rule = validate(v);
    },
    fmt: "conditionalFormat",
  };
}

function cellValueRule(v: unknown): Record<string, unknown> {
  const loc = "CellValueConditionalFormat.rule";
  if (!v || typeof v !== "object") throw invalidArgument(loc);
  const o = v as Record<string, unknown>;
  const operator = checkEnum(o.operator, E.ConditionalCellValueOperator, loc, ["Invalid"]);
  const f1 = o.formula1;
  if (typeof f1 !== "string" && typeof f1 !== "number") throw invalidArgument(loc, "formula1 is required");
  const out: Record<string, unknown> = { formula1: String(f1), operator };
  if (operator === "Between" || operator === "NotBetween") {
    if (typeof o.formula2 !== "string" && typeof o.formula2 !== "number") throw invalidArgument(loc, "formula2 is required for Between/NotBetween");
    out.formula2 = String(o.formula2);
  } else if (o.formula2 !== undefined) {
    out.formula2 = String(o.formula2);
  }
  return out;
}

function textRule(v: unknown): Record<string, unknown> {
  const loc = "TextConditionalFormat.rule";
  if (!v || typeof v !== "object") throw invalidArgument(loc);
  const o = v as Record<string, unknown>;
  return { operator: checkEnum(o.operator, E.ConditionalTextOperator, loc, ["Invalid"]), text: checkString(o.text, loc) };
}

export class CellValueConditionalFormatProxy extends CfPartProxy {}
defineProps<CfTarget>(CellValueConditionalFormatProxy, "CellValueConditionalFormat", { rule: ruleProp(cellValueRule) }, ["format"]);

export class TextConditionalFormatProxy extends CfPartProxy {}
defineProps<CfTarget>(TextConditionalFormatProxy, "TextConditionalFormat", { rule: ruleProp(textRule) }, ["format"]);

export class PresetConditionalFormatProxy extends CfPartProxy {}
defineProps<CfTarget>(
  PresetConditionalFormatProxy,
  "PresetCriteriaConditionalFormat",
  {
    rule: ruleProp((v) => {
      const loc = "PresetCriteriaConditionalFormat.rule";
      if (!v || typeof v !== "object") throw invalidArgument(loc);
      return { criterion: checkEnum((v as Record<string, unknown>).criterion, E.ConditionalFormatPresetCriterion, loc, ["Invalid"]) };
    }),
  },
  ["format"],
);

export class TopBottomConditionalFormatProxy extends CfPartProxy {}
defineProps<CfTarget>(
  TopBottomConditionalFormatProxy,
  "TopBottomConditionalFormat",
  {
    rule: ruleProp((v) => {
      const loc = "TopBottomConditionalFormat.rule";
      if (!v || typeof v !== "object") throw invalidArgument(loc);
      const o = v as Record<string, unknown>;
      return { rank: checkNumber(o.rank, loc, 1, 1000), type: checkEnum(o.type, E.ConditionalTopBottomCriterionType, loc, ["Invalid"]) };
    }),
  },
  ["format"],
);

export class CustomConditionalFormatProxy extends CfPartProxy {
  get rule(): ConditionalFormatRuleProxy {
    return this._child("rule", () => new ConditionalFormatRuleProxy(this.context, this, "rule", null, () => this._resolve()));
  }
}
defineProps<CfTarget>(CustomConditionalFormatProxy, "CustomConditionalFormat", {}, ["format", "rule"]);

export class ConditionalFormatRuleProxy extends HostObject<CfTarget> {}
const formulaDef: PropDef<CfTarget> = {
  get: (t) => (t.cf.rule?.formula as string | undefined) ?? "",
  set: (t, v) => {
    const f = checkString(v, "ConditionalFormatRule.formula");
    t.cf.rule = { formula: f };
  },
  fmt: "conditionalFormat",
};
defineProps<CfTarget>(ConditionalFormatRuleProxy, "ConditionalFormatRule", { formula: formulaDef, formulaLocal: formulaDef }, [], ["formulaR1C1"]);

export class ColorScaleConditionalFormatProxy extends HostObject<CfTarget> {}
defineProps<CfTarget>(ColorScaleConditionalFormatProxy, "ColorScaleConditionalFormat", {
  criteria: {
    get: (t) => deepClone(t.cf.extra.criteria ?? null),
    set: (t, v) => {
      if (!v || typeof v !== "object") throw invalidArgument("ColorScaleConditionalFormat.criteria");
      t.cf.extra.criteria = deepClone(v);
    },
    fmt: "conditionalFormat",
  },
  threeColorScale: { get: (t) => !!(t.cf.extra.criteria as Record<string, unknown> | undefined)?.midpoint },
});

export class ConditionalRangeFormatProxy extends HostObject<ConditionalFormatStyle> {
  get fill(): ConditionalRangeFillProxy {
    return this._child("fill", () => new ConditionalRangeFillProxy(this.context, this, "fill", null, () => this._resolve()));
  }
  get font(): ConditionalRangeFontProxy {
    return this._child("font", () => new ConditionalRangeFontProxy(this.context, this, "font", null, () => this._resolve()));
  }
  clearFormat(): void {
    this._call("clearFormat", [], (s) => Object.assign(s, emptyStyle()), { formatKind: "conditionalFormat" });
  }
}
defineProps<ConditionalFormatStyle>(
  ConditionalRangeFormatProxy,
  "ConditionalRangeFormat",
  {
    numberFormat: {
      get: (s) => s.numberFormat,
      set: (s, v) => {
        s.numberFormat = v === null ? null : checkString(Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v, "ConditionalRangeFormat.numberFormat");
      },
      fmt: "conditionalFormat",
    },
  },
  ["fill", "font"],
  ["borders"],
);

export class ConditionalRangeFillProxy extends HostObject<ConditionalFormatStyle> {
  clear(): void {
    this._call("clear", [], (s) => void (s.fill = null), { formatKind: "conditionalFormat" });
  }
}
defineProps<ConditionalFormatStyle>(ConditionalRangeFillProxy, "ConditionalRangeFill", {
  color: {
    get: (s) => s.fill,
    set: (s, v) => {
      s.fill = checkColor(v, "ConditionalRangeFill.color");
    },
    fmt: "conditionalFormat",
  },
});

export class ConditionalRangeFontProxy extends HostObject<ConditionalFormatStyle> {
  clear(): void {
    this._call(
      "clear",
      [],
      (s) => {
        s.fontColor = null;
        s.bold = null;
        s.italic = null;
        s.strikethrough = null;
        s.underline = null;
      },
      { formatKind: "conditionalFormat" },
    );
  }
}
defineProps<ConditionalFormatStyle>(ConditionalRangeFontProxy, "ConditionalRangeFont", {
  color: {
    get: (s) => s.fontColor,
    set: (s, v) => void (s.fontColor = checkColor(v, "ConditionalRangeFont.color")),
    fmt: "conditionalFormat",
  },
  bold: { get: (s) => s.bold, set: (s, v) => void (s.bold = checkBool(v, "ConditionalRangeFont.bold")), fmt: "conditionalFormat" },
  italic: { get: (s) => s.italic, set: (s, v) => void (s.italic = checkBool(v, "ConditionalRangeFont.italic")), fmt: "conditionalFormat" },
  strikethrough: {
    get: (s) => s.strikethrough,
    set: (s, v) => void (s.strikethrough = checkBool(v, "ConditionalRangeFont.strikethrough")),
    fmt: "conditionalFormat",
  },
  underline: {
    get: (s) => s.underline,
    set: (s, v) => void (s.underline = checkEnum(v, E.ConditionalRangeFontUnderlineStyle, "ConditionalRangeFont.underline")),
    fmt: "conditionalFormat",
  },
});

// =============================================================================================
// Borders (stored as records per range and edge; reading reports a record covering the range)
// =============================================================================================

interface BorderTarget {
  range: RangeTarget;
  index: string;
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class BorderCollectionProxy extends HostCollection<RangeTarget, RangeBorderProxy> {
  _enumerate(t: RangeTarget): RangeBorderProxy[] {
    return BORDER_INDEXES.map((index) => {
      const p = new RangeBorderProxy(this.context, this, "item", [index], () => ({ range: t, index }));
      p._resolve();
      return p;
    });
  }
  _sampleItem(): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this, "sample", null, () => null);
  }
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this, "getItem", [index], () => {
      const t = this._resolve();
      if (!t) return null;
      checkEnum(index, E.BorderIndex, "RangeBorderCollection.getItem");
      return { range: t, index };
    });
  }
  getItemAt(i: number): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this, "getItemAt", [i], () => {
      const t = this._resolve();
      if (!t) return null;
      const index = BORDER_INDEXES[i];
      if (!index) throw itemNotFound("RangeBorderCollection.getItemAt");
      return { range: t, index };
    });
  }
}
defineProps<RangeTarget>(BorderCollectionProxy, "RangeBorderCollection", { count: { get: () => BORDER_INDEXES.length } });

function borderValue(t: BorderTarget, key: "style" | "color" | "weight", dflt: string): string {
  const recs = t.range.sheet.borders.filter((b) => b.index === t.index && rectCovered(t.range.rect, [b.rect]));
  const last = recs[recs.length - 1];
  return last ? last[key] : dflt;
}

function setBorder(t: BorderTarget, patch: Partial<{ style: string; color: string; weight: string }>): void {
  const sheet = t.range.sheet;
  const existing = sheet.borders.find((b) => b.index === t.index && b.rect.r0 === t.range.rect.r0 && b.rect.c0 === t.range.rect.c0 && b.rect.r1 === t.range.rect.r1 && b.rect.c1 === t.range.rect.c1);
  if (existing) {
    Object.assign(existing, patch);
    sheet.borders = sheet.borders.filter((b) => b !== existing);
    sheet.borders.push(existing);
  } else {
    sheet.borders.push({
      rect: { ...t.range.rect },
      index: t.index,
      style: borderValue(t, "style", "None"),
      color: borderValue(t, "color", "#000000"),
      weight: borderValue(t, "weight", "Thin"),
      ...patch,
    });
  }
}

export class RangeBorderProxy extends HostObject<BorderTarget> {}
defineProps<BorderTarget>(RangeBorderProxy, "RangeBorder", {
  sideIndex: { get: (t) => t.index },
  style: {
    get: (t) => borderValue(t, "style", "None"),
    set: (t, v) => setBorder(t, { style: checkEnum(v, E.BorderLineStyle, "RangeBorder.style") }),
    fmt: "border",
  },
  color: {
    get: (t) => borderValue(t, "color", "#000000"),
    set: (t, v) => setBorder(t, { color: checkColor(v, "RangeBorder.color") }),
    fmt: "border",
  },
  weight: {
    get: (t) => borderValue(t, "weight", "Thin"),
    set: (t, v) => setBorder(t, { weight: checkEnum(v, E.BorderWeight, "RangeBorder.weight") }),
    fmt: "border",
  },
});

// =============================================================================================
// Data validation
// =============================================================================================

const RULE_KEYS: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

function defaultValidation(rect: Rect): DataValidationRecord {
  return {
    rects: [rect],
    rule: {},
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    prompt: { showPrompt: false, title: "", message: "" },
    ignoreBlanks: true,
  };
}

function formulaArg(v: unknown, t: RangeTarget, loc: string): unknown {
  if (v instanceof RangeProxy) {
    const r = v._resolve();
    if (!r) throw invalidArgument(loc);
    return `=${absoluteAddress(r.sheet.name, r.rect)}`;
  }
  if (v instanceof Date) return v.toJSON();
  if (typeof v === "string" || typeof v === "number") return v;
  void t;
  throw invalidArgument(loc, "formula must be a number, string or Range");
}

function normalizeValidationRule(v: unknown, t: RangeTarget): Record<string, unknown> {
  const loc = "DataValidation.rule";
  if (!v || typeof v !== "object") throw invalidArgument(loc);
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(keys[0] in RULE_KEYS)) throw invalidArgument(loc, "exactly one of wholeNumber, decimal, textLength, date, time, list, custom must be set");
  const key = keys[0];
  const body = (v as Record<string, unknown>)[key] as Record<string, unknown>;
  if (!body || typeof body !== "object") throw invalidArgument(loc);
  if (key === "list") {
    const src = body.source;
    let source: unknown;
    if (src instanceof RangeProxy) source = formulaArg(src, t, loc);
    else source = checkString(src, loc);
    return { list: { inCellDropDown: body.inCellDropDown === undefined ? true : checkBool(body.inCellDropDown, loc), source } };
  }
  if (key === "custom") return { custom: { formula: checkString(body.formula, loc) } };
  const operator = checkEnum(body.operator, E.DataValidationOperator, loc);
  const out: Record<string, unknown> = { operator, formula1: formulaArg(body.formula1, t, loc) };
  if (operator === "Between" || operator === "NotBetween") {
    if (body.formula2 === undefined) throw invalidArgument(loc, "formula2 is required for Between/NotBetween");
    out.formula2 = formulaArg(body.formula2, t, loc);
  } else if (body.formula2 !== undefined) {
    out.formula2 = formulaArg(body.formula2, t, loc);
  }
  return { [key]: out };
}

/** Validation records covering the range: one uniform record, none, or "mixed". */
function validationAt(t: RangeTarget): DataValidationRecord | "none" | "mixed" {
  const hits = t.sheet.validationsIntersecting(t.rect);
  if (hits.length === 0) return "none";
  if (hits.length === 1 && rectCovered(t.rect, hits[0].rects)) return hits[0];
  return "mixed";
}

function updateValidation(t: RangeTarget, patch: Partial<DataValidationRecord>): void {
  const sheet = t.sheet;
  const base = sheet.validations.find((v) => v.rects.some((r) => rectContains(r, t.rect.r0, t.rect.c0))) ?? defaultValidation(t.rect);
  const next: DataValidationRecord = {
    rects: [{ ...t.rect }],
    rule: deepClone(base.rule),
    errorAlert: { ...base.errorAlert },
    prompt: { ...base.prompt },
    ignoreBlanks: base.ignoreBlanks,
    ...patch,
  };
  removeValidation(sheet, t.rect);
  sheet.validations.push(next);
}

function removeValidation(sheet: SheetModel, rect: Rect): void {
  const kept: DataValidationRecord[] = [];
  for (const v of sheet.validations) {
    const rects: Rect[] = [];
    for (const r of v.rects) rects.push(...rectSubtract(r, rect));
    v.rects = rects;
    if (rects.length) kept.push(v);
  }
  sheet.validations = kept;
}

function validationType(rec: DataValidationRecord): string {
  const k = Object.keys(rec.rule)[0];
  return k ? RULE_KEYS[k] : "None";
}

function literalNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const s = v.replace(/^=/, "").trim();
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return Number(s);
  }
  return null;
}

function cellValid(rec: DataValidationRecord, sheet: SheetModel, r: number, c: number): boolean {
  const value = sheet.getValue(r, c);
  if (value === undefined) return rec.ignoreBlanks || validationType(rec) === "None";
  const key = Object.keys(rec.rule)[0];
  if (!key) return true;
  const body = rec.rule[key] as Record<string, unknown>;
  if (key === "list") {
    const src = String(body.source ?? "");
    let options: string[];
    if (src.startsWith("=")) {
      const p = parseAddress(src.slice(1).replace(/\$/g, ""));
      const target = p ? (p.sheet !== undefined ? sheet.wb.findSheet(p.sheet) : sheet) : undefined;
      if (!p || !target) throw hostNotImplemented("DataValidation.valid (list source formula)");
      options = target.readValues(p.rect).flat().map((x) => String(x).toLowerCase());
    } else {
      options = src.split(",").map((x) => x.trim().toLowerCase());
    }
    return options.includes(String(apiValue(value)).toLowerCase());
  }
  if (key === "custom" || key === "date" || key === "time") throw hostNotImplemented(`DataValidation.valid (${key} rule)`);
  const f1 = literalNumber(body.formula1);
  const f2 = body.formula2 === undefined ? null : literalNumber(body.formula2);
  if (f1 === null || (body.formula2 !== undefined && f2 === null)) throw hostNotImplemented("DataValidation.valid (formula criteria)");
  let x: number;
  if (key === "textLength") x = String(apiValue(value)).length;
  else {
    if (typeof value !== "number") return false;
    if (key === "wholeNumber" && !Number.isInteger(value)) return false;
    x = value;
  }
  switch (body.operator) {
    case "Between":
      return x >= Math.min(f1, f2 as number) && x <= Math.max(f1, f2 as number);
    case "NotBetween":
      return !(x >= Math.min(f1, f2 as number) && x <= Math.max(f1, f2 as number));
    case "EqualTo":
      return x === f1;
    case "NotEqualTo":
      return x !== f1;
    case "GreaterThan":
      return x > f1;
    case "LessThan":
      return x < f1;
    case "GreaterThanOrEqualTo":
      return x >= f1;
    case "LessThanOrEqualTo":
      return x <= f1;
    default:
      return true;
  }
}

export class DataValidationProxy extends HostObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], (t) => removeValidation(t.sheet, t.rect));
  }
}
defineMethodsNotImplemented(DataValidationProxy, "DataValidation", ["getInvalidCells", "getInvalidCellsOrNullObject"]);
defineProps<RangeTarget>(DataValidationProxy, "DataValidation", {
  type: {
    get: (t) => {
      const v = validationAt(t);
      if (v === "none") return "None";
      if (v !== "mixed") return validationType(v);
      const types = new Set(t.sheet.validationsIntersecting(t.rect).map(validationType));
      return types.size > 1 ? "Inconsistent" : "MixedCriteria";
    },
  },
  rule: {
    get: (t) => {
      const v = validationAt(t);
      if (v === "none") return {};
      return v === "mixed" ? null : deepClone(v.rule);
    },
    set: (t, v) => updateValidation(t, { rule: normalizeValidationRule(v, t) }),
  },
  errorAlert: {
    get: (t) => {
      const v = validationAt(t);
      return v === "mixed" ? null : { ...(v === "none" ? defaultValidation(t.rect) : v).errorAlert };
    },
    set: (t, v) => {
      const loc = "DataValidation.errorAlert";
      if (!v || typeof v !== "object") throw invalidArgument(loc);
      const o = v as Record<string, unknown>;
      const cur = validationAt(t);
      const base = cur === "none" || cur === "mixed" ? defaultValidation(t.rect).errorAlert : cur.errorAlert;
      updateValidation(t, {
        errorAlert: {
          showAlert: o.showAlert === undefined ? base.showAlert : checkBool(o.showAlert, loc),
          style: o.style === undefined ? base.style : checkEnum(o.style, E.DataValidationAlertStyle, loc),
          title: o.title === undefined ? base.title : checkString(o.title, loc),
          message: o.message === undefined ? base.message : checkString(o.message, loc),
        },
      });
    },
  },
  prompt: {
    get: (t) => {
      const v = validationAt(t);
      return v === "mixed" ? null : { ...(v === "none" ? defaultValidation(t.rect) : v).prompt };
    },
    set: (t, v) => {
      const loc = "DataValidation.prompt";
      if (!v || typeof v !== "object") throw invalidArgument(loc);
      const o = v as Record<string, unknown>;
      const cur = validationAt(t);
      const base = cur === "none" || cur === "mixed" ? defaultValidation(t.rect).prompt : cur.prompt;
      updateValidation(t, {
        prompt: {
          showPrompt: o.showPrompt === undefined ? base.showPrompt : checkBool(o.showPrompt, loc),
          title: o.title === undefined ? base.title : checkString(o.title, loc),
          message: o.message === undefined ? base.message : checkString(o.message, loc),
        },
      });
    },
  },
  ignoreBlanks: {
    get: (t) => {
      const v = validationAt(t);
      return v === "mixed" ? null : v === "none" ? true : v.ignoreBlanks;
    },
    set: (t, v) => updateValidation(t, { ignoreBlanks: checkBool(v, "DataValidation.ignoreBlanks") }),
  },
  valid: {
    get: (t) => {
      const used = t.sheet.usedRect(true);
      let anyValid = false;
      let anyInvalid = false;
      for (const rec of t.sheet.validationsIntersecting(t.rect)) {
        for (const rr of rec.rects) {
          const part = rectIntersect(rr, t.rect);
          if (!part) continue;
          const scan = used ? rectIntersect(part, used) : null;
          const scanned = scan ? rectRows(scan) * rectCols(scan) : 0;
          if (scanned < rectRows(part) * rectCols(part)) {
            // blank cells outside the used range
            if (rec.ignoreBlanks || validationType(rec) === "None") anyValid = true;
            else anyInvalid = true;
          }
          if (!scan) continue;
          for (let r = scan.r0; r <= scan.r1; r++) {
            for (let c = scan.c0; c <= scan.c1; c++) {
              if (cellValid(rec, t.sheet, r, c)) anyValid = true;
              else anyInvalid = true;
            }
          }
        }
      }
      if (!anyInvalid) return true;
      return anyValid ? null : false;
    },
    noDefaultLoad: true,
  },
});

// =============================================================================================
// Tables
// =============================================================================================

interface TablesScope {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

function tableNameValid(name: string): boolean {
  return /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

function nameTaken(model: WorkbookModel, name: string, except?: object): boolean {
  const key = name.toLowerCase();
  return (
    model.tables.some((t) => t !== except && t.name.toLowerCase() === key) ||
    model.names.some((n) => n !== except && n.name.toLowerCase() === key)
  );
}

function headerNames(sheet: SheetModel, rect: Rect): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    const v = sheet.getValue(rect.r0, c);
    let base = v === undefined ? `Column${c - rect.c0 + 1}` : String(apiValue(v));
    if (base === "") base = `Column${c - rect.c0 + 1}`;
    let name = base;
    let k = 2;
    while (seen.has(name.toLowerCase())) name = `${base}${k++}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function tableBody(t: TableRecord): Rect | null {
  const r0 = t.rect.r0 + (t.showHeaders ? 1 : 0);
  const r1 = t.rect.r1 - (t.showTotals ? 1 : 0);
  if (r1 < r0) return null;
  return { r0, c0: t.rect.c0, r1, c1: t.rect.c1 };
}

export class TableCollectionProxy extends HostCollection<TablesScope, TableProxy> {
  _list(s: TablesScope): TableRecord[] {
    return s.sheet ? s.model.tablesOn(s.sheet) : s.model.tables;
  }
  _enumerate(s: TablesScope): TableProxy[] {
    return this._list(s).map((t) => TableProxy.bound(this.context, this, t));
  }
  _sampleItem(): TableProxy {
    return new TableProxy(this.context, this, "sample", null, () => null);
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableRecord | null = null;
    const p = new TableProxy(this.context, this, "add", [address, hasHeaders], () => {
      if (!created) throw invalidOperation("TableCollection.add", "the add() call has not run");
      return created;
    });
    this._call("add", [address, hasHeaders], (s) => {
      const loc = "TableCollection.add";
      const defaultSheet = s.sheet ?? s.model.activeSheet;
      const target = resolveRangeArg(address, s.model, defaultSheet, loc);
      if (s.sheet && target.sheet !== s.sheet) throw invalidArgument(loc, "the range is on another worksheet");
      const rect = { ...target.rect };
      checkRect(rect, loc);
      if (rect.r1 - rect.r0 + 1 > MAX_ROWS - 1 || rect.c1 - rect.c0 + 1 > MAX_COLS) throw invalidArgument(loc);
      for (const other of s.model.tablesOn(target.sheet)) {
        if (rectIntersect(other.rect, rect)) throw invalidArgument(loc, "a table can't overlap another table");
      }
      const sheet = target.sheet;
      let names: string[];
      if (!hasHeaders) {
        // Excel generates a header row and shifts the data down by one row
        sheet.insertCellsDown(rect.r0, rect.c0, rect.c1, 1);
        rect.r1 += 1;
        names = [];
        for (let c = rect.c0; c <= rect.c1; c++) names.push(`Column${c - rect.c0 + 1}`);
      } else {
        names = headerNames(sheet, rect);
      }
      names.forEach((n, j) => sheet.writeInput(rect.r0, rect.c0 + j, n, false, { raw: true }));
      if (rect.r1 === rect.r0) rect.r1 += 1; // a table always has at least one data row
      let n = s.model.nextId("table");
      while (nameTaken(s.model, `Table${n}`)) n = s.model.nextId("table");
      const rec: TableRecord = {
        id: String(n),
        name: `Table${n}`,
        sheet,
        rect,
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
        showBandedRows: true,
        showBandedColumns: false,
        showFilterButton: true,
        highlightFirstColumn: false,
        highlightLastColumn: false,
        columnNames: names,
        columnIds: names.map((_, i) => i + 1),
      };
      s.model.tables.push(rec);
      created = rec;
      p._resolve();
    });
    return p;
  }
  private _find(key: string, nullable: boolean, name: string): TableProxy {
    const p = new TableProxy(this.context, this, name, [key], () => {
      const s = this._resolve();
      if (!s) return null;
      const k = String(key).toLowerCase();
      const t = this._list(s).find((x) => x.name.toLowerCase() === k || x.id === String(key));
      if (!t) {
        if (nullable) return null;
        throw itemNotFound(`TableCollection.${name}`, `no table '${key}'`);
      }
      return t;
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(key: string): TableProxy {
    return this._find(key, false, "getItem");
  }
  getItemOrNullObject(key: string): TableProxy {
    return this._find(key, true, "getItemOrNullObject");
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, this, "getItemAt", [index], () => {
      const s = this._resolve();
      if (!s) return null;
      const t = this._list(s)[index];
      if (!t) throw itemNotFound("TableCollection.getItemAt");
      return t;
    });
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (s) => this._list(s).length, { result });
    return result;
  }
}
defineProps<TablesScope>(TableCollectionProxy, "TableCollection", {
  count: { get: (s) => (s.sheet ? s.model.tablesOn(s.sheet) : s.model.tables).length },
});

function tableFlag(key: "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn"): PropDef<TableRecord> {
  return { get: (t) => t[key], set: (t, v) => void (t[key] = checkBool(v, `Table.${key}`)) };
}

export class TableProxy extends HostObject<TableRecord> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, t: TableRecord): TableProxy {
    const p = new TableProxy(ctx, parent, "item", [t.id], () => t);
    p._resolve();
    return p;
  }
  override _resolve(): TableRecord | null {
    const t = super._resolve();
    if (t && !t.sheet.wb.tables.includes(t)) throw itemNotFound("Table", "the table was deleted");
    return t;
  }
  private _range(name: string, fn: (t: TableRecord) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this, name, [], () => {
      const t = this._resolve();
      if (!t) return null;
      const r = fn(t);
      if (!r) throw itemNotFound(`Table.${name}`);
      return { sheet: t.sheet, rect: r };
    });
  }
  getRange(): RangeProxy {
    return this._range("getRange", (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (t) => (t.showHeaders ? { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c1 } : null));
  }
  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", tableBody);
  }
  getTotalRowRange(): RangeProxy {
    return this._range("getTotalRowRange", (t) => (t.showTotals ? { r0: t.rect.r1, c0: t.rect.c0, r1: t.rect.r1, c1: t.rect.c1 } : null));
  }
  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(this.context, this, "worksheet", null, () => {
          const t = this._resolve();
          return t ? t.sheet : null;
        }),
    );
  }
  get columns(): TableColumnCollectionProxy {
    return this._child("columns", () => new TableColumnCollectionProxy(this.context, this, "columns", null, () => this._resolve()));
  }
  get rows(): TableRowCollectionProxy {
    return this._child("rows", () => new TableRowCollectionProxy(this.context, this, "rows", null, () => this._resolve()));
  }
  delete(): void {
    this._call("delete", [], (t) => {
      const wb = t.sheet.wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      t.sheet.clearContents(t.rect);
    });
  }
  convertToRange(): RangeProxy {
    const rect: { value: RangeTarget | null } = { value: null };
    this._call("convertToRange", [], (t) => {
      const wb = t.sheet.wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      rect.value = { sheet: t.sheet, rect: { ...t.rect } };
    });
    return new RangeProxy(this.context, this, "convertToRange", [], () => {
      if (!rect.value) throw invalidOperation("Table.convertToRange");
      return rect.value;
    });
  }
  resize(newRange: RangeProxy | string): void {
    this._call("resize", [newRange], (t) => {
      const r = resolveRangeArg(newRange, t.sheet.wb, t.sheet, "Table.resize");
      if (r.sheet !== t.sheet || r.rect.r0 !== t.rect.r0) throw invalidArgument("Table.resize", "the header row must stay in place");
      t.rect = { ...r.rect };
      t.columnNames = headerNames(t.sheet, t.rect);
      t.columnIds = t.columnNames.map((_, i) => i + 1);
    });
  }
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
  reapplyFilters(): void {
    this._call("reapplyFilters", [], () => undefined);
  }
}
defineProps<TableRecord>(
  TableProxy,
  "Table",
  {
    id: { get: (t) => t.id },
    legacyId: { get: (t) => t.id },
    name: {
      get: (t) => t.name,
      set: (t, v) => {
        const name = checkString(v, "Table.name");
        if (!tableNameValid(name)) throw invalidArgument("Table.name", `invalid table name '${name}'`);
        if (nameTaken(t.sheet.wb, name, t)) throw itemAlreadyExists("Table.name", `the name '${name}' is already used`);
        t.name = name;
      },
    },
    showHeaders: { get: (t) => t.showHeaders, set: (t, v) => void (t.showHeaders = checkBool(v, "Table.showHeaders")) },
    showTotals: {
      get: (t) => t.showTotals,
      set: (t, v) => {
        const on = checkBool(v, "Table.showTotals");
        if (on && !t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
        if (!on && t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
        t.showTotals = on;
      },
    },
    style: { get: (t) => t.style, set: (t, v) => void (t.style = checkString(v, "Table.style")), fmt: "other" },
    showBandedRows: tableFlag("showBandedRows"),
    showBandedColumns: tableFlag("showBandedColumns"),
    showFilterButton: tableFlag("showFilterButton"),
    highlightFirstColumn: tableFlag("highlightFirstColumn"),
    highlightLastColumn: tableFlag("highlightLastColumn"),
  },
  ["worksheet", "columns", "rows"],
  ["autoFilter", "sort"],
);

interface ColumnTarget {
  table: TableRecord;
  index: number;
}

export class TableColumnCollectionProxy extends HostCollection<TableRecord, TableColumnProxy> {
  _enumerate(t: TableRecord): TableColumnProxy[] {
    return t.columnNames.map((_, index) => TableColumnProxy.bound(this.context, this, { table: t, index }));
  }
  _sampleItem(): TableColumnProxy {
    return new TableColumnProxy(this.context, this, "sample", null, () => null);
  }
  private _find(key: number | string, nullable: boolean, name: string): TableColumnProxy {
    const p = new TableColumnProxy(this.context, this, name, [key], () => {
      const t = this._resolve();
      if (!t) return null;
      const index =
        typeof key === "number" ? t.columnIds.indexOf(key) : t.columnNames.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
      if (index < 0) {
        if (nullable) return null;
        throw itemNotFound(`TableColumnCollection.${name}`, `no column '${key}'`);
      }
      return { table: t, index };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(key: number | string): TableColumnProxy {
    return this._find(key, false, "getItem");
  }
  getItemOrNullObject(key: number | string): TableColumnProxy {
    return this._find(key, true, "getItemOrNullObject");
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, this, "getItemAt", [index], () => {
      const t = this._resolve();
      if (!t) return null;
      if (!(index >= 0 && index < t.columnNames.length)) throw itemNotFound("TableColumnCollection.getItemAt");
      return { table: t, index };
    });
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (t) => t.columnNames.length, { result });
    return result;
  }
}
defineProps<TableRecord>(TableColumnCollectionProxy, "TableColumnCollection", { count: { get: (t) => t.columnNames.length } });
defineMethodsNotImplemented(TableColumnCollectionProxy, "TableColumnCollection", ["add", "addAsJson"]);

function columnRect(c: ColumnTarget): Rect {
  const col = c.table.rect.c0 + c.index;
  return { r0: c.table.rect.r0, c0: col, r1: c.table.rect.r1, c1: col };
}

export class TableColumnProxy extends HostObject<ColumnTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, t: ColumnTarget): TableColumnProxy {
    const p = new TableColumnProxy(ctx, parent, "item", [t.index], () => t);
    p._resolve();
    return p;
  }
  private _range(name: string, fn: (c: ColumnTarget) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, this, name, [], () => {
      const c = this._resolve();
      if (!c) return null;
      const r = fn(c);
      if (!r) throw itemNotFound(`TableColumn.${name}`);
      return { sheet: c.table.sheet, rect: r };
    });
  }
  getRange(): RangeProxy {
    return this._range("getRange", columnRect);
  }
  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (c) => {
      const b = tableBody(c.table);
      return b ? { ...b, c0: b.c0 + c.index, c1: b.c0 + c.index } : null;
    });
  }
  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (c) => {
      const r = columnRect(c);
      return c.table.showHeaders ? { ...r, r1: r.r0 } : null;
    });
  }
  getTotalRowRange(): RangeProxy {
    return this._range("getTotalRowRange", (c) => {
      const r = columnRect(c);
      return c.table.showTotals ? { ...r, r0: r.r1 } : null;
    });
  }
}
defineProps<ColumnTarget>(TableColumnProxy, "TableColumn", {
  id: { get: (c) => c.table.columnIds[c.index] },
  index: { get: (c) => c.index },
  name: {
    get: (c) => c.table.columnNames[c.index],
    set: (c, v) => {
      const name = checkString(v, "TableColumn.name");
      c.table.columnNames[c.index] = name;
      if (c.table.showHeaders) c.table.sheet.writeInput(c.table.rect.r0, c.table.rect.c0 + c.index, name, false, { raw: true });
    },
  },
  values: {
    get: (c) => c.table.sheet.readValues(columnRect(c)),
    set: (c, v) => {
      const rect = columnRect(c);
      if (!Array.isArray(v) || v.length !== rectRows(rect)) throw invalidArgument("TableColumn.values");
      return c.table.sheet.writeGrid(rect, v as unknown[][], undefined, false);
    },
  },
});

interface RowTarget {
  table: TableRecord;
  index: number;
}

export class TableRowCollectionProxy extends HostCollection<TableRecord, TableRowProxy> {
  _enumerate(t: TableRecord): TableRowProxy[] {
    const b = tableBody(t);
    const n = b ? rectRows(b) : 0;
    const out: TableRowProxy[] = [];
    for (let i = 0; i < n; i++) out.push(TableRowProxy.bound(this.context, this, { table: t, index: i }));
    return out;
  }
  _sampleItem(): TableRowProxy {
    return new TableRowProxy(this.context, this, "sample", null, () => null);
  }
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRowProxy {
    let created: RowTarget | null = null;
    const p = new TableRowProxy(this.context, this, "add", [index, values, alwaysInsert], () => {
      if (!created) throw invalidOperation("TableRowCollection.add", "the add() call has not run");
      return created;
    });
    this._call("add", [index ?? null, values ?? null, alwaysInsert ?? null], (t) => {
      const loc = "TableRowCollection.add";
      const cols = rectCols(t.rect);
      const body = tableBody(t);
      const count = body ? rectRows(body) : 0;
      const at = index === undefined || index === null ? count : index;
      if (!Number.isInteger(at) || at < 0 || at > count) throw invalidArgument(loc, "index out of range");
      let grid: unknown[][] | null = null;
      let n = 1;
      if (Array.isArray(values)) {
        if (!values.every((row) => Array.isArray(row) && row.length === cols)) throw invalidArgument(loc, "each row must have one value per table column");
        grid = values as unknown[][];
        n = grid.length;
      }
      const firstBodyRow = t.rect.r0 + (t.showHeaders ? 1 : 0);
      const row = firstBodyRow + at;
      t.sheet.insertCellsDown(row, t.rect.c0, t.rect.c1, n);
      t.rect = { ...t.rect, r1: t.rect.r1 + n };
      const rect = { r0: row, c0: t.rect.c0, r1: row + n - 1, c1: t.rect.c1 };
      if (grid) t.sheet.writeGrid(rect, grid, undefined, false);
      else if (values !== undefined && values !== null) t.sheet.writeGrid(rect, null, values, false);
      created = { table: t, index: at };
      p._resolve();
    });
    return p;
  }
  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, this, "getItemAt", [index], () => {
      const t = this._resolve();
      if (!t) return null;
      const b = tableBody(t);
      if (!b || !(index >= 0 && index < rectRows(b))) throw itemNotFound("TableRowCollection.getItemAt");
      return { table: t, index };
    });
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (t) => {
      const b = tableBody(t);
      return b ? rectRows(b) : 0;
    }, { result });
    return result;
  }
}
defineProps<TableRecord>(TableRowCollectionProxy, "TableRowCollection", {
  count: {
    get: (t) => {
      const b = tableBody(t);
      return b ? rectRows(b) : 0;
    },
  },
});
defineMethodsNotImplemented(TableRowCollectionProxy, "TableRowCollection", ["addAsJson", "deleteRows", "deleteRowsAt"]);

function rowRect(r: RowTarget): Rect {
  const row = r.table.rect.r0 + (r.table.showHeaders ? 1 : 0) + r.index;
  return { r0: row, c0: r.table.rect.c0, r1: row, c1: r.table.rect.c1 };
}

export class TableRowProxy extends HostObject<RowTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, t: RowTarget): TableRowProxy {
    const p = new TableRowProxy(ctx, parent, "item", [t.index], () => t);
    p._resolve();
    return p;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this, "getRange", [], () => {
      const r = this._resolve();
      return r ? { sheet: r.table.sheet, rect: rowRect(r) } : null;
    });
  }
}
defineProps<RowTarget>(TableRowProxy, "TableRow", {
  index: { get: (r) => r.index },
  values: {
    get: (r) => r.table.sheet.readValues(rowRect(r)),
    set: (r, v) => {
      const rect = rowRect(r);
      if (!Array.isArray(v) || v.length !== 1 || !Array.isArray(v[0]) || v[0].length !== rectCols(rect)) throw invalidArgument("TableRow.values");
      return r.table.sheet.writeGrid(rect, v as unknown[][], undefined, false);
    },
  },
});
defineMethodsNotImplemented(TableRowProxy, "TableRow", ["delete"]);

// =============================================================================================
// Charts
// =============================================================================================

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartRecord;
}

export class ChartCollectionProxy extends HostCollection<SheetModel, ChartProxy> {
  _enumerate(s: SheetModel): ChartProxy[] {
    return s.charts.map((c) => ChartProxy.bound(this.context, this, s, c));
  }
  _sampleItem(): ChartProxy {
    return new ChartProxy(this.context, this, "sample", null, () => null);
  }
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    let created: ChartTarget | null = null;
    const p = new ChartProxy(this.context, this, "add", [type, sourceData, seriesBy], () => {
      if (!created) throw invalidOperation("ChartCollection.add", "the add() call has not run");
      return created;
    });
    this._call("add", [type, sourceData, seriesBy ?? "Auto"], (s) => {
      const loc = "ChartCollection.add";
      checkEnum(type, E.ChartType, loc, ["Invalid"]);
      const by = checkEnum(seriesBy ?? "Auto", E.ChartSeriesBy, loc);
      const src = resolveRangeArg(sourceData, s.wb, s, loc);
      const n = s.wb.nextId("chart");
      const chart: ChartRecord = {
        id: `{CHART-${String(n).padStart(8, "0")}}`,
        name: `Chart ${n}`,
        chartType: type,
        sourceSheet: src.sheet,
        sourceRect: { ...src.rect },
        seriesBy: by,
        title: { text: "", visible: true, overlay: false },
        legend: { visible: true, position: "Right", overlay: false },
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        style: 2,
        position: {},
      };
      s.charts.push(chart);
      created = { sheet: s, chart };
      p._resolve();
    });
    return p;
  }
  private _find(key: string, nullable: boolean, name: string): ChartProxy {
    const p = new ChartProxy(this.context, this, name, [key], () => {
      const s = this._resolve();
      if (!s) return null;
      const c = s.charts.find((x) => x.name === key || x.id === key);
      if (!c) {
        if (nullable) return null;
        throw itemNotFound(`ChartCollection.${name}`, `no chart '${key}'`);
      }
      return { sheet: s, chart: c };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(name: string): ChartProxy {
    return this._find(name, false, "getItem");
  }
  getItemOrNullObject(name: string): ChartProxy {
    return this._find(name, true, "getItemOrNullObject");
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, this, "getItemAt", [index], () => {
      const s = this._resolve();
      if (!s) return null;
      const c = s.charts[index];
      if (!c) throw itemNotFound("ChartCollection.getItemAt");
      return { sheet: s, chart: c };
    });
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (s) => s.charts.length, { result });
    return result;
  }
}
defineProps<SheetModel>(ChartCollectionProxy, "ChartCollection", { count: { get: (s) => s.charts.length } });

function chartNum(key: "top" | "left" | "width" | "height"): PropDef<ChartTarget> {
  return { get: (t) => t.chart[key], set: (t, v) => void (t.chart[key] = checkNumber(v, `Chart.${key}`, 0)) };
}

export class ChartProxy extends HostObject<ChartTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, sheet: SheetModel, chart: ChartRecord): ChartProxy {
    const p = new ChartProxy(ctx, parent, "item", [chart.id], () => ({ sheet, chart }));
    p._resolve();
    return p;
  }
  override _resolve(): ChartTarget | null {
    const t = super._resolve();
    if (t && !t.sheet.charts.includes(t.chart)) throw itemNotFound("Chart", "the chart was deleted");
    return t;
  }
  get title(): ChartTitleProxy {
    return this._child(
      "title",
      () =>
        new ChartTitleProxy(this.context, this, "title", null, () => {
          const t = this._resolve();
          return t ? t.chart.title : null;
        }),
    );
  }
  get legend(): ChartLegendProxy {
    return this._child(
      "legend",
      () =>
        new ChartLegendProxy(this.context, this, "legend", null, () => {
          const t = this._resolve();
          return t ? t.chart.legend : null;
        }),
    );
  }
  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(this.context, this, "worksheet", null, () => {
          const t = this._resolve();
          return t ? t.sheet : null;
        }),
    );
  }
  setData(sourceData: RangeProxy, seriesBy?: string): void {
    this._call("setData", [sourceData, seriesBy ?? "Auto"], (t) => {
      const src = resolveRangeArg(sourceData, t.sheet.wb, t.sheet, "Chart.setData");
      t.chart.sourceSheet = src.sheet;
      t.chart.sourceRect = { ...src.rect };
      t.chart.seriesBy = checkEnum(seriesBy ?? "Auto", E.ChartSeriesBy, "Chart.setData");
    });
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._call("setPosition", [startCell, endCell ?? null], (t) => {
      const a = resolveRangeArg(startCell, t.sheet.wb, t.sheet, "Chart.setPosition");
      const b = endCell === undefined || endCell === null ? null : resolveRangeArg(endCell, t.sheet.wb, t.sheet, "Chart.setPosition");
      t.chart.position = {
        startCell: absoluteAddress(a.sheet.name, a.rect).split("!")[1].replace(/\$/g, ""),
        ...(b ? { endCell: absoluteAddress(b.sheet.name, b.rect).split("!")[1].replace(/\$/g, "") } : {}),
      };
      t.chart.top = a.rect.r0 * 15;
      t.chart.left = a.rect.c0 * 48;
      if (b) {
        t.chart.height = Math.max(15, (b.rect.r1 + 1) * 15 - t.chart.top);
        t.chart.width = Math.max(48, (b.rect.c1 + 1) * 48 - t.chart.left);
      }
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
  activate(): void {
    this._call("activate", [], () => undefined);
  }
}
defineProps<ChartTarget>(
  ChartProxy,
  "Chart",
  {
    id: { get: (t) => t.chart.id },
    name: { get: (t) => t.chart.name, set: (t, v) => void (t.chart.name = checkString(v, "Chart.name")) },
    chartType: { get: (t) => t.chart.chartType, set: (t, v) => void (t.chart.chartType = checkEnum(v, E.ChartType, "Chart.chartType", ["Invalid"])) },
    top: chartNum("top"),
    left: chartNum("left"),
    width: chartNum("width"),
    height: chartNum("height"),
    style: { get: (t) => t.chart.style, set: (t, v) => void (t.chart.style = checkNumber(v, "Chart.style", 1, 48)) },
    plotBy: { get: (t) => (t.chart.seriesBy === "Rows" ? "Rows" : "Columns") },
  },
  ["title", "legend", "worksheet"],
  ["axes", "series", "dataLabels", "format", "plotArea", "pivotOptions"],
);
defineMethodsNotImplemented(ChartProxy, "Chart", ["getImage", "getDataTable", "getDataTableOrNullObject"]);

export class ChartTitleProxy extends HostObject<ChartRecord["title"]> {}
defineProps<ChartRecord["title"]>(
  ChartTitleProxy,
  "ChartTitle",
  {
    text: { get: (t) => t.text, set: (t, v) => void (t.text = checkString(v, "ChartTitle.text")) },
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = checkBool(v, "ChartTitle.visible")) },
    overlay: { get: (t) => t.overlay, set: (t, v) => void (t.overlay = checkBool(v, "ChartTitle.overlay")) },
  },
  [],
  ["format", "position", "horizontalAlignment", "verticalAlignment", "top", "left", "width", "height", "textOrientation", "showShadow"],
);

export class ChartLegendProxy extends HostObject<ChartRecord["legend"]> {}
defineProps<ChartRecord["legend"]>(
  ChartLegendProxy,
  "ChartLegend",
  {
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = checkBool(v, "ChartLegend.visible")) },
    position: { get: (t) => t.position, set: (t, v) => void (t.position = checkEnum(v, E.ChartLegendPosition, "ChartLegend.position", ["Invalid"])) },
    overlay: { get: (t) => t.overlay, set: (t, v) => void (t.overlay = checkBool(v, "ChartLegend.overlay")) },
  },
  [],
  ["format", "legendEntries", "top", "left", "width", "height", "showShadow"],
);

// =============================================================================================
// Settings
// =============================================================================================

function cloneSettingValue(v: unknown, loc: string): unknown {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") throw invalidArgument(loc, "setting values must be JSON-serializable");
  if (v instanceof Date) return new Date(v.getTime());
  try {
    return JSON.parse(JSON.stringify(v));
  } catch {
    throw invalidArgument(loc, "setting values must be JSON-serializable");
  }
}

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

export class SettingCollectionProxy extends HostCollection<WorkbookModel, SettingProxy> {
  _enumerate(m: WorkbookModel): SettingProxy[] {
    return [...m.settings.keys()].map((key) => SettingProxy.bound(this.context, this, { model: m, key }));
  }
  _sampleItem(): SettingProxy {
    return new SettingProxy(this.context, this, "sample", null, () => null);
  }
  add(key: string, value: unknown): SettingProxy {
    const loc = "SettingCollection.add";
    const stored = { value: undefined as unknown };
    const p = new SettingProxy(this.context, this, "add", [key], () => {
      const m = this._resolve();
      return m ? { model: m, key } : null;
    });
    this._call("add", [key, value], (m) => {
      if (typeof key !== "string" || key === "") throw invalidArgument(loc, "the key must be a non-empty string");
      stored.value = cloneSettingValue(value, loc);
      m.settings.set(key, stored.value);
      p._resolve();
    });
    return p;
  }
  private _find(key: string, nullable: boolean, name: string): SettingProxy {
    const p = new SettingProxy(this.context, this, name, [key], () => {
      const m = this._resolve();
      if (!m) return null;
      if (!m.settings.has(key)) {
        if (nullable) return null;
        throw itemNotFound(`SettingCollection.${name}`, `no setting '${key}'`);
      }
      return { model: m, key };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(key: string): SettingProxy {
    return this._find(key, false, "getItem");
  }
  getItemOrNullObject(key: string): SettingProxy {
    return this._find(key, true, "getItemOrNullObject");
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (m) => m.settings.size, { result });
    return result;
  }
}
defineProps<WorkbookModel>(SettingCollectionProxy, "SettingCollection", {});

export class SettingProxy extends HostObject<SettingTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, t: SettingTarget): SettingProxy {
    const p = new SettingProxy(ctx, parent, "item", [t.key], () => t);
    p._resolve();
    return p;
  }
  delete(): void {
    this._call("delete", [], (t) => void t.model.settings.delete(t.key));
  }
}
defineProps<SettingTarget>(SettingProxy, "Setting", {
  key: { get: (t) => t.key },
  value: {
    get: (t) => {
      if (!t.model.settings.has(t.key)) throw itemNotFound("Setting.value", `no setting '${t.key}'`);
      return deepClone(t.model.settings.get(t.key));
    },
    set: (t, v) => {
      t.model.settings.set(t.key, cloneSettingValue(v, "Setting.value"));
    },
  },
});
defineEvents([SettingCollectionProxy], ["onSettingsChanged"]);

function defineEvents(classes: { prototype: object }[], names: string[]): void {
  for (const cls of classes) {
    for (const n of names) {
      Object.defineProperty(cls.prototype, n, {
        configurable: true,
        get(this: HostObject<unknown>) {
          const ctx = this.context;
          return {
            add: () => ({ context: ctx, remove: () => undefined }),
            remove: () => undefined,
          };
        },
      });
    }
  }
}

// =============================================================================================
// Custom XML parts
// =============================================================================================

export class CustomXmlPartCollectionProxy extends HostCollection<WorkbookModel, CustomXmlPartProxy> {
  _enumerate(m: WorkbookModel): CustomXmlPartProxy[] {
    return m.customXmlParts.map((x) => CustomXmlPartProxy.bound(this.context, this, m, x));
  }
  _sampleItem(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, this, "sample", null, () => null);
  }
  add(xml: string): CustomXmlPartProxy {
    let created: { model: WorkbookModel; part: CustomXmlPartRecord } | null = null;
    const p = new CustomXmlPartProxy(this.context, this, "add", [xml], () => {
      if (!created) throw invalidOperation("CustomXmlPartCollection.add", "the add() call has not run");
      return created;
    });
    this._call("add", [xml], (m) => {
      const check = checkXml(xml);
      if (!check.ok) throw invalidArgument("CustomXmlPartCollection.add", `the XML is not well-formed: ${check.reason}`);
      const n = m.nextId("xml");
      const part: CustomXmlPartRecord = {
        id: `{${String(n).padStart(8, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}}`,
        namespaceUri: check.namespaceUri,
        xml,
      };
      m.customXmlParts.push(part);
      created = { model: m, part };
      p._resolve();
    });
    return p;
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionProxy {
    return new CustomXmlPartScopedCollectionProxy(this.context, this, "getByNamespace", [namespaceUri], () => {
      const m = this._resolve();
      return m ? { model: m, ns: namespaceUri } : null;
    });
  }
  private _find(id: string, nullable: boolean, name: string): CustomXmlPartProxy {
    const p = new CustomXmlPartProxy(this.context, this, name, [id], () => {
      const m = this._resolve();
      if (!m) return null;
      const part = m.customXmlParts.find((x) => x.id.toLowerCase() === String(id).toLowerCase());
      if (!part) {
        if (nullable) return null;
        throw itemNotFound(`CustomXmlPartCollection.${name}`, `no custom XML part '${id}'`);
      }
      return { model: m, part };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(id: string): CustomXmlPartProxy {
    return this._find(id, false, "getItem");
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return this._find(id, true, "getItemOrNullObject");
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (m) => m.customXmlParts.length, { result });
    return result;
  }
}
defineProps<WorkbookModel>(CustomXmlPartCollectionProxy, "CustomXmlPartCollection", {});

interface XmlScope {
  model: WorkbookModel;
  ns: string;
}

export class CustomXmlPartScopedCollectionProxy extends HostCollection<XmlScope, CustomXmlPartProxy> {
  _list(s: XmlScope): CustomXmlPartRecord[] {
    return s.model.customXmlParts.filter((x) => x.namespaceUri === s.ns);
  }
  _enumerate(s: XmlScope): CustomXmlPartProxy[] {
    return this._list(s).map((x) => CustomXmlPartProxy.bound(this.context, this, s.model, x));
  }
  _sampleItem(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, this, "sample", null, () => null);
  }
  private _find(name: string, args: unknown[], pick: (list: CustomXmlPartRecord[]) => CustomXmlPartRecord | undefined, nullable: boolean) {
    const p = new CustomXmlPartProxy(this.context, this, name, args, () => {
      const s = this._resolve();
      if (!s) return null;
      const part = pick(this._list(s));
      if (!part) {
        if (nullable) return null;
        throw itemNotFound(`CustomXmlPartScopedCollection.${name}`);
      }
      return { model: s.model, part };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(id: string): CustomXmlPartProxy {
    return this._find("getItem", [id], (l) => l.find((x) => x.id.toLowerCase() === String(id).toLowerCase()), false);
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return this._find("getItemOrNullObject", [id], (l) => l.find((x) => x.id.toLowerCase() === String(id).toLowerCase()), true);
  }
  getOnlyItem(): CustomXmlPartProxy {
    return this._find("getOnlyItem", [], (l) => (l.length === 1 ? l[0] : undefined), false);
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return this._find("getOnlyItemOrNullObject", [], (l) => (l.length === 1 ? l[0] : undefined), true);
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (s) => this._list(s).length, { result });
    return result;
  }
}
defineProps<XmlScope>(CustomXmlPartScopedCollectionProxy, "CustomXmlPartScopedCollection", {});

interface XmlTarget {
  model: WorkbookModel;
  part: CustomXmlPartRecord;
}

export class CustomXmlPartProxy extends HostObject<XmlTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, model: WorkbookModel, part: CustomXmlPartRecord): CustomXmlPartProxy {
    const p = new CustomXmlPartProxy(ctx, parent, "item", [part.id], () => ({ model, part }));
    p._resolve();
    return p;
  }
  override _resolve(): XmlTarget | null {
    const t = super._resolve();
    if (t && !t.model.customXmlParts.includes(t.part)) throw itemNotFound("CustomXmlPart", "the custom XML part was deleted");
    return t;
  }
  getXml(): HostClientResult<string> {
    const result = new HostClientResult<string>();
    this._call("getXml", [], (t) => t.part.xml, { result });
    return result;
  }
  setXml(xml: string): void {
    this._call("setXml", [xml], (t) => {
      const check = checkXml(xml);
      if (!check.ok) throw invalidArgument("CustomXmlPart.setXml", `the XML is not well-formed: ${check.reason}`);
      t.part.xml = xml;
      t.part.namespaceUri = check.namespaceUri;
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.model.customXmlParts = t.model.customXmlParts.filter((x) => x !== t.part);
    });
  }
}
defineProps<XmlTarget>(CustomXmlPartProxy, "CustomXmlPart", {
  id: { get: (t) => t.part.id },
  namespaceUri: { get: (t) => t.part.namespaceUri },
});

// =============================================================================================
// Named items
// =============================================================================================

interface NamesScope {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

/** Resolve a defined name (sheet scope first, then workbook) to a range, if it refers to one. */
export function resolveName(model: WorkbookModel, name: string, sheet: SheetModel | null): RangeTarget | null {
  const key = name.trim().toLowerCase();
  const rec =
    model.names.find((n) => n.scope === "Worksheet" && n.sheet === sheet && n.name.toLowerCase() === key) ??
    model.names.find((n) => n.scope === "Workbook" && n.name.toLowerCase() === key);
  if (rec) return nameRange(model, rec);
  const table = model.tables.find((t) => t.name.toLowerCase() === key);
  if (table) return { sheet: table.sheet, rect: { ...table.rect } };
  return null;
}

function nameRange(model: WorkbookModel, rec: NamedItemRecord): RangeTarget | null {
  const p = parseAddress(rec.formula.replace(/^=/, "").replace(/\$/g, ""));
  if (!p) return null;
  const sheet = p.sheet !== undefined ? model.findSheet(p.sheet) : rec.sheet;
  if (!sheet) return null;
  return { sheet, rect: p.rect };
}

function nameType(model: WorkbookModel, rec: NamedItemRecord): string {
  if (nameRange(model, rec)) return "Range";
  const f = rec.formula.replace(/^=/, "").trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(f)) return "Double";
  if (/^"(?:[^"]|"")*"$/.test(f)) return "String";
  if (/^(TRUE|FALSE)$/i.test(f)) return "Boolean";
  if (/^#/.test(f)) return "Error";
  return "Error";
}

function nameValue(model: WorkbookModel, rec: NamedItemRecord): unknown {
  const r = nameRange(model, rec);
  if (r) return absoluteAddress(r.sheet.name, r.rect);
  const f = rec.formula.replace(/^=/, "").trim();
  switch (nameType(model, rec)) {
    case "Double":
      return Number(f);
    case "String":
      return f.slice(1, -1).replace(/""/g, '"');
    case "Boolean":
      return /^TRUE$/i.test(f);
    default:
      return new CellError("#VALUE!").code;
  }
}

export class NamedItemCollectionProxy extends HostCollection<NamesScope, NamedItemProxy> {
  _list(s: NamesScope): NamedItemRecord[] {
    return s.sheet ? s.model.names.filter((n) => n.sheet === s.sheet && n.scope === "Worksheet") : s.model.names.filter((n) => n.scope === "Workbook");
  }
  _enumerate(s: NamesScope): NamedItemProxy[] {
    return this._list(s).map((n) => NamedItemProxy.bound(this.context, this, s.model, n));
  }
  _sampleItem(): NamedItemProxy {
    return new NamedItemProxy(this.context, this, "sample", null, () => null);
  }
  private _add(name: string, formula: () => string, comment: string | undefined, method: string, args: unknown[]): NamedItemProxy {
    let created: { model: WorkbookModel; rec: NamedItemRecord } | null = null;
    const p = new NamedItemProxy(this.context, this, method, args, () => {
      if (!created) throw invalidOperation(`NamedItemCollection.${method}`, "the add() call has not run");
      return created;
    });
    this._call(method, args, (s) => {
      const loc = `NamedItemCollection.${method}`;
      if (typeof name !== "string" || !tableNameValid(name)) throw invalidArgument(loc, `invalid name '${String(name)}'`);
      if (this._list(s).some((n) => n.name.toLowerCase() === name.toLowerCase()) || (!s.sheet && s.model.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))) {
        throw itemAlreadyExists(loc, `the name '${name}' already exists`);
      }
      const rec: NamedItemRecord = {
        name,
        formula: formula(),
        comment: comment ?? "",
        visible: true,
        scope: s.sheet ? "Worksheet" : "Workbook",
        sheet: s.sheet,
      };
      s.model.names.push(rec);
      created = { model: s.model, rec };
      p._resolve();
    });
    return p;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    return this._add(
      name,
      () => {
        const s = this._resolveRequired("NamedItemCollection.add");
        if (reference instanceof RangeProxy) {
          const r = reference._resolve();
          if (!r) throw invalidArgument("NamedItemCollection.add");
          return `=${absoluteAddress(r.sheet.name, r.rect)}`;
        }
        if (typeof reference !== "string") throw invalidArgument("NamedItemCollection.add");
        const f = reference.startsWith("=") ? reference.slice(1) : reference;
        const p = parseAddress(f.replace(/\$/g, ""));
        if (p) {
          const sheet = p.sheet !== undefined ? s.model.findSheet(p.sheet) : s.sheet ?? s.model.activeSheet;
          if (!sheet) throw invalidArgument("NamedItemCollection.add", `unknown sheet in '${reference}'`);
          return `=${absoluteAddress(sheet.name, p.rect)}`;
        }
        return `=${f}`;
      },
      comment,
      "add",
      [name, reference, comment ?? null],
    );
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this._add(name, () => (formula.startsWith("=") ? formula : `=${formula}`), comment, "addFormulaLocal", [name, formula, comment ?? null]);
  }
  private _find(name: string, nullable: boolean, method: string): NamedItemProxy {
    const p = new NamedItemProxy(this.context, this, method, [name], () => {
      const s = this._resolve();
      if (!s) return null;
      const rec = this._list(s).find((n) => n.name.toLowerCase() === String(name).toLowerCase());
      if (!rec) {
        if (nullable) return null;
        throw itemNotFound(`NamedItemCollection.${method}`, `no name '${name}'`);
      }
      return { model: s.model, rec };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getItem(name: string): NamedItemProxy {
    return this._find(name, false, "getItem");
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return this._find(name, true, "getItemOrNullObject");
  }
  getCount(): HostClientResult<number> {
    const result = new HostClientResult<number>();
    this._call("getCount", [], (s) => this._list(s).length, { result });
    return result;
  }
}
defineProps<NamesScope>(NamedItemCollectionProxy, "NamedItemCollection", {});

interface NameTarget {
  model: WorkbookModel;
  rec: NamedItemRecord;
}

export class NamedItemProxy extends HostObject<NameTarget> {
  static bound(ctx: HostRequestContext, parent: HostObject<unknown>, model: WorkbookModel, rec: NamedItemRecord): NamedItemProxy {
    const p = new NamedItemProxy(ctx, parent, "item", [rec.name], () => ({ model, rec }));
    p._resolve();
    return p;
  }
  override _resolve(): NameTarget | null {
    const t = super._resolve();
    if (t && !t.model.names.includes(t.rec)) throw itemNotFound("NamedItem", "the name was deleted");
    return t;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this, "getRange", [], () => {
      const t = this._resolve();
      if (!t) return null;
      const r = nameRange(t.model, t.rec);
      if (!r) throw invalidOperation("NamedItem.getRange", "the name does not refer to a range");
      return r;
    });
  }
  getRangeOrNullObject(): RangeProxy {
    const p = new RangeProxy(this.context, this, "getRangeOrNullObject", [], () => {
      const t = this._resolve();
      return t ? nameRange(t.model, t.rec) : null;
    });
    p._instantiate();
    return p;
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.model.names = t.model.names.filter((n) => n !== t.rec);
    });
  }
}
defineProps<NameTarget>(
  NamedItemProxy,
  "NamedItem",
  {
    name: { get: (t) => t.rec.name },
    type: { get: (t) => nameType(t.model, t.rec) },
    value: { get: (t) => nameValue(t.model, t.rec) },
    scope: { get: (t) => t.rec.scope },
    formula: {
      get: (t) => t.rec.formula,
      set: (t, v) => {
        const f = checkString(v, "NamedItem.formula");
        t.rec.formula = f.startsWith("=") ? f : `=${f}`;
      },
    },
    comment: { get: (t) => t.rec.comment, set: (t, v) => void (t.rec.comment = checkString(v, "NamedItem.comment")) },
    visible: { get: (t) => t.rec.visible, set: (t, v) => void (t.rec.visible = checkBool(v, "NamedItem.visible")) },
  },
  [],
  ["arrayValues", "worksheet", "worksheetOrNullObject", "valueAsJson", "valueAsJsonLocal"],
);

// =============================================================================================
// Freeze panes
// =============================================================================================

export class FreezePanesProxy extends HostObject<SheetModel> {
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => {
      s.freeze = { rows: checkNumber(count, "WorksheetFreezePanes.freezeRows", 0, MAX_ROWS - 1), cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s) => {
      s.freeze = { rows: 0, cols: checkNumber(count, "WorksheetFreezePanes.freezeColumns", 0, MAX_COLS - 1) };
    });
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call("freezeAt", [frozenRange], (s) => {
      const r = resolveRangeArg(frozenRange, s.wb, s, "WorksheetFreezePanes.freezeAt");
      const rows = r.rect.c0 === 0 && r.rect.c1 === MAX_COLS - 1 ? r.rect.r1 + 1 : r.rect.r0 === 0 && r.rect.r1 === MAX_ROWS - 1 ? 0 : r.rect.r1 + 1;
      const cols = r.rect.r0 === 0 && r.rect.r1 === MAX_ROWS - 1 ? r.rect.c1 + 1 : r.rect.c0 === 0 && r.rect.c1 === MAX_COLS - 1 ? 0 : r.rect.c1 + 1;
      s.freeze = { rows, cols };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      s.freeze = { rows: 0, cols: 0 };
    });
  }
  private _location(nullable: boolean): RangeProxy {
    const name = nullable ? "getLocationOrNullObject" : "getLocation";
    const p = new RangeProxy(this.context, this, name, [], () => {
      const s = this._resolve();
      if (!s) return null;
      const { rows, cols } = s.freeze;
      if (rows === 0 && cols === 0) {
        if (nullable) return null;
        throw itemNotFound(`WorksheetFreezePanes.${name}`, "no panes are frozen");
      }
      const rect: Rect =
        rows > 0 && cols > 0
          ? { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 }
          : rows > 0
            ? { r0: 0, c0: 0, r1: rows - 1, c1: MAX_COLS - 1 }
            : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: cols - 1 };
      return { sheet: s, rect };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getLocation(): RangeProxy {
    return this._location(false);
  }
  getLocationOrNullObject(): RangeProxy {
    return this._location(true);
  }
}
defineProps<SheetModel>(FreezePanesProxy, "WorksheetFreezePanes", {});

// =============================================================================================
// Page layout
// =============================================================================================

function plProp<K extends keyof PageLayoutRecord>(key: K, validate: (v: unknown) => PageLayoutRecord[K]): PropDef<SheetModel> {
  return {
    get: (s) => deepClone(s.pageLayout[key]),
    set: (s, v) => {
      s.pageLayout[key] = validate(v);
    },
  };
}

const margin = (k: string) => (v: unknown) => checkNumber(v, `PageLayout.${k}`, 0);
const flag = (k: string) => (v: unknown) => checkBool(v, `PageLayout.${k}`);

function entireRows(r: Rect): Rect {
  return { r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COLS - 1 };
}
function entireCols(r: Rect): Rect {
  return { r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 };
}

export class PageLayoutProxy extends HostObject<SheetModel> {
  get headersFooters(): HeaderFooterGroupProxy {
    return this._child(
      "headersFooters",
      () =>
        new HeaderFooterGroupProxy(this.context, this, "headersFooters", null, () => {
          const s = this._resolve();
          return s ? s.pageLayout.headersFooters : null;
        }),
    );
  }
  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s) => {
      const r = resolveRangeArg(printTitleRows, s.wb, s, "PageLayout.setPrintTitleRows");
      s.pageLayout.printTitleRows = entireRows(r.rect);
    });
  }
  setPrintTitleColumns(printTitleColumns: RangeProxy | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (s) => {
      const r = resolveRangeArg(printTitleColumns, s.wb, s, "PageLayout.setPrintTitleColumns");
      s.pageLayout.printTitleColumns = entireCols(r.rect);
    });
  }
  private _title(name: string, key: "printTitleRows" | "printTitleColumns", nullable: boolean): RangeProxy {
    const p = new RangeProxy(this.context, this, name, [], () => {
      const s = this._resolve();
      if (!s) return null;
      const r = s.pageLayout[key];
      if (!r) {
        if (nullable) return null;
        throw itemNotFound(`PageLayout.${name}`);
      }
      return { sheet: s, rect: { ...r } };
    });
    if (nullable) p._instantiate();
    return p;
  }
  getPrintTitleRows(): RangeProxy {
    return this._title("getPrintTitleRows", "printTitleRows", false);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this._title("getPrintTitleRowsOrNullObject", "printTitleRows", true);
  }
  getPrintTitleColumns(): RangeProxy {
    return this._title("getPrintTitleColumns", "printTitleColumns", false);
  }
  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this._title("getPrintTitleColumnsOrNullObject", "printTitleColumns", true);
  }
  setPrintArea(printArea: RangeProxy | string): void {
    this._call("setPrintArea", [printArea], (s) => {
      const parts = typeof printArea === "string" ? printArea.split(/[,;]/) : [printArea];
      s.pageLayout.printArea = parts.map((p) => ({ ...resolveRangeArg(typeof p === "string" ? p.trim() : p, s.wb, s, "PageLayout.setPrintArea").rect }));
    });
  }
  setPrintMargins(unit: string, marginOptions: Record<string, number>): void {
    this._call("setPrintMargins", [unit, marginOptions], (s) => {
      const factor = unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(factor)) throw invalidArgument("PageLayout.setPrintMargins", `unknown unit '${unit}'`);
      const keys: Record<string, keyof PageLayoutRecord> = {
        top: "topMargin",
        bottom: "bottomMargin",
        left: "leftMargin",
        right: "rightMargin",
        header: "headerMargin",
        footer: "footerMargin",
      };
      for (const [k, v] of Object.entries(marginOptions ?? {})) {
        const key = keys[k];
        if (!key) throw invalidArgument("PageLayout.setPrintMargins", `unknown margin '${k}'`);
        (s.pageLayout as unknown as Record<string, number>)[key] = checkNumber(v, "PageLayout.setPrintMargins", 0) * factor;
      }
    });
  }
}
defineProps<SheetModel>(
  PageLayoutProxy,
  "PageLayout",
  {
    orientation: plProp("orientation", (v) => checkEnum(v, E.PageOrientation, "PageLayout.orientation")),
    paperSize: plProp("paperSize", (v) => checkString(v, "PageLayout.paperSize")),
    leftMargin: plProp("leftMargin", margin("leftMargin")),
    rightMargin: plProp("rightMargin", margin("rightMargin")),
    topMargin: plProp("topMargin", margin("topMargin")),
    bottomMargin: plProp("bottomMargin", margin("bottomMargin")),
    headerMargin: plProp("headerMargin", margin("headerMargin")),
    footerMargin: plProp("footerMargin", margin("footerMargin")),
    centerHorizontally: plProp("centerHorizontally", flag("centerHorizontally")),
    centerVertically: plProp("centerVertically", flag("centerVertically")),
    printGridlines: plProp("printGridlines", flag("printGridlines")),
    printHeadings: plProp("printHeadings", flag("printHeadings")),
    blackAndWhite: plProp("blackAndWhite", flag("blackAndWhite")),
    draftMode: plProp("draftMode", flag("draftMode")),
    printOrder: plProp("printOrder", (v) => checkString(v, "PageLayout.printOrder")),
    printComments: plProp("printComments", (v) => checkString(v, "PageLayout.printComments")),
    printErrors: plProp("printErrors", (v) => checkString(v, "PageLayout.printErrors")),
    firstPageNumber: plProp("firstPageNumber", (v) => (v === "" ? "" : checkNumber(v, "PageLayout.firstPageNumber", 0))),
    zoom: plProp("zoom", (v) => {
      if (!v || typeof v !== "object") throw invalidArgument("PageLayout.zoom");
      const o = v as Record<string, unknown>;
      const out: PageLayoutRecord["zoom"] = {};
      if (o.scale !== undefined) out.scale = checkNumber(o.scale, "PageLayout.zoom", 10, 400);
      if (o.horizontalFitToPages !== undefined) out.horizontalFitToPages = checkNumber(o.horizontalFitToPages, "PageLayout.zoom", 0);
      if (o.verticalFitToPages !== undefined) out.verticalFitToPages = checkNumber(o.verticalFitToPages, "PageLayout.zoom", 0);
      return out;
    }),
  },
  ["headersFooters"],
  ["printQuality"],
);
defineMethodsNotImplemented(PageLayoutProxy, "PageLayout", ["getPrintArea", "getPrintAreaOrNullObject"]);

type HFGroup = PageLayoutRecord["headersFooters"];

export class HeaderFooterGroupProxy extends HostObject<HFGroup> {
  private _hf(name: "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages"): HeaderFooterProxy {
    return this._child(
      name,
      () =>
        new HeaderFooterProxy(this.context, this, name, null, () => {
          const g = this._resolve();
          return g ? g[name] : null;
        }),
    );
  }
  get defaultForAllPages(): HeaderFooterProxy {
    return this._hf("defaultForAllPages");
  }
  get firstPage(): HeaderFooterProxy {
    return this._hf("firstPage");
  }
  get evenPages(): HeaderFooterProxy {
    return this._hf("evenPages");
  }
  get oddPages(): HeaderFooterProxy {
    return this._hf("oddPages");
  }
}
defineProps<HFGroup>(
  HeaderFooterGroupProxy,
  "HeaderFooterGroup",
  {
    state: { get: (g) => g.state, set: (g, v) => void (g.state = checkEnum(v, E.HeaderFooterState, "HeaderFooterGroup.state")) },
    useSheetMargins: { get: (g) => g.useSheetMargins, set: (g, v) => void (g.useSheetMargins = checkBool(v, "HeaderFooterGroup.useSheetMargins")) },
    useSheetScale: { get: (g) => g.useSheetScale, set: (g, v) => void (g.useSheetScale = checkBool(v, "HeaderFooterGroup.useSheetScale")) },
  },
  ["defaultForAllPages", "firstPage", "evenPages", "oddPages"],
);

export class HeaderFooterProxy extends HostObject<HeaderFooterRecord> {}
const hfKeys: (keyof HeaderFooterRecord)[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
defineProps<HeaderFooterRecord>(
  HeaderFooterProxy,
  "HeaderFooter",
  Object.fromEntries(
    hfKeys.map((k) => [k, { get: (h: HeaderFooterRecord) => h[k], set: (h: HeaderFooterRecord, v: unknown) => void (h[k] = checkString(v, `HeaderFooter.${k}`)) }]),
  ),
);
