/**
 * Follow-up schedule: grade column + last contact date column + "today" ->
 * `WorkbookActions.writeFollowUp` (Next contact / Overdue / Follow-up columns next to the table).
 * Offered for templates whose grades have a follow-up cadence (`cadenceDays`).
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { FollowUpOptions, FollowUpResult, ReadTableResult } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";
import { ColumnSelect } from "./ColumnSelect";
import { ReviewDialog } from "./ReviewDialog";
import { columnValue, isDateText, lastContactColumn, outputColumn, todayIso } from "./helpers";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  short: { maxWidth: "180px" },
  lines: { display: "flex", flexDirection: "column", gap: "2px" },
  overdue: { fontWeight: tokens.fontWeightSemibold },
  cadences: { color: tokens.colorNeutralForeground2 },
});

type Written = Extract<FollowUpResult, { status: "written" }>;

export interface FollowUpProps {
  template: Template;
  read: ReadTableResult | null;
}

export function FollowUp({ template, read }: FollowUpProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, tx, lang } = useI18n();
  const headers = read?.table.headers ?? [];
  const firstColumn = read?.table.columnIndex ?? 0;
  const initial = React.useCallback(
    () => ({ grade: columnValue(outputColumn(read?.table.headers ?? [], "grade")), lastContact: columnValue(lastContactColumn(read?.table.headers ?? [])) }),
    [read],
  );
  const [cols, setCols] = React.useState(initial);
  React.useEffect(() => setCols(initial()), [initial]);
  const [today, setToday] = React.useState(() => todayIso());
  const [tried, setTried] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [confirm, setConfirm] = React.useState<{ cellsToReplace: number; address: string } | null>(null);
  const [result, setResult] = React.useState<Written | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);
  const [declined, setDeclined] = React.useState(false);

  const gradeError = cols.grade === "" ? t("review.followUp.gradeMissing") : undefined;
  const contactError = cols.lastContact === "" ? t("review.followUp.lastContactMissing") : undefined;
  const todayError = !isDateText(today) ? t("review.save.dateInvalid") : undefined;
  const invalid = Boolean(gradeError || contactError || todayError);

  const cadences = template.grades
    .filter((g) => typeof g.cadenceDays === "number")
    .map((g) => t("review.followUp.cadence", { grade: tx(g.label), count: g.cadenceDays ?? 0 }))
    .join(t("list.separator"));

  const run = async (confirmOverwrite: boolean) => {
    if (!read || !actions.writeFollowUp || busy) return;
    if (invalid) {
      setTried(true);
      return;
    }
    setBusy(true);
    setError(null);
    setDeclined(false);
    setConfirm(null);
    if (!confirmOverwrite) setResult(null);
    const opts: FollowUpOptions = {
      template,
      table: read.table,
      gradeColumn: Number(cols.grade),
      lastContactColumn: Number(cols.lastContact),
      today: today.trim(),
      lang,
      confirmOverwrite,
    };
    try {
      const r = await actions.writeFollowUp(opts);
      if (r.status === "needsConfirmation") {
        setConfirm({ cellsToReplace: r.cellsToReplace, address: r.address });
        return;
      }
      setResult(r);
    } catch (e) {
      setError({ key: "review.followUp.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  const extraLines = result
    ? [
        result.noDate > 0 ? t("review.followUp.noDate", { count: result.noDate }) : "",
        result.noCadence > 0 ? t("review.followUp.noCadence", { count: result.noCadence }) : "",
        result.problems.length > 0 ? t("review.followUp.problems", { count: result.problems.length, reason: result.problems[0].reason }) : "",
      ].filter(Boolean)
    : [];

  return (
    <>
      <form
        className={s.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <Text size={200} className={s.cadences}>
          {t("review.followUp.cadences", { cadences })}
        </Text>
        <ColumnSelect
          label={t("review.followUp.grade")}
          headers={headers}
          firstColumn={firstColumn}
          value={cols.grade}
          onChange={(v) => setCols((c) => ({ ...c, grade: v }))}
          error={tried ? gradeError : undefined}
          disabled={!read}
        />
        <ColumnSelect
          label={t("review.followUp.lastContact")}
          headers={headers}
          firstColumn={firstColumn}
          value={cols.lastContact}
          onChange={(v) => setCols((c) => ({ ...c, lastContact: v }))}
          error={tried ? contactError : undefined}
          disabled={!read}
        />
        <Field label={t("review.followUp.today")} hint={t("review.followUp.todayHint")} required validationState={todayError ? "error" : "none"} validationMessage={todayError}>
          <Input className={s.short} value={today} onChange={(_, d) => setToday(d.value)} />
        </Field>
        <div className={s.row}>
          <Button type="submit" appearance="primary" disabledFocusable={!read || busy}>
            {t("review.followUp.button")}
          </Button>
          {busy && <Spinner size="tiny" label={t("review.followUp.writing")} />}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
          </MessageBar>
        )}
        {declined && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("review.followUp.declined")}</MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <MessageBar intent={result.overdue > 0 ? "warning" : "success"} layout="multiline" data-testid="follow-up-result">
            <MessageBarBody>
              <div className={s.lines}>
                <span>{t("review.followUp.done", { count: result.scheduled, address: result.address })}</span>
                <span className={s.overdue}>{t("review.followUp.overdue", { today: result.today, count: result.overdue })}</span>
                {extraLines.map((line, i) => (
                  <span key={i}>{line}</span>
                ))}
              </div>
            </MessageBarBody>
          </MessageBar>
        )}
      </form>
      <ReviewDialog
        open={confirm !== null}
        title={t("review.followUp.confirmTitle")}
        body={t("review.followUp.confirmBody", { count: confirm?.cellsToReplace ?? 0, address: confirm?.address ?? "" })}
        confirmLabel={t("review.replace.confirm")}
        cancelLabel={t("review.replace.cancel")}
        onConfirm={() => void run(true)}
        onCancel={() => {
          setConfirm(null);
          setDeclined(true);
        }}
      />
    </>
  );
}
