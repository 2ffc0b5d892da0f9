/** The editor of a percentile model: the number field, an optional group, the cut points. */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { IdSelect, useEditorStyles } from "../inputs";
import { compact } from "../template-draft";
import { CutsEditor } from "./CutsEditor";
import { useOptions, type KindEditorProps } from "./kind-editor";

export function PercentileModel(props: KindEditorProps<"percentile">): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  return (
    <div className={s.section}>
      <IdSelect label={t("editor.bands.field")} value={m.field} options={fieldOptions("number")} onChange={(v) => props.onChange({ ...m, field: v ?? "" })} />
      <IdSelect
        label={t("adhoc.groupBy")}
        value={m.groupBy}
        options={fieldOptions("text", "category", "yesno")}
        none={t("adhoc.noGroup")}
        onChange={(v) => props.onChange(compact({ ...m, groupBy: v }))}
      />
      <Text size={200} className={s.hint}>
        {t("editor.percentile.tiers")}
      </Text>
      <CutsEditor cuts={m.cuts} onChange={(cuts) => props.onChange({ ...m, cuts })} />
    </div>
  );
}
