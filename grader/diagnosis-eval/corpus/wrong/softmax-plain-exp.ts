// Replaces: 03-activations softmax
// TA: exponentiates z directly, so it overflows to NaN at 1000.
// Names: softmax-naive
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function softmax(z: Vector): Vector {
  let total = 0;
  const e = z.map((v) => {
    const x = Math.exp(v);
    total += x;
    return x;
  });
  return e.map((v) => v / total);
}
