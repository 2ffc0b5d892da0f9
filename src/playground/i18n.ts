/** The playground page's own strings (the task pane has its own catalogues in src/taskpane/i18n). */
import type { Lang } from "../engine";

const en = {
  title: "GradeKit playground",
  subtitle: "The real task pane next to an in-browser workbook: no Excel needed.",
  workbook: "Workbook",
  sheets: "Sheets",
  grid: "Worksheet {sheet}",
  nameBox: "Name box",
  formulaBar: "Formula bar",
  formulaHint: "Type a value or a formula, e.g. =GK.GRADE(\"sales-pipeline\", B2:C2), then Enter",
  spillOf: "Spilled from {address}: {formula}",
  refused: "There's a problem with this formula: {message}",
  taskpane: "GradeKit task pane",
  loading: "Loading the sample workbooks…",
  hint: "Select a table (drag, Shift+click or Shift+arrows), pick a template in the task pane and apply.",
} as const;

export type PlaygroundKey = keyof typeof en;

const zh: Record<PlaygroundKey, string> = {
  title: "GradeKit 演示环境",
  subtitle: "真实的任务窗格 + 浏览器内的工作簿：无需 Excel。",
  workbook: "工作簿",
  sheets: "工作表",
  grid: "工作表 {sheet}",
  nameBox: "名称框",
  formulaBar: "编辑栏",
  formulaHint: "输入值或公式，例如 =GK.GRADE(\"sales-pipeline\", B2:C2)，然后按 Enter",
  spillOf: "由 {address} 溢出：{formula}",
  refused: "此公式有问题：{message}",
  taskpane: "GradeKit 任务窗格",
  loading: "正在加载示例工作簿…",
  hint: "选择一个表格（拖动、Shift+单击或 Shift+方向键），在任务窗格中选择模板并应用。",
};

export function pt(lang: Lang, key: PlaygroundKey, args: Record<string, string> = {}): string {
  const s: string = lang === "zh-CN" ? zh[key] : en[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => args[k] ?? `{${k}}`);
}
