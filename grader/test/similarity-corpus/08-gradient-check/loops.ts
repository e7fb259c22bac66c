import type { Vector } from "../types";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < x.length; i++) {
    const up: Vector = [];
    const down: Vector = [];
    for (let k = 0; k < x.length; k++) {
      up.push(k === i ? x[k] + h : x[k]);
      down.push(k === i ? x[k] - h : x[k]);
    }
    grad.push((f(up) - f(down)) / (2 * h));
  }
  return grad;
}

export function relativeError(a: number, n: number): number {
  const denom = Math.max(Math.abs(a), Math.abs(n));
  if (denom === 0) return 0;
  return Math.abs(a - n) / denom;
}
