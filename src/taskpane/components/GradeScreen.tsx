/**
 * Screen 2: grade the selected table with the chosen template (or an ad-hoc definition).
 * Reads the selection once (`readSelection`), then everything until Apply is a pure engine run on
 * the rows read: mapping checks, preview, counts. Apply writes through the workbook actions, with
 * progress, Cancel, the overwrite confirmation and the result panel.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseNumber, type Lang, type Template } from "../../engine";
import type { ApplyOptions, ReadTableResult, SummaryOptions, SummaryResult } from "../../excel/contract";
import { textNumbersIn, type TextNumberAt } from "../../excel";
import {
  DEFAULT_BAND_ROWS,
  DEFAULT_TIER_ROWS,
  GROUP_FIELD,
  VALUE_FIELD,
  buildFromRows,
  defaultShareRows,
  type AdhocKind,
  type AdhocRow,
  type Direction,
} from "../adhoc";
import { useWorkbookActions } from "../context";
import { OrderLinesOption } from "./OrderLinesOption";
import { failureText, type Failure } from "../errors";
import { evaluate, firstNumericColumn, missingFields, tableHeaders, type Mapping } from "../grading";
import { useI18n, type MessageKey, type TFunction } from "../i18n";
import { AdhocEditor } from "./AdhocEditor";
import { ConfirmDialog } from "./ConfirmDialog";
import { dateReadingOf, holdsDates, initialDateSettings, usesDates, type DateSettings } from "../dates";
import { MappingPanel } from "./MappingPanel";
import { DEFAULT_OPTIONS, OptionsPanel, targetColumnOf, type OutputOptions } from "./OptionsPanel";
import { PreviewPanel } from "./PreviewPanel";
import { ResultPanel, type FinishedApply } from "./ResultPanel";
import { TextNumbersBar } from "./TextNumbersBar";
import type { Choice } from "./TemplatePicker";

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "16px" },
  top: { display: "flex", flexDirection: "column", gap: "4px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, overflowWrap: "anywhere" },
  back: { alignSelf: "flex-start", paddingLeft: 0 },
  description: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  tableInfo: { display: "flex", flexWrap: "wrap", gap: "6px 8px", alignItems: "center" },
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px 0 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  footerButtons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  blocked: { color: tokens.colorNeutralForeground2 },
});

export interface GradeScreenProps {
  choice: Choice;
  onBack: () => void;
  /** Called after every apply (the shell refreshes "Undo last apply"). */
  onWorkbookChanged: () => void;
  /** Told when an apply starts and ends (the shell disables Undo meanwhile). */
  onBusyChange?: (busy: boolean) => void;
  /** Changes when the last apply was undone: the result panel is cleared. */
  undoEpoch: number;
  focusOnMount?: boolean;
}

/** Template used to read the selection for an ad-hoc choice (header matching does not matter there). */
function defaultAdhocTemplate(kind: AdhocKind): Template {
  const r = buildFromRows(kind, newAdhocRows(kind, "en"));
  if (!r.ok) throw new Error("GradeKit: the default ad-hoc definition does not build");
  return r.template;
}

function initialMapping(read: ReadTableResult, adhoc: AdhocKind | null): Mapping {
  const m: Mapping = { ...read.match.mapping };
  if (adhoc) {
    delete m[GROUP_FIELD];
    if (m[VALUE_FIELD] === undefined) {
      const c = firstNumericColumn(read.table.headers, read.rows);
      if (c >= 0) m[VALUE_FIELD] = c;
    }
  }
  return m;
}

/** Parameter texts -> values, with a message per bad one. */
function parseParams(template: Template | null, text: Record<string, string>, t: TFunction) {
  const values: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const p of template?.params ?? []) {
    const raw = text[p.key] ?? String(p.default);
    const r = parseNumber(raw);
    if (!r.ok) errors[p.key] = t("params.invalid");
    else if ((p.min !== undefined && r.value < p.min) || (p.max !== undefined && r.value > p.max)) {
      errors[p.key] = t("params.outOfRange", { min: p.min ?? "-∞", max: p.max ?? "∞" });
    } else values[p.key] = r.value;
  }
  return { values, errors };
}

function newAdhocRows(kind: Choice["kind"], lang: Lang): AdhocRow[] {
  if (kind === "share") return defaultShareRows(lang);
  return (kind === "percentile" ? DEFAULT_TIER_ROWS : DEFAULT_BAND_ROWS).map((r) => ({ ...r }));
}

export function GradeScreen({ choice, onBack, onWorkbookChanged, onBusyChange, undoEpoch, focusOnMount }: GradeScreenProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, tx, lang } = useI18n();
  const adhocKind = choice.kind === "template" ? null : choice.kind;
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const headingId = React.useId();
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // --- ad-hoc definition
  const [adhocRows, setAdhocRows] = React.useState<AdhocRow[]>(() => newAdhocRows(choice.kind, lang));
  const [direction, setDirection] = React.useState<Direction>("higher");

  // --- the table, read once per template (and on "Read the selection again")
  const [read, setRead] = React.useState<ReadTableResult | null>(null);
  const [reading, setReading] = React.useState(true);
  const [readError, setReadError] = React.useState<Failure | null>(null);
  const [mapping, setMapping] = React.useState<Mapping>({});
  const readSeq = React.useRef(0);
  const readTemplate = React.useMemo(() => (choice.kind === "template" ? choice.template : defaultAdhocTemplate(choice.kind)), [choice]);

  const doRead = React.useCallback(async () => {
    const seq = ++readSeq.current;
    setReading(true);
    setReadError(null);
    try {
      const r = await actions.readSelection(readTemplate);
      if (seq !== readSeq.current) return;
      setRead(r);
      setMapping(initialMapping(r, adhocKind));
    } catch (e) {
      if (seq !== readSeq.current) return;
      setRead(null);
      setReadError({ key: "table.readFailed", error: e });
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  }, [actions, readTemplate, adhocKind]);
  React.useEffect(() => {
    void doRead();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- readSeq is a counter, not a DOM node: the cleanup must bump its latest value
      readSeq.current++; // results of a read still running are dropped
    };
  }, [doRead]);

  // --- the effective template
  const headers = read?.table.headers ?? [];
  const headerOf = (col: number | undefined) => (col === undefined ? undefined : headers[col] || undefined);
  const grouped = (adhocKind === "percentile" || adhocKind === "share") && mapping[GROUP_FIELD] !== undefined;
  const valueLabel = adhocKind ? headerOf(mapping[VALUE_FIELD]) : undefined;
  const groupLabel = grouped ? headerOf(mapping[GROUP_FIELD]) : undefined;
  const built = React.useMemo(
    () => (adhocKind ? buildFromRows(adhocKind, adhocRows, { direction, grouped, valueLabel, groupLabel }) : null),
    [adhocKind, adhocRows, direction, grouped, valueLabel, groupLabel],
  );
  const template: Template | null = choice.kind === "template" ? choice.template : built?.ok ? built.template : null;
  const adhocProblems = built && !built.ok ? built.problems : [];

  // Only the template's own fields go to the engine and to apply.
  const fieldMapping = React.useMemo(() => {
    const m: Mapping = {};
    for (const f of template?.fields ?? []) if (mapping[f.key] !== undefined) m[f.key] = mapping[f.key];
    return m;
  }, [template, mapping]);

  // --- parameters
  const [paramText, setParamText] = React.useState<Record<string, string>>(() =>
    Object.fromEntries((readTemplate.params ?? []).map((p) => [p.key, String(p.default)])),
  );
  const { values: params, errors: paramErrors } = React.useMemo(() => parseParams(template, paramText, t), [template, paramText, t]);

  // --- dates: the as-of date, day/month order, columns of dates
  const [dateSettings, setDateSettings] = React.useState<DateSettings>(initialDateSettings);
  const dates = React.useMemo(
    () => (template && read ? dateReadingOf(template, dateSettings, read.rows, fieldMapping) : { badAsOf: false }),
    [template, read, dateSettings, fieldMapping],
  );
  const dateHolds = React.useMemo(
    () => (template && read ? holdsDates(template, dateSettings, read.rows, fieldMapping) : {}),
    [template, read, dateSettings, fieldMapping],
  );

  // --- the engine on the rows read: preview, counts, failing rows per field
  const evaluation = React.useMemo(
    () => (template && read && !dates.badAsOf ? evaluate(template, read.rows, fieldMapping, params, tableHeaders(read.table), dates.reading) : null),
    [template, read, fieldMapping, params, dates],
  );
  const missing = template ? missingFields(template, fieldMapping) : [];
  const scores = Boolean(evaluation?.compiled?.scores);

  // --- output options
  const [options, setOptions] = React.useState<OutputOptions>(DEFAULT_OPTIONS);
  const targetColumn = targetColumnOf(options);

  // --- apply
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [confirm, setConfirm] = React.useState<{ cellsToReplace: number; address: string } | null>(null);
  const [result, setResult] = React.useState<FinishedApply | null>(null);
  const [summary, setSummary] = React.useState<SummaryResult | null>(null);
  const [summaryError, setSummaryError] = React.useState<Failure | null>(null);
  /** A summary of the same period exists: the options to write it again once the user says replace. */
  const [summaryAsk, setSummaryAsk] = React.useState<{ options: SummaryOptions; sheet: string } | null>(null);
  const writeSummary = async (summaryOptions: SummaryOptions) => {
    try {
      const r = await actions.writeSummary(summaryOptions);
      if (r.status === "needsConfirmation") setSummaryAsk({ options: summaryOptions, sheet: r.sheet });
      else {
        setSummaryAsk(null);
        setSummary(r);
      }
    } catch (e) {
      setSummaryAsk(null);
      setSummaryError({ key: "result.summaryFailed", error: e });
    }
  };
  const [applyError, setApplyError] = React.useState<Failure | null>(null);
  /** Formulas: number text the engine reads and the formulas cannot, named before anything is written. */
  const [textNumbers, setTextNumbers] = React.useState<TextNumberAt[] | null>(null);
  /** The person chose to write that text as numbers first (kept through the overwrite confirmation). */
  const writeNumbers = React.useRef(false);
  const [notice, setNotice] = React.useState<MessageKey | null>(null);
  const abortRef = React.useRef<AbortController | null>(null);
  React.useEffect(() => {
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);
  const busyChange = React.useRef(onBusyChange);
  busyChange.current = onBusyChange;
  React.useEffect(
    () => () => {
      abortRef.current?.abort(); // leaving the screen mid-apply stops it between blocks
      busyChange.current?.(false);
    },
    [],
  );
  const resultHeadingRef = React.useRef<HTMLHeadingElement>(null);
  const [resultShown, setResultShown] = React.useState(0);
  React.useEffect(() => {
    if (resultShown > 0) resultHeadingRef.current?.focus();
  }, [resultShown]);

  // A result belongs to the undo epoch it was made in: after "Undo last apply" it is no longer shown.
  const [resultEpoch, setResultEpoch] = React.useState(undoEpoch);
  const shownResult = result && resultEpoch === undoEpoch ? result : null;

  const nameOf = (key: string) => {
    const f = template?.fields.find((x) => x.key === key);
    return f ? tx(f.label) : key;
  };
  let blocked: string | null = null;
  if (reading) blocked = t("apply.blocked.reading");
  else if (!read) blocked = t("apply.blocked.noTable");
  else if (!template) blocked = t("apply.blocked.adhoc");
  else if (read.rows.length === 0) blocked = t("apply.blocked.noRows");
  else if (missing.length) blocked = t("apply.blocked.missing", { fields: missing.map(nameOf).join(t("list.separator")) });
  else if (Object.keys(paramErrors).length) blocked = t("apply.blocked.params");
  else if (dates.badAsOf) blocked = t("dates.blocked");
  else if (targetColumn === null) blocked = t("apply.blocked.column");
  else if (evaluation?.problem) blocked = t("apply.blocked.problem");

  const run = async (confirmOverwrite: boolean) => {
    if (!template || !read || busy || blocked || targetColumn === null) return;
    setTextNumbers(null);
    if (options.portable && !writeNumbers.current) {
      const cells = textNumbersIn(template, read.table, (c) => read.rows.map((r) => r[c]), fieldMapping);
      if (cells.length > 0) {
        setApplyError(null);
        setNotice(null);
        setTextNumbers(cells);
        return;
      }
    }
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    setBusy(true);
    setProgress(null);
    setApplyError(null);
    setNotice(null);
    setConfirm(null);
    const opts: ApplyOptions = {
      template,
      table: read.table, // the table read and previewed, even when the selection has moved since
      mapping: fieldMapping,
      outputs: { grade: true, score: scores && options.score, reason: options.reason },
      targetColumn,
      colour: options.colour,
      portable: options.portable,
      writeTextNumbers: options.portable && writeNumbers.current,
      lang,
      confirmOverwrite,
      signal: ctrl.signal,
      onProgress: (done, total) => setProgress({ done, total }),
    };
    if (Object.keys(params).length) opts.params = params;
    if (dates.reading) opts.dates = dates.reading;
    let done = false;
    try {
      const res = await actions.apply(opts);
      if (res.status === "needsConfirmation") {
        setConfirm({ cellsToReplace: res.cellsToReplace, address: res.address });
        return;
      }
      done = true;
      setResult(res);
      setResultEpoch(undoEpoch);
      setSummary(null);
      setSummaryError(null);
      setSummaryAsk(null);
      if (res.status === "applied" && options.summary) {
        const summaryOptions: SummaryOptions = {
          template,
          table: read.table,
          mapping: fieldMapping,
          measureColumn: options.measure,
          groupColumn: options.group,
          lang,
          params: Object.keys(params).length ? params : undefined,
          dates: dates.reading,
        };
        if (options.summaryPeriod.trim()) summaryOptions.period = options.summaryPeriod.trim();
        await writeSummary(summaryOptions);
      }
      setResultShown((n) => n + 1);
    } catch (e) {
      done = true;
      setApplyError({ key: ctrl.signal.aborted ? "apply.cancelledError" : "apply.failed", error: e });
    } finally {
      abortRef.current = null;
      setBusy(false);
      setProgress(null);
      if (done) onWorkbookChanged();
    }
  };

  const select = async (address: string) => {
    try {
      await actions.select(address);
    } catch (e) {
      setApplyError({ key: "result.selectFailed", error: e, params: { address } });
    }
  };

  const rowCount = read?.rows.length ?? 0;
  const blockedId = React.useId();

  return (
    <section className={s.screen} aria-labelledby={headingId}>
      <div className={s.top}>
        <Button className={s.back} appearance="transparent" size="small" onClick={onBack} disabled={busy}>
          {t("grade.back")}
        </Button>
        <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
          {template ? tx(template.name) : tx(readTemplate.name)}
        </h2>
        <Text size={200} className={s.description}>
          {template ? tx(template.description) : tx(readTemplate.description)}
        </Text>
      </div>

      {adhocKind && (
        <AdhocEditor
          kind={adhocKind}
          rows={adhocRows}
          onRowsChange={setAdhocRows}
          direction={direction}
          onDirectionChange={setDirection}
          headers={headers}
          firstColumn={read?.table.columnIndex ?? 0}
          groupColumn={mapping[GROUP_FIELD]}
          onGroupColumnChange={(col) =>
            setMapping((m) => {
              const n = { ...m };
              if (col === undefined) delete n[GROUP_FIELD];
              else n[GROUP_FIELD] = col;
              return n;
            })
          }
          problems={adhocProblems}
        />
      )}

      <div className={s.tableInfo}>
        {reading ? (
          <Spinner size="tiny" label={t("table.reading")} />
        ) : read ? (
          <Text size={200} role="status">
            {t("table.info", { address: read.table.address, count: rowCount })}
          </Text>
        ) : null}
        <Button size="small" onClick={() => void doRead()} disabled={reading || busy}>
          {t("table.reread")}
        </Button>
      </div>
      {readError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(readError, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {read && !read.table.hasHeader && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("table.noHeader")}</MessageBarBody>
        </MessageBar>
      )}

      {read && template && (
        <MappingPanel
          template={template}
          table={read.table}
          rows={read.rows}
          mapping={fieldMapping}
          onChange={(key, col) =>
            setMapping((m) => {
              const n = { ...m };
              if (col === undefined) delete n[key];
              else n[key] = col;
              return n;
            })
          }
          suggestions={read.match.suggestions}
          evaluation={evaluation}
          dates={usesDates(template) ? { settings: dateSettings, holds: dateHolds, badAsOf: dates.badAsOf, onChange: setDateSettings } : undefined}
          missing={missing}
        />
      )}

      {read && (
        <PreviewPanel
          table={read.table}
          evaluation={evaluation}
          blocked={!template ? t("preview.blockedAdhoc") : missing.length ? t("preview.blockedMissing") : undefined}
        />
      )}

      {read && template?.orders && <OrderLinesOption template={template} table={read.table} disabled={busy} />}

      {read && template && (
        <OptionsPanel
          template={template}
          scores={scores}
          table={read.table}
          options={options}
          onChange={(patch) => setOptions((o) => ({ ...o, ...patch }))}
          params={paramText}
          onParamChange={(key, value) => setParamText((p) => ({ ...p, [key]: value }))}
          paramErrors={paramErrors}
        />
      )}

      {textNumbers && options.portable && !busy && (
        <TextNumbersBar
          cells={textNumbers}
          onWrite={() => {
            writeNumbers.current = true;
            void run(false);
          }}
          onCancel={() => setTextNumbers(null)}
        />
      )}
      {applyError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(applyError, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(notice)}</MessageBarBody>
        </MessageBar>
      )}

      {shownResult && <ResultPanel result={shownResult} summary={summary} summaryError={summaryError ? failureText(summaryError, t, lang) : null} onSelect={(a) => void select(a)} headingRef={resultHeadingRef} />}
      {summaryAsk && (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-replace">
          <MessageBarBody>{t("options.summaryReplace", { period: summaryAsk.options.period ?? "", sheet: summaryAsk.sheet })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void writeSummary({ ...summaryAsk.options, confirmReplace: true })}>
              {t("options.summaryReplaceButton", { period: summaryAsk.options.period ?? "" })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <div className={s.footer} role="region" aria-label={t("apply.region")}>
        {busy && (
          <Field
            label={t("apply.progressLabel")}
            validationState="none"
            validationMessage={progress ? t("apply.progress", { done: progress.done, total: progress.total }) : t("apply.starting")}
          >
            <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} max={1} />
          </Field>
        )}
        {blocked && !busy && (
          <Text size={200} className={s.blocked} id={blockedId}>
            {blocked}
          </Text>
        )}
        <div className={s.footerButtons}>
          {/* Stays mounted (and focusable) while applying, so keyboard focus is never dropped. */}
          <Button
            appearance="primary"
            disabledFocusable={Boolean(blocked) || busy}
            aria-describedby={blocked && !busy ? blockedId : undefined}
            onClick={() => {
              writeNumbers.current = false;
              void run(false);
            }}
          >
            {t("apply.button", { count: rowCount })}
          </Button>
          {busy && <Button onClick={() => abortRef.current?.abort()}>{t("apply.cancel")}</Button>}
        </div>
      </div>

      <ConfirmDialog
        request={confirm}
        onReplace={() => void run(true)}
        onCancel={() => {
          setConfirm(null);
          setNotice("confirm.declined");
        }}
      />
    </section>
  );
}
