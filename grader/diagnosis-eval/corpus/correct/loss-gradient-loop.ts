// Replaces: 06-gradients lossGradient
// TA: correct: a loop.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  const out = new Array<number>(yHat.length);
  for (let j = 0; j < yHat.length; j++) out[j] = yHat[j] - y[j];
  return out;
}
