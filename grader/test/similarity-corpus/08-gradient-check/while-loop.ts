import type { Vector } from "../types";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const result: number[] = [];
  let coord = 0;
  while (coord < x.length) {
    const forwardPoint = Array.from(x);
    const backwardPoint = Array.from(x);
    forwardPoint[coord] = forwardPoint[coord] + h;
    backwardPoint[coord] = backwardPoint[coord] - h;
    const rise = f(forwardPoint) - f(backwardPoint);
    result[coord] = rise / (2 * h);
    coord++;
  }
  return result;
}

export function relativeError(a: number, n: number): number {
  let m = Math.abs(a);
  if (Math.abs(n) > m) m = Math.abs(n);
  if (m === 0) {
    return 0;
  }
  return Math.abs(a - n) / m;
}
