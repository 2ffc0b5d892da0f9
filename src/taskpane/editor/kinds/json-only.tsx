/**
 * The editor of kinds edited in the JSON view (grouped scorecards, cumulative shares, segments):
 * the kind's hint and a note saying where to edit it.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { MODEL_KINDS, type Model } from "../../../engine";
import { useI18n } from "../../i18n";
import type { KindEditorComponent, KindEditorProps } from "./kind-editor";

function JsonOnly<K extends "groups" | "share" | "segments">(props: KindEditorProps<K>): React.JSX.Element {
  const { t, tx } = useI18n();
  const kind = MODEL_KINDS[(props.model as Model).kind];
  return (
    <Text size={200}>
      {tx(kind.editor.hint)} {t("editor.kindInJson")}
    </Text>
  );
}

export const GroupsModel: KindEditorComponent<"groups"> = JsonOnly;
export const ShareModel: KindEditorComponent<"share"> = JsonOnly;
export const SegmentsModel: KindEditorComponent<"segments"> = JsonOnly;
