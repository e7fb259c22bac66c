// Replaces: 05-delta deltas
// TA: right: two small helpers, backProject(W, δ) = W δ (row r dotted with δ) and gate(g, f, v) = g′(f) ∘ v; the output layer is gate(g^[L], f^[L], dε/dŷ) and each hidden layer gate(g^[l], f^[l], backProject(W^[l+1], δ^[l+1])).
// Names: none
import type { Activation, ForwardCache, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

function backProject(W: Matrix, d: Vector): Vector {
  return W.map((row) => row.reduce((s, w, j) => s + w * d[j], 0));
}

function gate(g: Activation, f: Vector, v: Vector): Vector {
  return f.map((z, r) => g.gPrime(z) * v[r]);
}

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = [];
  out[L - 1] = gate(layers[L - 1].activation, cache.f[L - 1], dEdYhat);
  for (let i = L - 2; i >= 0; i--) {
    out[i] = gate(layers[i].activation, cache.f[i], backProject(layers[i + 1].W, out[i + 1]));
  }
  return out;
}
