// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: the next layer reads f^[l-1] instead of a^[l-1] (the variable is updated before the activation); gradients and train only pass it on.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const out: ForwardCache = { f: [], a: [] };
  let h = x;
  for (const layer of layers) {
    const z = layer.b.map((bj, j) => layer.W.reduce((s, row, r) => s + row[j] * h[r], bj));
    h = z;
    out.f.push(z);
    out.a.push(z.map((v) => layer.activation.g(v)));
  }
  return out;
}
