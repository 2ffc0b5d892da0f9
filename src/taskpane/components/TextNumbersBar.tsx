/**
 * "Write grades as formulas" over number text: names the cells the engine reads as numbers and
 * the formulas cannot (`1,200`, `10万`; at most LISTED addresses, then "and k more"), and offers to
 * write them as the engine's numbers before the formulas (one undo entry) or to cancel.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { TextNumberAt } from "../../excel";
import { useI18n } from "../i18n";

/** Cells named in full; the rest are counted. */
export const LISTED = 5;

export interface TextNumbersBarProps {
  cells: readonly TextNumberAt[];
  onWrite: () => void;
  onCancel: () => void;
}

export function TextNumbersBar({ cells, onWrite, onCancel }: TextNumbersBarProps): React.JSX.Element {
  const { t } = useI18n();
  const listed = cells.slice(0, LISTED).map((c) => t("formulas.textNumberCell", { address: c.address, text: c.text, value: c.value }));
  const more = cells.length > LISTED ? t("formulas.textNumbersMore", { count: cells.length - LISTED }) : "";
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="text-numbers">
      <MessageBarBody>{t("formulas.textNumbers", { count: cells.length, cells: listed.join(t("list.separator")), more })}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onWrite}>
          {t("formulas.writeNumbers")}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t("formulas.cancel")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
