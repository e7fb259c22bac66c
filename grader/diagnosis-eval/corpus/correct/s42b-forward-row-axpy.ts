// Replaces: 04-forward forward
// TA: right: f^[l] starts as a copy of b^[l] and adds a_r times row r of W^[l] for each input unit r (the loops in the other order), which is (W^[l])ᵀ a^[l−1] + b^[l].
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const { W, b, activation } of layers) {
    const z = b.slice();
    for (let r = 0; r < input.length; r++) {
      const ar = input[r];
      const row = W[r];
      for (let j = 0; j < z.length; j++) z[j] += ar * row[j];
    }
    f.push(z);
    input = z.map(activation.g);
    a.push(input);
  }
  return { f, a };
}
