/** Percentile cut points, for percentile models and scorecards graded by tiers. */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { ItemButtons, NumberField, useEditorStyles } from "../inputs";
import { removeAt, replaceAt } from "../template-draft";

/** Percentile cut points, shown as percentages from the top. */
export function CutsEditor(props: { cuts: number[]; onChange: (c: number[]) => void }): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("adhoc.percentile.help")}
      </Text>
      <ol className={s.list}>
        {props.cuts.map((c, k) => {
          const name = t("path.cut", { n: k + 1 });
          return (
            <li key={k} className={s.row}>
              <NumberField className={s.grow} label={name} percent required value={c} onChange={(v) => props.onChange(replaceAt(props.cuts, k, v ?? NaN))} />
              <ItemButtons name={name} index={k} count={props.cuts.length} onRemove={() => props.onChange(removeAt(props.cuts, k))} keep={props.cuts.length <= 1} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" onClick={() => props.onChange([...props.cuts, Math.min(0.99, (props.cuts[props.cuts.length - 1] ?? 0) + 0.1)])}>
          {t("adhoc.addTier")}
        </Button>
      </div>
    </div>
  );
}
