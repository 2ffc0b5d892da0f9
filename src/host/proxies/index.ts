/**
 * Every proxy module. Importing this file registers all proxy classes (runtime/registry.ts), so
 * that any proxy can create any other by its Office type name.
 */
import "./application";
import "./workbook";
import "./worksheet-collection";
import "./worksheet";
import "./range";
import "./range-format";
import "./range-borders";
import "./conditional-format-collection";
import "./conditional-format";
import "./conditional-format-rules";
import "./conditional-range-format";
import "./data-validation";
import "./table-collection";
import "./table";
import "./table-columns";
import "./table-rows";
import "./chart-collection";
import "./chart";
import "./settings";
import "./custom-xml-parts";
import "./named-items";
import "./freeze-panes";
import "./page-layout";
