/** The editor of a bands model: the number field, then its band list. */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { IdSelect, useEditorStyles } from "../inputs";
import { compact } from "../template-draft";
import { BandList } from "./BandList";
import { useOptions, type KindEditorProps } from "./kind-editor";

export function BandsModel(props: KindEditorProps<"bands">): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  return (
    <div className={s.section}>
      <IdSelect label={t("editor.bands.field")} value={m.field} options={fieldOptions("number")} onChange={(v) => props.onChange({ ...m, field: v ?? "" })} />
      <Text size={200} className={s.hint}>
        {t("editor.bands.help")}
      </Text>
      <BandList
        draft={props.draft}
        what="band"
        bands={m.bands}
        onChange={(bands) => props.onChange({ ...m, bands })}
        otherwise={m.otherwise}
        onOtherwise={(g) => props.onChange(compact({ ...m, otherwise: g }))}
      />
    </div>
  );
}
