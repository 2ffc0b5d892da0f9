/**
 * Columns -> fields. Each field has a dropdown of the table's headers, required fields are marked,
 * and each shows a sample of its values and how many rows will fail to parse (from the engine run
 * on the rows already read), before anything is written.
 */
import * as React from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { headerUnits, type Field as TemplateField, type Template } from "../../engine";
import type { TableInfo } from "../../excel/contract";
import { columnLetters, isRequired, sampleValues, type Evaluation, type Mapping } from "../grading";
import { useI18n } from "../i18n";
import { DatesPanel, HoldsDatesBox, type DatesProps } from "./DatesPanel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "10px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  field: { display: "flex", flexDirection: "column", gap: "4px" },
  sample: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  suggestion: { alignSelf: "flex-start" },
});

export interface MappingPanelProps {
  template: Template;
  table: TableInfo;
  rows: readonly unknown[][];
  mapping: Mapping;
  onChange: (field: string, column: number | undefined) => void;
  suggestions: readonly { field: string; header: string; column: number }[];
  evaluation: Evaluation | null;
  missing: readonly string[];
  /** The as-of date and the columns read as dates, when the template reads dates. */
  dates?: DatesProps;
}

export function MappingPanel(props: MappingPanelProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const headingId = React.useId();
  const { template } = props;
  const label = (key: string) => {
    const f = template.fields.find((x) => x.key === key);
    return f ? tx(f.label) : key;
  };
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h3 className={s.heading} id={headingId}>
        {t("mapping.title")}
      </h3>
      <Text size={200}>{t("mapping.help")}</Text>
      {(template.requireOneOf ?? []).map((group, k) => (
        <Text key={k} size={200}>
          {t("mapping.oneOf", { fields: group.map(label).join(t("list.separator")) })}
        </Text>
      ))}
      {props.dates && <DatesPanel {...props.dates} />}
      {template.fields.map((f) => (
        <MappingField
          key={f.key}
          field={f}
          required={isRequired(template, f.key)}
          {...props}
          column={props.mapping[f.key]}
          suggestion={props.suggestions.find((x) => x.field === f.key)}
        />
      ))}
    </section>
  );
}

function MappingField(
  props: MappingPanelProps & {
    field: TemplateField;
    required: boolean;
    column: number | undefined;
    suggestion?: { header: string; column: number };
  },
): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const { field, column, table, evaluation } = props;
  const mapped = column !== undefined && column >= 0;
  const total = props.rows.length;
  const check = evaluation?.fields[field.key];
  const samples = sampleValues(props.rows, column);
  const isMissing = props.missing.includes(field.key);
  // A unit in the chosen column's header scales it (`年消费额（万元）`): said where the mapping is shown.
  const unit = mapped && table.hasHeader ? headerUnits(props.template, table.headers, { [field.key]: column })[field.key] : undefined;

  let state: "none" | "error" | "warning" | "success" = "none";
  let message: string | undefined;
  if (!mapped) {
    if (isMissing) {
      state = "error";
      message = t("mapping.missingRequired");
    }
  } else if (total === 0) {
    state = "warning";
    message = t("mapping.noRows");
  } else if (samples.length === 0) {
    state = "warning";
    message = t("mapping.allBlank", { total });
  } else if (check && check.failing > 0) {
    state = "warning";
    message = t("mapping.failing", { count: check.failing, total, example: tx(check.example) });
  } else if (check && evaluation?.result) {
    state = "success";
    message = t("mapping.allRead", { total });
  }

  const hintParts: string[] = [];
  if (field.description) hintParts.push(tx(field.description));
  if (unit) hintParts.push(t("mapping.unit", { unit: unit.unit, factor: unit.factor }));
  if (mapped) hintParts.push(samples.length ? t("mapping.sample", { values: samples.join(t("mapping.sampleSeparator")) }) : t("mapping.noValues"));
  else if (!props.required && !isMissing) hintParts.push(t("mapping.optional"));
  const suggestion = !mapped ? props.suggestion : undefined;

  return (
    <div className={s.field} data-field={field.key}>
      <Field
        label={tx(field.label)}
        required={props.required}
        validationState={state}
        validationMessage={message}
        hint={hintParts.length ? <span className={s.sample}>{hintParts.join(" ")}</span> : undefined}
      >
        <Select
          value={mapped ? String(column) : ""}
          onChange={(_, d) => props.onChange(field.key, d.value === "" ? undefined : Number(d.value))}
        >
          <option value="">{t("mapping.notMapped")}</option>
          {table.headers.map((h, i) => (
            <option key={i} value={String(i)}>
              {t("mapping.columnOption", { letter: columnLetters(table.columnIndex + i), header: h || t("mapping.noHeader") })}
            </option>
          ))}
        </Select>
      </Field>
      {props.dates && field.sinceDate === true && field.type === "number" && mapped && <HoldsDatesBox {...props.dates} field={field} />}
      {suggestion && (
        <Button
          className={s.suggestion}
          size="small"
          appearance="secondary"
          onClick={() => props.onChange(field.key, suggestion.column)}
          aria-label={t("mapping.useSuggestionNamed", { header: suggestion.header, field: tx(field.label) })}
        >
          {t("mapping.useSuggestion", { header: suggestion.header })}
        </Button>
      )}
    </div>
  );
}
