// Replaces: 08-gradient-check relativeError
// TA: correct: equal values (both zero included) give 0, otherwise |a − n| over the larger magnitude.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function relativeError(a: number, n: number): number {
  if (a === n) return 0;
  const big = Math.abs(a) > Math.abs(n) ? Math.abs(a) : Math.abs(n);
  return Math.abs(a - n) / big;
}
