import type { Vector } from "../types";

function* perturbations(x: Vector, h: number): Generator<[Vector, Vector]> {
  for (let i = 0; i < x.length; i++) {
    const plus = x.map((xi, k) => xi + (k === i ? h : 0));
    const minus = x.map((xi, k) => xi - (k === i ? h : 0));
    yield [plus, minus];
  }
}

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const slopes: Vector = [];
  for (const [plus, minus] of perturbations(x, h)) slopes.push((f(plus) - f(minus)) / (2 * h));
  return slopes;
}

export function relativeError(a: number, n: number): number {
  const denominator = Math.max(Math.abs(a), Math.abs(n));
  return denominator ? Math.abs(a - n) / denominator : 0;
}
