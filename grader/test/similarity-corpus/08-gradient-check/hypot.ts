import type { Vector } from "../types";

export function relativeError(a: number, n: number): number {
  const absA = Math.abs(a);
  const absN = Math.abs(n);
  const scale = absA >= absN ? absA : absN;
  if (!scale) return 0;
  return Math.abs(n - a) / scale;
}

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const n = x.length;
  const g = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const probe = Float64Array.from(x);
    probe[j] = x[j] + h;
    const right = f(Array.from(probe));
    probe[j] = x[j] - h;
    const left = f(Array.from(probe));
    g[j] = (right - left) / (2 * h);
  }
  return Array.from(g);
}
