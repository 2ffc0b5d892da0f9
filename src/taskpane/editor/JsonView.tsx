/**
 * The advanced fallback: the draft as JSON text. "Apply" runs the same untrusted-JSON gate as an
 * import (size, depth, prototype keys, schema); a text the schema accepts replaces the draft (the
 * checker's other messages then show as usual), anything else is refused with its messages.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles } from "@fluentui/react-components";
import type { CheckIssue, Template } from "../../engine";
import { templateJson } from "../../excel/storage";
import { useI18n } from "../i18n";
import { useEditorStyles } from "./inputs";
import { importTemplate } from "./io";
import { issueText } from "./paths";

const useStyles = makeStyles({
  text: { fontFamily: "Consolas, 'Courier New', monospace", minHeight: "240px" },
  issues: { margin: 0, paddingLeft: "18px" },
});

export function JsonView(props: { draft: Template; onApply: (t: Template) => void }): React.JSX.Element {
  const s = useEditorStyles();
  const st = useStyles();
  const { t, tx } = useI18n();
  const current = React.useMemo(() => templateJson(props.draft), [props.draft]);
  const [text, setText] = React.useState(current);
  const [dirty, setDirty] = React.useState(false);
  const [issues, setIssues] = React.useState<CheckIssue[] | null>(null);
  React.useEffect(() => {
    if (!dirty) setText(current);
  }, [current, dirty]);

  const apply = () => {
    const r = importTemplate(text);
    if (!r.ok) {
      setIssues(r.issues);
      return;
    }
    setIssues(null);
    setDirty(false);
    props.onApply(r.template);
  };

  return (
    <div className={s.section}>
      <Field label={t("editor.json.label")} hint={t("editor.json.hint")}>
        <Textarea
          className={st.text}
          resize="vertical"
          value={text}
          spellCheck={false}
          onChange={(_, d) => {
            setText(d.value);
            setDirty(true);
          }}
        />
      </Field>
      <div className={s.buttons}>
        <Button size="small" appearance="primary" disabled={!dirty} onClick={apply}>
          {t("editor.json.apply")}
        </Button>
        <Button
          size="small"
          disabled={!dirty}
          onClick={() => {
            setDirty(false);
            setIssues(null);
            setText(current);
          }}
        >
          {t("editor.json.reset")}
        </Button>
      </div>
      {issues && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t("editor.json.refused")}
            <ul className={st.issues}>
              {issues.map((i, k) => (
                <li key={k}>{issueText(i, t, tx)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
