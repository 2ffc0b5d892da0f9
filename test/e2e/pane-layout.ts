/**
 * The task pane's layout at a given width, checked in the browser: every interactive element of the
 * visible pane is inside the pane (bounding box within the pane's client area, scrolled into view)
 * and not covered (`document.elementFromPoint` at its centre is the element or inside it), and the
 * pane has no horizontal scrollbar. Text inputs are at least MIN_INPUT_PX wide (readable).
 */
import type { Page } from "playwright-core";

export const MIN_INPUT_PX = 48;

export interface LayoutProblem {
  what: string;
  problem: string;
}

export interface LayoutReport {
  checked: number;
  problems: LayoutProblem[];
}

/** Checks every interactive element of the visible task pane. */
export async function checkPane(page: Page): Promise<LayoutReport> {
  return page.evaluate((minInput) => {
    const side = document.querySelector<HTMLElement>(".gk-side");
    const pane = document.querySelector<HTMLElement>(".gk-pane:not([hidden])");
    if (!side || !pane) return { checked: 0, problems: [{ what: "pane", problem: "no visible task pane" }] };
    const problems: { what: string; problem: string }[] = [];
    if (side.scrollWidth > side.clientWidth + 1) problems.push({ what: "pane", problem: `horizontal scroll: ${side.scrollWidth} > ${side.clientWidth}` });
    const selector = 'button, input, select, textarea, a[href], [role="tab"], [role="radio"], [role="checkbox"], [role="combobox"], [tabindex]:not([tabindex="-1"])';
    const els = Array.from(pane.querySelectorAll<HTMLElement>(selector));
    const describe = (el: HTMLElement) => {
      const name = el.getAttribute("aria-label") || ((el as HTMLInputElement).labels?.[0]?.textContent ?? "") || el.textContent || el.getAttribute("name") || "";
      return `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${name.trim().replace(/\s+/g, " ").slice(0, 60)}"`;
    };
    let checked = 0;
    for (const el of els) {
      const style = getComputedStyle(el);
      if (el.hasAttribute("data-tabster-dummy")) continue; // Fluent's focus guards (1 px, not a control)
      if (el.closest("[hidden]") || style.visibility === "hidden" || style.display === "none") continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (e.g. a hidden file input)
      // Fluent's radios/checkboxes: the real input is transparent over the indicator; check it like any other
      checked++;
      el.scrollIntoView({ block: "center", inline: "nearest" });
      r = el.getBoundingClientRect();
      const s = side.getBoundingClientRect();
      const left = s.left + side.clientLeft;
      const right = left + side.clientWidth;
      if (r.left < left - 0.5 || r.right > right + 0.5) {
        problems.push({ what: describe(el), problem: `outside the pane: x ${Math.round(r.left)}..${Math.round(r.right)} not within ${Math.round(left)}..${Math.round(right)}` });
        continue;
      }
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) && hit.tagName === "LABEL")) {
        // a label wrapping its control, or the control's own decoration, is fine; anything else covers it
        const ownLabel = hit instanceof HTMLLabelElement && hit.control === el;
        const sameControl = hit && el.parentElement && el.parentElement.contains(hit) && (el.tagName === "INPUT" || el.tagName === "SELECT") && hit.closest("span,div") === el.parentElement;
        if (!ownLabel && !sameControl) {
          problems.push({ what: describe(el), problem: `covered at its centre by ${hit ? `${hit.tagName.toLowerCase()}.${String(hit.className).slice(0, 40)} "${(hit.textContent || "").trim().slice(0, 30)}"` : "nothing (off screen)"}` });
          continue;
        }
      }
      if ((el.tagName === "INPUT" && /^(text|search|number|)$/.test(el.getAttribute("type") || "")) || el.tagName === "TEXTAREA" || el.tagName === "SELECT") {
        if (r.width < minInput) problems.push({ what: describe(el), problem: `too narrow to read: ${Math.round(r.width)} px` });
      }
    }
    side.scrollTop = 0;
    return { checked, problems };
  }, MIN_INPUT_PX);
}
