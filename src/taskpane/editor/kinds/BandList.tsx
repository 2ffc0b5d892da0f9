/** A band list (threshold rows: grade, comparison, threshold; then "otherwise"), for bands and score bands. */
import * as React from "react";
import { Button, Select } from "@fluentui/react-components";
import type { Band, Template } from "../../../engine";
import { useI18n, type MessageKey } from "../../i18n";
import { IdSelect, ItemButtons, NumValue, useEditorStyles } from "../inputs";
import { draftFields, moveItem, removeAt, replaceAt } from "../template-draft";
import { OP_TEXT, useOptions } from "./kind-editor";

const BAND_OPS: Band["op"][] = [">=", ">", "<=", "<"];

export function BandList(props: { draft: Template; bands: Band[]; onChange: (b: Band[]) => void; otherwise: string | undefined; onOtherwise: (g: string | undefined) => void; what: "band" | "scoreBand" }): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { gradeOptions } = useOptions(props.draft);
  const { bands } = props;
  const itemKey: MessageKey = props.what === "band" ? "path.band" : "editor.scoreBand";
  return (
    <>
      <ol className={s.list}>
        {bands.map((b, k) => {
          const name = t(itemKey, { n: k + 1 });
          return (
            <li key={k} className={s.row} data-editor-band={k}>
              <IdSelect hideLabel label={t("editor.band.gradeNamed", { name })} value={b.grade} options={gradeOptions} onChange={(v) => props.onChange(replaceAt(bands, k, { ...b, grade: v ?? "" }))} />
              <Select aria-label={t("editor.band.opNamed", { name })} value={b.op} onChange={(_, d) => props.onChange(replaceAt(bands, k, { ...b, op: d.value as Band["op"] }))}>
                {BAND_OPS.map((o) => (
                  <option key={o} value={o}>
                    {t(OP_TEXT[o])}
                  </option>
                ))}
              </Select>
              <NumValue label={t("editor.band.valueNamed", { name })} value={b.value} params={props.draft.params ?? []} fields={draftFields(props.draft)} onChange={(v) => props.onChange(replaceAt(bands, k, { ...b, value: v }))} />
              <ItemButtons name={name} index={k} count={bands.length} onMove={(d) => props.onChange(moveItem(bands, k, d))} onRemove={() => props.onChange(removeAt(bands, k))} keep={bands.length <= 1} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const last = bands[bands.length - 1];
            const used = new Set(bands.map((b) => b.grade));
            const grade = props.draft.grades.find((g) => !used.has(g.id) && g.id !== props.otherwise)?.id ?? props.draft.grades[0]?.id ?? "";
            props.onChange([...bands, { grade, op: last?.op ?? ">=", value: typeof last?.value === "number" ? last.value : 0 }]);
          }}
        >
          {props.what === "band" ? t("editor.band.add") : t("editor.scoreBand.add")}
        </Button>
      </div>
      <IdSelect label={t("editor.otherwise")} value={props.otherwise} options={gradeOptions} none={t("editor.otherwiseNone")} onChange={props.onOtherwise} />
    </>
  );
}
