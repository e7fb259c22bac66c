// Replaces: 04-forward forward
// Seen from: 06-gradients
// TA: forward multiplies W^[l] a^[l−1] by rows (W[j][r]) instead of (W^[l])ᵀ a^[l−1]; gradients itself is right.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const layer of layers) {
    const z: Vector = [];
    for (let j = 0; j < layer.b.length; j++) {
      let s = layer.b[j];
      for (let r = 0; r < prev.length; r++) s += (layer.W[j]?.[r] ?? 0) * prev[r];
      z.push(s);
    }
    f.push(z);
    prev = z.map((v) => layer.activation.g(v));
    a.push(prev);
  }
  return { f, a };
}
