/** tanh′(z) = 1 − tanh(z): the square is missing. */
export function tanhPrime(z: number): number {
  return 1 - Math.tanh(z);
}
