/**
 * Excel.ConditionalFormat: one rule with its format. Its typed parts (`cellValue`, `custom`,
 * `preset`...) are in conditional-format-rules.ts; each is available only for its rule type.
 */
import { invalidOperation, itemNotFound } from "../errors";
import type { ConditionalFormatRecord } from "../model/records";
import type { SheetModel } from "../model/workbook";
import { bool, checkNumber } from "../runtime/arguments";
import { defineProxy, HostObject } from "../runtime/object";
import type { ProxyName, ProxyOf, TargetOf } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    ConditionalFormat: typeof ConditionalFormatProxy;
  }
}

export interface ConditionalFormatTarget {
  sheet: SheetModel;
  cf: ConditionalFormatRecord;
}

export class ConditionalFormatProxy extends HostObject<ConditionalFormatTarget> {
  override _resolve(): ConditionalFormatTarget | null {
    const t = super._resolve();
    if (t && !t.sheet.conditionalFormats.includes(t.cf)) throw itemNotFound("ConditionalFormat", "the conditional format was deleted");
    return t;
  }
  /** the typed part for rules of type `kind` (another type: ItemNotFound, or a null object) */
  private _part<K extends ProxyName>(typeName: K, name: string, kind: string, nullable: boolean): ProxyOf<K> {
    let part = this._children.get(name);
    if (!part) {
      part = this._lookup(
        typeName,
        name,
        null,
        (t) => {
          if (t.cf.type === kind) return t as TargetOf<K>;
          if (nullable) return null;
          throw itemNotFound(`ConditionalFormat.${name}`, `the conditional format is of type ${t.cf.type}`);
        },
        { nullable },
      ) as unknown as HostObject<unknown>;
      this._children.set(name, part);
    }
    return part as unknown as ProxyOf<K>;
  }
  get cellValue(): ProxyOf<"CellValueConditionalFormat"> {
    return this._part("CellValueConditionalFormat", "cellValue", "CellValue", false);
  }
  get cellValueOrNullObject(): ProxyOf<"CellValueConditionalFormat"> {
    return this._part("CellValueConditionalFormat", "cellValueOrNullObject", "CellValue", true);
  }
  get textComparison(): ProxyOf<"TextConditionalFormat"> {
    return this._part("TextConditionalFormat", "textComparison", "ContainsText", false);
  }
  get textComparisonOrNullObject(): ProxyOf<"TextConditionalFormat"> {
    return this._part("TextConditionalFormat", "textComparisonOrNullObject", "ContainsText", true);
  }
  get custom(): ProxyOf<"CustomConditionalFormat"> {
    return this._part("CustomConditionalFormat", "custom", "Custom", false);
  }
  get customOrNullObject(): ProxyOf<"CustomConditionalFormat"> {
    return this._part("CustomConditionalFormat", "customOrNullObject", "Custom", true);
  }
  get preset(): ProxyOf<"PresetCriteriaConditionalFormat"> {
    return this._part("PresetCriteriaConditionalFormat", "preset", "PresetCriteria", false);
  }
  get presetOrNullObject(): ProxyOf<"PresetCriteriaConditionalFormat"> {
    return this._part("PresetCriteriaConditionalFormat", "presetOrNullObject", "PresetCriteria", true);
  }
  get topBottom(): ProxyOf<"TopBottomConditionalFormat"> {
    return this._part("TopBottomConditionalFormat", "topBottom", "TopBottom", false);
  }
  get topBottomOrNullObject(): ProxyOf<"TopBottomConditionalFormat"> {
    return this._part("TopBottomConditionalFormat", "topBottomOrNullObject", "TopBottom", true);
  }
  get colorScale(): ProxyOf<"ColorScaleConditionalFormat"> {
    return this._part("ColorScaleConditionalFormat", "colorScale", "ColorScale", false);
  }
  get colorScaleOrNullObject(): ProxyOf<"ColorScaleConditionalFormat"> {
    return this._part("ColorScaleConditionalFormat", "colorScaleOrNullObject", "ColorScale", true);
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
  getRange(): ProxyOf<"Range"> {
    return this._lookup("Range", "getRange", [], (t) => {
      if (t.cf.rects.length !== 1) throw invalidOperation("ConditionalFormat.getRange", "the conditional format applies to multiple ranges");
      return { sheet: t.sheet, rect: { ...t.cf.rects[0] } };
    });
  }
  getRangeOrNullObject(): ProxyOf<"Range"> {
    return this._lookup("Range", "getRangeOrNullObject", [], (t) => (t.cf.rects.length === 1 ? { sheet: t.sheet, rect: { ...t.cf.rects[0] } } : null), {
      nullable: true,
    });
  }
}
defineProxy(ConditionalFormatProxy, "ConditionalFormat", {
  props: {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v, _self, location) => {
        const n = Math.trunc(checkNumber(v, location));
        const list = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
        const idx = Math.max(0, Math.min(list.length, n < 0 ? list.length + 1 + n : n));
        list.splice(idx, 0, t.cf);
        t.sheet.conditionalFormats = list;
      },
      fmt: "conditionalFormat",
    },
    stopIfTrue: {
      get: (t) => t.cf.stopIfTrue,
      set: (t, v, _self, location) => {
        t.cf.stopIfTrue = bool(v, location);
      },
      fmt: "conditionalFormat",
    },
  },
  navigation: [
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
  unimplemented: {
    properties: ["dataBar", "dataBarOrNullObject", "iconSet", "iconSetOrNullObject"],
    methods: [
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
    ],
  },
});
