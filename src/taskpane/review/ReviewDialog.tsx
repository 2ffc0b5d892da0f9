/** Asks before the period review replaces something (a saved period, non-empty cells). */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import { useFocusReturn } from "../focus-return";

export interface ReviewDialogProps {
  open: boolean;
  title: string;
  body: string;
  note?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ReviewDialog(props: ReviewDialogProps): React.JSX.Element {
  useFocusReturn(props.open);
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_, d) => (!d.open ? props.onCancel() : undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <p>{props.body}</p>
            {props.note && (
              <Text as="p" size={200}>
                {props.note}
              </Text>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={props.onCancel}>
              {props.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
