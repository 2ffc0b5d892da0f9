/**
 * How rows become grades: the model kind (the kinds and their names come from the engine's
 * registry, `MODEL_KINDS[kind].editor`), then that kind's own editor (`kinds/`). Kinds the form
 * does not cover (compound codes) are edited in the JSON view.
 */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { MODEL_KINDS, type Model } from "../../engine";
import { useI18n } from "../i18n";
import type { SectionProps } from "./FieldsEditor";
import { useEditorStyles } from "./inputs";
import { kindEditorOf } from "./kinds";
import { defaultModel } from "./template-draft";

/** The kinds the form editor covers, in registry order. */
const FORM_KINDS = Object.values(MODEL_KINDS).filter((k) => k.editor.form);

export function ModelEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const stash = React.useRef(new Map<string, Model>());
  const kind = draft.model.kind;
  const meta = MODEL_KINDS[kind].editor;
  const setModel = (m: Model) => onChange({ ...draft, model: m });
  const switchTo = (k: Model["kind"]) => {
    stash.current.set(kind, draft.model);
    const next = stash.current.get(k) ?? defaultModel(k, draft);
    if (next) setModel(next);
  };
  const KindEditor = kindEditorOf(draft.model);
  return (
    <div className={s.section}>
      <Field label={t("editor.kind")} hint={tx(meta.hint)}>
        <Select value={kind} onChange={(_, d) => switchTo(d.value as Model["kind"])}>
          {FORM_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {tx(k.editor.label)}
            </option>
          ))}
          {!meta.form && <option value={kind}>{tx(meta.label)}</option>}
        </Select>
      </Field>
      <KindEditor draft={draft} model={draft.model} onChange={setModel} />
    </div>
  );
}
