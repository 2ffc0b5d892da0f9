/**
 * Task pane entry (webpack entry "taskpane", loaded by taskpane.html after office.js). Once Office
 * is ready: the Excel workbook adapter, the display language and the Office theme go to the UI.
 * This is the only task pane file that reads the `Office` global; components never do.
 */
import { createWorkbookActions } from "../excel";
import { setWorkbookTemplates } from "../functions/templates";
import { browserPrefersDark, detectLang, detectTheme } from "./environment";
import { mountTaskpane } from "./mount";

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const office = typeof Office === "undefined" ? undefined : Office;
  const lang = detectLang(office, typeof navigator === "undefined" ? null : navigator.language);
  document.documentElement.lang = lang;
  const mounted = mountTaskpane(root, {
    actions: createWorkbookActions(),
    lang,
    theme: detectTheme(office, browserPrefersDark()),
    onLangChange: (l) => {
      document.documentElement.lang = l;
    },
    // Shared runtime: GK.GRADE("<workbook template name>", ...) sees the templates the pane loads.
    onWorkbookTemplates: setWorkbookTemplates,
  });
  // Follow theme changes where the host reports them (not every Office host raises this event).
  try {
    const eventType = (Office.EventType as unknown as Record<string, Office.EventType | undefined>).OfficeThemeChanged;
    if (eventType && Office.context.document?.addHandlerAsync) {
      Office.context.document.addHandlerAsync(eventType, () => mounted.update({ theme: detectTheme(office, browserPrefersDark()) }));
    }
  } catch {
    // no theme events here: keep the theme read at start
  }
}

void Office.onReady(() => start());
