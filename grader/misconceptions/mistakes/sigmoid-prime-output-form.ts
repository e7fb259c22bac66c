/** σ′ written as z(1 − z): the form a(1 − a) that holds for a = σ(z), applied to z itself. */
export function sigmoidPrime(z: number): number {
  return z * (1 - z);
}
