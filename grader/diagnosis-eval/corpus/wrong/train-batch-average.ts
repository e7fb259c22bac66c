// Replaces: 07-gradient-descent train
// TA: averages the gradients over all instances and takes one step per epoch (full-batch descent), not one sgdStep per instance; the losses are measured right.
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers;
  const losses: number[] = [];
  const m = xs.length;
  for (let e = 0; e < options.epochs; e++) {
    const sum: Gradients = {
      dW: net.map((l) => l.W.map((row) => row.map(() => 0))),
      db: net.map((l) => l.b.map(() => 0)),
    };
    for (let i = 0; i < m; i++) {
      const g = gradients(net, xs[i], ys[i]);
      g.dW.forEach((M, l) => M.forEach((row, r) => row.forEach((v, j) => (sum.dW[l][r][j] += v / m))));
      g.db.forEach((v, l) => v.forEach((x, j) => (sum.db[l][j] += x / m)));
    }
    net = sgdStep(net, sum, options.eta);
    let total = 0;
    for (let i = 0; i < m; i++) total += loss(forward(net, xs[i]).a[net.length - 1], ys[i]);
    losses.push(total / m);
  }
  return { layers: net, losses };
}
