/** Excel.DataValidation: the validation rule, alert and prompt of a range (records in model/data-validation.ts). */
import { absoluteAddress } from "../../engine/sheet-address/a1";
import * as E from "../enums";
import { invalidArgument } from "../errors";
import {
  defaultValidation,
  rangeValidity,
  removeValidation,
  RULE_KEYS,
  updateValidation,
  validationAt,
  validationType,
} from "../model/data-validation";
import type { DataValidationRecord } from "../model/records";
import { deepClone } from "../model/values";
import type { RangeTarget } from "../model/workbook";
import { checkBool, checkEnum, checkObject, checkString } from "../runtime/arguments";
import { defineProxy, HostObject, PropDef } from "../runtime/object";
import { isProxy } from "../runtime/registry";

declare module "../runtime/registry" {
  interface ProxyClasses {
    DataValidation: typeof DataValidationProxy;
  }
}

/** A rule criterion: a number, a string (formula or literal), a Date or a Range (stored as its absolute address). */
function formulaArg(v: unknown, loc: string): unknown {
  if (isProxy("Range", v)) {
    const r = v._resolve();
    if (!r) throw invalidArgument(loc);
    return `=${absoluteAddress(r.sheet.name, r.rect)}`;
  }
  if (v instanceof Date) return v.toJSON();
  if (typeof v === "string" || typeof v === "number") return v;
  throw invalidArgument(loc, "formula must be a number, string or Range");
}

function normalizeValidationRule(v: unknown, loc: string): Record<string, unknown> {
  const rule = checkObject(v, loc);
  const keys = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (keys.length !== 1 || !(keys[0] in RULE_KEYS)) throw invalidArgument(loc, "exactly one of wholeNumber, decimal, textLength, date, time, list, custom must be set");
  const key = keys[0];
  const body = checkObject(rule[key], loc);
  if (key === "list") {
    const src = body.source;
    const source = isProxy("Range", src) ? formulaArg(src, loc) : checkString(src, loc);
    return { list: { inCellDropDown: body.inCellDropDown === undefined ? true : checkBool(body.inCellDropDown, loc), source } };
  }
  if (key === "custom") return { custom: { formula: checkString(body.formula, loc) } };
  const operator = checkEnum(body.operator, E.DataValidationOperator, loc);
  const out: Record<string, unknown> = { operator, formula1: formulaArg(body.formula1, loc) };
  if (operator === "Between" || operator === "NotBetween") {
    if (body.formula2 === undefined) throw invalidArgument(loc, "formula2 is required for Between/NotBetween");
    out.formula2 = formulaArg(body.formula2, loc);
  } else if (body.formula2 !== undefined) {
    out.formula2 = formulaArg(body.formula2, loc);
  }
  return { [key]: out };
}

/**
 * `errorAlert` / `prompt`: read as a copy (null when the range is mixed); a write changes the
 * fields given (each checked by `checks`) and keeps the others.
 */
function messageProp<K extends "errorAlert" | "prompt">(
  key: K,
  checks: { [F in keyof DataValidationRecord[K]]: (v: unknown, loc: string) => DataValidationRecord[K][F] },
): PropDef<RangeTarget> {
  return {
    get: (t) => {
      const v = validationAt(t);
      return v === "mixed" ? null : { ...(v === "none" ? defaultValidation(t.rect) : v)[key] };
    },
    set: (t, v, _self, loc) => {
      const o = checkObject(v, loc);
      const cur = validationAt(t);
      const base = cur === "none" || cur === "mixed" ? defaultValidation(t.rect)[key] : cur[key];
      const next = { ...base };
      for (const f of Object.keys(checks) as (keyof DataValidationRecord[K])[]) {
        if (o[f as string] !== undefined) next[f] = checks[f](o[f as string], loc);
      }
      updateValidation(t, { [key]: next });
    },
  };
}

export class DataValidationProxy extends HostObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], (t) => removeValidation(t.sheet, t.rect));
  }
}
defineProxy(DataValidationProxy, "DataValidation", {
  props: {
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
      set: (t, v, _self, loc) => updateValidation(t, { rule: normalizeValidationRule(v, loc) }),
    },
    errorAlert: messageProp("errorAlert", {
      showAlert: checkBool,
      style: (v, loc) => checkEnum(v, E.DataValidationAlertStyle, loc),
      title: checkString,
      message: checkString,
    }),
    prompt: messageProp("prompt", { showPrompt: checkBool, title: checkString, message: checkString }),
    ignoreBlanks: {
      get: (t) => {
        const v = validationAt(t);
        return v === "mixed" ? null : v === "none" ? true : v.ignoreBlanks;
      },
      set: (t, v, _self, loc) => updateValidation(t, { ignoreBlanks: checkBool(v, loc) }),
    },
    valid: { get: rangeValidity, noDefaultLoad: true },
  },
  unimplemented: { methods: ["getInvalidCells", "getInvalidCellsOrNullObject"] },
});
