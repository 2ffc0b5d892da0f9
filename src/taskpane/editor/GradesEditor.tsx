/**
 * Grades (best first: id, labels, colour) and parameters (key, labels, default, range). Renaming a
 * grade id or a parameter key renames its references when the input loses focus.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import type { Grade, Param } from "../../engine";
import { useI18n } from "../i18n";
import { GradeChip } from "../components/GradeChip";
import { KeyInput, type SectionProps } from "./FieldsEditor";
import { ItemButtons, NumberField, TextPair, useEditorStyles } from "./inputs";
import { compact, moveItem, removeAt, renameGrade, renameParam, replaceAt, uniqueId } from "./template-draft";

const useStyles = makeStyles({
  colour: { display: "flex", alignItems: "flex-end", gap: "6px", flexWrap: "wrap" },
  swatch: { width: "36px", height: "32px", padding: 0, border: "none", background: "none", cursor: "pointer" },
});

const PALETTE = ["#1E8E3E", "#34A853", "#F9AB00", "#FA7B17", "#D93025", "#A142F4", "#4285F4", "#9AA0A6"];

export function GradesEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const st = useStyles();
  const { t, tx } = useI18n();
  const grades = draft.grades;
  const setGrade = (k: number, g: Grade) => onChange({ ...draft, grades: replaceAt(grades, k, compact(g)) });
  const add = () => {
    const ids = grades.map((g) => g.id);
    let id = String.fromCharCode(65 + Math.min(grades.length, 25));
    if (ids.includes(id)) id = uniqueId(`grade${grades.length + 1}`, ids);
    onChange({ ...draft, grades: [...grades, { id, label: { en: id, zh: id }, color: PALETTE[grades.length % PALETTE.length] }] });
  };
  const code = draft.model.kind === "code";
  return (
    <div className={s.section}>
      {code && <p className={s.hint}>{t("editor.grades.code")}</p>}
      <p className={s.hint}>{t("editor.grades.help")}</p>
      <ol className={s.list}>
        {grades.map((g, k) => {
          const name = tx(g.label) || g.id || t("path.grade", { n: k + 1 });
          const valid = /^#[0-9A-Fa-f]{6}$/.test(g.color);
          return (
            <li key={k} className={s.item} data-editor-grade={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>
                  {t("path.grade", { n: k + 1 })} <GradeChip label={name} color={valid ? g.color : undefined} />
                </h4>
                <ItemButtons
                  name={name}
                  index={k}
                  count={grades.length}
                  onMove={(d) => onChange({ ...draft, grades: moveItem(grades, k, d) })}
                  onRemove={() => onChange({ ...draft, grades: removeAt(grades, k) })}
                />
              </div>
              <KeyInput
                label={t("editor.grade.id")}
                hint={t("editor.grade.idHint")}
                value={g.id}
                onChange={(v) => setGrade(k, { ...g, id: v })}
                onRename={(from, to) => {
                  if (!grades.some((x) => x.id === from)) onChange(renameGrade(draft, from, to));
                }}
              />
              <TextPair label={t("editor.grade.label")} value={g.label} onChange={(v) => setGrade(k, { ...g, label: v })} required />
              <div className={st.colour}>
                <Field label={t("editor.grade.color")} hint={t("editor.grade.colorHint")}>
                  <Input value={g.color} maxLength={7} onChange={(_, d) => setGrade(k, { ...g, color: d.value.trim() })} />
                </Field>
                <input
                  type="color"
                  className={st.swatch}
                  aria-label={t("editor.grade.colorPicker", { name })}
                  value={valid ? g.color.toLowerCase() : "#000000"}
                  onChange={(e) => setGrade(k, { ...g, color: e.currentTarget.value.toUpperCase() })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" onClick={add}>
          {t("editor.grade.add")}
        </Button>
      </div>
    </div>
  );
}

export function ParamsEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const params = draft.params ?? [];
  const set = (list: Param[]) => {
    const { params: _old, ...rest } = draft;
    void _old;
    onChange(list.length ? { ...rest, params: list } : rest);
  };
  const setParam = (k: number, p: Param) => set(replaceAt(params, k, compact(p)));
  return (
    <div className={s.section}>
      <p className={s.hint}>{t("editor.params.help")}</p>
      <ol className={s.list}>
        {params.map((p, k) => {
          const name = tx(p.label) || p.key || t("path.param", { n: k + 1 });
          return (
            <li key={k} className={s.item}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{t("path.param", { n: k + 1 })}</h4>
                <ItemButtons name={name} index={k} count={params.length} onMove={(d) => set(moveItem(params, k, d))} onRemove={() => set(removeAt(params, k))} />
              </div>
              <KeyInput
                label={t("editor.param.key")}
                hint={t("editor.keyHint")}
                value={p.key}
                onChange={(v) => setParam(k, { ...p, key: v })}
                onRename={(from, to) => {
                  if (!params.some((x) => x.key === from)) onChange(renameParam(draft, from, to));
                }}
              />
              <TextPair label={t("editor.param.label")} value={p.label} onChange={(v) => setParam(k, { ...p, label: v })} required />
              <div className={s.row}>
                <NumberField className={s.grow} label={t("editor.param.default")} required value={p.default} onChange={(v) => setParam(k, { ...p, default: v ?? NaN })} />
                <NumberField className={s.grow} label={t("editor.field.min")} value={p.min} onChange={(v) => setParam(k, { ...p, min: v })} />
                <NumberField className={s.grow} label={t("editor.field.max")} value={p.max} onChange={(v) => setParam(k, { ...p, max: v })} />
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const key = uniqueId(`param${params.length + 1}`, params.map((p) => p.key)).replace(/-/g, "");
            set([...params, { key, label: { en: key, zh: key }, default: 0 }]);
          }}
        >
          {t("editor.param.add")}
        </Button>
      </div>
    </div>
  );
}
