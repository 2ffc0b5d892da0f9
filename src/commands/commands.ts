/*
 * Ribbon command handlers. They run in the shared runtime (taskpane.html).
 *
 * The Home-tab GradeKit button uses the manifest's built-in `ShowTaskpane` action, so it needs no code.
 * This file registers one extra action, "showTaskpane", for `ExecuteFunction` controls or keyboard
 * shortcuts that may be added later: it shows the task pane through the shared-runtime API.
 */

export const SHOW_TASKPANE_ACTION = "showTaskpane";

/** Shows the GradeKit task pane; completes the command event if Office passed one. */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("GradeKit: could not show the task pane", error);
  } finally {
    event?.completed();
  }
}

/** Associates the command handlers with Office. Safe to call outside Office (does nothing there). */
export function registerCommands(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.actions?.associate) return false;
  office.actions.associate(SHOW_TASKPANE_ACTION, showTaskpane);
  return true;
}

// office.js is loaded synchronously before this bundle, so register right away (Microsoft's pattern);
// if Office.actions is not there yet, try again once Office is ready.
if (!registerCommands()) {
  void (globalThis as { Office?: typeof Office }).Office?.onReady?.(() => registerCommands());
}
