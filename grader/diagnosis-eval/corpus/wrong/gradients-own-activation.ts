// Replaces: 06-gradients gradients
// TA: dW^[l] uses a^[l] in place of a^[l-1].
// Names: grad-uses-a-l
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { a, f } = forward(layers, x);
  const out = a[a.length - 1];
  const ds = deltas(
    layers,
    { a, f },
    out.map((o, j) => o - y[j]),
  );
  return {
    dW: ds.map((d, l) => a[l].map((ai) => d.map((dj) => ai * dj))),
    db: ds.map((d) => d.slice()),
  };
}
