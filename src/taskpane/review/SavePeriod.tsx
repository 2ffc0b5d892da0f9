/**
 * Save period: the grades of the table read (a Grade column, or graded now with the template) as
 * one period of the workbook's history table (`WorkbookActions.savePeriod`). A label that was saved
 * before is replaced only after the user confirms.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { ReadTableResult, SavePeriodOptions, SavePeriodResult } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n } from "../i18n";
import { ColumnSelect } from "./ColumnSelect";
import { ReviewDialog } from "./ReviewDialog";
import { columnValue, currentMonth, isDateText, keyColumn, outputColumn, parseColumnValue, todayIso } from "./helpers";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  short: { maxWidth: "180px" },
  lines: { display: "flex", flexDirection: "column", gap: "2px" },
});

/** Select value for "no grade column: grade the rows now". */
export const GRADE_NOW = "now";

interface Columns {
  key: string;
  grade: string;
  score: string;
  measure: string;
}

/** The template's own fields mapped by the read (without the Grade/Score/Reason helpers). */
function fieldMapping(template: Template, read: ReadTableResult): Record<string, number> {
  const m: Record<string, number> = {};
  for (const f of template.fields) if (read.match.mapping[f.key] !== undefined) m[f.key] = read.match.mapping[f.key];
  return m;
}

function canGradeNow(template: Template, read: ReadTableResult): boolean {
  return read.table.hasHeader && read.match.missing.length === 0 && Object.keys(fieldMapping(template, read)).length > 0;
}

function defaults(template: Template, read: ReadTableResult | null): Columns {
  if (!read) return { key: "", grade: "", score: "", measure: "" };
  const headers = read.table.headers;
  const grade = outputColumn(headers, "grade");
  const score = outputColumn(headers, "score");
  return {
    key: columnValue(keyColumn(headers, fieldMapping(template, read))),
    grade: grade !== undefined ? String(grade) : canGradeNow(template, read) ? GRADE_NOW : "",
    score: grade !== undefined && score !== undefined ? String(score) : "",
    measure: "",
  };
}

type Saved = Extract<SavePeriodResult, { status: "saved" }>;

export interface SavePeriodProps {
  template: Template;
  /** The table read for the review (null while reading or when nothing could be read). */
  read: ReadTableResult | null;
  /** Told after a period was saved, with the header of the measure column saved (if any). */
  onSaved: (period: string, measureHeader: string | undefined) => void;
}

export function SavePeriod({ template, read, onSaved }: SavePeriodProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [period, setPeriod] = React.useState(() => currentMonth());
  const [date, setDate] = React.useState(() => todayIso());
  const [cols, setCols] = React.useState<Columns>(() => defaults(template, read));
  React.useEffect(() => setCols(defaults(template, read)), [template, read]);
  const [tried, setTried] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [confirm, setConfirm] = React.useState<{ period: string; existingRows: number } | null>(null);
  const [result, setResult] = React.useState<Saved | null>(null);
  const [error, setError] = React.useState<Failure | null>(null);
  const [declined, setDeclined] = React.useState<string | null>(null);

  const label = period.trim();
  const periodError = label === "" ? t("review.save.periodMissing") : undefined;
  const dateError = !isDateText(date) ? t("review.save.dateInvalid") : undefined;
  const keyError = cols.key === "" ? t("review.save.keyMissing") : undefined;
  const gradeError = cols.grade === "" ? t("review.save.gradeMissing") : undefined;
  const invalid = Boolean(periodError || dateError || keyError || gradeError);
  const gradeNow = read !== null && canGradeNow(template, read);
  const headers = read?.table.headers ?? [];
  const firstColumn = read?.table.columnIndex ?? 0;

  const run = async (confirmReplace: boolean) => {
    if (!read || !actions.savePeriod || busy) return;
    if (invalid) {
      setTried(true);
      return;
    }
    setBusy(true);
    setError(null);
    setDeclined(null);
    setConfirm(null);
    if (!confirmReplace) setResult(null);
    const opts: SavePeriodOptions = {
      template,
      table: read.table,
      keyColumn: Number(cols.key),
      period: label,
      date: date.trim(),
      lang,
      confirmReplace,
    };
    if (cols.grade === GRADE_NOW) opts.mapping = fieldMapping(template, read);
    else {
      opts.gradeColumn = Number(cols.grade);
      const score = parseColumnValue(cols.score);
      if (score !== undefined) opts.scoreColumn = score;
    }
    const measure = parseColumnValue(cols.measure);
    if (measure !== undefined) opts.measureColumn = measure;
    try {
      const r = await actions.savePeriod(opts);
      if (r.status === "needsConfirmation") {
        setConfirm({ period: r.period, existingRows: r.existingRows });
        return;
      }
      setResult(r);
      onSaved(r.period, measure !== undefined ? headers[measure] || undefined : undefined);
    } catch (e) {
      setError({ key: "review.save.failed", error: e });
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<Columns>) => setCols((c) => ({ ...c, ...patch }));
  const extraLines = result
    ? [
        result.replacedRows > 0 ? t("review.save.replaced", { count: result.replacedRows }) : "",
        result.skippedNoKey > 0 ? t("review.save.skipped", { count: result.skippedNoKey }) : "",
        result.ungraded > 0 ? t("review.save.ungraded", { count: result.ungraded }) : "",
        result.unknownGrades > 0 ? t("review.save.unknown", { count: result.unknownGrades }) : "",
        result.duplicateKeys.length > 0 ? t("review.save.duplicates", { keys: result.duplicateKeys.join(t("list.separator")) }) : "",
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
        <Field label={t("review.save.period")} hint={t("review.save.periodHint", { example: currentMonth() })} required validationState={periodError ? "error" : "none"} validationMessage={periodError}>
          <Input className={s.short} value={period} onChange={(_, d) => setPeriod(d.value)} />
        </Field>
        <Field label={t("review.save.date")} hint={t("review.save.dateHint")} required validationState={dateError ? "error" : "none"} validationMessage={dateError}>
          <Input className={s.short} value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <ColumnSelect
          label={t("review.save.key")}
          hint={t("review.save.keyHint")}
          headers={headers}
          firstColumn={firstColumn}
          value={cols.key}
          onChange={(v) => set({ key: v })}
          error={tried ? keyError : undefined}
          disabled={!read}
        />
        <ColumnSelect
          label={t("review.save.grade")}
          hint={t("review.save.gradeHint")}
          headers={headers}
          firstColumn={firstColumn}
          value={cols.grade}
          onChange={(v) => set({ grade: v, score: v === GRADE_NOW ? "" : cols.score })}
          extra={gradeNow || cols.grade === GRADE_NOW ? [{ value: GRADE_NOW, label: t("review.save.gradeNow") }] : []}
          error={tried ? gradeError : undefined}
          disabled={!read}
        />
        {cols.grade !== GRADE_NOW && (
          <ColumnSelect
            label={t("review.save.score")}
            headers={headers}
            firstColumn={firstColumn}
            value={cols.score}
            onChange={(v) => set({ score: v })}
            optional
            disabled={!read}
          />
        )}
        <ColumnSelect
          label={t("review.save.measure")}
          hint={t("review.save.measureHint")}
          headers={headers}
          firstColumn={firstColumn}
          value={cols.measure}
          onChange={(v) => set({ measure: v })}
          optional
          disabled={!read}
        />
        <div className={s.row}>
          <Button type="submit" appearance="primary" disabledFocusable={!read || busy}>
            {t("review.save.button", { period: label })}
          </Button>
          {busy && <Spinner size="tiny" label={t("review.save.saving")} />}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
          </MessageBar>
        )}
        {declined !== null && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("review.replace.declined", { period: declined })}</MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <MessageBar intent="success" layout="multiline" data-testid="save-result">
            <MessageBarBody>
              <div className={s.lines}>
                <span>
                  {result.rowsSaved > 0
                    ? t("review.save.done", { count: result.rowsSaved, period: result.period, address: result.address })
                    : t("review.save.doneEmpty", { period: result.period })}
                </span>
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
        title={t("review.replace.title", { period: confirm?.period ?? label })}
        body={t("review.replace.body", { period: confirm?.period ?? label, count: confirm?.existingRows ?? 0 })}
        note={t("review.replace.note")}
        confirmLabel={t("review.replace.confirm")}
        cancelLabel={t("review.replace.cancel")}
        onConfirm={() => void run(true)}
        onCancel={() => {
          setDeclined(confirm?.period ?? label);
          setConfirm(null);
        }}
      />
    </>
  );
}
