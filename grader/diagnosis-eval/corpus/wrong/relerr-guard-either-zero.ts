// Replaces: 08-gradient-check relativeError
// TA: returns 0 whenever either value is 0; the guard is only for both being 0 (then 1 is right for one zero).
// Names: relation-zeros
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function relativeError(a: number, n: number): number {
  if (a === 0 || n === 0) return 0;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
}
