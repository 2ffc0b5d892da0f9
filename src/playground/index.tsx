/**
 * Playground entry (webpack.playground.js -> playground.html): builds the sample workbooks in the
 * in-memory Excel host and renders the page. No office.js: the task pane gets the workbook adapter
 * over the host directly, and `host.install()` provides the Office globals of the workbook shown.
 *
 * URL parameters: `?lang=en|zh-CN`, `?workbook=en|zh`, `?theme=light|dark` (the task pane's theme).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { toLang, type Lang } from "../engine";
import type { ThemeName } from "../taskpane/environment";
import { pt } from "./i18n";
import { Playground } from "./Playground";
import { SAMPLE_CSVS } from "./sample-data";
import { sampleWorkbooks } from "./samples";
import { PlaygroundWorkbook } from "./workbook";

function initialLang(params: URLSearchParams): Lang {
  const q = params.get("lang");
  if (q) return toLang(q);
  return /^zh\b/i.test(navigator.language || "") ? "zh-CN" : "en";
}

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const params = new URLSearchParams(location.search);
  let lang = initialLang(params);
  const theme: ThemeName = params.get("theme") === "dark" ? "dark" : "light";
  document.documentElement.lang = lang;
  root.textContent = pt(lang, "loading");

  const specs = sampleWorkbooks(SAMPLE_CSVS);
  const workbooks = await Promise.all(specs.map((s) => PlaygroundWorkbook.create(s, () => lang)));
  const wanted = params.get("workbook");
  const initial = specs.find((s) => s.id === wanted)?.id ?? (lang === "zh-CN" ? "zh" : "en");

  const reactRoot = createRoot(root);
  root.textContent = "";
  const setUrl = (patch: Record<string, string>) => {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(patch)) p.set(k, v);
    history.replaceState(null, "", `${location.pathname}?${p.toString()}`);
  };
  let workbook = initial;
  const render = () =>
    reactRoot.render(
      <Playground
        workbooks={workbooks}
        initialWorkbook={initial}
        lang={lang}
        theme={theme}
        onLangChange={(l) => {
          if (l === lang) return;
          lang = l;
          document.documentElement.lang = l;
          setUrl({ lang: l, workbook });
          // formulas explain themselves in the display language: recalculate in the new one
          for (const wb of workbooks) {
            wb.recalc();
            wb.touch();
          }
          render();
        }}
        onWorkbookChange={(id) => {
          workbook = id;
          setUrl({ workbook: id, lang });
        }}
      />,
    );
  render();
  (window as unknown as { gradekitPlayground?: unknown }).gradekitPlayground = { workbooks };
}

void start().catch((e) => {
  console.error("GradeKit playground failed to start", e);
  const root = document.getElementById("root");
  if (root) root.textContent = `GradeKit playground failed to start: ${e instanceof Error ? e.message : String(e)}`;
});
