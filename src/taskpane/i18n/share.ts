/** Task pane messages, English and Chinese: Prepare to share (GK.* formulas -> portable formulas or values). */
import type { Catalogue } from "../../engine";

export const SHARE_MESSAGES = {
  "share.open": { en: "Share", zh: "共享" },
  "share.back": { en: "← Back", zh: "← 返回" },
  "share.title": { en: "Prepare to share", zh: "准备共享" },
  "share.intro": {
    en: "A colleague without GradeKit sees #NAME? wherever a GK.* formula is. This replaces each one with plain formulas that give the same grades, or with its current value where that cannot be done. Undo puts every GK formula back in one step.",
    zh: "没有安装 GradeKit 的同事在 GK.* 公式处只会看到 #NAME?。此功能把每个 GK 公式替换为能给出相同等级的普通公式；无法替换的，改为其当前值。撤销可一步恢复所有 GK 公式。",
  },
  "share.target": { en: "Formulas for", zh: "公式适用于" },
  "share.target.compat": { en: "Excel 2016 and later, LibreOffice", zh: "Excel 2016 及更高版本、LibreOffice" },
  "share.target.365": { en: "Excel 365 / 2021 (shorter formulas, with LET)", zh: "Excel 365 / 2021（公式更短，使用 LET）" },
  "share.checking": { en: "Looking for GK formulas…", zh: "正在查找 GK 公式…" },
  "share.checkHeading": { en: "What a colleague without GradeKit will see", zh: "没有 GradeKit 的同事将看到的内容" },
  "share.none": { en: "This workbook has no GK formulas: a colleague sees it as you do.", zh: "本工作簿没有 GK 公式，同事看到的与您相同。" },
  "share.found": {
    en: "{count} GK formulas on {sheets} ({cells} cells): {formulas} become plain formulas, {values} become their current values.",
    zh: "{sheets} 上有 {count} 个 GK 公式（{cells} 个单元格）：{formulas} 个改为普通公式，{values} 个改为当前值。",
  },
  "share.found.one": {
    en: "1 GK formula on {sheets} ({cells} cells): {formulas} becomes a plain formula, {values} become current values.",
    zh: "{sheets} 上有 1 个 GK 公式（{cells} 个单元格）：{formulas} 个改为普通公式，{values} 个改为当前值。",
  },
  "share.unreadable": {
    en: "{count} templates stored in this workbook could not be read; formulas using them keep their values.",
    zh: "本工作簿中有 {count} 个模板无法读取；使用它们的公式将保留当前值。",
  },
  "share.valuesHeading": { en: "Cannot become formulas (the value is kept)", zh: "无法改为公式（保留当前值）" },
  "share.formulasHeading": { en: "Become plain formulas", zh: "改为普通公式" },
  "share.valueItem": { en: "{address} ({formula}) keeps “{value}”: {reason}", zh: "{address}（{formula}）保留“{value}”：{reason}" },
  "share.formulaItem": { en: "{area}: {fn} {template}", zh: "{area}：{fn} {template}" },
  "share.formulaRun": { en: "{area} ({count} formulas): {fn} {template}", zh: "{area}（{count} 个公式）：{fn} {template}" },
  "share.more": { en: "… and {count} more", zh: "……另有 {count} 个" },
  "share.convert": { en: "Replace {count} GK formulas", zh: "替换 {count} 个 GK 公式" },
  "share.convert.one": { en: "Replace 1 GK formula", zh: "替换 1 个 GK 公式" },
  "share.converting": { en: "Replacing…", zh: "正在替换…" },
  "share.done": {
    en: "Replaced {count} GK formulas ({formulas} with plain formulas, {values} with values). Undo puts them back.",
    zh: "已替换 {count} 个 GK 公式（{formulas} 个改为普通公式，{values} 个改为值）。撤销可恢复。",
  },
  "share.failed": { en: "Could not prepare the workbook: {message}", zh: "无法准备工作簿：{message}" },
  "share.checkFailed": { en: "Could not read the workbook's formulas: {message}", zh: "无法读取工作簿中的公式：{message}" },
} as const satisfies Catalogue;
