/**
 * Where the task pane's language and theme come from. Pure functions over an `Office`-like object
 * (the entry passes the real `Office`; tests and the playground pass their own or nothing), so no
 * component ever reads Office.js.
 */
import { toLang, type Lang } from "../engine";

export type ThemeName = "light" | "dark";

/** The part of `Office` read here. */
export interface OfficeEnvironment {
  context?: {
    displayLanguage?: unknown;
    officeTheme?: { bodyBackgroundColor?: unknown; controlBackgroundColor?: unknown } | null;
  } | null;
}

/**
 * The UI language: Office's display language (`zh-CN`, `zh-TW`, `zh-Hans` -> Chinese), else the
 * browser's, else English.
 */
export function detectLang(office?: OfficeEnvironment | null, fallback?: string | null): Lang {
  let v: unknown;
  try {
    v = office?.context?.displayLanguage;
  } catch {
    v = undefined; // Office.context not ready
  }
  if (typeof v === "string" && v.trim()) return toLang(v);
  return fallback ? toLang(fallback) : "en";
}

/** Relative luminance of `#RRGGBB` / `#RGB` (0 black .. 1 white), or null when not a colour. */
export function luminance(color: unknown): number | null {
  if (typeof color !== "string") return null;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const ch = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/**
 * Light or dark: from `Office.context.officeTheme` when the host gives it (dark when the pane's
 * background is dark), else from the browser's `prefers-color-scheme`, else light.
 */
export function detectTheme(office?: OfficeEnvironment | null, prefersDark?: boolean): ThemeName {
  let bg: unknown;
  try {
    const theme = office?.context?.officeTheme;
    bg = theme?.bodyBackgroundColor ?? theme?.controlBackgroundColor;
  } catch {
    bg = undefined;
  }
  const l = luminance(bg);
  if (l !== null) return l < 0.4 ? "dark" : "light";
  return prefersDark ? "dark" : "light";
}

/** The browser's dark-mode preference, false where `matchMedia` is missing. */
export function browserPrefersDark(): boolean {
  try {
    return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  } catch {
    return false;
  }
}
