/** The sample CSVs, inlined by webpack at build time (asset/source): see samples.ts. Browser bundle only. */
import mfq from "../../samples/mfq-102a.csv";
import pharma from "../../samples/pharma-score.csv";
import pipeline from "../../samples/sales-pipeline.csv";
import tobacco from "../../samples/tobacco-retail-code.csv";
import bankCredit from "../../samples/bank-credit-5.csv";
import defeat from "../../samples/defeat-3.csv";
import rfm from "../../samples/rfm-8.csv";
import valueShare from "../../samples/value-share-3.csv";
import type { SampleCsvs } from "./samples";

export const SAMPLE_CSVS: SampleCsvs = {
  "sales-pipeline": pipeline,
  "mfq-102a": mfq,
  "pharma-score": pharma,
  "tobacco-retail-code": tobacco,
  "bank-credit-5": bankCredit,
  "value-share-3": valueShare,
  "rfm-8": rfm,
  "defeat-3": defeat,
};
