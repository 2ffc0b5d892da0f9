#!/usr/bin/env node
/**
 * Writes src/host/enums.ts: the `Excel.*` enums the in-memory host exposes, copied from the
 * `declare namespace Excel` block of node_modules/@types/office-js/index.d.ts, so their string
 * values are exactly the ones Office.js uses at runtime.
 *
 *   node scripts/make-host-enums.js          # rewrite src/host/enums.ts
 *   node scripts/make-host-enums.js --check  # exit 1 if the file differs from what would be written
 *
 * To expose another enum, add its name to ENUMS below and run the script.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const TYPES = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");
const OUT = path.join(ROOT, "src", "host", "enums.ts");

/** The enums the host needs, in the order they are written. */
const ENUMS = [
  "ConditionalFormatType",
  "ConditionalCellValueOperator",
  "ConditionalTextOperator",
  "ConditionalFormatPresetCriterion",
  "ConditionalTopBottomCriterionType",
  "ConditionalRangeFontUnderlineStyle",
  "ConditionalFormatRuleType",
  "ChartType",
  "ChartSeriesBy",
  "ChartLegendPosition",
  "ChartTitlePosition",
  "DataValidationType",
  "DataValidationOperator",
  "DataValidationAlertStyle",
  "SheetVisibility",
  "ErrorCodes",
  "ClearApplyTo",
  "RangeValueType",
  "HorizontalAlignment",
  "VerticalAlignment",
  "PageOrientation",
  "InsertShiftDirection",
  "DeleteShiftDirection",
  "RangeUnderlineStyle",
  "CalculationMode",
  "CalculationType",
  "NamedItemType",
  "NamedItemScope",
  "WorksheetPositionType",
  "KeyboardDirection",
  "HeaderFooterState",
  "FillPattern",
  "ReadingOrder",
  "BorderIndex",
  "BorderLineStyle",
  "BorderWeight",
];

/** The top-level enums of `declare namespace Excel { ... }`: name -> [[member, value], ...]. */
function readExcelEnums(source) {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  if (start < 0) throw new Error(`no 'declare namespace Excel' in ${TYPES}`);
  const enums = new Map();
  let current = null;
  for (let i = start + 1; i < lines.length && lines[i] !== "}"; i++) {
    const line = lines[i];
    const open = /^ {4}enum (\w+) \{$/.exec(line);
    if (open) {
      current = [];
      if (!enums.has(open[1])) enums.set(open[1], current);
      continue;
    }
    if (!current) continue;
    if (line === "    }") {
      current = null;
      continue;
    }
    const member = /^ {8}(\w+) = "([^"]*)",?$/.exec(line);
    if (member) current.push([member[1], member[2]]);
  }
  return enums;
}

function render(enums) {
  const out = [
    "/* eslint-disable */",
    "// Generated from @types/office-js (Excel namespace) by scripts/make-host-enums.js; string values are exactly the",
    "// ones Office.js uses at runtime. Do not hand-edit: add the enum to the script and run it again.",
    "",
  ];
  for (const name of ENUMS) {
    const members = enums.get(name);
    if (!members || members.length === 0) throw new Error(`enum Excel.${name} not found in ${TYPES}`);
    out.push(`export const ${name} = {`);
    for (const [key, value] of members) out.push(`  ${key}: ${JSON.stringify(value)},`);
    out.push("} as const;", "");
  }
  out.push("export const ALL_ENUMS = {");
  for (const name of ENUMS) out.push(`  ${name},`);
  out.push("};", "");
  return out.join("\n");
}

const text = render(readExcelEnums(fs.readFileSync(TYPES, "utf8")));
if (process.argv.includes("--check")) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
  if (current !== text) {
    console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/make-host-enums.js`);
    process.exit(1);
  }
  console.log(`${path.relative(ROOT, OUT)} is up to date`);
} else {
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${ENUMS.length} enums)`);
}
