// Replaces: 02-perceptron update
// TA: always moves w by ηyx, ignoring ŷ: a correct prediction still moves w, and a wrong one moves it half as far as η(y − ŷ)x = 2ηyx.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  return w.map((wi, i) => wi + eta * y * x[i]);
}
