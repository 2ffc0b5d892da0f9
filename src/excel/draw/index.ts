/** The Office.js drawer of the sheet-layout model (`src/engine/sheet`). */
export { drawSheet, replacingSheet, type DrawOptions, type DrawResult } from "./sheet";
