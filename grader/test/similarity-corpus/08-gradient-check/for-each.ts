import type { Vector } from "../types";

type Objective = (x: Vector) => number;

function centralDifference(f: Objective, point: Vector, index: number, step: number): number {
  const hi = point.map((v, k) => (k === index ? v + step : v));
  const lo = point.map((v, k) => (k === index ? v - step : v));
  return (f(hi) - f(lo)) / (2 * step);
}

export function numericalGradient(f: Objective, x: Vector, h = 1e-5): Vector {
  const gradient: Vector = [];
  x.forEach((_, index) => gradient.push(centralDifference(f, x, index, h)));
  return gradient;
}

export function relativeError(a: number, n: number): number {
  const magnitude = Math.max(Math.abs(a), Math.abs(n));
  return magnitude === 0 ? 0 : Math.abs(a - n) / magnitude;
}
