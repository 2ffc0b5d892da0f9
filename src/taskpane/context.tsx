/**
 * Workbook actions reach the components through this context, never through Office.js: the entry
 * provides the Excel adapter, tests and the playground the same adapter over the in-memory host.
 */
import * as React from "react";
import type { WorkbookActions } from "../excel/contract";

const WorkbookActionsContext = React.createContext<WorkbookActions | null>(null);

export function WorkbookActionsProvider(props: { actions: WorkbookActions; children?: React.ReactNode }): React.JSX.Element {
  return <WorkbookActionsContext.Provider value={props.actions}>{props.children}</WorkbookActionsContext.Provider>;
}

/** The workbook actions of the nearest `WorkbookActionsProvider`. */
export function useWorkbookActions(): WorkbookActions {
  const actions = React.useContext(WorkbookActionsContext);
  if (!actions) throw new Error("useWorkbookActions() needs a <WorkbookActionsProvider> above it");
  return actions;
}
