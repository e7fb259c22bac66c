import type { Vector } from "../../../exercises/types.ts";

/** e^(z_i) / Σ_j e^(z_j) as written, without subtracting max(z): e^1000 is ∞ and ∞/∞ is NaN. */
export function softmax(z: Vector): Vector {
  const exps = z.map((zi) => Math.exp(zi));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}
