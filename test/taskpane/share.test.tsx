/** @jest-environment jsdom */
/**
 * The task pane's "Prepare to share" screen over the in-memory host (the real adapter): the check
 * (how many GK formulas, where, the cells kept as values and why), the target choice, the
 * conversion, and the header's Undo restoring every GK formula — in English and Chinese.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { ExcelHost } from "../../src/host";
import { FORMULAS, shareWorkbook } from "../excel/share-workbook";
import { isDisabled, renderApp } from "./harness";

function formulasOf(host: ExcelHost): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of host.snapshot().sheets) for (const [a, f] of Object.entries(s.formulas)) out[`${s.name}!${a}`] = f;
  return out;
}

test("check, convert, undo (English)", async () => {
  const host = await shareWorkbook();
  const original = formulasOf(host);
  const h = renderApp({ host });
  await h.user.click(screen.getByRole("button", { name: "Share" }));
  const heading = await screen.findByRole("heading", { name: "Prepare to share" });
  expect(document.activeElement).toBe(heading);
  expect(await screen.findByText(`${FORMULAS.length} GK formulas on Data, Team (85 cells): ${FORMULAS.length - 3} become plain formulas, 3 become their current values.`)).toBeTruthy();
  const kept = within(screen.getByRole("list", { name: "Cannot become formulas (the value is kept)" })).getAllByRole("listitem");
  expect(kept.map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^Data!M2 \(=GK\.EXPLAIN\("sales-pipeline",A2:B2\)\) keeps “A: .*”: GK\.EXPLAIN's reasons are written by GradeKit only/),
    'Data!M3 (=GK.GRADE("no-such-template",A3:B3)) keeps “#N/A”: no template “no-such-template” (neither built in nor stored in this workbook)',
    expect.stringMatching(/^Data!M4 .* keeps “B”: the GK function is part of a larger formula$/),
  ]);
  const converted = within(screen.getByRole("list", { name: "Become plain formulas" })).getAllByRole("listitem");
  expect(converted.map((li) => li.textContent)).toEqual([
    "Data!C2:C11: GK.GRADE sales-pipeline",
    "Data!D2:D11 (10 formulas): GK.GRADE sales-pipeline",
    "Data!I2:I11: GK.SCORE weighted-value",
    "Data!J2:J11: GK.GRADE weighted-value",
    "Data!K2:K11: GK.PERCENTILE_TIER",
    "Data!L2:L11 (10 formulas): GK.TIER",
    "Data!N2:N11 (10 formulas): GK.PERCENTILE_TIER",
    "Team!B2:B7: GK.GRADE team-spend",
    "Team!C2:C7 (6 formulas): GK.GRADE team-spend",
  ]);
  expect(await axe(h.view.container)).toHaveNoViolations();

  await h.user.click(screen.getByRole("button", { name: `Replace ${FORMULAS.length} GK formulas` }));
  expect(await screen.findByText(`Replaced ${FORMULAS.length} GK formulas (${FORMULAS.length - 3} with plain formulas, 3 with values). Undo puts them back.`)).toBeTruthy();
  expect(Object.values(formulasOf(host)).filter((f) => /GK\./.test(f))).toEqual([]);
  expect(await screen.findByText("This workbook has no GK formulas: a colleague sees it as you do.")).toBeTruthy();

  const undo = screen.getByRole("button", { name: "Undo last apply" });
  await waitFor(() => expect(isDisabled(undo)).toBe(false));
  await h.user.click(undo);
  await waitFor(() => expect(formulasOf(host)).toEqual(original));
  expect(await screen.findByText(`${FORMULAS.length} GK formulas on Data, Team (85 cells): ${FORMULAS.length - 3} become plain formulas, 3 become their current values.`)).toBeTruthy();
});

test("Excel 365 target, in Chinese", async () => {
  const host = await shareWorkbook();
  const h = renderApp({ host, lang: "zh-CN" });
  await h.user.click(screen.getByRole("button", { name: "共享" }));
  expect(await screen.findByRole("heading", { name: "准备共享" })).toBeTruthy();
  expect(await screen.findByText(`Data、Team 上有 ${FORMULAS.length} 个 GK 公式（85 个单元格）：${FORMULAS.length - 3} 个改为普通公式，3 个改为当前值。`)).toBeTruthy();
  expect(screen.getByText(/^Data!M3（.*）保留“#N\/A”：找不到模板“no-such-template”/)).toBeTruthy();
  await h.user.click(screen.getByRole("radio", { name: "Excel 365 / 2021（公式更短，使用 LET）" }));
  await h.user.click(await screen.findByRole("button", { name: `替换 ${FORMULAS.length} 个 GK 公式` }));
  expect(await screen.findByText(/^已替换 \d+ 个 GK 公式/)).toBeTruthy();
  expect(Object.values(formulasOf(host)).some((f) => /^=LET\(/.test(f))).toBe(true);
});
