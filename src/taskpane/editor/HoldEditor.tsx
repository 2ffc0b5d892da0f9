/**
 * Grades that remember (`template.review.hold` / `review.validity`): a grade kept for a number of
 * periods once reached (raised any period, lowered only after the hold and a grace period), or
 * valid for a number of periods with a deduction at expiry. Applied by `gradekit review --rules
 * TEMPLATE` and the task pane's period review. Templates with raise/lower review rules keep them
 * (edited in the JSON view).
 */
import * as React from "react";
import { Checkbox, Text } from "@fluentui/react-components";
import type { Review, ReviewHold, ReviewValidity } from "../../engine";
import { useI18n } from "../i18n";
import type { SectionProps } from "./FieldsEditor";
import { NumberField, useEditorStyles } from "./inputs";
import { compact } from "./template-draft";

export function HoldEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const review = draft.review;
  const rules = Boolean(review && (review.raise?.length || review.lower?.length || review.caps?.length));
  const set = (patch: { hold?: ReviewHold | null; validity?: ReviewValidity | null }) => {
    const base: Review = review ?? { periods: 1 };
    const next: Review = { ...base };
    if (patch.hold !== undefined) {
      if (patch.hold) next.hold = compact(patch.hold);
      else delete next.hold;
    }
    if (patch.validity !== undefined) {
      if (patch.validity) next.validity = compact(patch.validity);
      else delete next.validity;
    }
    const { review: _old, ...rest } = draft;
    void _old;
    const empty = !next.hold && !next.validity && !next.raise && !next.lower && !next.caps && !next.bounds && !next.readings;
    onChange(empty ? rest : { ...rest, review: next });
  };
  if (rules) return <Text size={200}>{t("editor.hold.rules")}</Text>;
  const hold = review?.hold;
  const validity = review?.validity;
  return (
    <div className={s.section}>
      <p className={s.hint}>{t("editor.hold.help")}</p>
      <Checkbox label={t("editor.hold.on")} checked={hold !== undefined} onChange={(_, d) => set({ hold: d.checked ? { periods: 12 } : null })} />
      {hold && (
        <div className={s.section}>
          <NumberField label={t("editor.hold.periods")} required value={hold.periods} onChange={(v) => set({ hold: { ...hold, periods: v ?? NaN } })} />
          <NumberField label={t("editor.hold.grace")} value={hold.grace} onChange={(v) => set({ hold: { ...hold, grace: v } })} />
          <NumberField label={t("editor.hold.maxLower")} value={hold.maxLower} onChange={(v) => set({ hold: { ...hold, maxLower: v } })} />
        </div>
      )}
      <Checkbox label={t("editor.validity.on")} checked={validity !== undefined} onChange={(_, d) => set({ validity: d.checked ? { periods: 12 } : null })} />
      {validity && (
        <div className={s.section}>
          <NumberField label={t("editor.validity.periods")} required value={validity.periods} onChange={(v) => set({ validity: { ...validity, periods: v ?? NaN } })} />
          <NumberField label={t("editor.validity.deduct")} value={validity.deduct} onChange={(v) => set({ validity: { ...validity, deduct: v } })} />
        </div>
      )}
    </div>
  );
}
