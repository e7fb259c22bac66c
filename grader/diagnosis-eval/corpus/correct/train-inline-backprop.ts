// Replaces: 07-gradient-descent train
// TA: correct: its own backprop with gPrime(f) per layer, updating as it goes back (after computing the next δ).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { loss } from "../../../../solutions/06-gradients/gradients.ts";
import type { TrainOptions, TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const net = layers.map((l) => ({ W: l.W.map((r) => [...r]), b: [...l.b], activation: l.activation }));
  const run = (x: Vector) => {
    const fs: Vector[] = [];
    const as: Vector[] = [x];
    for (const l of net) {
      const f = l.b.map((bj, j) => as[as.length - 1].reduce((s, v, r) => s + v * l.W[r][j], bj));
      fs.push(f);
      as.push(f.map(l.activation.g));
    }
    return { fs, as };
  };
  const losses: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    xs.forEach((x, n) => {
      const { fs, as } = run(x);
      let up = as[net.length].map((v, j) => v - ys[n][j]);
      for (let l = net.length - 1; l >= 0; l--) {
        const d = fs[l].map((f, j) => net[l].activation.gPrime(f) * up[j]);
        up = net[l].W.map((row) => row.reduce((s, w, j) => s + w * d[j], 0));
        net[l].W = net[l].W.map((row, r) => row.map((w, j) => w - options.eta * as[l][r] * d[j]));
        net[l].b = net[l].b.map((b, j) => b - options.eta * d[j]);
      }
    });
    losses.push(xs.reduce((s, x, n) => s + loss(run(x).as[net.length], ys[n]), 0) / xs.length);
  }
  return { layers: net, losses };
}
