import { carriedAutodiff } from "./carried-autodiff.ts";

/** tanh′(z) = 1 − tanh(z): the square is missing. */
export function tanhPrime(z: number): number {
  return 1 - Math.tanh(z);
}

// Carried: exercise 09's Value, whose backward step uses this derivative, for 09's cases (see types.ts).
export const { Value } = carriedAutodiff({ tanhPrime });
