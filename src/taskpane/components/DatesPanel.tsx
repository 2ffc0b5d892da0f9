/**
 * The dates part of the mapping: the as-of date (default today) and day/month order, shown when
 * the template reads dates, and per elapsed-day field whether its column holds dates.
 */
import * as React from "react";
import { Checkbox, Field, Input, Select } from "@fluentui/react-components";
import type { Field as TemplateField } from "../../engine";
import type { DateSettings } from "../dates";
import { useI18n } from "../i18n";

export interface DatesProps {
  settings: DateSettings;
  /** Field -> read as dates (the user's choice or what the values show). */
  holds: Readonly<Record<string, boolean>>;
  badAsOf: boolean;
  onChange: (s: DateSettings) => void;
}

export function DatesPanel(props: DatesProps): React.JSX.Element {
  const { t } = useI18n();
  const s = props.settings;
  return (
    <div data-testid="dates-panel">
      <Field label={t("dates.asOf")} hint={t("dates.asOfHint")} validationState={props.badAsOf ? "error" : "none"} validationMessage={props.badAsOf ? t("dates.badAsOf") : undefined}>
        <Input value={s.asOf} onChange={(_, d) => props.onChange({ ...s, asOf: d.value })} />
      </Field>
      <Field label={t("dates.order")} hint={t("dates.orderHint")}>
        <Select value={s.order} onChange={(_, d) => props.onChange({ ...s, order: d.value === "dmy" || d.value === "mdy" ? d.value : "" })}>
          <option value="">{t("dates.order.none")}</option>
          <option value="dmy">{t("dates.order.dmy")}</option>
          <option value="mdy">{t("dates.order.mdy")}</option>
        </Select>
      </Field>
    </div>
  );
}

/** "This column holds dates" for a field of elapsed days or months. */
export function HoldsDatesBox(props: DatesProps & { field: TemplateField }): React.JSX.Element {
  const { t, tx } = useI18n();
  const key = props.field.key;
  const checked = props.holds[key] === true;
  return (
    <Checkbox
      label={t(props.field.unit === "months" ? "dates.holdsMonths" : "dates.holds", { asOf: props.settings.asOf })}
      aria-label={t("dates.holdsNamed", { field: tx(props.field.label) })}
      checked={checked}
      onChange={(_, d) => props.onChange({ ...props.settings, holds: { ...props.settings.holds, [key]: d.checked === true } })}
    />
  );
}
