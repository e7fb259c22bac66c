// Replaces: 08-gradient-check relativeError
// TA: divides by max(|a|, |n|) without first returning 0 when both are 0, so relativeError(0, 0) is 0/0 = NaN.
// Names: relerr-no-guard
export function relativeError(a: number, n: number): number {
  const diff = Math.abs(a - n);
  const scale = Math.abs(a) > Math.abs(n) ? Math.abs(a) : Math.abs(n);
  return diff / scale;
}
