// Replaces: 06-gradients loss
// TA: returns ½‖ŷ − y‖, half the norm, without squaring it: ε = ½‖ŷ − y‖².
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function loss(yHat: Vector, y: Vector): number {
  let sum = 0;
  for (let j = 0; j < yHat.length; j++) sum += (yHat[j] - y[j]) ** 2;
  return 0.5 * Math.sqrt(sum);
}
