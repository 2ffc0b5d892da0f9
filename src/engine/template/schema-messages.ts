/**
 * The template checker's schema problems as sentences a person reads (not the validator's
 * wording): "must be a number, not text", "is not one of: number, yesno, …", "unknown key
 * "script" (check its spelling, or remove it)". Issues this does not know keep zod's own message
 * (English and zod's zh-CN locale).
 */
import type { Text } from "./schema-base";

/** The parts of a zod issue this reads (zod 4's issue shapes). */
interface Issue {
  code: string;
  expected?: unknown;
  input?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  inclusive?: boolean;
}

const KIND: Record<string, Text> = {
  number: { en: "a number", zh: "数字" },
  string: { en: "text", zh: "文本" },
  boolean: { en: "true or false", zh: "true 或 false" },
  array: { en: "a list [ … ]", zh: "列表 [ … ]" },
  object: { en: "an object { … }", zh: "对象 { … }" },
  undefined: { en: "missing", zh: "缺失" },
  null: { en: "null", zh: "null" },
};

function kindOf(v: unknown): Text {
  if (v === undefined) return KIND.undefined;
  if (v === null) return KIND.null;
  if (Array.isArray(v)) return KIND.array;
  return KIND[typeof v] ?? { en: typeof v, zh: typeof v };
}

const list = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** A sentence for a schema issue, or undefined to keep the validator's message. */
export function schemaSentence(iss: Issue): Text | undefined {
  switch (iss.code) {
    case "invalid_type": {
      const want = KIND[String(iss.expected)] ?? { en: String(iss.expected), zh: String(iss.expected) };
      if (iss.input === undefined) return { en: `is missing: give ${want.en}`, zh: `缺失：请填写${want.zh}` };
      const got = kindOf(iss.input);
      return { en: `must be ${want.en}, not ${got.en}`, zh: `应为${want.zh}，而不是${got.zh}` };
    }
    case "invalid_value":
      if (!iss.values?.length) return undefined;
      return { en: `must be one of: ${list(iss.values)}`, zh: `应为以下之一：${list(iss.values)}` };
    case "unrecognized_keys": {
      const keys = (iss.keys ?? []).map((k) => `"${k}"`).join(", ");
      return { en: `unknown key ${keys} (check its spelling, or remove it)`, zh: `未知的键 ${keys}（请检查拼写或删除）` };
    }
    case "invalid_union":
      if (iss.input === undefined) return { en: "is missing", zh: "缺失" };
      return {
        en: `is not a valid value here (${kindOf(iss.input).en}); see the template format in README "Templates"`,
        zh: `不是此处可用的值（${kindOf(iss.input).zh}）；模板格式见 README“Templates”`,
      };
    case "too_small":
    case "too_big": {
      const small = iss.code === "too_small";
      const n = Number(small ? iss.minimum : iss.maximum);
      if (iss.origin === "array")
        return small ? { en: `needs at least ${n} item(s)`, zh: `至少需要 ${n} 项` } : { en: `holds at most ${n} items`, zh: `最多 ${n} 项` };
      if (iss.origin === "string")
        return small ? { en: `needs at least ${n} character(s)`, zh: `至少需要 ${n} 个字符` } : { en: `is longer than ${n} characters`, zh: `超过 ${n} 个字符` };
      if (iss.origin === "number") {
        const op = small ? (iss.inclusive === false ? ">" : "≥") : iss.inclusive === false ? "<" : "≤";
        return { en: `must be ${op} ${n}`, zh: `应 ${op} ${n}` };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
