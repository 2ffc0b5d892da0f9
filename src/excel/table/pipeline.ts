/**
 * Grading the selection: the one route from the workbook to graded rows, used by read, apply,
 * summary and the period review:
 *
 *   locate → detectTable → (no rows?) → check the columns → readColumns → gradeTable
 *
 * Runs inside the caller's `Excel.run`. Syncs: 1 (locate; 2 when redirected) + 1 (probe) + what
 * `prepare` adds + one per read block. Grading is done on demand (`grade()`, once): a caller that
 * stops after reading (a confirmation to ask first, a cancelled read) spends nothing on it, and
 * one that only reads never grades.
 */
import { compileTemplate, gradeTable, headerUnits, unitScale, type CompiledTemplate, type DateReading, type GradeResult, type Template } from "../../engine";
import type { Block } from "../batching";
import type { TableInfo } from "../contract";
import { AdapterError } from "../errors";
import { checkMapping, readColumns, widened } from "./columns";
import { detectTable } from "./detect";
import { locate, type Located } from "./locate";

export interface SelectionRequest {
  template: Template;
  /** The template compiled (compiled from `template` when omitted). */
  compiled?: CompiledTemplate;
  /** The table as `readSelection` returned it; without it, the table around the selection. */
  table?: TableInfo;
  /** Field key -> column within the table: the columns graded. */
  mapping?: Readonly<Record<string, number>>;
  /** More columns to read, by name (for messages), or made from the table found; undefined entries are skipped. */
  extra?: Readonly<Record<string, number | undefined>> | ((table: TableInfo) => Readonly<Record<string, number | undefined>>);
  params?: Record<string, number>;
  /** How dates are read (as-of date, day/month order, columns of dates). */
  dates?: DateReading;
  /** More loads queued into locate's sync. */
  alsoLoad?: () => void;
  /** Another table to use instead of the located one (e.g. the selection is on the summary sheet). */
  redirect?: (loc: Located) => { table: TableInfo; alsoLoad?: () => void } | undefined;
  /** The error for a table without data rows; null: such a table is read as it is. @default AdapterError "noRows" */
  noRows?: (() => Error) | null;
  /** Checks the requested columns against the table. @default every column inside the table (AdapterError "badMapping") */
  checkColumns?: (table: TableInfo) => void;
  /** Columns may lie past the table's last column (read from a widened table). */
  pastEnd?: boolean;
}

/** What the caller adds to each read block (its own loads, in the same sync) and cancellation. */
export interface ReadExtras {
  /** Queues more loads into a block's batch; the returned callback runs after its sync. */
  extraPerBlock?: (b: Block) => () => void;
  /** Estimated JSON bytes per row of those loads (so blocks stay under the payload budget). */
  extraBytesPerRow?: number;
  signal?: AbortSignal;
}

/** What `prepare` returns: a value of its own, and what it adds to the reads. */
export interface Prepared<P> {
  value: P;
  read?: ReadExtras;
}

export interface GradedSelection<P> {
  loc: Located;
  table: TableInfo;
  /** Column (within the table) -> its data values, for the mapped and the extra columns. */
  columns: Map<number, unknown[]>;
  /** False when the read was cancelled (`signal`). */
  completed: boolean;
  /** What `prepare` returned. */
  prepared: P;
  /** The mapped columns graded (computed on the first call). */
  grade(): GradeResult;
}

function defined(extra: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Finds, checks and reads the table, and grades it on demand. `prepare` runs after the checks and
 * before the first read (it may sync): it sees the table and adds its own loads to the read blocks.
 */
export async function gradeSelection<P = undefined>(
  context: Excel.RequestContext,
  request: SelectionRequest,
  prepare?: (table: TableInfo, loc: Located) => Prepared<P> | Promise<Prepared<P>>,
): Promise<GradedSelection<P>> {
  const { template } = request;
  let loc = await locate(context, request.table, request.alsoLoad, template);
  const redirected = request.table ? undefined : request.redirect?.(loc);
  if (redirected) loc = await locate(context, redirected.table, redirected.alsoLoad);
  const { table, bytesPerRow } = await detectTable(context, loc, template);
  const noRows = request.noRows === undefined ? () => new AdapterError("noRows") : request.noRows;
  if (table.rowCount === 0 && noRows) throw noRows();
  const mapping = request.mapping ?? {};
  const extra = defined(typeof request.extra === "function" ? request.extra(table) : (request.extra ?? {}));
  if (request.checkColumns) request.checkColumns(table);
  else {
    checkMapping(table, mapping);
    checkMapping(table, extra);
  }
  const ready = prepare ? await prepare(table, loc) : ({ value: undefined as P } satisfies Prepared<P>);
  const wanted = [...Object.values(mapping), ...Object.values(extra)];
  const source = request.pastEnd ? widened(table, wanted) : table;
  const { columns, completed } = await readColumns(context, source, wanted, bytesPerRow, ready.read);
  let result: GradeResult | undefined;
  const grade = (): GradeResult => {
    if (!result) {
      const byField: Record<string, unknown[]> = {};
      for (const [field, c] of Object.entries(mapping)) byField[field] = columns.get(c)!;
      // A unit in a mapped column's header (`年消费额（万元）`) scales that column, as the task pane shows it.
      const scale = table.hasHeader ? unitScale(headerUnits(template, table.headers, mapping)) : {};
      result = gradeTable(request.compiled ?? compileTemplate(template), { columns: byField, rowCount: table.rowCount, scale, ...request.dates }, { params: request.params });
    }
    return result;
  };
  return { loc, table, columns, completed, prepared: ready.value, grade };
}
