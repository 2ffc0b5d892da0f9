/** Task pane messages, English and Chinese: The workbook's template library (saved custom templates). */
import type { Catalogue } from "../../engine";

export const LIBRARY_MESSAGES = {
  "library.title": { en: "Custom templates in this workbook", zh: "本工作簿中的自定义模板" },
  "library.intro": {
    en: "Templates you make or import are saved inside this workbook: whoever opens the file has them, and GK.GRADE finds them by name.",
    zh: "您创建或导入的模板保存在本工作簿中：打开此文件的人都能使用，GK.GRADE 也能按名称找到它们。",
  },
  "library.startFrom": { en: "Start from", zh: "起点" },
  "library.blank": { en: "A blank template", zh: "空白模板" },
  "library.new": { en: "New template", zh: "新建模板" },
  "library.import": { en: "Import a .json file", zh: "导入 .json 文件" },
  "library.importFile": { en: "Template file to import", zh: "要导入的模板文件" },
  "library.importRefused": { en: "“{file}” was not imported:", zh: "未导入“{file}”：" },
  "library.importFailed": { en: "Could not import the file: {message}", zh: "无法导入文件：{message}" },
  "library.loadFailed": { en: "Could not read the templates saved in this workbook: {message}", zh: "无法读取本工作簿中保存的模板：{message}" },
  "library.deleteFailed": { en: "Could not delete the template: {message}", zh: "无法删除模板：{message}" },
  "library.empty": { en: "No custom templates are saved in this workbook yet.", zh: "本工作簿中还没有保存自定义模板。" },
  "library.version": { en: "Version {version}", zh: "版本 {version}" },
  "library.versionNote": { en: "Version {version}: {note}", zh: "版本 {version}：{note}" },
  "library.edit": { en: "Edit", zh: "编辑" },
  "library.editNamed": { en: "Edit {name}", zh: "编辑 {name}" },
  "library.export": { en: "Export .json", zh: "导出 .json" },
  "library.exportNamed": { en: "Export {name} as a .json file", zh: "将 {name} 导出为 .json 文件" },
  "library.delete": { en: "Delete", zh: "删除" },
  "library.deleteNamed": { en: "Delete {name}", zh: "删除 {name}" },
  "library.deleteTitle": { en: "Delete this template?", zh: "删除此模板？" },
  "library.deleteBody": {
    en: "“{name}” will be removed from this workbook. Formulas that use it will show #N/A.",
    zh: "将从本工作簿中移除“{name}”。使用它的公式将显示 #N/A。",
  },
  "library.unreadable": { en: "{count} saved templates could not be read:", zh: "有 {count} 个已保存的模板无法读取：" },
  "library.unreadable.one": { en: "1 saved template could not be read:", zh: "有 1 个已保存的模板无法读取：" },
  "library.unreadableItem": { en: "{id}: {detail}", zh: "{id}：{detail}" },
} as const satisfies Catalogue;
