/**
 * The GradeKit task pane. Providers (theme, language, workbook actions) and the shell: header with
 * "Undo last apply" and the language switch, then the template picker or the grading screen.
 *
 * App never touches Office.js: it gets `actions` (the Excel adapter, or the same adapter over the
 * in-memory host), a language and a theme from whoever mounts it.
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { LANGS, type Lang, type Template } from "../engine";
import type { WorkbookActions } from "../excel/contract";
import { BUILTIN_TEMPLATES } from "../templates";
import { GradeScreen } from "./components/GradeScreen";
import { InsertForm } from "./components/InsertForm";
import { ShareScreen } from "./components/ShareScreen";
import { ReviewPanel } from "./components/ReviewPanel";
import { failureText, type Failure } from "./errors";
import { TemplatePicker, type Choice } from "./components/TemplatePicker";
import { UndoEditsDialog, type UndoEditsRequest } from "./components/UndoEditsDialog";
import { WorkbookActionsProvider, useWorkbookActions } from "./context";
import type { ThemeName } from "./environment";
import { I18nProvider, useI18n } from "./i18n";
import { TemplateEditor, type EditorStart } from "./editor/TemplateEditor";
import { TemplateLibrary } from "./editor/TemplateLibrary";
import { useWorkbookTemplates } from "./editor/useWorkbookTemplates";

export interface AppProps {
  actions: WorkbookActions;
  /** Initial UI language (then the user may switch). @default "en" */
  lang?: Lang;
  /** @default "light" */
  theme?: ThemeName;
  /** The templates offered. @default BUILTIN_TEMPLATES */
  templates?: readonly Template[];
  /** Called when the user switches the language. */
  onLangChange?: (lang: Lang) => void;
  /** Called with the workbook's custom templates whenever they are (re)loaded: at start, after a save or delete. */
  onWorkbookTemplates?: (templates: Template[]) => void;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  shell: {
    boxSizing: "border-box",
    minWidth: "0",
    maxWidth: "720px",
    margin: "0 auto",
    padding: "12px 12px 0",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    // Designed for Office's 320 px pane: no control is wider than the pane. A native select is as wide
    // as its longest option and an input as its size attribute unless told otherwise.
    "& .fui-Field, & .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-Combobox, & .fui-Dropdown": { minWidth: 0, maxWidth: "100%" },
    "& select, & .fui-Input__input, & textarea": { minWidth: 0, maxWidth: "100%" },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px",
    paddingBottom: "8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase400 },
  headerControls: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px" },
  lang: { width: "104px" },
  main: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0, "& > *": { minWidth: 0 } },
});

export function App(props: AppProps): React.JSX.Element {
  const [lang, setLangState] = React.useState<Lang>(props.lang ?? "en");
  React.useEffect(() => {
    if (props.lang) setLangState(props.lang);
  }, [props.lang]);
  const onLangChange = props.onLangChange;
  const setLang = React.useCallback(
    (l: Lang) => {
      setLangState(l);
      onLangChange?.(l);
    },
    [onLangChange],
  );
  const s = useStyles();
  return (
    <FluentProvider theme={props.theme === "dark" ? webDarkTheme : webLightTheme} className={s.provider} lang={lang} data-theme={props.theme ?? "light"}>
      <I18nProvider lang={lang} setLang={setLang}>
        <WorkbookActionsProvider actions={props.actions}>
          <Shell templates={props.templates ?? BUILTIN_TEMPLATES} onWorkbookTemplates={props.onWorkbookTemplates} />
        </WorkbookActionsProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

type Screen =
  | { kind: "picker" }
  | { kind: "grade"; choice: Choice; key: number }
  | { kind: "editor"; start: EditorStart; key: number }
  | { kind: "review"; template?: Template; key: number }
  | { kind: "form" }
  | { kind: "share" };

function Shell({ templates, onWorkbookTemplates }: { templates: readonly Template[]; onWorkbookTemplates?: (templates: Template[]) => void }): React.JSX.Element {
  const s = useStyles();
  const actions = useWorkbookActions();
  const { t, lang, setLang } = useI18n();
  const [screen, setScreen] = React.useState<Screen>({ kind: "picker" });
  const [navigated, setNavigated] = React.useState(false);
  const library = useWorkbookTemplates(onWorkbookTemplates);

  // "Undo last apply": enabled per canUndo(), refreshed on start and after every apply/undo.
  const [canUndo, setCanUndo] = React.useState(false);
  const [undoing, setUndoing] = React.useState(false);
  const [applying, setApplying] = React.useState(false);
  const [undoEpoch, setUndoEpoch] = React.useState(0);
  const [undoMessage, setUndoMessage] = React.useState<
    | { intent: "success" | "info"; key: "undo.done" | "undo.doneNoAddress" | "undo.nothing"; address?: string; removed?: string; remaining?: number }
    | { intent: "error"; failure: Failure }
    | null
  >(null);
  const undoSeq = React.useRef(0);
  const refreshUndo = React.useCallback(async () => {
    const seq = ++undoSeq.current;
    try {
      const can = await actions.canUndo();
      if (seq === undoSeq.current) setCanUndo(can);
    } catch {
      if (seq === undoSeq.current) setCanUndo(false);
    }
  }, [actions]);
  React.useEffect(() => {
    void refreshUndo();
  }, [refreshUndo]);

  const [undoEdits, setUndoEdits] = React.useState<UndoEditsRequest | null>(null);
  const undoButton = React.useRef<HTMLButtonElement>(null);
  const undoMessageRef = React.useRef<HTMLDivElement>(null);
  // After an undo started from the button, focus stays in the pane: on the button, or, when nothing
  // is left to undo (the button is disabled), on what undo said.
  const [refocus, setRefocus] = React.useState(0);
  React.useEffect(() => {
    if (refocus === 0) return;
    const now = document.activeElement;
    if (now && now !== document.body && now !== undoButton.current) return; // a dialog or the user moved it
    if (undoButton.current && !undoButton.current.disabled) undoButton.current.focus();
    else undoMessageRef.current?.focus();
  }, [refocus]);
  const undo = async (confirmEdits = false) => {
    const fromButton = confirmEdits || document.activeElement === undoButton.current;
    setUndoing(true);
    setUndoMessage(null);
    setUndoEdits(null);
    try {
      const r = await actions.undoLastApply(confirmEdits ? { confirmEdits: true } : undefined);
      if (!r.restored && r.edited && r.edited.length > 0) {
        setUndoEdits({ address: r.address ?? "", count: r.editedCount ?? r.edited.length, cells: r.edited });
        return;
      }
      setUndoMessage(
        r.restored
          ? {
              intent: "success",
              key: r.address ? "undo.done" : "undo.doneNoAddress",
              address: r.address,
              removed: r.removedSheets?.join(t("list.separator")),
              remaining: r.remaining,
            }
          : { intent: "info", key: "undo.nothing" },
      );
      setUndoEpoch((n) => n + 1);
    } catch (e) {
      setUndoMessage({ intent: "error", failure: { key: "undo.failed", error: e } });
    } finally {
      setUndoing(false);
      await refreshUndo();
      if (fromButton) setRefocus((n) => n + 1);
    }
  };

  const onChoose = (choice: Choice) => {
    setNavigated(true);
    setUndoMessage(null);
    setScreen((prev) => ({ kind: "grade", choice, key: (prev.kind === "grade" ? prev.key : 0) + 1 }));
  };

  return (
    <div className={s.shell}>
      <header className={s.header}>
        <h1 className={s.title}>{t("app.title")}</h1>
        <div className={s.headerControls}>
          <Button size="small" disabled={applying || screen.kind === "form"} onClick={() => (setNavigated(true), setUndoMessage(null), setScreen({ kind: "form" }))}>
            {t("form.open")}
          </Button>
          <Button size="small" disabled={applying || screen.kind === "share"} onClick={() => (setNavigated(true), setUndoMessage(null), setScreen({ kind: "share" }))}>
            {t("share.open")}
          </Button>
          <Button ref={undoButton} size="small" disabled={!canUndo && !undoing} disabledFocusable={undoing || applying} onClick={() => void undo()}>
            {t("undo.button")}
          </Button>
          <Button
            size="small"
            disabled={applying || screen.kind === "review"}
            onClick={() => {
              setNavigated(true);
              setUndoMessage(null);
              setScreen((prev) => ({ kind: "review", template: prev.kind === "grade" && prev.choice.kind === "template" ? prev.choice.template : undefined, key: Date.now() }));
            }}
          >
            {t("review.open")}
          </Button>
          <Select
            className={s.lang}
            size="small"
            aria-label={t("app.language")}
            value={lang}
            onChange={(_, d) => setLang(LANGS.includes(d.value as Lang) ? (d.value as Lang) : "en")}
          >
            <option value="en" lang="en">
              {t("app.language.en")}
            </option>
            <option value="zh-CN" lang="zh-CN">
              {t("app.language.zh")}
            </option>
          </Select>
        </div>
      </header>
      <main className={s.main}>
        {undoMessage && (
          <MessageBar ref={undoMessageRef} tabIndex={-1} intent={undoMessage.intent} layout="multiline">
            <MessageBarBody>
              {undoMessage.intent === "error"
                ? failureText(undoMessage.failure, t, lang)
                : [
                    t(undoMessage.key, { address: undoMessage.address ?? "" }),
                    undoMessage.removed ? t("undo.removed", { sheets: undoMessage.removed }) : "",
                    undoMessage.remaining ? t("undo.remaining", { count: undoMessage.remaining }) : "",
                  ]
                    .filter(Boolean)
                    .join(lang === "zh-CN" ? "" : " ")}
            </MessageBarBody>
          </MessageBar>
        )}
        {screen.kind === "review" ? (
          <ReviewPanel
            key={screen.key}
            templates={[...templates, ...library.stored.map((x) => x.template)]}
            initialTemplate={screen.template}
            onBack={() => {
              setNavigated(true);
              setScreen({ kind: "picker" });
            }}
            focusOnMount
          />
        ) : screen.kind === "picker" ? (
          <TemplatePicker
            templates={templates}
            onChoose={onChoose}
            focusOnMount={navigated}
            library={
              <TemplateLibrary
                library={library}
                onUse={(template) => onChoose({ kind: "template", template })}
                onEdit={(start) => {
                  setNavigated(true);
                  setUndoMessage(null);
                  setScreen({ kind: "editor", start, key: Date.now() });
                }}
              />
            }
          />
        ) : screen.kind === "editor" ? (
          <TemplateEditor
            key={screen.key}
            start={screen.start}
            library={library}
            onBack={() => {
              setNavigated(true);
              setScreen({ kind: "picker" });
            }}
            focusOnMount
          />
        ) : screen.kind === "share" ? (
          <ShareScreen
            onBack={() => (setNavigated(true), setScreen({ kind: "picker" }))}
            onChanged={() => void refreshUndo()}
            undoEpoch={undoEpoch}
            focusOnMount
          />
        ) : screen.kind === "form" ? (
          <InsertForm
            templates={[...library.stored.map((x) => x.template), ...templates]}
            onBack={() => (setNavigated(true), setScreen({ kind: "picker" }))}
            focusOnMount
          />
        ) : (
          <GradeScreen
            key={screen.key}
            choice={screen.choice}
            onBack={() => {
              setNavigated(true);
              setScreen({ kind: "picker" });
            }}
            onWorkbookChanged={() => void refreshUndo()}
            onBusyChange={setApplying}
            undoEpoch={undoEpoch}
            focusOnMount
          />
        )}
      </main>
      <UndoEditsDialog request={undoEdits} onUndo={() => void undo(true)} onKeep={() => setUndoEdits(null)} />
    </div>
  );
}
