import type { Vector } from "../../../exercises/types.ts";

/** dε/dŷ = y − ŷ: the derivative of ½‖ŷ − y‖² with its sign flipped. */
export function lossGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((yj, j) => y[j] - yj);
}
