// Replaces: 04-forward forward
// TA: layer l applies layer l+1's activation (layers[i + 1].activation, the last layer its own): an off-by-one in the activation's index, so e.g. a tanh layer before a sigmoid one applies σ, and a relu layer before an identity one stores f; f and the weights are right.
// Names: relation-sigmoid-for-g, relation-f-for-a
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (let i = 0; i < layers.length; i++) {
    const { W, b } = layers[i];
    const g = (layers[i + 1] ?? layers[i]).activation.g;
    const z = b.map((bj, j) => input.reduce((s, v, r) => s + W[r][j] * v, bj));
    f.push(z);
    input = z.map((v) => g(v));
    a.push(input);
  }
  return { f, a };
}
