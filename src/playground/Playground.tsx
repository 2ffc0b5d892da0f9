/**
 * The playground page: header (workbook switcher), formula bar, grid and sheet tabs on the left, the
 * real GradeKit task pane (`mountTaskpane` with `createWorkbookActions(host.Excel)`) on the right.
 *
 * One task pane per workbook, mounted when the workbook is first shown and kept (hidden) while another
 * workbook is shown, like an add-in open in two Excel windows. The UI language is shared: switching it
 * in one pane switches the page and the other panes.
 */
import * as React from "react";
import type { Lang } from "../engine";
import { mountTaskpane, type MountedTaskpane } from "../taskpane/mount";
import type { ThemeName } from "../taskpane/environment";
import { FormulaBar, type FormulaBarHandle } from "./FormulaBar";
import { Grid } from "./Grid";
import { pt } from "./i18n";
import type { PlaygroundWorkbook } from "./workbook";

export interface PlaygroundProps {
  workbooks: PlaygroundWorkbook[];
  initialWorkbook: string;
  lang: Lang;
  theme: ThemeName;
  onLangChange: (lang: Lang) => void;
  onWorkbookChange: (id: string) => void;
}

/** Re-renders when the workbook changes (batches, selection). */
function useWorkbookVersion(wb: PlaygroundWorkbook): number {
  return React.useSyncExternalStore(
    React.useCallback((cb) => wb.subscribe(cb), [wb]),
    () => wb.version,
  );
}

function TaskpaneSlot({ wb, lang, theme, hidden, onLangChange }: { wb: PlaygroundWorkbook; lang: Lang; theme: ThemeName; hidden: boolean; onLangChange: (l: Lang) => void }) {
  const ref = React.useRef<HTMLDivElement>(null);
  const pane = React.useRef<MountedTaskpane | null>(null);
  const langChange = React.useRef(onLangChange);
  langChange.current = onLangChange;
  React.useEffect(() => {
    if (!ref.current) return;
    const mounted = mountTaskpane(ref.current, { actions: wb.actions, lang, theme, onLangChange: (l) => langChange.current(l) });
    pane.current = mounted;
    return () => {
      pane.current = null;
      setTimeout(() => mounted.unmount()); // never unmount a root while React renders another one
    };
    // mounted once per workbook; later language/theme changes go through update()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mounted once per workbook; language/theme changes go through update() below
  }, [wb]);
  React.useEffect(() => {
    pane.current?.update({ lang, theme });
  }, [lang, theme]);
  return <div className="gk-pane" ref={ref} hidden={hidden} data-workbook={wb.spec.id} />;
}

/** Task pane widths offered (px): Office's default pane is 320 px wide; people widen it. */
export const PANE_WIDTHS = [320, 350, 400, 480, 640] as const;
export const DEFAULT_PANE_WIDTH = 320;

/** `?pane=350` in the URL, else Office's default. */
function initialPaneWidth(): number {
  const n = Number(new URLSearchParams(location.search).get("pane"));
  return Number.isInteger(n) && n >= 240 && n <= 1200 ? n : DEFAULT_PANE_WIDTH;
}

export function Playground(props: PlaygroundProps): React.JSX.Element {
  const { workbooks, lang } = props;
  const [paneWidth, setPaneWidth] = React.useState(initialPaneWidth);
  const choosePaneWidth = (w: number) => {
    setPaneWidth(w);
    const p = new URLSearchParams(location.search);
    p.set("pane", String(w));
    history.replaceState(null, "", `${location.pathname}?${p.toString()}`);
  };
  const [currentId, setCurrentId] = React.useState(props.initialWorkbook);
  const [visited, setVisited] = React.useState<string[]>([props.initialWorkbook]);
  const wb = workbooks.find((w) => w.spec.id === currentId) ?? workbooks[0];
  const version = useWorkbookVersion(wb);
  const bar = React.useRef<FormulaBarHandle>(null);
  const gridBox = React.useRef<HTMLDivElement>(null);
  const focusGrid = () => gridBox.current?.querySelector<HTMLElement>(".gk-grid")?.focus();

  // The Office globals (Excel, Office, OfficeExtension) of the workbook shown, as in the add-in's page.
  React.useEffect(() => wb.host.install(), [wb]);

  const switchTo = (id: string) => {
    setCurrentId(id);
    setVisited((v) => (v.includes(id) ? v : [...v, id]));
    props.onWorkbookChange(id);
  };

  const host = wb.host;
  const sheets = host.sheetNames();
  const activeSheet = host.workbook.activeSheet?.name ?? sheets[0];

  return (
    <div className="gk-page">
      <header className="gk-header">
        <img src="assets/icon-32.png" alt="" width={24} height={24} />
        <h1>{pt(lang, "title")}</h1>
        <span className="gk-subtitle">{pt(lang, "subtitle")}</span>
        <label className="gk-switcher">
          {pt(lang, "workbook")}
          <select value={wb.spec.id} onChange={(e) => switchTo(e.target.value)}>
            {workbooks.map((w) => (
              <option key={w.spec.id} value={w.spec.id}>
                {w.spec.fileName} · {lang === "zh-CN" ? w.spec.title.zh : w.spec.title.en}
              </option>
            ))}
          </select>
        </label>
        <label className="gk-switcher">
          {pt(lang, "paneWidth")}
          <select value={String(paneWidth)} onChange={(e) => choosePaneWidth(Number(e.target.value))}>
            {[...new Set([...PANE_WIDTHS, paneWidth])]
              .sort((a, b) => a - b)
              .map((w) => (
                <option key={w} value={String(w)}>
                  {pt(lang, "paneWidthPx", { px: w })}
                </option>
              ))}
          </select>
        </label>
      </header>
      <div className="gk-body">
        <section className="gk-book" aria-label={wb.spec.fileName}>
          <FormulaBar ref={bar} wb={wb} version={version} lang={lang} onDone={focusGrid} key={`bar-${wb.spec.id}`} />
          <div className="gk-grid-box" ref={gridBox}>
            <Grid wb={wb} version={version} lang={lang} onEdit={(initial) => bar.current?.edit(initial)} key={`grid-${wb.spec.id}-${activeSheet}`} />
          </div>
          <div className="gk-tabs" role="tablist" aria-label={pt(lang, "sheets")}>
            {sheets.map((name) => (
              <button
                key={name}
                role="tab"
                type="button"
                aria-selected={name === activeSheet}
                className={name === activeSheet ? "gk-tab gk-tab-on" : "gk-tab"}
                onClick={() => {
                  host.setActiveSheet(name);
                  wb.touch();
                }}
              >
                {name}
              </button>
            ))}
          </div>
          <p className="gk-hint">{pt(lang, "hint")}</p>
        </section>
        <aside className="gk-side" aria-label={pt(lang, "taskpane")} style={{ width: paneWidth }} data-pane-width={paneWidth}>
          {workbooks
            .filter((w) => visited.includes(w.spec.id))
            .map((w) => (
              <TaskpaneSlot key={w.spec.id} wb={w} lang={lang} theme={props.theme} hidden={w !== wb} onLangChange={props.onLangChange} />
            ))}
        </aside>
      </div>
    </div>
  );
}
