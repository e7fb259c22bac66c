// Replaces: 04-forward forward
// TA: fills one reused array for every layer's f and pushes that same array each time, so every f[i] ends up holding the last layer's f^[L]; a is right.
// Names: relation-layer
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  const buf: number[] = [];
  let prev = x;
  for (const { W, b, activation } of layers) {
    buf.length = b.length;
    for (let j = 0; j < b.length; j++) {
      let s = b[j];
      for (let r = 0; r < prev.length; r++) s += W[r][j] * prev[r];
      buf[j] = s;
    }
    f.push(buf);
    const al = buf.map((v) => activation.g(v));
    a.push(al);
    prev = al;
  }
  return { f, a };
}
