/** @jest-environment jsdom */
/** A selection that holds only a header row: no green tick, a sentence saying there are no data rows. */
import { screen, waitFor } from "@testing-library/react";
import { SHEET, chooseTemplate, renderApp, seedHost } from "./harness";

test("a header-only selection says it has no data rows (no success tick)", async () => {
  const h = renderApp({ host: seedHost({ selection: { sheet: SHEET, address: "A1" } }, [["Customer", "年消费额"]]) });
  await chooseTemplate(h, /^Use Annual spend tiers/);
  await waitFor(() => expect(screen.getAllByText("The selection has a header but no data rows below it.").length).toBeGreaterThan(0));
  expect(screen.queryByText(/^All 0 rows read\.$/)).toBeNull();
});

test("a mapped column that is blank in every row is a warning, not a success", async () => {
  const h = renderApp({ host: seedHost({ selection: { sheet: SHEET, address: "A1" } }, [["Customer", "年消费额"], ["Acme", ""], ["Birch", ""]]) });
  await chooseTemplate(h, /^Use Annual spend tiers/);
  await waitFor(() => expect(screen.getAllByText("All 2 rows are blank in this column.").length).toBeGreaterThan(0));
  expect(screen.queryByText(/^All 2 rows read\.$/)).toBeNull();
});
