import { carriedAutodiff } from "./carried-autodiff.ts";

/** σ′ written as z(1 − z): the form a(1 − a) that holds for a = σ(z), applied to z itself. */
export function sigmoidPrime(z: number): number {
  return z * (1 - z);
}

// Carried: exercise 09's Value, whose backward step uses this derivative, for 09's cases (see types.ts).
export const { Value } = carriedAutodiff({ sigmoidPrime });
