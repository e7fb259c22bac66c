import { carriedPerceptron } from "./carried-perceptron.ts";

/** sgn(z) = +1 for z ≥ 0: the boundary wᵀx = 0 is counted as positive. */
export function sgn(z: number): 1 | -1 {
  return z >= 0 ? 1 : -1;
}

// Carried: predict and pla on this sgn, for their own cases (see types.ts).
export const { predict, pla } = carriedPerceptron({ sgn });
