import { carriedAutodiff } from "./carried-autodiff.ts";

/** relu′(z) = 1 for z ≥ 0: the "otherwise" branch at z = 0 is taken as 1. */
export function reluPrime(z: number): number {
  return z >= 0 ? 1 : 0;
}

// Carried: exercise 09's Value, whose backward step uses this derivative, for 09's cases (see types.ts).
export const { Value } = carriedAutodiff({ reluPrime });
