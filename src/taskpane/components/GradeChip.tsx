/** A grade as a coloured chip (the grade's fill colour, black text so it reads on every fill). */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  chip: {
    display: "inline-block",
    minWidth: "20px",
    padding: "1px 8px",
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: "center",
    color: "#000000",
    border: "1px solid rgba(0, 0, 0, 0.2)",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    maxWidth: "100%",
    verticalAlign: "middle",
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
  },
  empty: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
});

export interface GradeChipProps {
  label: string;
  /** Fill colour `#RRGGBB` of a grade; ignored for error and empty chips. */
  color?: string | null;
  kind?: "grade" | "error" | "empty";
}

export function GradeChip({ label, color, kind = "grade" }: GradeChipProps): React.JSX.Element {
  const s = useStyles();
  const cls = mergeClasses(s.chip, kind === "error" && s.error, kind === "empty" && s.empty);
  const style = kind === "grade" && color ? { backgroundColor: color } : undefined;
  return (
    <span className={cls} style={style} data-grade-color={kind === "grade" ? color ?? undefined : undefined}>
      {label}
    </span>
  );
}
