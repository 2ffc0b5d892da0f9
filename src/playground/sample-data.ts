/** The sample CSVs, inlined by webpack at build time (asset/source): see samples.ts. Browser bundle only. */
import mfq from "../../samples/mfq-102a.csv";
import pharma from "../../samples/pharma-score.csv";
import pipeline from "../../samples/sales-pipeline.csv";
import tobacco from "../../samples/tobacco-retail-code.csv";
import type { SampleCsvs } from "./samples";

export const SAMPLE_CSVS: SampleCsvs = {
  "sales-pipeline": pipeline,
  "mfq-102a": mfq,
  "pharma-score": pharma,
  "tobacco-retail-code": tobacco,
};
