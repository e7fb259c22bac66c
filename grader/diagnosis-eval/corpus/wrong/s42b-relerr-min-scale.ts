// Replaces: 08-gradient-check relativeError
// TA: divides |a − n| by min(|a|, |n|) instead of max(|a|, |n|), so the error is too large whenever the two sizes differ, and ∞ when exactly one of them is 0.
// Names: relerr-no-max
export function relativeError(a: number, n: number): number {
  if (a === 0 && n === 0) return 0;
  return Math.abs(a - n) / Math.min(Math.abs(a), Math.abs(n));
}
