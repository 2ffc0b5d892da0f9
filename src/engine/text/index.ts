/** Text and errors: one formatter, one bilingual error type, the languages. */
export { fill, fillBoth, pick, catalogue, joinParts, type Args, type Bilingual, type Catalogue } from "./format";
export { LANGS, toLang, type Lang } from "./lang";
export { GradeKitError, isGradeKitError, type ErrorClass } from "./error";
