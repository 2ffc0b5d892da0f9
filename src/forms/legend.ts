/** The legend under a form's table: one row per grade (or, for code templates, per code of the colour part). */
import { tr, type GradeInfo, type Lang, type Template } from "../engine";
import type { LegendRow } from "./spec";
import { fieldLabel } from "./validation";
import { FORM_WORDS } from "./words";

/** A grade's legend text: its label (when not just the id), then its action or description. */
export function legendText(g: GradeInfo, lang: Lang): string {
  const label = tr(g.label, lang);
  const parts = [label !== g.id ? label : "", g.action ? tr(g.action, lang) : "", g.description && !g.action ? tr(g.description, lang) : ""].filter(Boolean);
  return parts.join(lang === "zh-CN" ? "：" : ": ");
}

/** Legend of a code template: the codes of the part that decides the colour (there are too many grades to list). */
export function codeLegend(template: Template, lang: Lang): { rows: LegendRow[]; notes: string[] } {
  const model = template.model;
  if (model.kind !== "code") return { rows: [], notes: [] };
  const w = FORM_WORDS[lang];
  const label = (key: string) => {
    const f = template.fields.find((x) => x.key === key);
    return f ? fieldLabel(f, lang) : key;
  };
  const partNames = model.parts.map((p) => (p.kind === "flag" ? tr(p.label, lang) : label(p.field)));
  const part = model.parts[model.colors.part];
  const rows: LegendRow[] = [];
  if (part && part.kind !== "flag") {
    const name = label(part.field);
    if (part.kind === "tier") {
      part.codes.forEach((c, i) => rows.push({ code: c, color: model.colors.byCode[c] ?? "#FFFFFF", text: `${name}：${tr(part.labels[i], lang)}` }));
    } else {
      const f = template.fields.find((x) => x.key === part.field);
      for (const [value, c] of Object.entries(part.codes)) {
        const cat = f?.categories?.find((x) => x.value === value);
        rows.push({ code: c, color: model.colors.byCode[c] ?? "#FFFFFF", text: `${name}：${cat ? tr(cat.label, lang) : value}` });
      }
    }
    if (part.except) rows.push({ code: part.except.code, color: model.colors.byCode[part.except.code] ?? "#FFFFFF", text: `${name}：${tr(part.except.label, lang)}` });
  }
  if (lang !== "zh-CN") for (const r of rows) r.text = r.text.replace("：", ": ");
  const notes = [w.codeNote(partNames.join(" + "))];
  if (part && part.kind !== "flag") notes.push(w.codeColours(label(part.field)));
  return { rows, notes };
}
