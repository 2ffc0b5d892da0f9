/**
 * What is in apply's output area before anything is written, loaded in apply's own read blocks
 * (no sync of its own): the undo snapshot (`snapshot.ts`), the number formats the writer needs
 * (`number-formats.ts`), how many cells are not empty (what a confirmation would replace), the
 * header cells' bold, and the conditional formats already there.
 */
import type { Block } from "../batching";
import { loadExistingRules, type ExistingRules, type RulePlan } from "./grade-rules";
import { TargetFormats } from "./number-formats";
import type { OutputArea } from "./output-columns";
import { captureBlock, loadForSnapshot, type LoadedOutput } from "./snapshot";
import type { CapturedBlock } from "./state";

export class TargetCells {
  /** The undo snapshot: header row first (block start 0), then the data blocks. */
  readonly captured: CapturedBlock[] = [];
  /** Number formats of the data cells, for writing text. */
  readonly formats = new TargetFormats();
  /** Non-empty cells in the whole area. */
  nonEmpty = 0;
  /** Bold of the header cells before apply (null: no header row is written). */
  headerBold: (boolean | null)[] | null = null;
  /** The conditional formats on the output cells (loaded with the first block). */
  existing: ExistingRules | null = null;

  constructor(
    private readonly ws: Excel.Worksheet,
    private readonly area: OutputArea,
    private readonly plan: RulePlan,
  ) {}

  /** Queues the loads of one read block; the returned callback takes them in after the sync. */
  readonly perBlock = (b: Block): (() => void) => {
    const { ws, area } = this;
    const k = area.kinds.length;
    const data = ws.getRangeByIndexes(area.top + b.start, area.targetCol, b.count, k);
    loadForSnapshot(data);
    let head: Excel.Range | null = null;
    let fonts: Excel.RangeFont[] = [];
    if (b.start === 0) {
      if (area.hdr) {
        const h = ws.getRangeByIndexes(area.headerRow, area.targetCol, 1, k);
        loadForSnapshot(h);
        fonts = area.kinds.map((_, j) => {
          const f = h.getCell(0, j).format.font;
          f.load("bold");
          return f;
        });
        head = h;
      }
      // conditional formats already on the output cells: a re-apply must not pile up copies
      this.existing = loadExistingRules(ws, area, this.plan);
    }
    return () => {
      if (head) {
        this.take(0, head as unknown as LoadedOutput);
        this.headerBold = fonts.map((f) => f.bold);
      }
      const loaded = data as unknown as LoadedOutput;
      this.take(area.hdr + b.start, loaded);
      this.formats.add(b.start, loaded.numberFormat);
    };
  };

  private take(start: number, loaded: LoadedOutput): void {
    const c = captureBlock(start, loaded);
    this.captured.push(c.block);
    this.nonEmpty += c.nonEmpty;
  }
}
