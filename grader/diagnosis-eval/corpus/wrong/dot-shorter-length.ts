// Replaces: 01-linear-algebra dot
// TA: sums over the shorter of the two lengths and never throws, so vectors of different lengths are silently cut instead of rejected.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function dot(w: Vector, x: Vector): number {
  const n = Math.min(w.length, x.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] * x[i];
  return sum;
}
