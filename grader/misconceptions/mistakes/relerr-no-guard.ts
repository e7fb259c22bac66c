/** |a − n| / max(|a|, |n|) without the both-zero guard: relativeError(0, 0) is 0/0 = NaN. */
export function relativeError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
}
