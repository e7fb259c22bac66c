// Replaces: 08-gradient-check numericalGradient
// TA: correct: central differences through a helper that perturbs one coordinate of a copy.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const at = (i: number, d: number) => f(x.map((v, k) => (k === i ? v + d : v)));
  const g: Vector = [];
  for (let i = 0; i < x.length; i++) g.push((at(i, h) - at(i, -h)) / (h + h));
  return g;
}
