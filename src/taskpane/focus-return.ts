/**
 * Focus goes back to the control that opened a dialog when it closes (Escape, Enter on a button,
 * a click outside), unless something else in the pane took focus meanwhile: the dialog's opener
 * is remembered when `open` turns true (before the dialog moves focus into itself).
 */
import * as React from "react";

export function useFocusReturn(open: boolean): void {
  const opener = React.useRef<HTMLElement | null>(null);
  React.useLayoutEffect(() => {
    if (open) {
      const a = document.activeElement;
      opener.current = a instanceof HTMLElement && a !== document.body ? a : null;
      return;
    }
    const el = opener.current;
    opener.current = null;
    if (!el) return;
    const timer = setTimeout(() => {
      const now = document.activeElement;
      if (el.isConnected && (now === null || now === document.body || !now.isConnected)) el.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [open]);
}
