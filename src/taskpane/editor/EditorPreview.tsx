/**
 * Live preview of the draft on the selected rows: the selection is read once (`readSelection`, with
 * the last draft that had no errors), then every edit re-matches the headers and re-grades those
 * rows in memory (`matchHeaders`, `evaluate`): nothing is written.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { matchHeaders, type Template } from "../../engine";
import type { ReadTableResult } from "../../excel/contract";
import { MappingPanel } from "../components/MappingPanel";
import { PreviewPanel } from "../components/PreviewPanel";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { evaluate, missingFields, tableHeaders, type Mapping } from "../grading";
import { useI18n } from "../i18n";
import { useEditorStyles } from "./inputs";

const useStyles = makeStyles({
  info: { display: "flex", flexWrap: "wrap", gap: "6px 8px", alignItems: "center" },
});

export interface EditorPreviewProps {
  /** The draft when it has no checker errors, else null (the preview then waits). */
  template: Template | null;
  /** A template without errors to read the selection with (headers are matched to the draft later). */
  readWith: Template;
}

export function EditorPreview({ template: live, readWith }: EditorPreviewProps): React.JSX.Element {
  // Typing stays responsive on large tables: the re-grade follows the draft at low priority.
  const template = React.useDeferredValue(live);
  const s = useEditorStyles();
  const st = useStyles();
  const actions = useWorkbookActions();
  const { t, lang } = useI18n();
  const [read, setRead] = React.useState<ReadTableResult | null>(null);
  const [reading, setReading] = React.useState(false);
  const [error, setError] = React.useState<Failure | null>(null);
  const [overrides, setOverrides] = React.useState<Record<string, number | null>>({});
  const seq = React.useRef(0);
  const readWithRef = React.useRef(readWith);
  readWithRef.current = readWith;

  const doRead = React.useCallback(async () => {
    const n = ++seq.current;
    setReading(true);
    setError(null);
    try {
      const r = await actions.readSelection(readWithRef.current);
      if (n !== seq.current) return;
      setRead(r);
      setOverrides({});
    } catch (e) {
      if (n !== seq.current) return;
      setRead(null);
      setError({ key: "table.readFailed", error: e });
    } finally {
      if (n === seq.current) setReading(false);
    }
  }, [actions]);
  React.useEffect(() => {
    void doRead();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- seq is a counter, not a DOM node: the cleanup must bump its latest value
      seq.current++;
    };
  }, [doRead]);

  const match = React.useMemo(
    () => (read && template ? matchHeaders(read.table.hasHeader ? read.table.headers : read.table.headers.map(() => ""), template) : null),
    [read, template],
  );
  const mapping = React.useMemo(() => {
    const m: Mapping = {};
    if (!template || !match) return m;
    for (const f of template.fields) {
      const o = overrides[f.key];
      if (o === null) continue;
      const col = o ?? match.mapping[f.key];
      if (col !== undefined) m[f.key] = col;
    }
    return m;
  }, [template, match, overrides]);
  const evaluation = React.useMemo(() => (template && read ? evaluate(template, read.rows, mapping, {}, tableHeaders(read.table)) : null), [template, read, mapping]);
  const missing = template ? missingFields(template, mapping) : [];

  return (
    <div className={s.section}>
      <div className={st.info}>
        {reading ? (
          <Spinner size="tiny" label={t("table.reading")} />
        ) : read ? (
          <Text size={200}>{t("table.info", { address: read.table.address, count: read.table.rowCount })}</Text>
        ) : null}
        <Button size="small" onClick={() => void doRead()} disabled={reading}>
          {t("table.reread")}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {read && template && (
        <MappingPanel
          template={template}
          table={read.table}
          rows={read.rows}
          mapping={mapping}
          onChange={(key, col) => setOverrides((o) => ({ ...o, [key]: col === undefined ? null : col }))}
          suggestions={match?.suggestions ?? []}
          evaluation={evaluation}
          missing={missing}
        />
      )}
      {read && (
        <PreviewPanel
          table={read.table}
          evaluation={evaluation}
          blocked={!template ? t("editor.preview.fixErrors") : missing.length ? t("preview.blockedMissing") : undefined}
        />
      )}
    </div>
  );
}
