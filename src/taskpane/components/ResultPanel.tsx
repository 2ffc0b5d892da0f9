/**
 * After an apply: where it was written, the count per grade (coloured), errors and empty rows, the
 * summary sheet, and the rows with bad input; clicking one selects its cell in the workbook.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { fmt } from "../../engine";
import type { ApplyResult, SummaryResult } from "../../excel/contract";
import { useI18n } from "../i18n";
import { GradeChip } from "./GradeChip";
import { visibleCounts } from "./PreviewPanel";

/** Bad rows listed at most (the rest are counted). */
export const MAX_BAD_ROWS_SHOWN = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  counts: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  count: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: "8px", alignItems: "center" },
  countValue: { fontVariantNumeric: "tabular-nums" },
  badList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  badButton: { justifyContent: "flex-start", textAlign: "left", height: "auto", minHeight: "28px", width: "100%", fontWeight: tokens.fontWeightRegular },
  badText: { overflowWrap: "anywhere" },
});

export type FinishedApply = Exclude<ApplyResult, { status: "needsConfirmation" }>;

export interface ResultPanelProps {
  result: FinishedApply;
  summary: SummaryResult | null;
  /** Why the summary sheet failed, already translated. */
  summaryError: string | null;
  onSelect: (address: string) => void;
  /** Focus the heading when the panel appears. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

export function ResultPanel({ result, summary, summaryError, onSelect, headingRef }: ResultPanelProps): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const headingId = React.useId();
  const badId = React.useId();
  const cancelled = result.status === "cancelled";
  const shown = result.badRows.slice(0, MAX_BAD_ROWS_SHOWN);
  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="result-panel">
      <h3 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
        {t("result.title")}
      </h3>
      <MessageBar intent={cancelled ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          {cancelled
            ? t("result.cancelled", { count: result.rowsGraded, address: result.address })
            : t("result.applied", { count: result.rowsGraded, address: result.address })}
        </MessageBarBody>
      </MessageBar>
      <ul className={s.counts} aria-label={t("result.countsLabel")}>
        {visibleCounts(result.counts).map((c) => (
          <li key={c.grade.id} className={s.count}>
            <span>
              <GradeChip label={tx(c.grade.label)} color={c.grade.color} />
            </span>
            <Text className={s.countValue}>{fmt(c.count)}</Text>
          </li>
        ))}
        {result.errors > 0 && (
          <li className={s.count}>
            <span>
              <GradeChip label={t("grade.error")} kind="error" />
            </span>
            <Text className={s.countValue}>{fmt(result.errors)}</Text>
          </li>
        )}
        {result.empty > 0 && (
          <li className={s.count}>
            <span>
              <GradeChip label={t("grade.empty")} kind="empty" />
            </span>
            <Text className={s.countValue}>{fmt(result.empty)}</Text>
          </li>
        )}
      </ul>
      {summary && <Text size={200}>{t("result.summary", { sheet: summary.sheet })}</Text>}
      {summaryError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{summaryError}</MessageBarBody>
        </MessageBar>
      )}
      {result.badRows.length > 0 && (
        <section aria-labelledby={badId}>
          <h4 className={s.subheading} id={badId}>
            {t("result.badRows", { count: result.badRows.length })}
          </h4>
          <Text size={200}>{t("result.badRowsHelp")}</Text>
          <ul className={s.badList}>
            {shown.map((b) => (
              <li key={`${b.row}:${b.address}`}>
                <Button className={s.badButton} appearance="subtle" size="small" onClick={() => onSelect(b.address)}>
                  <span className={s.badText}>{t("result.badRow", { address: b.address, reason: b.reason })}</span>
                </Button>
              </li>
            ))}
          </ul>
          {result.badRows.length > shown.length && <Text size={200}>{t("result.moreBadRows", { count: result.badRows.length - shown.length })}</Text>}
        </section>
      )}
    </section>
  );
}
