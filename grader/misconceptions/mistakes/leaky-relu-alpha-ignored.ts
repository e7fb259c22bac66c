/** leakyRelu′ with the slope fixed at 0.01: the α the caller passes is ignored. */
export function leakyReluPrime(z: number, _alpha = 0.01): number {
  return z > 0 ? 1 : 0.01;
}
