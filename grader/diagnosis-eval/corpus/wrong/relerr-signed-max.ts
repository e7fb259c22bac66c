// Replaces: 08-gradient-check relativeError
// TA: divides by max(a, n) without the absolute values, so negative values give a negative (or wrong) scale.
// Names: none
export function relativeError(a: number, n: number): number {
  if (a === 0 && n === 0) return 0;
  return Math.abs(a - n) / Math.max(a, n);
}
