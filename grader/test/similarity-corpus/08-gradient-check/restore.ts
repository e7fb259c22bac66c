import type { Vector } from "../types";

// Perturbs a working copy in place and puts each entry back before moving on.
export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const work = x.slice();
  const out = new Array<number>(x.length);
  for (let i = 0; i < work.length; i++) {
    const saved = work[i];
    work[i] = saved + h;
    const fPlus = f(work.slice());
    work[i] = saved - h;
    const fMinus = f(work.slice());
    work[i] = saved;
    out[i] = (fPlus - fMinus) / (h + h);
  }
  return out;
}

export function relativeError(a: number, n: number): number {
  if (a === 0 && n === 0) return 0;
  const diff = a > n ? a - n : n - a;
  return diff / Math.max(a < 0 ? -a : a, n < 0 ? -n : n);
}
