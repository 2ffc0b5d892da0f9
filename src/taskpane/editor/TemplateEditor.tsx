/**
 * The template editor screen. A draft (a plain engine `Template`) edited section by section —
 * general, fields, parameters, grades, the grading method, the JSON view — with the checker's
 * messages live above, a live preview on the selected rows, and a save bar: change note, Save
 * (disabled while the checker reports errors; saving raises the version), Export.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Template, TemplateCategory } from "../../engine";
import type { StoredTemplate } from "../../excel/contract";
import { failureText, type Failure } from "../errors";
import { CATEGORY_ORDER } from "../grading";
import { useI18n } from "../i18n";
import { CheckerMessages } from "./CheckerMessages";
import { EditorPreview } from "./EditorPreview";
import { FieldsEditor, KeyInput } from "./FieldsEditor";
import { MeasuresEditor } from "./MeasuresEditor";
import { OrdersEditor } from "./OrdersEditor";
import { HoldEditor } from "./HoldEditor";
import { GradesEditor, ParamsEditor } from "./GradesEditor";
import { TextPair, useEditorStyles } from "./inputs";
import { exportTemplate } from "./io";
import { JsonView } from "./JsonView";
import { ModelEditor } from "./ModelEditor";
import { editorIssues, structuredCloneJson } from "./template-draft";
import type { WorkbookLibrary } from "./useWorkbookTemplates";

/** Where an editing session starts. */
export type EditorStart =
  /** A template not saved in this workbook yet: blank, a copy, or an imported file. */
  | { kind: "new"; template: Template; importedFrom?: string }
  /** A saved template; `template` replaces it in the editor (an imported file with the same id). */
  | { kind: "edit"; stored: StoredTemplate; template?: Template; importedFrom?: string };

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "12px" },
  top: { display: "flex", flexDirection: "column", gap: "4px" },
  back: { alignSelf: "flex-start", paddingLeft: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, overflowWrap: "anywhere" },
  sub: { color: tokens.colorNeutralForeground2 },
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
  blocked: { color: tokens.colorNeutralForeground2 },
  panel: { paddingBottom: "12px" },
});

export interface TemplateEditorProps {
  start: EditorStart;
  library: WorkbookLibrary;
  onBack: () => void;
  /** After every successful save. */
  onSaved?: (stored: StoredTemplate) => void;
  focusOnMount?: boolean;
}

export function TemplateEditor({ start, library, onBack, onSaved, focusOnMount }: TemplateEditorProps): React.JSX.Element {
  const s = useStyles();
  const es = useEditorStyles();
  const { t, tx, lang } = useI18n();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const headingId = React.useId();
  const blockedId = React.useId();
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const initial = React.useMemo(() => {
    const src = start.kind === "new" ? start.template : start.template ?? start.stored.template;
    const draft = structuredCloneJson(src);
    if (start.kind === "edit") draft.version = start.stored.template.version;
    return draft;
  }, [start]);
  const [draft, setDraft] = React.useState<Template>(initial);
  const [baseVersion, setBaseVersion] = React.useState<number | null>(start.kind === "edit" ? start.stored.template.version : null);
  const [savedJson, setSavedJson] = React.useState<string | null>(start.kind === "edit" && !start.template ? JSON.stringify(initial) : null);
  const isNew = baseVersion === null;
  const savedIds = React.useMemo(() => new Set(library.stored.map((x) => x.template.id)), [library.stored]);
  const issues = React.useMemo(() => editorIssues(draft, { isNew, savedIds }), [draft, isNew, savedIds]);
  const ok = !issues.some((i) => i.severity === "error");
  const lastValid = React.useRef<Template>(initial);
  if (ok) lastValid.current = draft;
  const dirty = savedJson !== JSON.stringify(draft);

  const [note, setNote] = React.useState(() => (start.importedFrom ? t("editor.importNote", { file: start.importedFrom }) : ""));
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<Failure | null>(null);
  const [saved, setSaved] = React.useState<number | null>(null);
  const nextVersion = baseVersion === null ? Math.max(1, draft.version || 1) : baseVersion + 1;

  const save = async () => {
    if (!ok || saving) return;
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    try {
      const stored = await library.save(draft, { note, baseVersion });
      setDraft(stored.template);
      setBaseVersion(stored.template.version);
      setSavedJson(JSON.stringify(stored.template));
      setNote("");
      setSaved(stored.template.version);
      onSaved?.(stored);
    } catch (e) {
      setSaveError({ key: "editor.saveFailed", error: e });
    } finally {
      setSaving(false);
    }
  };

  const update = React.useCallback((next: Template) => {
    setDraft(next);
    setSaved(null);
  }, []);

  const name = tx(draft.name) || draft.id;
  return (
    <section className={s.screen} aria-labelledby={headingId} data-testid="template-editor">
      <div className={s.top}>
        <Button className={s.back} appearance="transparent" onClick={onBack}>
          {t("editor.back")}
        </Button>
        <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
          {isNew ? t("editor.titleNew", { name }) : t("editor.titleEdit", { name })}
        </h2>
        <Text size={200} className={s.sub}>
          {isNew ? t("editor.versionNew", { version: nextVersion }) : t("editor.version", { version: baseVersion ?? 1, next: nextVersion })}
          {dirty && !isNew ? ` ${t("editor.unsaved")}` : ""}
        </Text>
      </div>
      {start.importedFrom && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {start.kind === "edit" ? t("editor.importReplaces", { file: start.importedFrom, version: start.stored.template.version }) : t("editor.imported", { file: start.importedFrom })}
          </MessageBarBody>
        </MessageBar>
      )}

      <CheckerMessages issues={issues} draft={draft} />

      <Accordion multiple collapsible defaultOpenItems={["general", "grades", "model", "preview"]}>
        <AccordionItem value="general">
          <AccordionHeader as="h3">{t("editor.section.general")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <div className={es.section}>
              <KeyInput
                label={t("editor.id")}
                hint={isNew ? t("editor.idHint") : t("editor.idLocked")}
                readOnly={!isNew}
                value={draft.id}
                onChange={(id) => update({ ...draft, id })}
                onRename={() => undefined}
              />
              <TextPair label={t("editor.name")} value={draft.name} onChange={(v) => update({ ...draft, name: v })} required />
              <TextPair label={t("editor.description")} value={draft.description} onChange={(v) => update({ ...draft, description: v })} />
              <Field label={t("editor.category")}>
                <Select value={draft.category} onChange={(_, d) => update({ ...draft, category: d.value as TemplateCategory })}>
                  {CATEGORY_ORDER.map((c) => (
                    <option key={c} value={c}>
                      {t(`category.${c}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="fields">
          <AccordionHeader as="h3">{t("editor.section.fields", { count: draft.fields.length })}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <FieldsEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="measures">
          <AccordionHeader as="h3">{t("editor.section.measures", { count: draft.measures?.length ?? 0 })}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <MeasuresEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="params">
          <AccordionHeader as="h3">{t("editor.section.params", { count: draft.params?.length ?? 0 })}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <ParamsEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="grades">
          <AccordionHeader as="h3">{t("editor.section.grades", { count: draft.grades.length })}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <GradesEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="model">
          <AccordionHeader as="h3">{t("editor.section.model")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <ModelEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="orders">
          <AccordionHeader as="h3">{t("editor.section.orders")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <OrdersEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="hold">
          <AccordionHeader as="h3">{t("editor.section.hold")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <HoldEditor draft={draft} onChange={update} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="json">
          <AccordionHeader as="h3">{t("editor.section.json")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <JsonView draft={draft} onApply={(x) => update(isNew ? x : { ...x, id: draft.id })} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="preview">
          <AccordionHeader as="h3">{t("editor.section.preview")}</AccordionHeader>
          <AccordionPanel className={s.panel}>
            <EditorPreview template={ok ? draft : null} readWith={lastValid.current} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={s.footer} role="region" aria-label={t("editor.saveRegion")}>
        <Field label={t("editor.note")} hint={t("editor.noteHint")}>
          <Textarea value={note} maxLength={4000} resize="vertical" onChange={(_, d) => setNote(d.value)} />
        </Field>
        {!ok && (
          <Text size={200} className={s.blocked} id={blockedId}>
            {t("editor.saveBlocked")}
          </Text>
        )}
        {saved !== null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("editor.saved", { version: saved })}</MessageBarBody>
          </MessageBar>
        )}
        {saveError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failureText(saveError, t, lang)}</MessageBarBody>
          </MessageBar>
        )}
        <div className={es.buttons}>
          <Button appearance="primary" disabledFocusable={!ok || saving} aria-describedby={!ok ? blockedId : undefined} onClick={() => void save()}>
            {saving ? t("editor.saving") : t("editor.save", { version: nextVersion })}
          </Button>
          <Button disabledFocusable={!ok} onClick={() => exportTemplate(draft)}>
            {t("library.export")}
          </Button>
        </div>
      </div>
    </section>
  );
}

