import type { Vector } from "../types";

function shifted(x: Vector, i: number, by: number): Vector {
  return [...x.slice(0, i), x[i] + by, ...x.slice(i + 1)];
}

function partials(f: (x: Vector) => number, x: Vector, h: number, i: number): Vector {
  if (i === x.length) return [];
  const slope = (f(shifted(x, i, h)) - f(shifted(x, i, -h))) / (2 * h);
  return [slope, ...partials(f, x, h, i + 1)];
}

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  return partials(f, x, h, 0);
}

export function relativeError(a: number, n: number): number {
  const top = Math.abs(a - n);
  const bottom = Math.max(Math.abs(a), Math.abs(n));
  return bottom === 0 ? 0 : top / bottom;
}
