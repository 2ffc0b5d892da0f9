/** Asks before replacing non-empty cells (when `apply` returns `needsConfirmation`). */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useFocusReturn } from "../focus-return";
import { useI18n } from "../i18n";

export interface ConfirmDialogProps {
  /** What would be replaced; the dialog is open while set. */
  request: { cellsToReplace: number; address: string } | null;
  onReplace: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ request, onReplace, onCancel }: ConfirmDialogProps): React.JSX.Element {
  const { t } = useI18n();
  useFocusReturn(request !== null);
  return (
    <Dialog open={request !== null} modalType="alert" onOpenChange={(_, d) => (!d.open ? onCancel() : undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("confirm.title")}</DialogTitle>
          <DialogContent>
            {request ? t("confirm.body", { count: request.cellsToReplace, address: request.address }) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReplace}>
              {t("confirm.replace")}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              {t("confirm.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
