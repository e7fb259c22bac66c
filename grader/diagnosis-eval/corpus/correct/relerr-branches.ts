// Replaces: 08-gradient-check relativeError
// TA: correct: explicit branches.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function relativeError(a: number, n: number): number {
  if (a === 0 && n === 0) return 0;
  const big = Math.abs(a) > Math.abs(n) ? Math.abs(a) : Math.abs(n);
  return Math.abs(a - n) / big;
}
