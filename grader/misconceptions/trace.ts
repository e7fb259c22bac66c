/**
 * The layer-by-layer trace of a wrong answer, in the lecture's notation:
 * "δ^[3] ✓ · δ^[2] ✗ (units 1 and 3) · δ^[1] ✗ (follows from δ^[2])".
 * One line, so the terminal, results.json and the feedback page show the same.
 */
import type { View } from "./layers.ts";
import { listWords } from "./notation.ts";
import { differing, isMat, sameShape, type Num } from "./numeric.ts";
import type { Found } from "./relations.ts";
import { SAME } from "./numeric.ts";

export interface Traced {
  view: View;
  /** ok: right; follows: the right step from a wrong value before it; explained: a known relation; wrong: neither. */
  status: "ok" | "follows" | "explained" | "wrong";
  found?: Found;
  received?: Num;
  /** A wrong view that more than one wrong step explains alike: those steps. */
  candidates?: Found[];
}

/** At most this many positions in a trace step; the rest are counted. */
const MAX_POSITIONS = 4;

function positions(t: Traced): string {
  const { expected } = t.view;
  if (!t.received || !sameShape(expected, t.received)) return "shape";
  const at = differing(expected, t.received, SAME);
  const total = isMat(expected) ? expected.length * expected[0].length : expected.length;
  const unit = isMat(expected) ? "entr" : t.view.symbol === "losses" ? "epoch" : "unit";
  if (at.length === 0) return "rounding";
  if (at.length === total && total > 1) return `every ${unit === "entr" ? "entry" : unit}`;
  const cols = isMat(expected) ? expected[0].length : 1;
  const names = at
    .slice(0, MAX_POSITIONS)
    .map((i) => (isMat(expected) ? `(${Math.floor(i / cols) + 1},${(i % cols) + 1})` : String(i + 1)));
  if (at.length > MAX_POSITIONS) names.push(`${at.length - MAX_POSITIONS} more`);
  const word = unit === "entr" ? (at.length === 1 ? "entry" : "entries") : at.length === 1 ? unit : `${unit}s`;
  return `${word} ${listWords(names)}`;
}

export function renderTrace(traced: Traced[]): string {
  return traced
    .map((t) => {
      if (t.status === "ok") return `${t.view.label} ✓`;
      if (t.status === "follows") return `${t.view.label} ✗ (follows from ${traced[t.view.upstream!].view.label})`;
      return `${t.view.label} ✗ (${positions(t)})`;
    })
    .join(" · ");
}
