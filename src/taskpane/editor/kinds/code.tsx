/** Compound-code models are edited in the JSON view; the form says so. */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import type { KindEditorProps } from "./kind-editor";

export function CodeModel(_props: KindEditorProps<"code">): React.JSX.Element {
  const { t } = useI18n();
  return <Text size={200}>{t("editor.codeInJson")}</Text>;
}
