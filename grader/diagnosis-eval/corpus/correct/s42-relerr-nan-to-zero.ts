// Replaces: 08-gradient-check relativeError
// TA: right: |a − n| / max(|a|, |n|), with the 0/0 = NaN of a = n = 0 turned into 0 by `|| 0`.
// Names: none

export function relativeError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n)) || 0;
}
