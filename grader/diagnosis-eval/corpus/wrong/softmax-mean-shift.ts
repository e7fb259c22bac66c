// Replaces: 03-activations softmax
// TA: shifts by the mean of z, not its max, so exponents can still overflow ([−1000, 0, 1000] gives NaN); "a softmax that overflows, subtract max(z)" is fair.
// Names: softmax-naive
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function softmax(z: Vector): Vector {
  const mean = z.reduce((s, v) => s + v, 0) / z.length;
  const e = z.map((v) => Math.exp(v - mean));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}
