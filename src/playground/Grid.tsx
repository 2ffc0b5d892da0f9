/**
 * The worksheet grid: renders the active sheet of the in-memory host as a spreadsheet (values as Excel
 * displays them, fills and fonts including conditional formats via `host.getCell(...).effective*`) and
 * selects ranges like Excel: click, Shift+click, drag; arrows, Shift+arrows; column/row headers; Ctrl+A
 * (the current region). The selection goes to the host (`host.setSelection`), so the task pane's
 * `readSelection` sees what a person selected here.
 *
 * The selection is drawn with an inset shadow and an outline, never a background colour, so a cell's
 * computed `background-color` is always the workbook's fill (the e2e tests compare it with the grade colours).
 */
import * as React from "react";
import { columnToLetters, parseAddress, type CellInfo } from "../host";
import { rectToA1, type Rect } from "../engine/sheet-address/a1";
import { displayText } from "./cell-display";
import { pt } from "./i18n";
import type { Lang } from "../engine";
import type { PlaygroundWorkbook } from "./workbook";

export interface GridProps {
  wb: PlaygroundWorkbook;
  /** bumped on every workbook change (data or selection) */
  version: number;
  lang: Lang;
  /** A key that starts editing: Enter/F2 (no text) or a printable character. */
  onEdit: (initial?: string) => void;
}

interface Pos {
  r: number;
  c: number;
}

const MAX_RENDER_ROWS = 500;
const MAX_RENDER_COLS = 60;

function bound(a: Pos, b: Pos): Rect {
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

const isWholeColumn = (r: Rect) => r.r0 === 0 && r.r1 >= 1048575;
const isWholeRow = (r: Rect) => r.c0 === 0 && r.c1 >= 16383;

/** The selection as the grid uses it: active cell + rect. */
function currentSelection(wb: PlaygroundWorkbook, sheet: string): { active: Pos; rect: Rect } {
  const sel = wb.host.workbook.selection;
  if (!sel || sel.sheet.name !== sheet) return { active: { r: 0, c: 0 }, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  const active = sel.activeCell ? { r: sel.activeCell.r, c: sel.activeCell.c } : { r: sel.rect.r0, c: sel.rect.c0 };
  return { active, rect: sel.rect };
}

function alignOf(info: CellInfo): "left" | "right" | "center" {
  const h = info.horizontalAlignment;
  if (h === "Center" || h === "CenterAcrossSelection") return "center";
  if (h === "Right") return "right";
  if (h === "Left") return "left";
  if (info.valueType === "Double") return "right";
  if (info.valueType === "Boolean" || info.valueType === "Error") return "center";
  return "left";
}

export function Grid({ wb, version, lang, onEdit }: GridProps): React.JSX.Element {
  const host = wb.host;
  const sheet = host.workbook.activeSheet?.name ?? host.sheetNames()[0];
  const sheetModel = host.workbook.findSheet(sheet)!;
  const { active, rect } = currentSelection(wb, sheet);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const dragging = React.useRef(false);
  const [, setTick] = React.useState(0);

  // The cells: recomputed when the workbook changes (not on selection moves).
  const dataVersion = wb.dataVersion;
  const view = React.useMemo(() => {
    const used = sheetModel.usedRect(true);
    const rows = Math.min(MAX_RENDER_ROWS, Math.max(30, (used ? used.r1 + 1 : 0) + 10));
    const cols = Math.min(MAX_RENDER_COLS, Math.max(12, (used ? used.c1 + 1 : 0) + 3));
    const cells: CellInfo[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: CellInfo[] = [];
      for (let c = 0; c < cols; c++) row.push(host.getCell(sheet, rectToA1({ r0: r, c0: c, r1: r, c1: c })));
      cells.push(row);
    }
    return { rows, cols, cells };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- dataVersion is not read inside: it is the workbook's change counter, so the cells are recomputed on every edit
  }, [host, sheet, sheetModel, dataVersion]);

  const select = React.useCallback(
    (next: Rect, activeCell: Pos) => {
      host.setSelection(sheet, rectToA1(next), rectToA1({ r0: activeCell.r, c0: activeCell.c, r1: activeCell.r, c1: activeCell.c }));
      wb.touch();
      setTick((n) => n + 1);
    },
    [host, sheet, wb],
  );

  // Mouse: press = select a cell (Shift: extend from the active cell), drag = extend.
  React.useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const onCellMouseDown = (e: React.MouseEvent, r: number, c: number) => {
    if (e.button !== 0) return;
    e.preventDefault();
    gridRef.current?.focus();
    if (e.shiftKey) select(bound(active, { r, c }), active);
    else select({ r0: r, c0: c, r1: r, c1: c }, { r, c });
    dragging.current = true;
  };
  const onCellMouseEnter = (e: React.MouseEvent, r: number, c: number) => {
    if (!dragging.current || (e.buttons & 1) === 0) return;
    select(bound(active, { r, c }), active);
  };
  const onColumnHeader = (e: React.MouseEvent, c: number) => {
    e.preventDefault();
    gridRef.current?.focus();
    const from = e.shiftKey ? active.c : c;
    select({ r0: 0, c0: Math.min(from, c), r1: 1048575, c1: Math.max(from, c) }, e.shiftKey ? active : { r: 0, c });
  };
  const onRowHeader = (e: React.MouseEvent, r: number) => {
    e.preventDefault();
    gridRef.current?.focus();
    const from = e.shiftKey ? active.r : r;
    select({ r0: Math.min(from, r), c0: 0, r1: Math.max(from, r), c1: 16383 }, e.shiftKey ? active : { r, c: 0 });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, Pos> = { ArrowUp: { r: -1, c: 0 }, ArrowDown: { r: 1, c: 0 }, ArrowLeft: { r: 0, c: -1 }, ArrowRight: { r: 0, c: 1 } };
    const d = moves[e.key];
    if (d) {
      e.preventDefault();
      if (e.shiftKey) {
        // Excel moves the corner opposite the active cell.
        const far = { r: rect.r0 === active.r ? rect.r1 : rect.r0, c: rect.c0 === active.c ? rect.c1 : rect.c0 };
        const next = { r: Math.max(0, far.r + d.r), c: Math.max(0, far.c + d.c) };
        select(bound(active, next), active);
      } else {
        const next = { r: Math.max(0, active.r + d.r), c: Math.max(0, active.c + d.c) };
        select({ r0: next.r, c0: next.c, r1: next.r, c1: next.c }, next);
      }
      return;
    }
    // Tab is left to the browser: it moves focus on to the task pane (Excel would move one cell right).
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
      e.preventDefault();
      const region = parseAddress(host.currentRegion(sheet, rectToA1({ r0: active.r, c0: active.c, r1: active.r, c1: active.c })));
      if (region) select(region.rect, active);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      onEdit();
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      void wb.clear(sheet, rectToA1(rect));
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      onEdit(e.key);
    }
  };

  // Keep the active cell in view after keyboard moves.
  const activeId = `gk-cell-${active.r}-${active.c}`;
  React.useEffect(() => {
    const el = document.getElementById(activeId);
    if (el && gridRef.current?.contains(document.activeElement)) el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [activeId, version]);

  const inRect = (r: number, c: number) => r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
  const multi = rect.r0 !== rect.r1 || rect.c0 !== rect.c1;

  return (
    <div
      className="gk-grid"
      ref={gridRef}
      tabIndex={0}
      role="grid"
      aria-label={pt(lang, "grid", { sheet })}
      aria-multiselectable="true"
      aria-rowcount={view.rows + 1}
      aria-colcount={view.cols + 1}
      aria-activedescendant={activeId}
      data-sheet={sheet}
      data-selection={rectToA1(rect)}
      onKeyDown={onKeyDown}
    >
      <table role="presentation">
        <thead>
          <tr role="row">
            <th className="gk-corner" aria-hidden="true" />
            {Array.from({ length: view.cols }, (_, c) => (
              <th
                key={c}
                role="columnheader"
                className={c >= rect.c0 && c <= rect.c1 ? "gk-colhead gk-head-on" : "gk-colhead"}
                onMouseDown={(e) => onColumnHeader(e, c)}
              >
                {columnToLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.cells.map((row, r) => (
            <tr key={r} role="row">
              <th role="rowheader" className={r >= rect.r0 && r <= rect.r1 ? "gk-rowhead gk-head-on" : "gk-rowhead"} onMouseDown={(e) => onRowHeader(e, r)}>
                {r + 1}
              </th>
              {row.map((info, c) => {
                const selected = inRect(r, c) || (isWholeColumn(rect) && c >= rect.c0 && c <= rect.c1) || (isWholeRow(rect) && r >= rect.r0 && r <= rect.r1);
                const isActive = r === active.r && c === active.c;
                const font = info.effectiveFont;
                const error = info.valueType === "Error" ? wb.errorMessage(sheet, r, c) : undefined;
                const shown = displayText(info, lang); // numbers through their number format (numfmt)
                const style: React.CSSProperties = {
                  backgroundColor: info.effectiveFill ?? undefined,
                  color: info.effectiveFontColor && info.effectiveFontColor !== "#000000" ? info.effectiveFontColor : undefined,
                  fontWeight: font.bold ? 700 : undefined,
                  fontStyle: font.italic ? "italic" : undefined,
                  textDecoration: font.underline && font.underline !== "None" ? "underline" : font.strikethrough ? "line-through" : undefined,
                  textAlign: alignOf(info),
                };
                const cls = ["gk-cell"];
                if (selected && multi) cls.push("gk-sel");
                if (isActive) cls.push("gk-active");
                if (info.formula) cls.push("gk-formula");
                const address = rectToA1({ r0: r, c0: c, r1: r, c1: c });
                return (
                  <td
                    key={c}
                    id={`gk-cell-${r}-${c}`}
                    role="gridcell"
                    aria-selected={selected}
                    data-address={address}
                    className={cls.join(" ")}
                    style={style}
                    title={error ? `${info.text}: ${error}` : shown.length > 18 ? shown : undefined}
                    onMouseDown={(e) => onCellMouseDown(e, r, c)}
                    onMouseEnter={(e) => onCellMouseEnter(e, r, c)}
                    onDoubleClick={() => onEdit()}
                  >
                    {shown}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
