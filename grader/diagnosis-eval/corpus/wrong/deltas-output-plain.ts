// Replaces: 05-delta deltas
// TA: δ^[L] is taken as dε/dŷ itself, without g′(f^[L]); the recursion is right.
// Names: delta-output-no-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const result: Vector[] = [];
  let upstream = dEdYhat.slice();
  result.push(upstream);
  for (let l = layers.length - 2; l >= 0; l--) {
    const Wn = layers[l + 1].W;
    const down = upstream;
    upstream = cache.f[l].map((z, r) => {
      let acc = 0;
      Wn[r].forEach((w, j) => (acc += w * down[j]));
      return acc * layers[l].activation.gPrime(z);
    });
    result.unshift(upstream);
  }
  return result;
}
