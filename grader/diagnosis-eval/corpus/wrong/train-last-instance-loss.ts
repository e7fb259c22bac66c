// Replaces: 07-gradient-descent train
// TA: losses[e] is the last instance's ε after the epoch, not the mean over the instances.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { gradients, loss } from "../../../../solutions/06-gradients/gradients.ts";
import { sgdStep, type TrainOptions, type TrainResult } from "../../../../solutions/07-gradient-descent/descent.ts";

export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let e = 0; e < options.epochs; e++) {
    let last = 0;
    for (let i = 0; i < xs.length; i++) {
      current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);
    }
    const n = xs.length - 1;
    const out = forward(current, xs[n]).a;
    last = loss(out[out.length - 1], ys[n]);
    losses.push(last);
  }
  return { layers: current, losses };
}
