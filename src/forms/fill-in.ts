/** The fill-in form of any template: customer, one column per field, score, grade, notes; legend of the grades. */
import { describeTemplate, headerFooterLiteral, textWidth, tr, wrapTokens, type Field, type GradeInfo, type Lang, type Template } from "../engine";
import { codeLegend, gradeLegend, gradeShown } from "./legend";
import { clip, formSheetName } from "./limits";
import { GRADE_MIN_WIDTH, type ColumnSpec, type FormSpec } from "./spec";
import { fieldLabel, fieldValidation } from "./validation";
import { FORM_WORDS } from "./words";

/**
 * A number column's format: it shows the decimals entered (a hidden decimal can change the grade:
 * 100000.5 > 100000, and `#,##0` shows 100,001), so plain numbers keep Excel's General format and
 * a percentage shows up to four decimals.
 */
function numberFormatFor(f: Field): string | undefined {
  if (f.type !== "number") return undefined;
  return f.unit === "percent" ? "0.0###%" : undefined;
}

function columnWidthFor(header: string, min: number, max: number, words: readonly string[] = []): number {
  const longestWord = words.reduce((m, s) => Math.max(m, textWidth(s) + 3), 0);
  const longestHeaderWord = wrapTokens(header).reduce((m, t) => Math.max(m, textWidth(t.trim())), 0);
  const headerWidth = Math.max(Math.ceil(textWidth(header) / 2) + 3, Math.ceil(longestHeaderWord * 1.1) + 2); // headers wrap onto two lines
  return Math.min(max, Math.max(min, headerWidth, longestWord));
}

/** The fill-in form's description, in `lang`. */
export function fillInSpec(template: Template, grades: readonly GradeInfo[], population: boolean, scores: boolean, lang: Lang): FormSpec {
  const w = FORM_WORDS[lang];
  const title = tr(template.name, lang);
  const columns: ColumnSpec[] = [{ header: w.customer, role: "text", width: 22 }];
  for (const f of template.fields) {
    const words = f.type === "category" ? (f.categories ?? []).map((c) => tr(c.label, lang)) : f.type === "yesno" ? [w.yes, w.no] : [];
    columns.push({
      header: fieldLabel(f, lang),
      role: "field",
      field: f.key,
      width: columnWidthFor(fieldLabel(f, lang), f.type === "text" ? 14 : 10, 28, words),
      numberFormat: numberFormatFor(f),
      validation: fieldValidation(template, f, lang),
    });
  }
  if (scores) columns.push({ header: w.score, role: "score", width: 9, numberFormat: "0.00" });
  const gradeWidth = Math.max(GRADE_MIN_WIDTH, ...grades.map((g) => textWidth(gradeShown(g, lang)) + 3));
  columns.push({ header: w.grade, role: "grade", width: Math.min(16, gradeWidth) });
  columns.push({ header: w.notes, role: "notes", width: 20 });

  const code = template.model.kind === "code" ? codeLegend(template, lang) : undefined;
  const legend = code ? code.rows : gradeLegend(template, grades, lang);
  const d = describeTemplate(template, lang);
  const extraNotes = [...(code ? code.notes : []), ...d.adjustments.map(w.adjustment), d.numbersNote, ...(population ? [w.populationNote] : [])];
  return {
    kind: "template",
    template,
    lang,
    sheetName: formSheetName([...title].length <= 31 ? title : `${template.id} ${lang === "zh-CN" ? "填写表" : "form"}`),
    title,
    subtitle: w.formSubtitle(template.id, template.version),
    noteLeft: w.fillNote,
    columns,
    legendTitle: w.legendTitle,
    legend,
    extraNotes,
    footer: w.footer,
    page: {
      // Excel keeps at most 255 characters per header or footer (codes included).
      header: { left: headerFooterLiteral(clip(title, 80)), center: "", right: headerFooterLiteral(clip(`GradeKit · ${template.id} v${template.version}`, 80)) },
      footer: { left: "", center: w.pageOf, right: "" },
    },
  };
}
