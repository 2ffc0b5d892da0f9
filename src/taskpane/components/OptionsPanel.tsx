/**
 * Output options (where the grade goes, score/reason columns, colours, summary sheet) and the
 * template's parameters.
 */
import * as React from "react";
import { Checkbox, Field, Input, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { fmt, type Template } from "../../engine";
import type { TableInfo } from "../../excel/contract";
import { columnLetters, parseColumnLetters } from "../grading";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  indent: { paddingLeft: "28px", display: "flex", flexDirection: "column", gap: "8px" },
  letter: { maxWidth: "120px" },
});

export interface OutputOptions {
  target: "right" | "column";
  /** Column letters when target is "column". */
  column: string;
  score: boolean;
  reason: boolean;
  colour: boolean;
  /** Grade/score as native formulas that recalculate without the add-in. */
  portable: boolean;
  summary: boolean;
  /** Period the summary is of (its own sheet, kept beside earlier periods); empty: the working summary sheet. */
  summaryPeriod: string;
  /** Table column (zero-based within the table) summed per grade in the summary. */
  measure: number | undefined;
  /** Table column for the group x grade cross-tab. */
  group: number | undefined;
}

export const DEFAULT_OPTIONS: OutputOptions = Object.freeze({
  target: "right",
  column: "",
  score: true,
  reason: true,
  colour: true,
  portable: false,
  summary: false,
  summaryPeriod: "",
  measure: undefined,
  group: undefined,
}) as OutputOptions;

/** The zero-based sheet column of the first output column, "right", or null when the letters are invalid. */
export function targetColumnOf(o: OutputOptions): number | "right" | null {
  if (o.target === "right") return "right";
  return parseColumnLetters(o.column);
}

export interface OptionsPanelProps {
  template: Template;
  scores: boolean;
  table: TableInfo;
  options: OutputOptions;
  onChange: (patch: Partial<OutputOptions>) => void;
  params: Record<string, string>;
  onParamChange: (key: string, value: string) => void;
  paramErrors: Record<string, string>;
}

export function OptionsPanel(props: OptionsPanelProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const headingId = React.useId();
  const paramsId = React.useId();
  const { options: o, table, onChange } = props;
  const rightLetter = columnLetters(table.columnIndex + table.columnCount);
  const columnInvalid = o.target === "column" && parseColumnLetters(o.column) === null;
  const columnChoices = table.headers.map((h, i) => (
    <option key={i} value={String(i)}>
      {t("mapping.columnOption", { letter: columnLetters(table.columnIndex + i), header: h || t("mapping.noHeader") })}
    </option>
  ));
  const params = props.template.params ?? [];

  return (
    <>
      {params.length > 0 && (
        <section className={s.section} aria-labelledby={paramsId}>
          <h3 className={s.heading} id={paramsId}>
            {t("params.title")}
          </h3>
          {params.map((p) => {
            const range =
              p.min !== undefined && p.max !== undefined
                ? t("params.range", { min: fmt(p.min), max: fmt(p.max) })
                : p.min !== undefined
                  ? t("params.min", { min: fmt(p.min) })
                  : p.max !== undefined
                    ? t("params.max", { max: fmt(p.max) })
                    : "";
            const hint = [p.description ? tx(p.description) : "", t("params.default", { value: fmt(p.default) }), range].filter(Boolean).join(" ");
            const error = props.paramErrors[p.key];
            return (
              <Field key={p.key} label={tx(p.label)} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
                <Input className={s.letter} value={props.params[p.key] ?? ""} inputMode="decimal" onChange={(_, d) => props.onParamChange(p.key, d.value)} />
              </Field>
            );
          })}
        </section>
      )}
      <section className={s.section} aria-labelledby={headingId}>
        <h3 className={s.heading} id={headingId}>
          {t("options.title")}
        </h3>
        <Field label={t("options.target")}>
          <RadioGroup value={o.target} onChange={(_, d) => onChange({ target: d.value === "column" ? "column" : "right" })}>
            <Radio value="right" label={t("options.targetRight", { letter: rightLetter })} />
            <Radio value="column" label={t("options.targetColumn")} />
          </RadioGroup>
        </Field>
        {o.target === "column" && (
          <div className={s.indent}>
            <Field
              label={t("options.columnLetter")}
              hint={t("options.columnLetterHint")}
              validationState={columnInvalid ? "error" : "none"}
              validationMessage={columnInvalid ? t("options.columnLetterInvalid") : undefined}
            >
              <Input className={s.letter} value={o.column} onChange={(_, d) => onChange({ column: d.value })} />
            </Field>
          </div>
        )}
        {props.scores && <Checkbox label={t("options.score")} checked={o.score} onChange={(_, d) => onChange({ score: d.checked === true })} />}
        <Checkbox label={t("options.reason")} checked={o.reason} onChange={(_, d) => onChange({ reason: d.checked === true })} />
        <Switch label={t("options.colour")} checked={o.colour} onChange={(_, d) => onChange({ colour: d.checked })} />
        <Switch label={t("options.portable")} checked={o.portable} onChange={(_, d) => onChange({ portable: d.checked })} />
        <Switch label={t("options.summary")} checked={o.summary} onChange={(_, d) => onChange({ summary: d.checked })} />
        {o.summary && (
          <div className={s.indent}>
            <Text size={200}>{t("options.summaryHelp")}</Text>
            <Field label={t("options.summaryPeriod")} hint={t("options.summaryPeriodHint")}>
              <Input value={o.summaryPeriod} onChange={(_, d) => onChange({ summaryPeriod: d.value })} />
            </Field>
            <Field label={t("options.measure")}>
              <Select value={o.measure === undefined ? "" : String(o.measure)} onChange={(_, d) => onChange({ measure: d.value === "" ? undefined : Number(d.value) })}>
                <option value="">{t("options.none")}</option>
                {columnChoices}
              </Select>
            </Field>
            <Field label={t("options.group")}>
              <Select value={o.group === undefined ? "" : String(o.group)} onChange={(_, d) => onChange({ group: d.value === "" ? undefined : Number(d.value) })}>
                <option value="">{t("options.none")}</option>
                {columnChoices}
              </Select>
            </Field>
          </div>
        )}
      </section>
    </>
  );
}
