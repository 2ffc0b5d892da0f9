/**
 * The playground page's own strings, each in English and Chinese, looked up with the engine's
 * `catalogue` like every other layer's (the task pane has its own catalogues in src/taskpane/i18n).
 */
import { catalogue, type Args, type Catalogue, type Lang } from "../engine";

const PLAYGROUND_MESSAGES = {
  title: { en: "GradeKit playground", zh: "GradeKit 演示环境" },
  subtitle: { en: "The real task pane next to an in-browser workbook: no Excel needed.", zh: "真实的任务窗格 + 浏览器内的工作簿：无需 Excel。" },
  workbook: { en: "Workbook", zh: "工作簿" },
  sheets: { en: "Sheets", zh: "工作表" },
  grid: { en: "Worksheet {sheet}", zh: "工作表 {sheet}" },
  nameBox: { en: "Name box", zh: "名称框" },
  formulaBar: { en: "Formula bar", zh: "编辑栏" },
  formulaHint: {
    en: "Type a value or a formula, e.g. =GK.GRADE(\"sales-pipeline\", B2:C2), then Enter",
    zh: "输入值或公式，例如 =GK.GRADE(\"sales-pipeline\", B2:C2)，然后按 Enter",
  },
  spillOf: { en: "Spilled from {address}: {formula}", zh: "由 {address} 溢出：{formula}" },
  refused: { en: "There's a problem with this formula: {message}", zh: "此公式有问题：{message}" },
  taskpane: { en: "GradeKit task pane", zh: "GradeKit 任务窗格" },
  paneWidth: { en: "Task pane width", zh: "任务窗格宽度" },
  paneWidthPx: { en: "{px} px", zh: "{px} 像素" },
  loading: { en: "Loading the sample workbooks…", zh: "正在加载示例工作簿…" },
  hint: {
    en: "Select a table (drag, Shift+click or Shift+arrows), pick a template in the task pane and apply.",
    zh: "选择一个表格（拖动、Shift+单击或 Shift+方向键），在任务窗格中选择模板并应用。",
  },
} as const satisfies Catalogue;

export type PlaygroundKey = keyof typeof PLAYGROUND_MESSAGES;

const say = catalogue(PLAYGROUND_MESSAGES);

/** A playground string in a language, `{name}` placeholders filled. */
export function pt(lang: Lang, key: PlaygroundKey, args: Args = {}): string {
  return say(key, lang, args);
}
