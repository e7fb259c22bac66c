// Replaces: 07-gradient-descent train
// TA: visits the instances in a new random order each epoch ("stochastic" read as shuffled) instead of i = 0 … m−1 in order, so its steps and losses differ from the lecture's run, and from run to run.
// Names: none
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let net = layers;
  const losses: number[] = [];
  const order = xs.map((_, i) => i);
  for (let e = 0; e < options.epochs; e++) {
    // Fisher–Yates shuffle
    for (let i = order.length - 1; i > 0; i--) {
      const k = Math.floor(Math.random() * (i + 1));
      [order[i], order[k]] = [order[k], order[i]];
    }
    for (const i of order) net = sgdStep(net, gradients(net, xs[i], ys[i]), options.eta);
    const total = xs.reduce((s, x, i) => {
      const { a } = forward(net, x);
      return s + loss(a[a.length - 1], ys[i]);
    }, 0);
    losses.push(total / xs.length);
  }
  return { layers: net, losses };
}
