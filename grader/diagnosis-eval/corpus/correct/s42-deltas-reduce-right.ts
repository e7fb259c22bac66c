// Replaces: 05-delta deltas
// TA: right: reduceRight over the layers carries the back-propagated signal (dε/dŷ at the start, then W^[l+1] δ^[l+1]); each δ^[l] = g′(f^[l]) ∘ signal is computed once.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const out: Vector[] = new Array(layers.length);
  layers.reduceRight<Vector>((signal, layer, i) => {
    const d = cache.f[i].map((z, r) => layer.activation.gPrime(z) * signal[r]);
    out[i] = d;
    // What this layer passes back to the one before it: W δ, row r summed.
    return layer.W.map((row) => row.reduce((s, w, j) => s + w * d[j], 0));
  }, dEdYhat);
  return out;
}
