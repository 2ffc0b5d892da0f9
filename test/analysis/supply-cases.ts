/**
 * The month-end supply review's table of cases (templates.md "Month-end supply review"), shared by
 * the engine test and the CLI test: retailer r1's months, the parameters, and what the review at
 * the last month must give. Another retailer ("other", 30 A every month) is always reviewed too.
 */
import {
  supplyParams,
  type SupplyMonth,
  type SupplyParams,
  type SupplyRow,
  type SupplyStep,
} from "../../src/engine/analysis";

/** A month cell: "qty law [P] [A] [tN]" (P penalised, A upgrade approved, tN the tier cell), a row object, or null (no row). */
type Cell = string | Partial<SupplyRow> | null;

export function monthsOf(spec: Record<string, Cell[]>): SupplyMonth[] {
  const n = Math.max(...Object.values(spec).map((c) => c.length));
  return Array.from({ length: n }, (_, m) => {
    const rows: SupplyRow[] = [];
    for (const [key, cells] of Object.entries(spec)) {
      const c = cells[m];
      if (c === null || c === undefined) continue;
      if (typeof c !== "string") {
        rows.push({ key, row: rows.length + 2, ...c });
        continue;
      }
      const [qty, law, ...flags] = c.split(" ");
      const tier = flags.find((f) => /^t\d+$/.test(f));
      rows.push({
        key,
        row: rows.length + 2,
        purchaseQty: Number(qty),
        lawGrade: law,
        penalized: flags.includes("P") ? "是" : "",
        upgradeApproved: flags.includes("A") ? "yes" : undefined,
        tier: tier ? Number(tier.slice(1)) : undefined,
      });
    }
    return { name: `M${m + 1}`, rows };
  });
}

export interface Case {
  name: string;
  cells: Cell[];
  params?: Partial<SupplyParams>;
  /** Expected at the last month: old tier, new tier, ceiling, steps (in order). */
  old: number;
  next: number;
  ceiling: number;
  steps: SupplyStep[];
  /** Words each reason must hold (en, zh). */
  en?: string[];
  zh?: string[];
}

export const P = (x: Partial<SupplyParams> = {}): SupplyParams => ({ ...supplyParams({}), ...x });

export const CASES: Case[] = [
  {
    name: "raise by quantity: B or better and >= 90% of upper(4)=110 in each of the last 3 months (99 reaches 99)",
    cells: ["99 B t4", "100 A", "99 B"],
    old: 4,
    next: 5,
    ceiling: 160,
    steps: ["raiseQty"],
    en: ["+1 tier", "90% of tier 4's upper bound (110)", "M1, M2, M3", "tier 4 → 5 (+1)"],
    zh: ["升 1 档", "第6步：4 档 → 5 档（+1）"],
  },
  {
    name: "98.99 misses 99",
    cells: ["99 B t4", "98.99 A", "99 B"],
    old: 4,
    next: 4,
    ceiling: 110,
    steps: ["hold"],
    en: ["no step applied"],
  },
  {
    name: "one C month blocks the raise (and C in month m caps)",
    cells: ["105 B t4", "105 C", "105 B"],
    old: 4,
    next: 4,
    ceiling: 110,
    steps: ["hold"],
  },
  {
    name: "C in month m: raise then cap at 2",
    cells: ["105 B t4", "105 A", "105 C"],
    old: 4,
    next: 2,
    ceiling: 40,
    steps: ["cap"],
    en: ["law grade C in M3: at most tier 2"],
  },
  {
    name: "approved request alone: +1",
    cells: ["80 B t4", "80 A", "80 B A"],
    old: 4,
    next: 5,
    ceiling: 160,
    steps: ["raiseApproved"],
    en: ["upgrade request approved in M3"],
    zh: ["升档申请"],
  },
  {
    name: "quantity and approved request: +2",
    cells: ["100 B t4", "100 A", "100 B A"],
    old: 4,
    next: 6,
    ceiling: 220,
    steps: ["raiseQty", "raiseApproved"],
    en: ["(+2)"],
  },
  {
    name: "+2 limited to maxRaise 1",
    params: { maxRaise: 1 },
    cells: ["100 B t4", "100 A", "100 B A"],
    old: 4,
    next: 5,
    ceiling: 160,
    steps: ["raiseQty", "raiseApproved", "raiseLimited"],
    en: ["limited to +1 per review"],
  },
  {
    name: "never above 8",
    cells: ["300 A t7", "300 A", "300 A A"],
    old: 7,
    next: 8,
    ceiling: 400,
    steps: ["raiseQty", "raiseApproved", "raiseTop"],
    en: ["stops at tier 8"],
  },
  {
    name: "lower by the 3-month mean: 50, 60, 100 < 110 → mean 70 → tier 4",
    cells: ["50 A t5", "60 B", "100 A"],
    old: 5,
    next: 4,
    ceiling: 110,
    steps: ["lower"],
    en: ["lowered to tier 4", "mean 70"],
  },
  {
    name: "lowering skips the approved request",
    cells: ["10 A t5", "20 A", "30 A A"],
    old: 5,
    next: 2,
    ceiling: 40,
    steps: ["lower"],
  },
  {
    name: "no lowering when one month is C",
    cells: ["10 A t5", "20 C", "30 A"],
    old: 5,
    next: 5,
    ceiling: 160,
    steps: ["hold"],
  },
  {
    name: "D in month m blocks the lowering; cap to 1",
    cells: ["50 A t5", "60 A", "100 D"],
    old: 5,
    next: 1,
    ceiling: 20,
    steps: ["cap"],
  },
  {
    name: "lowering then cap: law A,A,A then month m C after a lower (C blocks the lower, cap only)",
    cells: ["100 A t6", "100 A", "100 C"],
    old: 6,
    next: 2,
    ceiling: 40,
    steps: ["cap"],
  },
  {
    name: "penalty cancels both raises and lowers one tier",
    cells: ["100 B t4", "100 A", "100 B A P"],
    old: 4,
    next: 3,
    ceiling: 70,
    steps: ["raiseCancelled", "penalty"],
    en: ["penalised in M3"],
    zh: ["行政处罚"],
  },
  {
    name: "penalty never below 1",
    cells: ["10 B t1", "10 A", "10 B P"],
    old: 1,
    next: 1,
    ceiling: 20,
    steps: ["penalty"],
  },
  {
    name: "penalty after a lowering (mean 20 → tier 2, then 1)",
    cells: ["10 A t5", "20 A", "30 A P"],
    old: 5,
    next: 1,
    ceiling: 20,
    steps: ["lower", "penalty"],
  },
  {
    name: "penalty then cap by D",
    cells: ["80 A t5", "80 A", "80 D P"],
    old: 5,
    next: 1,
    ceiling: 20,
    steps: ["penalty", "cap"],
  },
  {
    name: "penaltyTiers 2",
    params: { penaltyTiers: 2 },
    cells: ["80 B t4", "80 A", "80 B P"],
    old: 4,
    next: 2,
    ceiling: 40,
    steps: ["penalty"],
  },
  {
    name: "cap by D",
    cells: ["80 B t4", "80 A", "80 D"],
    old: 4,
    next: 1,
    ceiling: 20,
    steps: ["cap"],
    en: ["law grade D"],
  },
  {
    name: "fewer than 3 months: keeps newTier even when graded D",
    cells: ["500 D", "500 D"],
    old: 2,
    next: 2,
    ceiling: 40,
    steps: ["new"],
    en: ["2 month(s) of history"],
    zh: ["不足 3 个月"],
  },
  {
    name: "fewer than 3 months with a tier cell keeps it",
    cells: ["500 A", "500 A t6"],
    old: 6,
    next: 6,
    ceiling: 220,
    steps: ["new"],
  },
  {
    name: "a missing month among the last 3 blocks both +1s",
    cells: ["100 B t4", "100 A", null, "100 B", "100 B A"],
    old: 4,
    next: 4,
    ceiling: 110,
    steps: ["raiseBlocked"],
    en: ["no row for M3"],
  },
  {
    name: "month m missing: tier kept, no cap",
    cells: ["100 B t4", "100 A", "100 B", null],
    old: 5,
    next: 5,
    ceiling: 160,
    steps: ["missing"],
    en: ["no row for M4"],
  },
  {
    name: "first evaluated at its third month with a row",
    cells: ["100 B t4", null, "100 B", "100 A"],
    old: 4,
    next: 4,
    ceiling: 110,
    steps: ["raiseBlocked"],
    en: ["no row for M2"],
  },
  {
    name: "next month a holiday month: ceiling × 1.3",
    params: { holidays: [4] },
    cells: ["99 B t4", "100 A", "99 B"],
    old: 4,
    next: 5,
    ceiling: 208,
    steps: ["raiseQty", "holiday"],
    en: ["holiday month"],
    zh: ["节日月"],
  },
  {
    name: "holiday share 0.2",
    params: { holidays: [4], holidayShare: 0.2 },
    cells: ["80 B t4", "80 A", "80 B"],
    old: 4,
    next: 4,
    ceiling: 132,
    steps: ["hold", "holiday"],
  },
  {
    name: "T carried from the previous review (M3 raised to 5, M4 raises again)",
    cells: ["100 B t4", "100 A", "100 B", "150 A"],
    old: 5,
    next: 5,
    ceiling: 160,
    steps: ["hold"],
  },
  {
    name: "T carried: 150 raises 5 → 6 at M3, then 150 < lower(6)=160 in M2–M4 lowers back to 5 at M4",
    cells: ["150 B t5", "150 A", "150 B", "150 A"],
    old: 6,
    next: 5,
    ceiling: 160,
    steps: ["lower"],
  },
  {
    name: "month m's tier cell wins over the previous result",
    cells: ["100 B t4", "100 A", "100 B", "100 A t3"],
    old: 3,
    next: 4,
    ceiling: 110,
    steps: ["raiseQty"],
  },
];
