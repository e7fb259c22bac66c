// Replaces: 08-gradient-check numericalGradient
// TA: central difference divided by h instead of 2h: twice the gradient.
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  return x.map((_, i) => {
    const up = x.map((v, k) => (k === i ? v + h : v));
    const down = x.map((v, k) => (k === i ? v - h : v));
    return (f(up) - f(down)) / h;
  });
}
