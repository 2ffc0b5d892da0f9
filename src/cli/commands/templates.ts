/** `gradekit templates`: lists the built-in templates, or prints one as JSON (`--export`). */
import { compileTemplate, tr, type Lang, type Template } from "../../engine";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../templates";
import { fail, m, type CliIo } from "../messages";
import { langOption, parseCommandArgs } from "./args";

/** A template as `templates --json` lists it. */
export function templateInfo(t: Template) {
  const compiled = compileTemplate(t);
  return {
    id: t.id,
    version: t.version,
    category: t.category,
    name: t.name,
    description: t.description,
    scores: compiled.scores,
    fields: t.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required !== false && f.default === undefined && f.requiredUnless === undefined && !(t.requireOneOf ?? []).some((g) => g.includes(f.key)),
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.categories ? { values: f.categories.map((c) => c.value) } : {}),
    })),
    ...(t.requireOneOf ? { requireOneOf: t.requireOneOf } : {}),
    params: (t.params ?? []).map((p) => ({ key: p.key, label: p.label, default: p.default })),
    grades: compiled.grades.map((g) => ({ id: g.id, label: g.label, color: g.color })),
  };
}

function describe(t: Template, lang: Lang): string {
  const compiled = compileTemplate(t);
  const lines: string[] = [];
  lines.push(`${t.id}  ${tr(t.name, lang)}`);
  const oneOf = new Set((t.requireOneOf ?? []).flat());
  const fields = t.fields.map((f) => {
    const optional = f.required === false || f.default !== undefined;
    const flag = oneOf.has(f.key)
      ? ""
      : f.requiredUnless !== undefined
        ? `, ${m("tplConditional", lang)}`
        : optional
          ? `, ${m("tplOptional", lang)}`
          : "";
    return `${f.key} (${f.label.en} / ${f.label.zh}${flag})`;
  });
  lines.push(`    ${m("tplFields", lang)}: ${fields.join(", ")}`);
  for (const g of t.requireOneOf ?? []) lines.push(`    ${m("tplOneOf", lang)}: ${g.join(", ")}`);
  if (t.params?.length) lines.push(`    ${m("tplParams", lang)}: ${t.params.map((p) => `${p.key}=${p.default}`).join(", ")}`);
  const ids = compiled.grades.map((g) => (lang === "zh-CN" ? tr(g.label, lang) : g.id));
  const grades = ids.length > 12 ? m("tplCodes", lang, { n: ids.length, examples: ["Z121", "C112L", "YX11"].filter((x) => compiled.gradeIndex.has(x)).join(", ") || ids.slice(0, 3).join(", ") }) : ids.join(", ");
  lines.push(`    ${m("tplGrades", lang)}: ${grades}`);
  return lines.join("\n");
}

const OPTIONS = {
  json: { type: "boolean" },
  lang: { type: "string" },
  export: { type: "string" },
} as const;

/** `gradekit templates [--json] [--lang] [--export <id>]` -> exit code. */
export async function templatesCommand(argv: string[], io: CliIo, fallbackLang: Lang): Promise<number> {
  const { values } = parseCommandArgs("templates", argv, OPTIONS, fallbackLang);
  const lang = langOption(values.lang, fallbackLang);
  if (values.export !== undefined) {
    const id = String(values.export);
    const t = getBuiltinTemplate(id);
    if (!t) throw fail("exportUnknown", "notFound", { id });
    io.out(JSON.stringify(t, null, 2) + "\n");
    return 0;
  }
  if (values.json) {
    io.out(JSON.stringify(BUILTIN_TEMPLATES.map(templateInfo), null, 2) + "\n");
    return 0;
  }
  io.out(BUILTIN_TEMPLATES.map((t) => describe(t, lang)).join("\n\n") + "\n\n" + m("tplFooter", lang) + "\n");
  return 0;
}
