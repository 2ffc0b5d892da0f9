/**
 * A template's details in the picker: its columns, the rules, criteria and cut-offs in words (the
 * engine's describer, `describeTemplate`) with each grade's chip, adjustments after grading, which
 * numbers are the source's and which are example defaults, how the source is read, the review cadence.
 */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeTemplate, type Template } from "../../engine";
import { useI18n } from "../i18n";
import { GradeChip } from "./GradeChip";

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "18px" },
  rules: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  rule: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "6px", rowGap: "2px", overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export function TemplateDetails({ template }: { template: Template }): React.JSX.Element {
  const s = useStyles();
  const { t, tx, lang } = useI18n();
  const d = React.useMemo(() => describeTemplate(template, lang), [template, lang]);
  const color = new Map(template.grades.map((g) => [g.id, g.color]));
  const readings = template.readings ?? [];
  return (
    <>
      <Text size={200}>
        <strong>{t("picker.fields")}</strong> {template.fields.map((f) => tx(f.label)).join(t("list.separator"))}
      </Text>
      {d.lines.length > 0 && (
        <div>
          <h5 className={s.title}>{t("picker.how")}</h5>
          <ul className={s.list}>
            {d.lines.map((line, k) => (
              <li key={k}>
                <Text size={200}>{line}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.grades.length > 0 && (
        <div>
          <h5 className={s.title}>{t("picker.rules")}</h5>
          <ul className={s.rules} aria-label={t("picker.grades")}>
            {d.grades.map((g, k) => (
              <li key={k} className={s.rule}>
                <GradeChip label={g.label} color={color.get(g.grade) ?? "#FFFFFF"} />
                <Text size={200}>{g.when}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.adjustments.length > 0 && (
        <div>
          <h5 className={s.title}>{t("picker.after")}</h5>
          <ul className={s.list}>
            {d.adjustments.map((a, k) => (
              <li key={k}>
                <Text size={200}>{a}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Text size={200} className={s.note}>
        <strong>{t("picker.numbers")}</strong> {d.exampleDefaults.length ? t("picker.numbersDefaults") : d.numbersNote}
      </Text>
      {readings.length > 0 && (
        <div>
          <h5 className={s.title}>{t("picker.readings")}</h5>
          <ul className={s.list}>
            {readings.map((r, k) => (
              <li key={k}>
                <Text size={200}>{tx(r)}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {template.reviewCadence && (
        <Text size={200}>
          <strong>{t("picker.review")}</strong> {tx(template.reviewCadence)}
        </Text>
      )}
    </>
  );
}
