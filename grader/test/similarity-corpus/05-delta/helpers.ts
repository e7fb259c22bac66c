import type { ForwardCache, Layer, Vector } from "../types";

function elementwise(u: Vector, v: Vector): Vector {
  return u.map((ui, i) => ui * v[i]);
}

function matTimesVec(M: number[][], v: Vector): Vector {
  const res: Vector = [];
  for (const row of M) {
    let s = 0;
    for (let c = 0; c < row.length; c++) s += row[c] * v[c];
    res.push(s);
  }
  return res;
}

function derivativeAt(layer: Layer, f: Vector): Vector {
  return f.map((z) => layer.activation.gPrime(z));
}

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const top = layers.length - 1;
  const ds: Vector[] = [];
  ds[top] = elementwise(derivativeAt(layers[top], cache.f[top]), dEdYhat);
  for (let l = top - 1; l >= 0; l--) {
    ds[l] = elementwise(derivativeAt(layers[l], cache.f[l]), matTimesVec(layers[l + 1].W, ds[l + 1]));
  }
  return ds;
}
