// Replaces: 07-gradient-descent train
// TA: right: epochs and instances as while loops, the mean loss computed with reduce after each epoch.
// Names: none
import type { Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  const losses: number[] = [];
  let net = layers;
  let epoch = 0;
  while (epoch++ < options.epochs) {
    let i = 0;
    while (i < xs.length) {
      net = sgdStep(net, gradients(net, xs[i], ys[i]), options.eta);
      i++;
    }
    const total = xs.reduce((s, x, k) => {
      const { a } = forward(net, x);
      return s + loss(a[a.length - 1], ys[k]);
    }, 0);
    losses.push(total / xs.length);
  }
  return { layers: net, losses };
}
