// Replaces: 01-linear-algebra dot
// TA: right: checks the lengths first, naming both, then sums the products with reduce.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`dot needs equal lengths, got ${w.length} and ${x.length}`);
  return w.reduce((sum, wi, i) => sum + wi * x[i], 0);
}
