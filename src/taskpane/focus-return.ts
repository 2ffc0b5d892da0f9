/**
 * Focus goes back to the control that opened a dialog when it closes (Escape, Enter on a button,
 * a click outside), unless something else took focus meanwhile. The opener is the last element
 * focused outside any dialog (a focus listener keeps it): by the time `open` turns true the dialog
 * has already moved focus into itself.
 */
import * as React from "react";

const IN_DIALOG = '[role="dialog"], [role="alertdialog"]';

function outsideDialogs(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el !== document.body && !el.closest(IN_DIALOG);
}

export function useFocusReturn(open: boolean): void {
  const last = React.useRef<HTMLElement | null>(null);
  const opener = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    if (outsideDialogs(document.activeElement)) last.current = document.activeElement;
    const onFocus = (e: FocusEvent) => {
      if (outsideDialogs(e.target as Element | null)) last.current = e.target as HTMLElement;
    };
    document.addEventListener("focusin", onFocus, true);
    return () => document.removeEventListener("focusin", onFocus, true);
  }, []);
  React.useLayoutEffect(() => {
    if (open) {
      opener.current = outsideDialogs(document.activeElement) ? document.activeElement : last.current;
      return;
    }
    const el = opener.current;
    opener.current = null;
    if (!el) return;
    const timer = setTimeout(() => {
      const now = document.activeElement;
      if (el.isConnected && (now === null || now === document.body || !now.isConnected || now.closest(IN_DIALOG))) el.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [open]);
}
