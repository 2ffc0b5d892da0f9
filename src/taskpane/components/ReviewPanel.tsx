/**
 * Period review screen: choose the template, read the selected (graded) table, then
 *   - Save period (`review/SavePeriod`): the table's grades as a period of the history table;
 *   - Compare periods (`review/ComparePeriods`): two saved periods -> the review sheet + counts;
 *   - Follow-up schedule (`review/FollowUp`): only for templates whose grades have a cadence.
 * Everything goes through the review methods of `WorkbookActions`; the follow-up schedule is only
 * offered for templates whose grades have a cadence.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { ReadTableResult } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import { failureText, type Failure } from "../errors";
import { useI18n, type MessageKey } from "../i18n";
import { SupplyReview } from "../review/SupplyReview";
import { remembers } from "../../engine/review";
import { ComparePeriods } from "../review/ComparePeriods";
import { HeldGrades } from "../review/HeldGrades";
import { FollowUp } from "../review/FollowUp";
import { hasCadence, reviewReadTemplate } from "../review/helpers";
import { SavePeriod } from "../review/SavePeriod";

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "12px", paddingBottom: "16px" },
  top: { display: "flex", flexDirection: "column", gap: "4px" },
  back: { alignSelf: "flex-start", paddingLeft: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  description: { color: tokens.colorNeutralForeground2 },
  tableInfo: { display: "flex", flexWrap: "wrap", gap: "6px 8px", alignItems: "center" },
  // a hidden tab's panel must not show: the class's display would otherwise win over [hidden]
  panel: { display: "flex", flexDirection: "column", gap: "10px", paddingTop: "4px", minWidth: 0, "&[hidden]": { display: "none" } },
  tabs: { flexWrap: "wrap", minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

type TabId = "save" | "compare" | "followUp" | "supply";
const TAB_LABEL: Record<TabId, MessageKey> = { save: "review.tab.save", compare: "review.tab.compare", followUp: "review.tab.followUp", supply: "review.tab.supply" };

/** The month-end supply review is offered with the tobacco templates (its source). */
const isTobacco = (template: Template | undefined) => template?.id.startsWith("tobacco") ?? false;

export interface ReviewPanelProps {
  /** Templates offered (built-in and the workbook's own). */
  templates: readonly Template[];
  /** The template selected first (e.g. the one the grading screen used). */
  initialTemplate?: Template;
  onBack: () => void;
  focusOnMount?: boolean;
}

export function ReviewPanel({ templates, initialTemplate, onBack, focusOnMount }: ReviewPanelProps): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, tx, lang } = useI18n();
  const headingId = React.useId();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // --- the template (the chosen object; listed first when `templates` does not hold it)
  const [template, setTemplate] = React.useState<Template | undefined>(() => initialTemplate ?? templates[0]);
  const choices = React.useMemo(() => (template && !templates.includes(template) ? [template, ...templates] : [...templates]), [templates, template]);

  // --- the table, read with the template (+ the Grade/Score/Reason columns apply wrote)
  const [read, setRead] = React.useState<ReadTableResult | null>(null);
  const [reading, setReading] = React.useState(false);
  const [readError, setReadError] = React.useState<Failure | null>(null);
  const readSeq = React.useRef(0);
  const doRead = React.useCallback(async () => {
    if (!template) return;
    const seq = ++readSeq.current;
    setReading(true);
    setReadError(null);
    try {
      const r = await actions.readSelection(reviewReadTemplate(template));
      if (seq !== readSeq.current) return;
      setRead(r);
    } catch (e) {
      if (seq !== readSeq.current) return;
      setRead(null);
      setReadError({ key: "table.readFailed", error: e });
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  }, [actions, template]);
  React.useEffect(() => {
    void doRead();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- readSeq is a counter, not a DOM node: the cleanup must bump its latest value
      readSeq.current++;
    };
  }, [doRead]);

  // --- tasks offered
  const tabs: TabId[] = ["save", "compare"];
  if (hasCadence(template)) tabs.push("followUp");
  if (isTobacco(template)) tabs.push("supply");
  const [tab, setTab] = React.useState<TabId>("save");
  const selected: TabId | undefined = tabs.includes(tab) ? tab : tabs[0];
  const baseId = React.useId();
  const tabId = (id: TabId) => `${baseId}-tab-${id}`;
  const panelId = (id: TabId) => `${baseId}-panel-${id}`;

  const [historyEpoch, setHistoryEpoch] = React.useState(0);
  const [measureName, setMeasureName] = React.useState<string | undefined>(undefined);

  const panel = (id: TabId, content: React.ReactNode) => (
    <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={selected !== id} className={s.panel}>
      {content}
    </div>
  );

  return (
    <section className={s.screen} aria-labelledby={headingId}>
      <div className={s.top}>
        <Button className={s.back} appearance="transparent" size="small" onClick={onBack}>
          {t("review.back")}
        </Button>
        <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
          {t("review.title")}
        </h2>
        <Text size={200} className={s.description}>
          {t("review.intro")}
        </Text>
      </div>

      <Field label={t("review.template")} hint={t("review.templateHint")}>
        <Select value={String(template ? choices.indexOf(template) : 0)} onChange={(_, d) => setTemplate(choices[Number(d.value)])}>
          {choices.map((x, i) => (
            <option key={i} value={String(i)}>
              {tx(x.name)}
            </option>
          ))}
        </Select>
      </Field>

      <div className={s.tableInfo}>
        {reading ? (
          <Spinner size="tiny" label={t("table.reading")} />
        ) : read ? (
          <Text size={200} role="status">
            {t("table.info", { address: read.table.address, count: read.table.rowCount })}
          </Text>
        ) : null}
        <Button size="small" onClick={() => void doRead()} disabled={reading}>
          {t("table.reread")}
        </Button>
      </div>
      {readError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(readError, t, lang)}</MessageBarBody>
        </MessageBar>
      )}

      {tabs.length > 0 && (
        <TabList className={s.tabs} size="small" selectedValue={selected} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t("review.tabs")}>
          {tabs.map((id) => (
            <Tab key={id} id={tabId(id)} value={id} aria-controls={panelId(id)}>
              {t(TAB_LABEL[id])}
            </Tab>
          ))}
        </TabList>
      )}
      {template && tabs.includes("save") &&
        panel(
          "save",
          <SavePeriod
            template={template}
            read={read}
            onSaved={(_, measure) => {
              setHistoryEpoch((n) => n + 1);
              if (measure) setMeasureName(measure);
            }}
          />,
        )}
      {tabs.includes("compare") &&
        panel(
          "compare",
          <>
            <ComparePeriods templates={choices} historyEpoch={historyEpoch} measureName={measureName} />
            {template && remembers(template.review) && <HeldGrades template={template} />}
          </>,
        )}
      {template && tabs.includes("followUp") && panel("followUp", <FollowUp template={template} read={read} />)}
      {tabs.includes("supply") && panel("supply", <SupplyReview />)}
      {template && !hasCadence(template) && (
        <Text size={200} className={s.note}>
          {t("review.followUp.unavailable")}
        </Text>
      )}
    </section>
  );
}
