/*
 * Webpack plugin (build time only): the help pages of the custom functions, one per function in English
 * and Chinese, built into dist/help/ with the add-in, and each function's `helpUrl` pointed at them.
 *
 *   help/<id>.html         the page functions.json's helpUrl names: sends Chinese browsers to zh-CN/<id>.html,
 *                          the others to en/<id>.html (?lang=en|zh-CN forces one; links work without script)
 *   help/en/<id>.html      English: syntax, description, parameters, examples
 *   help/zh-CN/<id>.html   Chinese: the same, from functions-zh-CN.json
 *   help/index.html, help/en/index.html, help/zh-CN/index.html   the lists of functions
 *
 * Source of the text: the generated metadata (functions.json from the JSDoc in src/functions/functions.ts,
 * functions-zh-CN.json from src/functions/zh-CN.json) plus the examples below, so a page cannot drift
 * from the function. Each function's JSDoc has `@helpurl https://localhost:3000/help/<id>.html`; the
 * build replaces the development base URL with the deployment one (GRADEKIT_BASE_URL) in both metadata
 * files, and fails when a function has no @helpurl, a different one, or no examples here.
 *
 * webpack.config.js: new FunctionHelpPlugin({ baseUrl, namespace })  (after the metadata plugins)
 */
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";
const PLUGIN = "GradeKitFunctionHelpPlugin";
const LANGS = ["en", "zh-CN"];

/** Examples per function id: [formula with {ns} for the namespace, what it gives] per language. */
const EXAMPLES = {
  GRADE: {
    en: [
      [
        '={ns}.GRADE("sales-pipeline", B2:C2)',
        "the grade of one row, e.g. A (B2: months to close, C2: monthly amount)",
      ],
      ['={ns}.GRADE("sales-pipeline", B2:C500)', "499 grades, spilled down the column; rows are graded together"],
    ],
    "zh-CN": [
      ['={ns}.GRADE("sales-pipeline", B2:C2)', "一行的等级，例如 A（B2：预计成交月数，C2：预计月度成交金额）"],
      ['={ns}.GRADE("sales-pipeline", B2:C500)', "499 个等级，向下溢出；各行作为一个表一起评级"],
    ],
  },
  SCORE: {
    en: [['={ns}.SCORE("multi-factor-5", B2:F2)', "85.25 for the inputs 90, 85, 80, 95, 75"]],
    "zh-CN": [['={ns}.SCORE("multi-factor-5", B2:F2)', "输入 90、85、80、95、75 时为 85.25"]],
  },
  EXPLAIN: {
    en: [['={ns}.EXPLAIN("spend-5", B2)', "why the row gets its grade, e.g. VIP: Annual spend 600,000 > 500,000"]],
    "zh-CN": [['={ns}.EXPLAIN("spend-5", B2)', "该行得到此等级的原因，按 Excel 的显示语言给出"]],
  },
  PERCENTILE_TIER: {
    en: [
      ["={ns}.PERCENTILE_TIER(D2:D1000)", "1, 2 or 3 for each value: top 20%, middle 60%, bottom 20%"],
      [
        '={ns}.PERCENTILE_TIER(D2:D1000, {0.1,0.5}, {"A","B","C"}, B2:B1000)',
        "A for the top 10%, B down to 50%, C for the rest, within each group of column B",
      ],
      ["={ns}.PERCENTILE_TIER(D2, D$2:D$1000)", "one value's tier within a population"],
    ],
    "zh-CN": [
      ["={ns}.PERCENTILE_TIER(D2:D1000)", "每个值的档位 1、2 或 3：前 20%、中间 60%、后 20%"],
      [
        '={ns}.PERCENTILE_TIER(D2:D1000, {0.1,0.5}, {"A","B","C"}, B2:B1000)',
        "在 B 列的每个分组内：前 10% 为 A，至 50% 为 B，其余为 C",
      ],
      ["={ns}.PERCENTILE_TIER(D2, D$2:D$1000)", "单个值在总体中的档位"],
    ],
  },
  TIER: {
    en: [
      [
        '={ns}.TIER(B2, {100000,50000,20000}, {"A","B","C","D"})',
        "A from 100,000, B from 50,000, C from 20,000, else D",
      ],
      ['={ns}.TIER(B2, {30,60,90}, {"fast","normal","slow","late"}, FALSE)', "smaller is better: 30 or less is fast"],
    ],
    "zh-CN": [
      [
        '={ns}.TIER(B2, {100000,50000,20000}, {"A","B","C","D"})',
        "100,000 及以上为 A，50,000 起为 B，20,000 起为 C，否则为 D",
      ],
      ['={ns}.TIER(B2, {30,60,90}, {"快","正常","慢","逾期"}, FALSE)', "越小越好：30 及以下为“快”"],
    ],
  },
};

const WORDS = {
  en: {
    title: "GradeKit functions",
    syntax: "Syntax",
    parameters: "Parameters",
    parameter: "Parameter",
    description: "Description",
    optional: "optional",
    examples: "Examples",
    formula: "Formula",
    result: "Result",
    all: "All GradeKit functions",
    other: "中文",
    support: "Getting started with GradeKit",
    noAddin:
      "People who open the workbook without GradeKit see #NAME? in these cells; share grades as values, or compile a template to plain Excel formulas (gradekit compile).",
    pick: "Choose a language",
  },
  "zh-CN": {
    title: "GradeKit 函数",
    syntax: "语法",
    parameters: "参数",
    parameter: "参数",
    description: "说明",
    optional: "可选",
    examples: "示例",
    formula: "公式",
    result: "结果",
    all: "全部 GradeKit 函数",
    other: "English",
    support: "GradeKit 快速上手",
    noAddin:
      "未安装 GradeKit 的人打开工作簿时，这些单元格显示 #NAME?；请以数值共享等级，或把模板编译为普通 Excel 公式（gradekit compile）。",
    pick: "选择语言",
  },
};

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `body{font-family:"Segoe UI",system-ui,-apple-system,"Microsoft YaHei","PingFang SC",sans-serif;margin:1.5rem auto;max-width:44rem;padding:0 1rem;line-height:1.5;color:#242424}
code,pre{background:#f3f2f1;border-radius:3px;padding:0 .25rem;font-family:Consolas,"Courier New",monospace}
pre{padding:.5rem;overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{border:1px solid #e1dfdd;padding:.3rem .5rem;text-align:left;vertical-align:top}
nav{display:flex;gap:1rem;font-size:.9rem}`;

function page(lang, title, body) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const fileOf = (id) => `${id.toLowerCase()}.html`;

/** `={ns}.NAME(a, [b])` from the metadata's parameters. */
function syntax(ns, f) {
  const params = (f.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${ns}.${f.name}(${params.join(", ")})`;
}

function functionPage(lang, ns, f, examples) {
  const w = WORDS[lang];
  const other = lang === "en" ? "zh-CN" : "en";
  const rows = (f.parameters || [])
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code>${p.optional ? ` (${w.optional})` : ""}</td><td>${esc(p.description || "")}</td></tr>`,
    )
    .join("\n");
  const ex = examples
    .map(
      ([formula, result]) =>
        `<tr><td><code>${esc(formula.split("{ns}").join(ns))}</code></td><td>${esc(result)}</td></tr>`,
    )
    .join("\n");
  return page(
    lang,
    `${ns}.${f.name} · ${w.title}`,
    `<nav><a href="index.html">${w.all}</a><a href="../${other}/${fileOf(f.id)}" lang="${other}">${w.other}</a></nav>
<h1><code>${esc(ns)}.${esc(f.name)}</code></h1>
<p>${esc(f.description || "")}</p>
<h2>${w.syntax}</h2>
<pre>${esc(syntax(ns, f))}</pre>
<h2>${w.parameters}</h2>
<table><thead><tr><th>${w.parameter}</th><th>${w.description}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>${w.examples}</h2>
<table><thead><tr><th>${w.formula}</th><th>${w.result}</th></tr></thead>
<tbody>
${ex}
</tbody></table>
<p>${esc(w.noAddin)}</p>
<p><a href="../../assets/support.html">${w.support}</a></p>`,
  );
}

function indexPage(lang, ns, functions) {
  const w = WORDS[lang];
  const other = lang === "en" ? "zh-CN" : "en";
  const items = functions
    .map(
      (f) =>
        `<li><a href="${fileOf(f.id)}"><code>${esc(ns)}.${esc(f.name)}</code></a> — ${esc(f.description || "")}</li>`,
    )
    .join("\n");
  return page(
    lang,
    w.title,
    `<nav><a href="../${other}/index.html" lang="${other}">${w.other}</a></nav>
<h1>${w.title}</h1>
<ul>
${items}
</ul>
<p><a href="../../assets/support.html">${w.support}</a></p>`,
  );
}

/** help/<file>: picks the reader's language (script), with plain links for both. */
function chooserPage(file, title) {
  return page(
    "en",
    title,
    `<script>
(function () {
  var q = /[?&]lang=([^&#]+)/.exec(location.search);
  var langs = q ? [decodeURIComponent(q[1])] : navigator.languages || [navigator.language || ""];
  var zh = String(langs[0] || "").toLowerCase().indexOf("zh") === 0;
  location.replace((zh ? "zh-CN/" : "en/") + ${JSON.stringify(file)});
})();
</script>
<p>${WORDS.en.pick} · ${WORDS["zh-CN"].pick}: <a href="en/${file}" lang="en">English</a> · <a href="zh-CN/${file}" lang="zh-CN">中文</a></p>`,
  );
}

/** Problems of the source metadata's help URLs (empty when every function names its page). */
function helpUrlProblems(metadata) {
  const problems = [];
  for (const f of metadata.functions || []) {
    const expected = `${DEV_BASE_URL}help/${fileOf(f.id)}`;
    if (f.helpUrl !== expected) {
      problems.push(
        `${f.id}: the JSDoc in src/functions/functions.ts needs "@helpurl ${expected}"` +
          (f.helpUrl ? ` (it has ${f.helpUrl})` : ""),
      );
    }
    for (const lang of LANGS) {
      if (!EXAMPLES[f.id] || !EXAMPLES[f.id][lang] || EXAMPLES[f.id][lang].length === 0) {
        problems.push(`${f.id}: no ${lang} examples in scripts/function-help.js`);
      }
    }
  }
  return problems;
}

/** Every help page: path in dist -> HTML. `metadata` is { en, "zh-CN" } (the generated functions.json files). */
function helpPages(metadata, namespace) {
  const pages = {};
  const en = metadata.en.functions || [];
  pages["help/index.html"] = chooserPage("index.html", WORDS.en.title);
  for (const lang of LANGS) {
    const functions = metadata[lang].functions || [];
    pages[`help/${lang}/index.html`] = indexPage(lang, namespace, functions);
    for (const f of functions)
      pages[`help/${lang}/${fileOf(f.id)}`] = functionPage(lang, namespace, f, EXAMPLES[f.id][lang]);
  }
  for (const f of en) pages[`help/${fileOf(f.id)}`] = chooserPage(fileOf(f.id), `${namespace}.${f.name}`);
  return pages;
}

class FunctionHelpPlugin {
  /**
   * @param {{ baseUrl?: string, namespace?: string, metadata?: string, zhMetadata?: string }} [options]
   *   baseUrl: where dist/ is served (helpUrl values are rewritten to it); namespace: GK or GKDEV.
   */
  constructor(options = {}) {
    this.baseUrl = options.baseUrl || DEV_BASE_URL;
    this.namespace = options.namespace || "GK";
    this.files = { en: options.metadata || "functions.json", "zh-CN": options.zhMetadata || "functions-zh-CN.json" };
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const metadata = {};
        for (const lang of LANGS) {
          const asset = compilation.getAsset(this.files[lang]);
          if (!asset) {
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN}: ${this.files[lang]} was not generated`));
            }
            return;
          }
          metadata[lang] = JSON.parse(asset.source.source().toString());
        }
        const problems = helpUrlProblems(metadata.en);
        for (const p of problems) compilation.errors.push(new WebpackError(`${PLUGIN}: ${p}`));
        if (problems.length) return;
        for (const lang of LANGS) {
          for (const f of metadata[lang].functions || []) f.helpUrl = `${this.baseUrl}help/${fileOf(f.id)}`;
          compilation.updateAsset(this.files[lang], new sources.RawSource(JSON.stringify(metadata[lang], null, 4)));
        }
        for (const [file, html] of Object.entries(helpPages(metadata, this.namespace))) {
          compilation.emitAsset(file, new sources.RawSource(html));
        }
      });
    });
  }
}

module.exports = FunctionHelpPlugin;
module.exports.EXAMPLES = EXAMPLES;
module.exports.helpPages = helpPages;
module.exports.helpUrlProblems = helpUrlProblems;
