/**
 * Fields (the columns a template reads): key, labels, type, required, range and unit of numbers,
 * the values of category fields. Renaming a key renames its references when the input loses focus.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Select } from "@fluentui/react-components";
import type { CategoryValue, Field as TemplateField, FieldType, Template } from "../../engine";
import { useI18n, type MessageKey } from "../i18n";
import { ItemButtons, ListTextInput, NumberField, TextPair, useEditorStyles } from "./inputs";
import { compact, moveItem, removeAt, renameField, replaceAt, uniqueId } from "./template-draft";

const EMPTY: readonly string[] = [];
const TYPES: FieldType[] = ["number", "category", "yesno", "text", "date"];
const UNITS = ["percent", "money", "days", "months", "count", "points", "quantity"] as const;

export const TYPE_LABEL: Record<FieldType, MessageKey> = {
  number: "editor.type.number",
  category: "editor.type.category",
  yesno: "editor.type.yesno",
  text: "editor.type.text",
  date: "editor.type.date",
};

export interface SectionProps {
  draft: Template;
  onChange: (t: Template) => void;
}

/** An id/key input that applies a rename to references when it loses focus. */
export function KeyInput(props: { label: string; value: string; onChange: (v: string) => void; onRename: (from: string, to: string) => void; hint?: string; readOnly?: boolean }) {
  const started = React.useRef<string | null>(null);
  return (
    <Field label={props.label} hint={props.hint}>
      <Input
        value={props.value}
        readOnly={props.readOnly}
        maxLength={64}
        onFocus={() => {
          started.current = props.value;
        }}
        onChange={(_, d) => props.onChange(d.value)}
        onBlur={(e) => {
          const from = started.current;
          started.current = null;
          if (from !== null && from !== e.currentTarget.value) props.onRename(from, e.currentTarget.value);
        }}
      />
    </Field>
  );
}

export function FieldsEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const fields = draft.fields;
  const setField = (k: number, f: TemplateField) => onChange({ ...draft, fields: replaceAt(fields, k, compact(f)) });
  const add = () => {
    const key = uniqueId(`field${fields.length + 1}`, fields.map((f) => f.key)).replace(/-/g, "");
    onChange({ ...draft, fields: [...fields, { key, label: { en: key, zh: key }, type: "number" }] });
  };
  return (
    <div className={s.section}>
      <ol className={s.list}>
        {fields.map((f, k) => {
          const name = tx(f.label) || f.key || t("path.field", { n: k + 1 });
          return (
            <li key={k} className={s.item} data-editor-field={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{t("path.field", { n: k + 1 })}</h4>
                <ItemButtons
                  name={name}
                  index={k}
                  count={fields.length}
                  onMove={(d) => onChange({ ...draft, fields: moveItem(fields, k, d) })}
                  onRemove={() => onChange({ ...draft, fields: removeAt(fields, k) })}
                  keep={fields.length <= 1}
                />
              </div>
              <KeyInput
                label={t("editor.field.key")}
                hint={t("editor.keyHint")}
                value={f.key}
                onChange={(v) => setField(k, { ...f, key: v })}
                onRename={(from, to) => {
                  if (!fields.some((x) => x.key === from)) onChange(renameField(draft, from, to));
                }}
              />
              <TextPair label={t("editor.field.label")} value={f.label} onChange={(v) => setField(k, { ...f, label: v })} required />
              <div className={s.row}>
                <Field label={t("editor.field.type")} className={s.grow}>
                  <Select
                    value={f.type}
                    onChange={(_, d) => {
                      const type = d.value as FieldType;
                      const next: TemplateField = { ...f, type };
                      if (type !== "number") {
                        delete next.min;
                        delete next.max;
                        delete next.unit;
                      }
                      if (type === "category" && !next.categories?.length) next.categories = [{ value: "a", label: { en: "A", zh: "A" } }];
                      if (type !== "category") delete next.categories;
                      if (next.default !== undefined && typeof next.default !== (type === "number" ? "number" : "string")) delete next.default;
                      setField(k, next);
                    }}
                  >
                    {TYPES.map((ty) => (
                      <option key={ty} value={ty}>
                        {t(TYPE_LABEL[ty])}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Checkbox
                  label={t("editor.field.required")}
                  checked={f.required !== false}
                  onChange={(_, d) => setField(k, { ...f, required: d.checked ? undefined : false })}
                />
              </div>
              {f.type === "number" && (
                <div className={s.row}>
                  <NumberField className={s.grow} label={t("editor.field.min")} value={f.min} onChange={(v) => setField(k, { ...f, min: v })} />
                  <NumberField className={s.grow} label={t("editor.field.max")} value={f.max} onChange={(v) => setField(k, { ...f, max: v })} />
                  <Field label={t("editor.field.unit")} className={s.grow}>
                    <Select value={f.unit ?? ""} onChange={(_, d) => setField(k, { ...f, unit: d.value === "" ? undefined : (d.value as TemplateField["unit"]) })}>
                      <option value="">{t("editor.field.noUnit")}</option>
                      {UNITS.map((u) => (
                        <option key={u} value={u}>
                          {t(`editor.unit.${u}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
              )}
              {f.type === "category" && <CategoriesEditor fieldName={name} value={f.categories ?? []} onChange={(cs) => setField(k, { ...f, categories: cs })} />}
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" onClick={add}>
          {t("editor.field.add")}
        </Button>
      </div>
    </div>
  );
}

function CategoriesEditor(props: { fieldName: string; value: CategoryValue[]; onChange: (v: CategoryValue[]) => void }): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const list = props.value;
  const set = (k: number, c: CategoryValue) => props.onChange(replaceAt(list, k, compact(c)));
  return (
    <div className={s.section} role="group" aria-label={t("editor.categoriesOf", { name: props.fieldName })}>
      <ol className={s.list}>
        {list.map((c, k) => {
          const name = t("editor.categoryNamed", { name: props.fieldName, n: k + 1 });
          return (
            <li key={k} className={s.item}>
              <div className={s.itemHeader}>
                <Field label={t("editor.category.value")} className={s.grow}>
                  <Input value={c.value} maxLength={200} onChange={(_, d) => set(k, { ...c, value: d.value })} />
                </Field>
                <ItemButtons name={name} index={k} count={list.length} onMove={(d) => props.onChange(moveItem(list, k, d))} onRemove={() => props.onChange(removeAt(list, k))} keep={list.length <= 1} />
              </div>
              <TextPair label={t("editor.category.label")} value={c.label} onChange={(v) => set(k, { ...c, label: v })} />
              <ListTextInput
                label={t("editor.category.aliases")}
                hint={t("editor.category.aliasesHint")}
                value={c.aliases ?? EMPTY}
                onChange={(aliases) => set(k, { ...c, aliases: aliases.length ? aliases : undefined })}
              />
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const value = uniqueId(`value${list.length + 1}`, list.map((c) => c.value));
            props.onChange([...list, { value, label: { en: value, zh: value } }]);
          }}
          aria-label={t("editor.category.addNamed", { name: props.fieldName })}
        >
          {t("editor.category.add")}
        </Button>
      </div>
    </div>
  );
}
