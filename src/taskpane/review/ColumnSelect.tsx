/** A labelled column picker for the period review: the table's headers with their column letters. */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { columnLetters } from "../grading";
import { useI18n } from "../i18n";

export interface ColumnSelectProps {
  label: string;
  hint?: string;
  headers: readonly string[];
  /** Zero-based sheet column of the table's first column (for the letters). */
  firstColumn: number;
  /** Select value: "" (none / not chosen), a column index as digits, or one of `extra`'s values. */
  value: string;
  onChange: (value: string) => void;
  /** Offer "(none)" (optional columns); otherwise "Choose a column" is shown until one is chosen. */
  optional?: boolean;
  /** Options before the columns, e.g. "grade the rows now". */
  extra?: { value: string; label: string }[];
  /** Shown as the field's error. */
  error?: string;
  disabled?: boolean;
}

export function ColumnSelect(props: ColumnSelectProps): React.JSX.Element {
  const { t } = useI18n();
  const showBlank = props.optional || props.value === "";
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required={!props.optional}
      validationState={props.error ? "error" : "none"}
      validationMessage={props.error}
    >
      <Select value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value)}>
        {showBlank && <option value="">{props.optional ? t("options.none") : t("review.column.choose")}</option>}
        {(props.extra ?? []).map((x) => (
          <option key={x.value} value={x.value}>
            {x.label}
          </option>
        ))}
        {props.headers.map((h, i) => (
          <option key={i} value={String(i)}>
            {t("mapping.columnOption", { letter: columnLetters(props.firstColumn + i), header: h || t("mapping.noHeader") })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
