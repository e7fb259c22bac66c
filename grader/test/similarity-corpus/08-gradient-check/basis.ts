import type { Vector } from "../types";

const unit = (n: number, i: number, scale: number): Vector =>
  Array.from({ length: n }, (_, k) => (k === i ? scale : 0));
const add = (u: Vector, v: Vector): Vector => u.map((ui, k) => ui + v[k]);

export function relativeError(a: number, n: number): number {
  const largest = Math.max(...[a, n].map(Math.abs));
  return largest > 0 ? Math.abs(a - n) / largest : 0;
}

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  return x.map((_, i) => (f(add(x, unit(x.length, i, h))) - f(add(x, unit(x.length, i, -h)))) / (2 * h));
}
