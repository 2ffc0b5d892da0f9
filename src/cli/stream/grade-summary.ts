/** What a grading run did (printed as the summary), and the counting both grading paths share. */
import type { Template } from "../../engine";

/** What a grading run did; printed as the summary. */
export interface GradeSummary {
  template: Template;
  input: string;
  output: string;
  sheet?: string;
  headerRow: number;
  rows: number;
  graded: number;
  errors: number;
  empty: number;
  perGrade: { id: string; label: string; count: number }[];
  /** Rows with errors: file row number (header is row 1) and reason. */
  errorRows: { row: number; reason: string }[];
  /** Field key -> column (1-based) and header text. */
  /** `unit`/`factor`: a unit in the header that scales the column (`年消费额（万元）`: 万元, 10000). */
  columns: { field: string; column: number; header: string; unit?: string; factor?: number }[];
  notes: string[];
  /** CSV input: the encoding read (detected, or `--encoding`) and the field delimiter (sniffed, or `--delimiter`). */
  encoding?: string;
  delimiter?: string;
  /** The as-of date (ISO) when the run read dates, and the fields read from date columns. */
  asOf?: string;
  dateFields?: string[];
}
