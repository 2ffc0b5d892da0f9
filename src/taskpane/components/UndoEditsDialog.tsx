/**
 * Asks before undo puts the old contents back over cells edited since the apply (when
 * `undoLastApply` names them): each named cell with what it holds now, the rest counted.
 */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles } from "@fluentui/react-components";
import type { EditedCell } from "../../excel/contract";
import { useFocusReturn } from "../focus-return";
import { useI18n } from "../i18n";

export interface UndoEditsRequest {
  address: string;
  count: number;
  cells: EditedCell[];
}

export interface UndoEditsDialogProps {
  /** The dialog is open while set. */
  request: UndoEditsRequest | null;
  onUndo: () => void;
  onKeep: () => void;
}

const useStyles = makeStyles({
  list: { margin: "8px 0 0", paddingLeft: "20px", overflowWrap: "anywhere" },
});

export function UndoEditsDialog({ request, onUndo, onKeep }: UndoEditsDialogProps): React.JSX.Element {
  const { t } = useI18n();
  useFocusReturn(request !== null);
  const s = useStyles();
  const more = request ? request.count - request.cells.length : 0;
  return (
    <Dialog open={request !== null} modalType="alert" onOpenChange={(_, d) => (!d.open ? onKeep() : undefined)}>
      <DialogSurface aria-label={t("undo.edited.title")}>
        <DialogBody>
          <DialogTitle>{t("undo.edited.title")}</DialogTitle>
          <DialogContent>
            {request ? (
              <>
                {t("undo.edited.body", { count: request.count, address: request.address })}
                <ul className={s.list} data-testid="undo-edited">
                  {request.cells.map((c) => (
                    <li key={c.address}>{c.now === "" ? t("undo.edited.empty", { address: c.address }) : t("undo.edited.cell", { address: c.address, now: c.now })}</li>
                  ))}
                  {more > 0 ? <li>{t("undo.edited.more", { count: more })}</li> : null}
                </ul>
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onUndo}>
              {t("undo.edited.confirm")}
            </Button>
            <Button appearance="secondary" onClick={onKeep}>
              {t("undo.edited.keep")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
