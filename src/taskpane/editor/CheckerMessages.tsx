/**
 * The checker's messages on the draft, live, in the UI language with readable paths: errors (which
 * block saving) first, then warnings. A one-line summary is announced politely as it changes.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from "@fluentui/react-components";
import type { CheckIssue, Template } from "../../engine";
import { useI18n } from "../i18n";
import { issueText } from "./paths";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "6px" },
  list: { margin: 0, paddingLeft: "18px" },
});

export const MAX_SHOWN_ISSUES = 30;

export function CheckerMessages(props: { issues: readonly CheckIssue[]; draft: Template; id?: string }): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const errors = props.issues.filter((i) => i.severity === "error");
  const warnings = props.issues.filter((i) => i.severity !== "error");
  const list = (items: readonly CheckIssue[]) => (
    <ul className={s.list}>
      {items.slice(0, MAX_SHOWN_ISSUES).map((i, k) => (
        <li key={k} data-issue-code={i.code}>
          {issueText(i, t, tx, props.draft)}
        </li>
      ))}
      {items.length > MAX_SHOWN_ISSUES && <li>{t("result.moreBadRows", { count: items.length - MAX_SHOWN_ISSUES })}</li>}
    </ul>
  );
  return (
    <div className={s.box} id={props.id} data-testid="checker-messages">
      <Text size={200} role="status" aria-live="polite">
        {errors.length
          ? t("editor.check.errors", { count: errors.length })
          : warnings.length
            ? t("editor.check.warnings", { count: warnings.length })
            : t("editor.check.ok")}
      </Text>
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("editor.check.errorsTitle")}</MessageBarTitle>
            {list(errors)}
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("editor.check.warningsTitle")}</MessageBarTitle>
            {list(warnings)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
