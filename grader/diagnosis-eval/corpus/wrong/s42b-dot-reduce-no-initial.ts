// Replaces: 01-linear-algebra dot
// TA: calls reduce without an initial value, so the running sum starts at w_1 itself instead of 0 (the first term is w_1, not w_1 x_1), and two empty vectors throw instead of giving 0.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) {
    throw new Error(`dot: shapes do not match: vector of length ${w.length} and vector of length ${x.length}`);
  }
  return w.reduce((sum, wi, i) => sum + wi * x[i]);
}
