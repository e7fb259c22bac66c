// Replaces: 04-forward forward
// TA: computes in Float32Array, so values are right only to about 7 digits.
// Names: relation-low-precision
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = Float32Array.from(x);
  for (const { W, b, activation } of layers) {
    const z = new Float32Array(b.length);
    for (let j = 0; j < b.length; j++) {
      z[j] = b[j];
      for (let r = 0; r < prev.length; r++) z[j] += W[r][j] * prev[r];
    }
    const out = z.map((v) => activation.g(v));
    f.push(Array.from(z));
    a.push(Array.from(out));
    prev = out;
  }
  return { f, a };
}
