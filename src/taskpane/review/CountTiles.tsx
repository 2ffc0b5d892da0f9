/** A row of labelled counts (customers per change, retailers per result) as tiles that wrap at 320 px. */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { fmt } from "../../engine";
import { useI18n, type MessageKey } from "../i18n";

const useStyles = makeStyles({
  counts: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
    gap: "6px",
  },
  count: {
    display: "flex",
    flexDirection: "column",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
});

/** `label` names the list; each item shows its label's text above its number. */
export function CountTiles({ label, counts }: { label: string; counts: readonly (readonly [MessageKey, number])[] }): React.JSX.Element {
  const s = useStyles();
  const { t } = useI18n();
  return (
    <ul className={s.counts} aria-label={label}>
      {counts.map(([key, n]) => (
        <li key={key} className={s.count}>
          <Text size={200}>{t(key)}</Text>
          <span className={s.number}>{fmt(n)}</span>
        </li>
      ))}
    </ul>
  );
}
