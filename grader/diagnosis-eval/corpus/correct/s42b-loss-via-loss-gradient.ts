// Replaces: 06-gradients loss
// TA: right: ε = ½ dᵀd with d = lossGradient(ŷ, y) = ŷ − y, the helper reused for the residual.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { lossGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function loss(yHat: Vector, y: Vector): number {
  const d = lossGradient(yHat, y);
  return 0.5 * d.reduce((s, dj) => s + dj * dj, 0);
}
