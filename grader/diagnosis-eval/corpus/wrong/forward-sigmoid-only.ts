// Replaces: 04-forward forward
// TA: applies the sigmoid in every layer, whatever the layer's activation.
// Names: relation-sigmoid-for-g
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const { W, b } of layers) {
    const z = b.map((bj, j) => prev.reduce((s, p, r) => s + W[r][j] * p, bj));
    f.push(z);
    prev = z.map(sig);
    a.push(prev);
  }
  return { f, a };
}
