/**
 * The custom templates saved in the workbook, as the task pane sees them: loaded through the
 * workbook actions at start and after every save or delete. `onChange` hears every list loaded (the
 * add-in entry passes it to the custom functions' workbook template source).
 */
import * as React from "react";
import type { Template } from "../../engine";
import type { SaveTemplateOptions, StoredTemplate, StoredTemplateProblem } from "../../excel/contract";
import { useWorkbookActions } from "../context";
import type { Failure } from "../errors";

const NONE: StoredTemplate[] = [];
const NO_PROBLEMS: StoredTemplateProblem[] = [];

export interface WorkbookLibrary {
  stored: StoredTemplate[];
  problems: StoredTemplateProblem[];
  error: Failure | null;
  reload(): Promise<void>;
  /** Saves, then reloads the list. Throws what the adapter throws. */
  save(template: Template, options: SaveTemplateOptions): Promise<StoredTemplate>;
  /** Deletes, then reloads the list. */
  remove(id: string): Promise<boolean>;
}

export function useWorkbookTemplates(onChange?: (templates: Template[]) => void): WorkbookLibrary {
  const actions = useWorkbookActions();
  // Empty lists are one constant, so loading an empty library changes no state (no re-render).
  const [stored, setStored] = React.useState<StoredTemplate[]>(NONE);
  const [problems, setProblems] = React.useState<StoredTemplateProblem[]>(NO_PROBLEMS);
  const [error, setError] = React.useState<Failure | null>(null);
  const seq = React.useRef(0);
  const changed = React.useRef(onChange);
  changed.current = onChange;

  const reload = React.useCallback(async () => {
    const n = ++seq.current;
    try {
      const r = await actions.listTemplates();
      if (n !== seq.current) return;
      const sorted = [...r.templates].sort((a, b) => a.template.name.en.localeCompare(b.template.name.en));
      setStored(sorted.length ? sorted : NONE);
      setProblems(r.problems.length ? r.problems : NO_PROBLEMS);
      setError(null);
      changed.current?.(sorted.map((s) => s.template));
    } catch (e) {
      if (n !== seq.current) return;
      setError({ key: "library.loadFailed", error: e });
    }
  }, [actions]);

  React.useEffect(() => {
    void reload();
  }, [reload]);

  const save = React.useCallback(
    async (template: Template, options: SaveTemplateOptions) => {
      const r = await actions.saveTemplate(template, options);
      await reload();
      return r;
    },
    [actions, reload],
  );

  const remove = React.useCallback(
    async (id: string) => {
      const r = await actions.deleteTemplate(id);
      await reload();
      return r;
    },
    [actions, reload],
  );

  return React.useMemo(
    () => ({ stored, problems, error, reload, save, remove }),
    [stored, problems, error, reload, save, remove],
  );
}
