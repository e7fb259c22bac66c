import { carriedPerceptron } from "./carried-perceptron.ts";

/** sgn(z) = +1 for z ≥ 0: the boundary wᵀx = 0 is counted as positive. */
export function sgn(z: number): 1 | -1 {
  return z >= 0 ? 1 : -1;
}

// Carried: pla on this sgn, for its own cases (see types.ts). Not predict: its one ±1 on a case is too little to tell
// this mistake from any other that flips the sign of wᵀx there (a dot product that divides, or starts at 1).
export const { pla } = carriedPerceptron({ sgn });
