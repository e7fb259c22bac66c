/** |a − n| / |a|: scaled by the analytic value only, not by max(|a|, |n|); guarded at 0/0 only. */
export function relativeError(a: number, n: number): number {
  if (a === 0 && n === 0) return 0;
  return Math.abs(a - n) / Math.abs(a);
}
