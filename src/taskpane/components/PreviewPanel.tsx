/**
 * The first rows with their grade (coloured chip), score and reason, and the counts over the whole
 * table: a pure engine run on the rows already read, updated on every mapping/option change.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { fmt, fmtScore } from "../../engine";
import type { TableInfo } from "../../excel/contract";
import { sheetRow, type Evaluation } from "../grading";
import { useI18n } from "../i18n";
import { GradeChip } from "./GradeChip";

export const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    tableLayout: "auto",
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  td: { padding: "4px", verticalAlign: "top", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  reason: { overflowWrap: "anywhere" },
  num: { whiteSpace: "nowrap", textAlign: "right" },
  totals: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center", listStyleType: "none", margin: 0, padding: 0 },
  total: { display: "inline-flex", gap: "4px", alignItems: "center" },
});

/** Every grade when there are few (zero counts tell something), only the given ones when many (codes). */
export function visibleCounts<T extends { count: number }>(grades: readonly T[]): T[] {
  return grades.length <= 12 ? [...grades] : grades.filter((g) => g.count > 0);
}

export interface PreviewPanelProps {
  table: TableInfo;
  evaluation: Evaluation | null;
  /** Why there is no preview (ad-hoc definition incomplete...), already translated. */
  blocked?: string;
}

export function PreviewPanel({ table, evaluation, blocked }: PreviewPanelProps): React.JSX.Element {
  const s = useStyles();
  const { t, lang, tx } = useI18n();
  const headingId = React.useId();
  const result = evaluation?.result ?? null;
  const n = result ? Math.min(PREVIEW_ROWS, result.n) : 0;
  const scores = Boolean(result?.scores);
  const counts = result ? result.counts() : null;

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h3 className={s.heading} id={headingId}>
        {t("preview.title")}
      </h3>
      {blocked ? (
        <Text size={200}>{blocked}</Text>
      ) : evaluation?.problem ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("preview.problem", { message: evaluation.problem })}</MessageBarBody>
        </MessageBar>
      ) : !result || result.n === 0 ? (
        <Text size={200}>{t("preview.noRows")}</Text>
      ) : (
        <>
          <table className={s.table} aria-label={t("preview.tableLabel", { count: n })}>
            <thead>
              <tr>
                <th className={s.th} scope="col">
                  {t("preview.row")}
                </th>
                <th className={s.th} scope="col">
                  {t("preview.grade")}
                </th>
                {scores && (
                  <th className={s.th} scope="col">
                    {t("preview.score")}
                  </th>
                )}
                <th className={s.th} scope="col">
                  {t("preview.reason")}
                </th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: n }, (_, i) => {
                const o = result.row(i, lang);
                return (
                  <tr key={i} data-preview-row={i}>
                    <td className={s.td}>{sheetRow(table, i)}</td>
                    <td className={s.td}>
                      {o.status === "graded" ? (
                        <GradeChip label={o.label} color={o.color} />
                      ) : o.status === "error" ? (
                        <GradeChip label={t("grade.error")} kind="error" />
                      ) : (
                        <GradeChip label={t("grade.empty")} kind="empty" />
                      )}
                    </td>
                    {scores && <td className={`${s.td} ${s.num}`}>{o.score === null ? "" : fmtScore(o.score)}</td>}
                    <td className={`${s.td} ${s.reason}`}>{o.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {counts && (
            <div>
              <Text size={200} weight="semibold">
                {t("preview.totals", { count: result.n })}
              </Text>
              <ul className={s.totals} aria-label={t("preview.totalsLabel")}>
                {visibleCounts(counts.grades).map((c) => (
                  <li key={c.grade.id} className={s.total}>
                    <GradeChip label={tx(c.grade.label)} color={c.grade.color} />
                    <Text size={200}>{fmt(c.count)}</Text>
                  </li>
                ))}
                {counts.errors > 0 && (
                  <li className={s.total}>
                    <GradeChip label={t("grade.error")} kind="error" />
                    <Text size={200}>{fmt(counts.errors)}</Text>
                  </li>
                )}
                {counts.empty > 0 && (
                  <li className={s.total}>
                    <GradeChip label={t("grade.empty")} kind="empty" />
                    <Text size={200}>{fmt(counts.empty)}</Text>
                  </li>
                )}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
