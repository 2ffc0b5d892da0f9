/**
 * Name box + formula bar. The name box shows the selection and selects what is typed into it
 * (`B2`, `A1:E16`, `Sheet!A1`); the formula bar shows the active cell's formula (or its value) and
 * enters what is typed: `=GK.GRADE(...)` and the other GK.* functions are evaluated by the playground
 * (src/playground/formulas.ts over src/functions/core.ts), values follow Excel's input rules.
 */
import * as React from "react";
import type { Lang } from "../engine";
import { parseAddress } from "../host";
import { rectToA1 } from "../engine/sheet-address/a1";
import { pt } from "./i18n";
import type { PlaygroundWorkbook } from "./workbook";

export interface FormulaBarHandle {
  /** Puts the caret in the formula bar; `initial` replaces the text (typing into a cell). */
  edit(initial?: string): void;
}

export interface FormulaBarProps {
  wb: PlaygroundWorkbook;
  version: number;
  lang: Lang;
  /** Focus back to the grid (after Enter / Escape). */
  onDone: () => void;
}

function editText(v: string | number | boolean): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export const FormulaBar = React.forwardRef<FormulaBarHandle, FormulaBarProps>(function FormulaBar({ wb, version, lang, onDone }, ref) {
  const host = wb.host;
  const sheet = host.workbook.activeSheet?.name ?? host.sheetNames()[0];
  const sel = host.workbook.selection && host.workbook.selection.sheet.name === sheet ? host.workbook.selection : null;
  const active = sel ? (sel.activeCell ?? { r: sel.rect.r0, c: sel.rect.c0 }) : { r: 0, c: 0 };
  const activeAddress = rectToA1({ r0: active.r, c0: active.c, r1: active.r, c1: active.c });
  const selectionText = sel ? rectToA1(sel.rect) : activeAddress;

  const cell = host.getCell(sheet, activeAddress);
  const spill = wb.spillAnchor(sheet, active.r, active.c);
  const stored = cell.formula ?? (spill ? spill.formula : editText(cell.value));
  const error = cell.valueType === "Error" ? wb.errorMessage(sheet, active.r, active.c) : undefined;

  const [draft, setDraft] = React.useState(stored);
  const [dirty, setDirty] = React.useState(false);
  const [refused, setRefused] = React.useState<string | null>(null);
  const [nameDraft, setNameDraft] = React.useState<string | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);

  // A new active cell or a changed workbook resets the text (unless the user is typing).
  const cellKey = `${sheet}!${activeAddress}`;
  React.useEffect(() => {
    setDraft(stored);
    setDirty(false);
    setRefused(null);
  }, [cellKey, stored, version]);

  React.useImperativeHandle(
    ref,
    () => ({
      edit(initial?: string) {
        if (initial !== undefined) {
          setDraft(initial);
          setDirty(true);
        }
        setRefused(null);
        requestAnimationFrame(() => {
          const el = inputRef.current;
          if (!el) return;
          el.focus();
          const end = el.value.length;
          el.setSelectionRange(end, end);
        });
      },
    }),
    [],
  );

  const commit = async () => {
    const text = draft;
    if (!dirty && text === stored) {
      onDone();
      return;
    }
    const r = await wb.enter(sheet, activeAddress, text);
    if (!r.ok) {
      setRefused(r.message ?? "");
      inputRef.current?.focus();
      return;
    }
    setRefused(null);
    setDirty(false);
    // Like Excel: Enter moves down one row.
    const next = { r: active.r + 1, c: active.c };
    const a = rectToA1({ r0: next.r, c0: next.c, r1: next.r, c1: next.c });
    host.setSelection(sheet, a, a);
    wb.touch();
    onDone();
  };

  const goTo = (text: string) => {
    const p = parseAddress(text.trim());
    if (!p) return false;
    const target = p.sheet ? host.workbook.findSheet(p.sheet)?.name : sheet;
    if (!target) return false;
    const a = rectToA1({ r0: p.rect.r0, c0: p.rect.c0, r1: p.rect.r0, c1: p.rect.c0 });
    host.setSelection(target, rectToA1(p.rect), a);
    wb.touch();
    return true;
  };

  const note = refused !== null ? pt(lang, "refused", { message: refused }) : error ? `${cell.text}: ${error}` : spill ? pt(lang, "spillOf", { address: spill.address, formula: spill.formula }) : null;

  return (
    <div className="gk-formula-bar">
      <div className="gk-formula-row">
        <input
          className="gk-namebox"
          aria-label={pt(lang, "nameBox")}
          value={nameDraft ?? selectionText}
          onChange={(e) => setNameDraft(e.target.value)}
          onFocus={(e) => e.target.select()}
          onBlur={() => setNameDraft(null)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (goTo(nameDraft ?? selectionText)) {
                setNameDraft(null);
                onDone();
              }
            } else if (e.key === "Escape") {
              setNameDraft(null);
              onDone();
            }
          }}
        />
        <span className="gk-fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={inputRef}
          className={spill && !cell.formula && !dirty ? "gk-formula-input gk-spilled" : "gk-formula-input"}
          aria-label={pt(lang, "formulaBar")}
          aria-describedby="gk-formula-note"
          placeholder={pt(lang, "formulaHint")}
          spellCheck={false}
          autoComplete="off"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setDirty(true);
            setRefused(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void commit();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setDraft(stored);
              setDirty(false);
              setRefused(null);
              onDone();
            }
          }}
        />
      </div>
      <div id="gk-formula-note" className={refused !== null ? "gk-note gk-note-error" : "gk-note"} role={refused !== null ? "alert" : "status"}>
        {note}
      </div>
    </div>
  );
});
