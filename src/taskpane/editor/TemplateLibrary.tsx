/**
 * The picker's "custom" group: templates saved in this workbook (use, edit, export, delete), a new
 * template (blank or from a built-in), and import of a `.json` file (checked before it opens in
 * the editor; refused files show why, path by path).
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckIssue, Template } from "../../engine";
import type { StoredTemplate } from "../../excel/contract";
import { BUILTIN_TEMPLATES } from "../../templates";
import { failureText, type Failure } from "../errors";
import { useFocusReturn } from "../focus-return";
import { useI18n } from "../i18n";
import { useEditorStyles } from "./inputs";
import { exportTemplate, importFile } from "./io";
import { blankTemplate, copyOf } from "./template-draft";
import { issueText } from "./paths";
import type { EditorStart } from "./TemplateEditor";
import type { WorkbookLibrary } from "./useWorkbookTemplates";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  description: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  new: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  issues: { margin: 0, paddingLeft: "18px" },
});

export interface TemplateLibraryProps {
  library: WorkbookLibrary;
  onUse: (template: Template) => void;
  onEdit: (start: EditorStart) => void;
}

export function TemplateLibrary({ library, onUse, onEdit }: TemplateLibraryProps): React.JSX.Element | null {
  const s = useStyles();
  const es = useEditorStyles();
  const { t, tx, lang } = useI18n();
  const headingId = React.useId();
  const fileRef = React.useRef<HTMLInputElement>(null);
  const [from, setFrom] = React.useState("");
  const [importIssues, setImportIssues] = React.useState<{ file: string; issues: CheckIssue[] } | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [deleting, setDeleting] = React.useState<StoredTemplate | null>(null);
  useFocusReturn(deleting !== null);
  const taken = library.stored.map((x) => x.template.id);

  const startNew = () => {
    const base = BUILTIN_TEMPLATES.find((x) => x.id === from);
    onEdit({ kind: "new", template: base ? copyOf(base, taken) : blankTemplate(taken) });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setImportIssues(null);
    setFailure(null);
    try {
      const r = await importFile(file);
      if (!r.ok) {
        setImportIssues({ file: file.name, issues: r.issues });
        return;
      }
      const existing = library.stored.find((x) => x.template.id === r.template.id);
      onEdit(existing ? { kind: "edit", stored: existing, template: r.template, importedFrom: file.name } : { kind: "new", template: r.template, importedFrom: file.name });
    } catch (e) {
      setFailure({ key: "library.importFailed", error: e });
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    try {
      await library.remove(target.template.id);
    } catch (e) {
      setFailure({ key: "library.deleteFailed", error: e });
    }
  };

  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="template-library">
      <h3 className={s.heading} id={headingId}>
        {t("library.title")}
      </h3>
      <Text size={200}>{t("library.intro")}</Text>
      <div className={s.new}>
        <Field label={t("library.startFrom")}>
          <Select value={from} onChange={(_, d) => setFrom(d.value)}>
            <option value="">{t("library.blank")}</option>
            {BUILTIN_TEMPLATES.map((b) => (
              <option key={b.id} value={b.id}>
                {tx(b.name)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" size="small" onClick={startNew}>
          {t("library.new")}
        </Button>
        <Button size="small" onClick={() => fileRef.current?.click()}>
          {t("library.import")}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t("library.importFile")}
          data-testid="template-import-input"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </div>
      {importIssues && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t("library.importRefused", { file: importIssues.file })}
            <ul className={s.issues}>
              {importIssues.issues.slice(0, 30).map((i, k) => (
                <li key={k}>{issueText(i, t, tx)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(failure, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {library.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failureText(library.error, t, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {library.stored.length === 0 ? (
        <Text size={200} className={s.meta}>
          {t("library.empty")}
        </Text>
      ) : (
        <ul className={s.list}>
          {library.stored.map((x) => {
            const tpl = x.template;
            const name = tx(tpl.name) || tpl.id;
            const last = x.history[x.history.length - 1];
            return (
              <li key={tpl.id} className={s.item} data-workbook-template={tpl.id}>
                <h4 className={s.name}>{name}</h4>
                {tx(tpl.description) && (
                  <Text className={s.description} size={200}>
                    {tx(tpl.description)}
                  </Text>
                )}
                <Text className={s.meta} size={100}>
                  {last?.note ? t("library.versionNote", { version: tpl.version, note: last.note }) : t("library.version", { version: tpl.version })}
                </Text>
                <div className={es.buttons}>
                  <Button appearance="primary" size="small" onClick={() => onUse(tpl)} aria-label={t("picker.useNamed", { name })}>
                    {t("picker.use")}
                  </Button>
                  <Button size="small" onClick={() => onEdit({ kind: "edit", stored: x })} aria-label={t("library.editNamed", { name })}>
                    {t("library.edit")}
                  </Button>
                  <Button size="small" onClick={() => exportTemplate(tpl)} aria-label={t("library.exportNamed", { name })}>
                    {t("library.export")}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => setDeleting(x)} aria-label={t("library.deleteNamed", { name })}>
                    {t("library.delete")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {library.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("library.unreadable", { count: library.problems.length })}
            <ul className={s.issues}>
              {library.problems.slice(0, 10).map((p, k) => (
                <li key={k}>
                  {t("library.unreadableItem", { id: p.templateId ?? p.partId, detail: p.issues.slice(0, 3).map((i) => issueText(i, t, tx)).join(t("list.separator")) })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={deleting !== null} modalType="alert" onOpenChange={(_, d) => (!d.open ? setDeleting(null) : undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("library.deleteTitle")}</DialogTitle>
            <DialogContent>{deleting ? t("library.deleteBody", { name: tx(deleting.template.name) || deleting.template.id }) : null}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void confirmDelete()}>
                {t("library.delete")}
              </Button>
              <Button appearance="secondary" onClick={() => setDeleting(null)}>
                {t("confirm.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
