/** The editor of a rules model: first-match rules with structured conditions, then "otherwise". */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { defaultCondition, type Rule } from "../../../engine";
import { useI18n } from "../../i18n";
import { ConditionEditor } from "../ConditionEditor";
import { IdSelect, ItemButtons, TextPair, useEditorStyles } from "../inputs";
import { compact, draftFields, moveItem, removeAt, replaceAt } from "../template-draft";
import { useOptions, type KindEditorProps } from "./kind-editor";

export function RulesModel(props: KindEditorProps<"rules">): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { gradeOptions } = useOptions(props.draft);
  const m = props.model;
  const setRules = (rules: Rule[]) => props.onChange({ ...m, rules });
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("editor.rules.help")}
      </Text>
      <ol className={s.list}>
        {m.rules.map((r, k) => {
          const name = t("path.rule", { n: k + 1 });
          const setRule = (x: Rule) => setRules(replaceAt(m.rules, k, compact(x)));
          return (
            <li key={k} className={s.item} data-editor-rule={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{name}</h4>
                <ItemButtons name={name} index={k} count={m.rules.length} onMove={(d) => setRules(moveItem(m.rules, k, d))} onRemove={() => setRules(removeAt(m.rules, k))} keep={m.rules.length <= 1} />
              </div>
              <IdSelect label={t("editor.rule.grade", { name })} value={r.grade} options={gradeOptions} onChange={(v) => setRule({ ...r, grade: v ?? "" })} />
              <Text size={200} weight="semibold">
                {t("editor.rule.when")}
              </Text>
              <ConditionEditor
                value={r.when}
                onChange={(when) => setRule({ ...r, when })}
                fields={draftFields(props.draft)}
                params={props.draft.params ?? []}
                label={t("editor.rule.conditionOf", { name })}
              />
              {r.note ? (
                <>
                  <TextPair label={t("editor.rule.note")} value={r.note} onChange={(note) => setRule({ ...r, note })} />
                  <div>
                    <Button size="small" appearance="subtle" onClick={() => setRule({ ...r, note: undefined })} aria-label={t("editor.rule.removeNoteNamed", { name })}>
                      {t("editor.rule.removeNote")}
                    </Button>
                  </div>
                </>
              ) : (
                <div>
                  <Button size="small" appearance="subtle" onClick={() => setRule({ ...r, note: { en: "", zh: "" } })} aria-label={t("editor.rule.addNoteNamed", { name })}>
                    {t("editor.rule.addNote")}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const used = new Set(m.rules.map((r) => r.grade));
            const grade = props.draft.grades.find((g) => !used.has(g.id) && g.id !== m.otherwise)?.id ?? props.draft.grades[0]?.id ?? "";
            setRules([...m.rules, { grade, when: defaultCondition(props.draft.fields[0]) }]);
          }}
        >
          {t("editor.rule.add")}
        </Button>
      </div>
      <IdSelect label={t("editor.otherwise")} value={m.otherwise} options={gradeOptions} none={t("editor.otherwiseNone")} onChange={(g) => props.onChange(compact({ ...m, otherwise: g }))} />
    </div>
  );
}
