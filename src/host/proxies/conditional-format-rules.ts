/**
 * The typed parts of Excel.ConditionalFormat, one per rule type: CellValueConditionalFormat,
 * TextConditionalFormat, PresetCriteriaConditionalFormat, TopBottomConditionalFormat,
 * CustomConditionalFormat (with its ConditionalFormatRule) and ColorScaleConditionalFormat.
 * Rules are checked when written and stored as plain records (model/records.ts).
 */
import * as E from "../enums";
import { invalidArgument } from "../errors";
import { deepClone } from "../model/values";
import { checkEnum, checkNumber, checkObject, checkString } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import type { ProxyOf } from "../runtime/registry";
import type { ConditionalFormatTarget } from "./conditional-format";

declare module "../runtime/registry" {
  interface ProxyClasses {
    CellValueConditionalFormat: typeof CellValueConditionalFormatProxy;
    TextConditionalFormat: typeof TextConditionalFormatProxy;
    PresetCriteriaConditionalFormat: typeof PresetCriteriaConditionalFormatProxy;
    TopBottomConditionalFormat: typeof TopBottomConditionalFormatProxy;
    CustomConditionalFormat: typeof CustomConditionalFormatProxy;
    ConditionalFormatRule: typeof ConditionalFormatRuleProxy;
    ColorScaleConditionalFormat: typeof ColorScaleConditionalFormatProxy;
  }
}

/** A rule part with the rule's format. */
abstract class RulePartProxy extends HostObject<ConditionalFormatTarget> {
  get format(): ProxyOf<"ConditionalRangeFormat"> {
    return this._nav("ConditionalRangeFormat", "format", (t) => t.cf.format);
  }
}

/** `rule`: a copy of the stored rule; writes are checked by `check` (which gets `Type.rule`). */
function ruleProp(check: (o: Record<string, unknown>, location: string) => Record<string, unknown>): PropDef<ConditionalFormatTarget> {
  return {
    get: (t) => deepClone(t.cf.rule),
    set: (t, v, _self, location) => {
      t.cf.rule = check(checkObject(v, location), location);
    },
    fmt: "conditionalFormat",
  };
}

/** A formula operand: a number or a string, stored as a string. */
function operand(v: unknown, location: string, detail: string): string {
  if (typeof v !== "string" && typeof v !== "number") throw invalidArgument(location, detail);
  return String(v);
}

const NO_INVALID = ["Invalid"];

export class CellValueConditionalFormatProxy extends RulePartProxy {}
defineProxy(CellValueConditionalFormatProxy, "CellValueConditionalFormat", {
  props: {
    rule: ruleProp((o, loc) => {
      const operator = checkEnum(o.operator, E.ConditionalCellValueOperator, loc, NO_INVALID);
      const out: Record<string, unknown> = { formula1: operand(o.formula1, loc, "formula1 is required"), operator };
      if (operator === "Between" || operator === "NotBetween") {
        out.formula2 = operand(o.formula2, loc, "formula2 is required for Between/NotBetween");
      } else if (o.formula2 !== undefined) {
        out.formula2 = String(o.formula2);
      }
      return out;
    }),
  },
  navigation: ["format"],
});

export class TextConditionalFormatProxy extends RulePartProxy {}
defineProxy(TextConditionalFormatProxy, "TextConditionalFormat", {
  props: {
    rule: ruleProp((o, loc) => ({ operator: checkEnum(o.operator, E.ConditionalTextOperator, loc, NO_INVALID), text: checkString(o.text, loc) })),
  },
  navigation: ["format"],
});

export class PresetCriteriaConditionalFormatProxy extends RulePartProxy {}
defineProxy(PresetCriteriaConditionalFormatProxy, "PresetCriteriaConditionalFormat", {
  props: {
    rule: ruleProp((o, loc) => ({ criterion: checkEnum(o.criterion, E.ConditionalFormatPresetCriterion, loc, NO_INVALID) })),
  },
  navigation: ["format"],
});

export class TopBottomConditionalFormatProxy extends RulePartProxy {}
defineProxy(TopBottomConditionalFormatProxy, "TopBottomConditionalFormat", {
  props: {
    rule: ruleProp((o, loc) => ({
      rank: checkNumber(o.rank, loc, 1, 1000),
      type: checkEnum(o.type, E.ConditionalTopBottomCriterionType, loc, NO_INVALID),
    })),
  },
  navigation: ["format"],
});

export class CustomConditionalFormatProxy extends RulePartProxy {
  get rule(): ProxyOf<"ConditionalFormatRule"> {
    return this._nav("ConditionalFormatRule", "rule");
  }
}
defineProxy(CustomConditionalFormatProxy, "CustomConditionalFormat", { navigation: ["format", "rule"] });

const formula: PropDef<ConditionalFormatTarget> = {
  get: (t) => (t.cf.rule?.formula as string | undefined) ?? "",
  set: (t, v) => {
    t.cf.rule = { formula: checkString(v, "ConditionalFormatRule.formula") };
  },
  fmt: "conditionalFormat",
};

export class ConditionalFormatRuleProxy extends HostObject<ConditionalFormatTarget> {}
defineProxy(ConditionalFormatRuleProxy, "ConditionalFormatRule", {
  props: { formula, formulaLocal: formula },
  unimplemented: { properties: ["formulaR1C1"] },
});

export class ColorScaleConditionalFormatProxy extends HostObject<ConditionalFormatTarget> {}
defineProxy(ColorScaleConditionalFormatProxy, "ColorScaleConditionalFormat", {
  props: {
    criteria: {
      get: (t) => deepClone(t.cf.extra.criteria ?? null),
      set: (t, v, _self, location) => {
        t.cf.extra.criteria = deepClone(checkObject(v, location));
      },
      fmt: "conditionalFormat",
    },
    threeColorScale: { get: (t) => !!(t.cf.extra.criteria as Record<string, unknown> | undefined)?.midpoint },
  },
});
