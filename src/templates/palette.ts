/**
 * Grade fill colours: light fills that keep black text readable, ordered best -> worst
 * (green, blue, amber, orange, red, grey).
 */
export const PALETTE = Object.freeze({
  green: "#B7E1CD",
  teal: "#A8DADC",
  blue: "#C9DAF8",
  purple: "#D9D2E9",
  amber: "#FCE8B2",
  orange: "#F9CB9C",
  red: "#F4C7C3",
  grey: "#D9D9D9",
  gold: "#FFE599",
  silver: "#E8EAED",
  diamond: "#CFE2F3",
});

/** Colours for n ordered grades, best first. */
export function ramp(n: number): string[] {
  const steps = [PALETTE.green, PALETTE.teal, PALETTE.blue, PALETTE.purple, PALETTE.amber, PALETTE.orange, PALETTE.red, PALETTE.grey];
  if (n <= 4) return [PALETTE.green, PALETTE.blue, PALETTE.amber, PALETTE.red].slice(0, n);
  if (n === 5) return [PALETTE.green, PALETTE.blue, PALETTE.amber, PALETTE.orange, PALETTE.red];
  return steps.slice(0, n);
}
