/** relu′(z) = 1 for z ≥ 0: the "otherwise" branch at z = 0 is taken as 1. */
export function reluPrime(z: number): number {
  return z >= 0 ? 1 : 0;
}
