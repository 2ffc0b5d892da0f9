/** The legend under a form's table: one row per grade (or, for code templates, per code of the colour part). */
import { describeTemplate, tr, type GradeInfo, type Lang, type Template } from "../engine";
import type { LegendRow } from "./spec";
import { fieldLabel } from "./validation";
import { FORM_WORDS } from "./words";

/**
 * What a grade cell and the legend show for a grade: its id, or in a Chinese form its Chinese
 * label when the label does not already hold the id (`Platinum` -> `白金`, `A（战略性）` stays `A`).
 */
export function gradeShown(g: GradeInfo, lang: Lang): string {
  const label = tr(g.label, lang);
  return lang === "zh-CN" && label.trim() !== "" && !label.includes(g.id) ? label : g.id;
}

/** A grade's legend text: its label (when the code cell does not show it), then its action or description. */
export function legendText(g: GradeInfo, lang: Lang): string {
  const label = tr(g.label, lang);
  const parts = [label !== gradeShown(g, lang) ? label : "", g.action ? tr(g.action, lang) : "", g.description && !g.action ? tr(g.description, lang) : ""].filter(Boolean);
  return parts.join(lang === "zh-CN" ? "：" : ": ");
}

/** The legend of a template's grades: each grade's cut-off or rule in words (the kind's describer), then its label and action. */
export function gradeLegend(template: Template, grades: readonly GradeInfo[], lang: Lang): LegendRow[] {
  const d = describeTemplate(template, lang);
  return grades.map((g) => {
    const when = d.grades.filter((x) => x.grade === g.id).map((x) => x.when);
    const row: LegendRow = { code: gradeShown(g, lang), color: g.color, text: legendText(g, lang) };
    if (when.length) row.rule = when.join(lang === "zh-CN" ? "；或" : "; or ");
    return row;
  });
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
