// Replaces: 04-forward forward
// TA: the cache's f^[l] is stored before b^[l] is added; a^[l] = g((W^[l])ᵀ a^[l-1] + b^[l]) is right.
// Names: forward-no-bias
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const layer of layers) {
    const wx = layer.b.map((_, j) => prev.reduce((s, p, r) => s + layer.W[r][j] * p, 0));
    f.push(wx);
    const act = wx.map((v, j) => layer.activation.g(v + layer.b[j]));
    a.push(act);
    prev = act;
  }
  return { f, a };
}
